import { CHANNELS, EDUCATION_LEVELS, WORKER_STATUSES, type WorkerListQuery } from '@yonggong/shared';
import { Button, Flex, Input, InputNumber, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCity } from '../../../api/regions.ts';
import { useMe } from '../../../app/auth-context.tsx';
import { OccupationPicker } from '../../../components/OccupationPicker.tsx';
import { RegionCascader } from '../../../components/RegionCascader.tsx';
import { regionPrefixToPath, toRegionPrefix } from '../../../components/region-path.ts';
import { listSelectableDistricts } from '../../enterprises/district-scope.ts';
import { hasActiveWorkerFilters } from '../list-query.ts';

interface WorkerFiltersProps {
  readonly query: WorkerListQuery;
  readonly onChange: (changes: Partial<WorkerListQuery>) => void;
  readonly onClear: () => void;
}

const STATUS_FILTERS = [...WORKER_STATUSES, 'all'] as const;

/** The search box and filters above the worker table; every change goes to the URL. */
export function WorkerFilters({ query, onChange, onClear }: WorkerFiltersProps) {
  const { t } = useTranslation();
  const me = useMe();
  const city = useCity();
  const [search, setSearch] = useState(query.q ?? '');
  const [ageMin, setAgeMin] = useState<number | null>(query.ageMin ?? null);
  const [ageMax, setAgeMax] = useState<number | null>(query.ageMax ?? null);

  // Back/forward or "clear filters" changes the URL: the inputs follow it.
  useEffect(() => setSearch(query.q ?? ''), [query.q]);
  useEffect(() => setAgeMin(query.ageMin ?? null), [query.ageMin]);
  useEffect(() => setAgeMax(query.ageMax ?? null), [query.ageMax]);

  const districts = city.data ? listSelectableDistricts(city.data.districts, me) : [];
  const commitAges = () => onChange({ ageMin: ageMin ?? undefined, ageMax: ageMax ?? undefined });

  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
      <Input.Search
        data-testid="worker-search"
        aria-label={t('worker.searchPlaceholder')}
        placeholder={t('worker.searchPlaceholder')}
        allowClear
        enterButton
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
        style={{ width: 300 }}
      />
      <Select
        data-testid="worker-filter-status"
        aria-label={t('worker.filters.status')}
        value={query.status}
        options={STATUS_FILTERS.map((status) => ({ value: status, label: t(`worker.status.${status}`) }))}
        onChange={(status: WorkerListQuery['status']) => onChange({ status })}
        style={{ width: 120 }}
      />
      <RegionCascader
        data-testid="worker-filter-origin"
        placeholder={t('worker.filters.origin')}
        value={regionPrefixToPath(query.originRegionCode)}
        onChange={(codes) => {
          const code = codes.at(-1);
          onChange({ originRegionCode: code ? toRegionPrefix(code) : undefined });
        }}
      />
      {districts.length > 1 && (
        <Select
          data-testid="worker-filter-district"
          aria-label={t('worker.fields.district')}
          placeholder={t('worker.filters.district')}
          allowClear
          loading={city.isPending}
          value={query.districtCode}
          options={districts.map((district) => ({ value: district.code, label: district.name }))}
          onChange={(districtCode?: string) => onChange({ districtCode })}
          style={{ width: 150 }}
        />
      )}
      <OccupationPicker
        data-testid="worker-filter-occupation"
        aria-label={t('worker.fields.occupations')}
        placeholder={t('worker.filters.occupation')}
        value={query.occupationCode}
        onChange={(occupationCode) => onChange({ occupationCode })}
        style={{ width: 220 }}
      />
      <Select
        data-testid="worker-filter-channel"
        aria-label={t('worker.fields.channel')}
        placeholder={t('worker.filters.channel')}
        allowClear
        value={query.channel}
        options={CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))}
        onChange={(channel?: WorkerListQuery['channel']) => onChange({ channel })}
        popupMatchSelectWidth={false}
        style={{ width: 150 }}
      />
      <Select
        data-testid="worker-filter-education"
        aria-label={t('worker.fields.education')}
        placeholder={t('worker.filters.education')}
        allowClear
        value={query.education}
        options={EDUCATION_LEVELS.map((level) => ({ value: level, label: t(`education.${level}`) }))}
        onChange={(education?: WorkerListQuery['education']) => onChange({ education })}
        popupMatchSelectWidth={false}
        style={{ width: 130 }}
      />
      <Flex gap={4} align="center">
        <InputNumber<number>
          data-testid="worker-filter-age-min"
          aria-label={t('worker.filters.ageMin')}
          placeholder={t('worker.filters.ageMin')}
          min={16}
          max={80}
          precision={0}
          value={ageMin}
          onChange={setAgeMin}
          onBlur={commitAges}
          onPressEnter={commitAges}
          style={{ width: 100 }}
        />
        <span aria-hidden>–</span>
        <InputNumber<number>
          data-testid="worker-filter-age-max"
          aria-label={t('worker.filters.ageMax')}
          placeholder={t('worker.filters.ageMax')}
          min={16}
          max={80}
          precision={0}
          value={ageMax}
          onChange={setAgeMax}
          onBlur={commitAges}
          onPressEnter={commitAges}
          style={{ width: 100 }}
        />
      </Flex>
      <Flex gap={6} align="center">
        <Switch
          id="worker-filter-duplicates"
          data-testid="worker-filter-duplicates"
          checked={query.possibleDuplicate === 'true'}
          onChange={(isChecked) => onChange({ possibleDuplicate: isChecked ? 'true' : undefined })}
        />
        <label htmlFor="worker-filter-duplicates">{t('worker.filters.duplicates')}</label>
      </Flex>
      {hasActiveWorkerFilters(query) && (
        <Button type="link" onClick={onClear}>
          {t('worker.filters.clear')}
        </Button>
      )}
    </Flex>
  );
}
