import { enterpriseListQuery, Permission, schoolListQuery, workerListQuery } from '@yonggong/shared';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnterprisePage } from '../../../api/enterprises.ts';
import { useAgreements, useSchools } from '../../../api/schools.ts';
import { useWorkerPage } from '../../../api/workers.ts';
import { useCan } from '../../../app/use-can.ts';
import { matchOptionLabel } from '../../../components/select-search.ts';
import { useDebouncedValue } from '../../../components/use-debounced-value.ts';

/**
 * Searchable pickers of the records a cooperation form links to — the enterprise of an agreement
 * or class, the school, the student of an internship, the apprentices of a programme. Each searches
 * its list API as the user types (debounced; the server matches names, pinyin initials, the last
 * digits of an ID number) and labels each option with enough to tell two 王浩 apart: the masked ID
 * number and where they come from, or the enterprise's district. A chosen record keeps its label
 * when a later search no longer lists it.
 */

/** A record known before any search (an edited record's current choice). */
export interface KnownRecord {
  readonly id: string;
  readonly label: string;
}

interface PickerProps<V> {
  readonly value?: V;
  readonly onChange?: (value: V) => void;
  readonly known?: readonly KnownRecord[];
  readonly placeholder?: string;
  readonly isDisabled?: boolean;
  readonly id?: string;
  readonly 'data-testid'?: string;
}

/** Labels of everything the picker has listed, so a chosen value keeps its label after the search moves on. */
function useLabelMemory(known: readonly KnownRecord[] | undefined, listed: readonly KnownRecord[]) {
  const [remembered, setRemembered] = useState<ReadonlyMap<string, string>>(
    () => new Map((known ?? []).map((record) => [record.id, record.label])),
  );
  const labels = new Map(remembered);
  for (const record of listed) labels.set(record.id, record.label);
  const remember = (ids: readonly string[]) =>
    setRemembered((previous) => {
      const next = new Map(previous);
      for (const id of ids) {
        const label = labels.get(id);
        if (label !== undefined) next.set(id, label);
      }
      return next;
    });
  return { labels, remember };
}

/** The options: chosen records first (with remembered labels), then the search's results. */
export function buildPickerOptions(
  labels: ReadonlyMap<string, string>,
  listed: readonly KnownRecord[],
  chosen: readonly string[],
): { value: string; label: string }[] {
  const ids = [...new Set([...chosen, ...listed.map((record) => record.id)])];
  return ids.map((id) => ({ value: id, label: labels.get(id) ?? id }));
}

interface EnterpriseChoices {
  readonly isFetching: boolean;
  /** The server filters by the search (the register); else the picker filters the few partners. */
  readonly isServerSearch: boolean;
  readonly listed: readonly KnownRecord[];
}

function useRegisterEnterprises(search: string): EnterpriseChoices {
  const q = useDebouncedValue(search.trim());
  const page = useEnterprisePage(
    enterpriseListQuery.parse({ q: q || undefined, status: 'active', pageSize: 20, sort: 'name' }),
  );
  return {
    isFetching: page.isFetching,
    isServerSearch: true,
    listed: (page.data?.items ?? []).map((enterprise) => ({
      id: enterprise.id,
      label: `${enterprise.name} · ${enterprise.districtName}`,
    })),
  };
}

/**
 * School staff cannot read the enterprise register: they work with the enterprises their school has
 * an agreement with, which the agreement list (scoped to their school) gives.
 */
function usePartnerEnterprises(schoolId: string | undefined): EnterpriseChoices {
  const partners = useAgreements(
    { schoolId: schoolId ?? '', page: 1, pageSize: 100, sort: '-signedOn' },
    Boolean(schoolId),
  );
  const seen = new Map<string, string>();
  for (const agreement of partners.data?.items ?? [])
    seen.set(agreement.enterpriseId, `${agreement.enterpriseName} · ${agreement.enterpriseDistrictName}`);
  return {
    isFetching: partners.isFetching,
    isServerSearch: false,
    listed: [...seen].map(([id, label]) => ({ id, label })),
  };
}

type EnterprisePickerProps = PickerProps<string | undefined> & {
  /** The school whose partners school staff choose from. */
  readonly schoolId?: string | undefined;
};

/**
 * One enterprise: officers search the register (`GET /api/enterprises?q=`); accounts without it
 * (school staff) choose among the partner enterprises of `schoolId`.
 */
export function EnterprisePicker(props: EnterprisePickerProps) {
  return useCan(Permission.EnterpriseRead) ? (
    <RegisterEnterprisePicker {...props} />
  ) : (
    <PartnerEnterprisePicker {...props} />
  );
}

function RegisterEnterprisePicker({ schoolId: _schoolId, ...props }: EnterprisePickerProps) {
  const [search, setSearch] = useState('');
  return (
    <EnterpriseSelect
      {...props}
      search={search}
      setSearch={setSearch}
      choices={useRegisterEnterprises(search)}
    />
  );
}

