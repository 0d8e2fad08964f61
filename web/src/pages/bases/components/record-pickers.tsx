import { jobOrderListQuery } from '@yonggong/shared';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useJobOrderPage } from '../../../api/job-orders.ts';
import {
  type KnownRecord,
  type RecordPickerProps,
  type RemoteChoices,
  RemoteSearchSelect,
} from '../../../components/RemoteSearchSelect.tsx';
import { useEnterpriseChoices, useWorkerChoices } from '../../../components/record-choices.ts';
import { useDebouncedValue } from '../../../components/use-debounced-value.ts';

/**
 * Searchable pickers of the records a channel form links to — enterprises attending a 劳务对接,
 * workers who signed up or enrol in training, the job order a programme trains for. Each searches
 * its list API as the user types (debounced; the server matches names, pinyin, the last digits of
 * an ID number) and shows enough to tell two 王建军 apart: the masked ID number and the origin or
 * district. Chosen records keep their labels when a later search no longer lists them.
 */

export type { KnownRecord };

/** Enterprises (several) the user may see, searched by name, pinyin initials or credit code. */
export function EnterprisesPicker({ placeholder, ...props }: RecordPickerProps<string[]>) {
  const { t } = useTranslation();
  return (
    <RemoteSearchSelect
      {...props}
      mode="multiple"
      useChoices={useEnterpriseChoices}
      placeholder={placeholder ?? t('channels.pickers.enterprises')}
      noMatch={t('channels.pickers.noMatch')}
    />
  );
}

/** Workers (several) in the user's scope, searched by name, pinyin or the last 4 digits of ID/phone. */
export function WorkersPicker({ placeholder, ...props }: RecordPickerProps<string[]>) {
  const { t } = useTranslation();
  return (
    <RemoteSearchSelect
      {...props}
      mode="multiple"
      useChoices={useWorkerChoices}
      placeholder={placeholder ?? t('channels.pickers.workers')}
      noMatch={t('channels.pickers.noMatch')}
    />
  );
}

/** One worker in the user's scope (training enrolment), sized by `style`. */
export function WorkerPicker({
  placeholder,
  onChange,
  ...props
}: RecordPickerProps<string | undefined> & { readonly style?: CSSProperties }) {
  const { t } = useTranslation();
  return (
    <RemoteSearchSelect
      {...props}
      isInline
      useChoices={useWorkerChoices}
      placeholder={placeholder ?? t('channels.pickers.worker')}
      noMatch={t('channels.pickers.noMatch')}
      onChange={(id) => onChange?.(id)}
    />
  );
}

/** Active job orders (draft or open) the user may see, as 「enterprise · title」 with places left. */
function useJobOrderChoices(search: string): RemoteChoices {
  const { t } = useTranslation();
  const q = useDebouncedValue(search.trim());
  const page = useJobOrderPage(
    jobOrderListQuery.parse({ q: q || undefined, status: 'active', pageSize: 20 }),
  );
  return {
    isFetching: page.isFetching,
    listed: (page.data?.items ?? []).map((order) => ({
      id: order.id,
      label: `${order.enterprise.name}「${order.title}」 · ${t('channels.pickers.remaining', { count: order.remaining })}`,
    })),
  };
}

/** One active job order the user may see (`null` when none). */
export function JobOrderPicker({ placeholder, onChange, ...props }: RecordPickerProps<string | null>) {
  const { t } = useTranslation();
  return (
    <RemoteSearchSelect
      {...props}
      useChoices={useJobOrderChoices}
      placeholder={placeholder ?? t('channels.pickers.jobOrder')}
      noMatch={t('channels.pickers.noMatch')}
      onChange={(id) => onChange?.(id ?? null)}
    />
  );
}
