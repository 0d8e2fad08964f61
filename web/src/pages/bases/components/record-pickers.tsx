import { enterpriseListQuery, jobOrderListQuery, workerListQuery } from '@yonggong/shared';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnterprisePage } from '../../../api/enterprises.ts';
import { useJobOrderPage } from '../../../api/job-orders.ts';
import { useWorkerPage } from '../../../api/workers.ts';
import { useDebouncedValue } from '../../../components/use-debounced-value.ts';

/**
 * Searchable pickers of the records a channel form links to — enterprises attending a 劳务对接,
 * workers who signed up or enrol in training, the job order a programme trains for. Each searches
 * its list API as the user types (debounced; the server matches names, pinyin, the last digits of
 * an ID number) and shows enough to tell two 王建军 apart: the masked ID number and the origin or
 * district. Chosen records keep their labels when a later search no longer lists them.
 */

/** A record already chosen (an event's attendees when editing), shown before any search. */
export interface KnownRecord {
  readonly id: string;
  readonly label: string;
}

interface PickerProps<V> {
  readonly value?: V;
  readonly onChange?: (value: V) => void;
  readonly known?: readonly KnownRecord[];
  readonly placeholder?: string;
  readonly id?: string;
  readonly 'data-testid'?: string;
}

/** Labels of everything the picker has shown, so a chosen value keeps its label after the search moves on. */
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

function buildOptions(
  labels: ReadonlyMap<string, string>,
  listed: readonly KnownRecord[],
  chosen: readonly string[],
) {
  const ids = [...new Set([...chosen, ...listed.map((record) => record.id)])];
  return ids.map((id) => ({ value: id, label: labels.get(id) ?? id }));
}

/** Enterprises (several) the user may see, searched by name, pinyin initials or credit code. */
export function EnterprisesPicker({ value, onChange, known, placeholder, ...rest }: PickerProps<string[]>) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const page = useEnterprisePage(
    enterpriseListQuery.parse({ q: q || undefined, status: 'active', pageSize: 20, sort: 'name' }),
  );
  const listed = (page.data?.items ?? []).map((enterprise) => ({
    id: enterprise.id,
    label: `${enterprise.name} · ${enterprise.districtName}`,
  }));
  const { labels, remember } = useLabelMemory(known, listed);
  const chosen = value ?? [];
  return (
    <Select
      {...rest}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      value={chosen}
      placeholder={placeholder ?? t('channels.pickers.enterprises')}
      loading={page.isFetching}
      options={buildOptions(labels, listed, chosen)}
      notFoundContent={page.isFetching ? t('common.loading') : t('channels.pickers.noMatch')}
      onChange={(ids: string[]) => {
        remember(ids);
        setSearch('');
        onChange?.(ids);
      }}
      style={{ width: '100%' }}
    />
  );
}

function useWorkerOptions(search: string) {
  const q = useDebouncedValue(search.trim());
  const page = useWorkerPage(workerListQuery.parse({ q: q || undefined, pageSize: 20 }));
  const listed = (page.data?.items ?? []).map((worker) => ({
    id: worker.id,
    label: [worker.name, worker.idNumberMasked, worker.originRegionName ?? worker.districtName]
      .filter(Boolean)
      .join(' · '),
  }));
  return { page, listed };
}

/** Workers (several) in the user's scope, searched by name, pinyin or the last 4 digits of ID/phone. */
export function WorkersPicker({ value, onChange, known, placeholder, ...rest }: PickerProps<string[]>) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const { page, listed } = useWorkerOptions(search);
  const { labels, remember } = useLabelMemory(known, listed);
  const chosen = value ?? [];
  return (
    <Select
      {...rest}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      value={chosen}
      placeholder={placeholder ?? t('channels.pickers.workers')}
      loading={page.isFetching}
      options={buildOptions(labels, listed, chosen)}
      notFoundContent={page.isFetching ? t('common.loading') : t('channels.pickers.noMatch')}
      onChange={(ids: string[]) => {
        remember(ids);
        setSearch('');
        onChange?.(ids);
      }}
      style={{ width: '100%' }}
    />
  );
}

/** One worker in the user's scope (training enrolment). */
export function WorkerPicker({
  value,
  onChange,
  placeholder,
  ...rest
}: PickerProps<string | undefined> & { readonly style?: React.CSSProperties }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const { page, listed } = useWorkerOptions(search);
  const { labels, remember } = useLabelMemory(undefined, listed);
  return (
    <Select
      {...rest}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      value={value}
      placeholder={placeholder ?? t('channels.pickers.worker')}
      loading={page.isFetching}
      options={buildOptions(labels, listed, value ? [value] : [])}
      notFoundContent={page.isFetching ? t('common.loading') : t('channels.pickers.noMatch')}
      onChange={(id?: string) => {
        if (id) remember([id]);
        setSearch('');
        onChange?.(id);
      }}
      popupMatchSelectWidth={false}
    />
  );
}

/** One active job order (draft or open) the user may see, as 「enterprise · title」 with places left. */
export function JobOrderPicker({ value, onChange, known, placeholder, ...rest }: PickerProps<string | null>) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const page = useJobOrderPage(
    jobOrderListQuery.parse({ q: q || undefined, status: 'active', pageSize: 20 }),
  );
  const listed = (page.data?.items ?? []).map((order) => ({
    id: order.id,
    label: `${order.enterprise.name}「${order.title}」 · ${t('channels.pickers.remaining', { count: order.remaining })}`,
  }));
  const { labels, remember } = useLabelMemory(known, listed);
  return (
    <Select
      {...rest}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      value={value ?? undefined}
      placeholder={placeholder ?? t('channels.pickers.jobOrder')}
      loading={page.isFetching}
      options={buildOptions(labels, listed, value ? [value] : [])}
      notFoundContent={page.isFetching ? t('common.loading') : t('channels.pickers.noMatch')}
      onChange={(id?: string) => {
        if (id) remember([id]);
        setSearch('');
        onChange?.(id ?? null);
      }}
      style={{ width: '100%' }}
    />
  );
}
