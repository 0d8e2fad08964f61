import { JOB_ORDER_STATUSES, type JobOrderListQuery, URGENCIES } from '@yonggong/shared';
import { Button, Flex, Input, InputNumber, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCity } from '../../../api/regions.ts';
import { useMe } from '../../../app/auth-context.tsx';
import { OccupationPicker } from '../../../components/OccupationPicker.tsx';
import { listSelectableDistricts } from '../../enterprises/district-scope.ts';
import { hasActiveJobOrderFilters } from '../list-query.ts';
import { EnterpriseSelect } from './EnterpriseSelect.tsx';

interface JobOrderFiltersProps {
  readonly query: JobOrderListQuery;
  readonly onChange: (changes: Partial<JobOrderListQuery>) => void;
  readonly onClear: () => void;
}

const STATUS_FILTERS = ['active', ...JOB_ORDER_STATUSES, 'all'] as const;

/** The search box and filters above the job-order table; every change goes to the URL. */
export function JobOrderFilters({ query, onChange, onClear }: JobOrderFiltersProps) {
  const { t } = useTranslation();
  const me = useMe();
  const city = useCity();
  const [search, setSearch] = useState(query.q ?? '');
  const [wage, setWage] = useState<number | null>(query.wageAtLeast ?? null);

  // Back/forward or "clear filters" changes the URL: the inputs follow it.
  useEffect(() => setSearch(query.q ?? ''), [query.q]);
  useEffect(() => setWage(query.wageAtLeast ?? null), [query.wageAtLeast]);

  const districts = city.data ? listSelectableDistricts(city.data.districts, me) : [];
  // Enterprise HR sees its own orders only: an enterprise filter would offer nothing.
  const isOwnEnterpriseOnly = me.roles.every((role) => role === 'enterprise');
  const commitWage = () => onChange({ wageAtLeast: wage ?? undefined });

  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
      <Input.Search
        data-testid="job-order-search"
        aria-label={t('jobOrder.searchPlaceholder')}
        placeholder={t('jobOrder.searchPlaceholder')}
        allowClear
        enterButton
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
        style={{ width: 260 }}
      />
      {districts.length > 1 && (
        <Select
          data-testid="job-order-filter-district"
          aria-label={t('jobOrder.fields.district')}
          placeholder={t('jobOrder.filters.district')}
          allowClear
          loading={city.isPending}
          value={query.districtCode}
          options={districts.map((district) => ({ value: district.code, label: district.name }))}
          onChange={(districtCode?: string) => onChange({ districtCode })}
          style={{ width: 140 }}
        />
      )}
      <OccupationPicker
        data-testid="job-order-filter-occupation"
        aria-label={t('jobOrder.fields.occupation')}
        placeholder={t('jobOrder.filters.occupation')}
        value={query.occupationCode}
        onChange={(occupationCode) => onChange({ occupationCode })}
        style={{ width: 220 }}
      />
      {!isOwnEnterpriseOnly && (
        <EnterpriseSelect
          data-testid="job-order-filter-enterprise"
          aria-label={t('jobOrder.fields.enterprise')}
          placeholder={t('jobOrder.filters.enterprise')}
          allowClear
          value={query.enterpriseId}
          onChange={(enterpriseId) => onChange({ enterpriseId })}
          style={{ width: 220 }}
        />
      )}
      <Select
        data-testid="job-order-filter-urgency"
        aria-label={t('jobOrder.fields.urgency')}
        placeholder={t('jobOrder.filters.urgency')}
        allowClear
        value={query.urgency}
        options={URGENCIES.map((urgency) => ({ value: urgency, label: t(`jobOrder.urgency.${urgency}`) }))}
        onChange={(urgency?: JobOrderListQuery['urgency']) => onChange({ urgency })}
        style={{ width: 130 }}
      />
      <Select
        data-testid="job-order-filter-status"
        aria-label={t('jobOrder.filters.status')}
        value={query.status}
        options={STATUS_FILTERS.map((status) => ({ value: status, label: t(`jobOrder.status.${status}`) }))}
        onChange={(status: JobOrderListQuery['status']) => onChange({ status })}
        popupMatchSelectWidth={false}
        style={{ width: 130 }}
      />
      <InputNumber<number>
        data-testid="job-order-filter-wage"
        aria-label={t('jobOrder.filters.wageAtLeast')}
        placeholder={t('jobOrder.filters.wageAtLeast')}
        min={0}
        step={500}
        precision={0}
        value={wage}
        onChange={setWage}
        onBlur={commitWage}
        onPressEnter={commitWage}
        suffix={t('jobOrder.list.yuanPerMonth')}
        style={{ width: 170 }}
      />
      <Flex gap={6} align="center">
        <Switch
          id="job-order-filter-key"
          data-testid="job-order-filter-key"
          checked={query.keyOnly === true}
          onChange={(isChecked) => onChange({ keyOnly: isChecked || undefined })}
        />
        <label htmlFor="job-order-filter-key">{t('jobOrder.filters.keyOnly')}</label>
      </Flex>
      <Flex gap={6} align="center">
        <Switch
          id="job-order-filter-dormitory"
          data-testid="job-order-filter-dormitory"
          checked={query.dormitory === true}
          onChange={(isChecked) => onChange({ dormitory: isChecked || undefined })}
        />
        <label htmlFor="job-order-filter-dormitory">{t('jobOrder.filters.dormitory')}</label>
      </Flex>
      {hasActiveJobOrderFilters(query) && (
        <Button type="link" onClick={onClear}>
          {t('jobOrder.filters.clear')}
        </Button>
      )}
    </Flex>
  );
}
