import { Button, Flex, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecommendationFilters } from '../../../api/recommendations.ts';
import { useCity } from '../../../api/regions.ts';
import { useMe } from '../../../app/auth-context.tsx';
import { OccupationPicker } from '../../../components/OccupationPicker.tsx';
import { listSelectableDistricts } from '../../enterprises/district-scope.ts';

interface MatchFiltersProps {
  readonly filters: RecommendationFilters;
  readonly onChange: (changes: Partial<RecommendationFilters>) => void;
  readonly onClear: () => void;
  /** "Key enterprises only" narrows orders: offered on a worker's list. */
  readonly isKeyOnlyShown: boolean;
  /** Prefix of the controls' test ids (`<prefix>-district`, `-occupation`, `-key`). */
  readonly testIdPrefix: string;
}

/** Whether any filter of a recommendation card is set. */
export function hasMatchFilters(filters: RecommendationFilters): boolean {
  return Boolean(filters.districtCode || filters.occupationCode || filters.keyOnly);
}

/**
 * The filters above a recommendation list: district (the city's districts this user may pick, as
 * on the other lists), occupation, and key enterprises only. They narrow what the engine ranks;
 * the hard requirements still apply.
 */
export function MatchFilters({
  filters,
  onChange,
  onClear,
  isKeyOnlyShown,
  testIdPrefix,
}: MatchFiltersProps) {
  const { t } = useTranslation();
  const me = useMe();
  const city = useCity();
  const districts = city.data ? listSelectableDistricts(city.data.districts, me) : [];
  const keyId = `${testIdPrefix}-key`;
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
      {districts.length > 1 && (
        <Select
          data-testid={`${testIdPrefix}-district`}
          aria-label={t('jobOrder.fields.district')}
          placeholder={t('match.filters.district')}
          allowClear
          loading={city.isPending}
          value={filters.districtCode}
          options={districts.map((district) => ({ value: district.code, label: district.name }))}
          onChange={(districtCode?: string) => onChange({ districtCode })}
          style={{ width: 140 }}
        />
      )}
      <OccupationPicker
        data-testid={`${testIdPrefix}-occupation`}
        aria-label={t('jobOrder.fields.occupation')}
        placeholder={t('match.filters.occupation')}
        value={filters.occupationCode}
        onChange={(occupationCode) => onChange({ occupationCode })}
        style={{ width: 220 }}
      />
      {isKeyOnlyShown && (
        <Flex gap={6} align="center">
          <Switch
            id={keyId}
            data-testid={keyId}
            size="small"
            checked={filters.keyOnly === true}
            onChange={(isChecked) => onChange({ keyOnly: isChecked || undefined })}
          />
          <label htmlFor={keyId}>{t('match.filters.keyOnly')}</label>
        </Flex>
      )}
      {hasMatchFilters(filters) && (
        <Button type="link" size="small" onClick={onClear}>
          {t('match.filters.clear')}
        </Button>
      )}
    </Flex>
  );
}
