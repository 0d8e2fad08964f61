import { type EnterpriseListQuery, KEY_LEVELS, Permission } from '@yonggong/shared';
import { Button, Flex, Input, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCity } from '../../../api/regions.ts';
import { useUserDirectory } from '../../../api/users.ts';
import { useMe } from '../../../app/auth-context.tsx';
import { useCan } from '../../../app/use-can.ts';
import { matchOptionLabel } from '../../../components/select-search.ts';
import { useLocale } from '../../../i18n/index.ts';
import { listSelectableDistricts } from '../district-scope.ts';
import { findSectionOfDivision, listDivisionOptions, listSectionOptions } from '../industry-options.ts';
import { hasActiveFilters } from '../list-query.ts';

interface EnterpriseFiltersProps {
  readonly query: EnterpriseListQuery;
  readonly onChange: (changes: Partial<EnterpriseListQuery>) => void;
  readonly onClear: () => void;
}

const KEY_LEVEL_FILTERS = [...KEY_LEVELS, 'key'] as const;
const STATUS_FILTERS = ['active', 'inactive', 'all'] as const;

/** The search box and filters above the enterprise table; every change goes to the URL. */
export function EnterpriseFilters({ query, onChange, onClear }: EnterpriseFiltersProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const city = useCity();
  const canReadDirectory = useCan(Permission.UserDirectoryRead);
  const liaisons = useUserDirectory({ role: 'liaison', districtCode: query.districtCode }, canReadDirectory);
  const [search, setSearch] = useState(query.q ?? '');

  // Back/forward or "clear filters" changes the URL: the box follows it.
  useEffect(() => setSearch(query.q ?? ''), [query.q]);

  const districts = city.data ? listSelectableDistricts(city.data.districts, me) : [];
  const isLiaison = me.roles.includes('liaison');

  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
      <Input.Search
        data-testid="enterprise-search"
        aria-label={t('enterprise.searchPlaceholder')}
        placeholder={t('enterprise.searchPlaceholder')}
        allowClear
        enterButton
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
        style={{ width: 320 }}
      />
      {districts.length > 1 && (
        <Select
          data-testid="enterprise-filter-district"
          aria-label={t('enterprise.fields.district')}
          placeholder={t('enterprise.filters.district')}
          allowClear
          loading={city.isPending}
          value={query.districtCode}
          options={districts.map((district) => ({ value: district.code, label: district.name }))}
          onChange={(districtCode?: string) => onChange({ districtCode, liaisonUserId: undefined })}
          style={{ width: 150 }}
        />
      )}
      <Select
        data-testid="enterprise-filter-section"
        aria-label={t('enterprise.filters.section')}
        placeholder={t('enterprise.filters.section')}
        allowClear
        showSearch={{ filterOption: matchOptionLabel }}
        value={query.industrySection}
        options={listSectionOptions(locale)}
        onChange={(industrySection?: string) => onChange({ industrySection, industryCode: undefined })}
        popupMatchSelectWidth={false}
        style={{ width: 180 }}
      />
      <Select
        data-testid="enterprise-filter-division"
        aria-label={t('enterprise.filters.division')}
        placeholder={t('enterprise.filters.division')}
        allowClear
        showSearch={{ filterOption: matchOptionLabel }}
        value={query.industryCode}
        options={listDivisionOptions(locale, query.industrySection)}
        onChange={(industryCode?: string) =>
          onChange({
            industryCode,
            industrySection: findSectionOfDivision(industryCode) ?? query.industrySection,
          })
        }
        popupMatchSelectWidth={false}
        style={{ width: 200 }}
      />
      <Select
        data-testid="enterprise-filter-key-level"
        aria-label={t('enterprise.fields.keyLevel')}
        placeholder={t('enterprise.filters.keyLevel')}
        allowClear
        value={query.keyLevel}
        options={KEY_LEVEL_FILTERS.map((level) => ({
          value: level,
          label: t(`enterprise.keyLevel.${level}`),
        }))}
        onChange={(keyLevel?: EnterpriseListQuery['keyLevel']) => onChange({ keyLevel })}
        popupMatchSelectWidth={false}
        style={{ width: 150 }}
      />
      {canReadDirectory && (
        <Select
          data-testid="enterprise-filter-liaison"
          aria-label={t('enterprise.fields.liaison')}
          placeholder={t('enterprise.filters.liaison')}
          allowClear
          showSearch={{ filterOption: matchOptionLabel }}
          loading={liaisons.isPending}
          value={query.liaisonUserId}
          options={(liaisons.data ?? []).map((user) => ({ value: user.id, label: user.displayName }))}
          onChange={(liaisonUserId?: string) => onChange({ liaisonUserId })}
          popupMatchSelectWidth={false}
          style={{ width: 150 }}
        />
      )}
      <Select
        data-testid="enterprise-filter-status"
        aria-label={t('enterprise.filters.status')}
        value={query.status}
        options={STATUS_FILTERS.map((status) => ({ value: status, label: t(`enterprise.status.${status}`) }))}
        onChange={(status: EnterpriseListQuery['status']) => onChange({ status })}
        style={{ width: 110 }}
      />
      {isLiaison && (
        <Flex gap={6} align="center">
          <Switch
            id="enterprise-filter-mine"
            data-testid="enterprise-filter-mine"
            checked={query.mine === true}
            onChange={(isChecked) => onChange({ mine: isChecked || undefined })}
          />
          <label htmlFor="enterprise-filter-mine">{t('enterprise.filters.mine')}</label>
        </Flex>
      )}
      {hasActiveFilters(query) && (
        <Button type="link" onClick={onClear}>
          {t('enterprise.filters.clear')}
        </Button>
      )}
    </Flex>
  );
}