function PartnerEnterprisePicker({ schoolId, ...props }: EnterprisePickerProps) {
  const [search, setSearch] = useState('');
  return (
    <EnterpriseSelect
      {...props}
      search={search}
      setSearch={setSearch}
      choices={usePartnerEnterprises(schoolId)}
    />
  );
}

function EnterpriseSelect({
  value,
  onChange,
  known,
  placeholder,
  isDisabled,
  search,
  setSearch,
  choices,
  ...rest
}: PickerProps<string | undefined> & {
  readonly search: string;
  readonly setSearch: (search: string) => void;
  readonly choices: EnterpriseChoices;
}) {
  const { t } = useTranslation();
  const { labels, remember } = useLabelMemory(known, choices.listed);
  return (
    <Select
      {...rest}
      allowClear
      disabled={isDisabled}
      showSearch={{
        filterOption: choices.isServerSearch ? false : matchOptionLabel,
        onSearch: setSearch,
        searchValue: search,
      }}
      value={value}
      placeholder={placeholder ?? t('schools.pickers.enterprise')}
      loading={choices.isFetching}
      options={buildPickerOptions(labels, choices.listed, value ? [value] : [])}
      notFoundContent={choices.isFetching ? t('common.loading') : t('schools.pickers.noMatch')}
      onChange={(id?: string) => {
        if (id) remember([id]);
        setSearch('');
        onChange?.(id);
      }}
      style={{ width: '100%' }}
    />
  );
}

/** One school of the register (school staff: their own), searched by name or pinyin. */
export function SchoolPicker({
  value,
  onChange,
  known,
  placeholder,
  isDisabled,
  ...rest
}: PickerProps<string | undefined>) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const page = useSchools(schoolListQuery.parse({ q: q || undefined, pageSize: 20 }));
  const listed = (page.data?.items ?? []).map((school) => ({
    id: school.id,
    label: `${school.name} · ${school.regionName}`,
  }));
  const { labels, remember } = useLabelMemory(known, listed);
  return (
    <Select
      {...rest}
      allowClear
      disabled={isDisabled}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      value={value}
      placeholder={placeholder ?? t('schools.pickers.school')}
      loading={page.isFetching}
      options={buildPickerOptions(labels, listed, value ? [value] : [])}
      notFoundContent={page.isFetching ? t('common.loading') : t('schools.pickers.noMatch')}
      onChange={(id?: string) => {
        if (id) remember([id]);
        setSearch('');
        onChange?.(id);
      }}
      style={{ width: '100%' }}
    />
  );
}

/** The label of a worker option: name · masked ID number · origin (or district). */
export function formatWorkerLabel(worker: {
  readonly name: string;
  readonly idNumberMasked: string;
  readonly originRegionName?: string | null;
  readonly districtName?: string | null;
}): string {
  return [worker.name, worker.idNumberMasked, worker.originRegionName ?? worker.districtName]
    .filter(Boolean)
    .join(' · ');
}

function useWorkerChoices(search: string) {
  const q = useDebouncedValue(search.trim());
  const page = useWorkerPage(workerListQuery.parse({ q: q || undefined, pageSize: 20 }));
  const listed = (page.data?.items ?? []).map((worker) => ({
    id: worker.id,
    label: formatWorkerLabel(worker),
  }));
  return { page, listed };
}

/** One student or jobseeker in the user's scope (`GET /api/workers?q=`). */
export function WorkerPicker({
  value,
  onChange,
  known,
  placeholder,
  isDisabled,
  ...rest
}: PickerProps<string | undefined>) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const { page, listed } = useWorkerChoices(search);
  const { labels, remember } = useLabelMemory(known, listed);
  return (
    <Select
      {...rest}
      allowClear
      disabled={isDisabled}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      value={value}
      placeholder={placeholder ?? t('schools.pickers.worker')}
      loading={page.isFetching}
      options={buildPickerOptions(labels, listed, value ? [value] : [])}
      notFoundContent={page.isFetching ? t('common.loading') : t('schools.pickers.noMatch')}
      onChange={(id?: string) => {
        if (id) remember([id]);
        setSearch('');
        onChange?.(id);
      }}
      style={{ width: '100%' }}
    />
  );
}

/** Several workers in the user's scope (apprentices). */
export function WorkersPicker({
  value,
  onChange,
  known,
  placeholder,
  isDisabled,
  ...rest
}: PickerProps<string[]>) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const { page, listed } = useWorkerChoices(search);
  const { labels, remember } = useLabelMemory(known, listed);
  const chosen = value ?? [];
  return (
    <Select
      {...rest}
      mode="multiple"
      disabled={isDisabled}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      value={chosen}
      placeholder={placeholder ?? t('schools.pickers.workers')}
      loading={page.isFetching}
      options={buildPickerOptions(labels, listed, chosen)}
      notFoundContent={page.isFetching ? t('common.loading') : t('schools.pickers.noMatch')}
      onChange={(ids: string[]) => {
        remember(ids);
        setSearch('');
        onChange?.(ids);
      }}
      style={{ width: '100%' }}
    />
  );
}
