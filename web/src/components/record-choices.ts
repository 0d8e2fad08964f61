import { enterpriseListQuery, workerListQuery } from '@yonggong/shared';
import { useEnterprisePage } from '../api/enterprises.ts';
import { useWorkerPage } from '../api/workers.ts';
import type { RemoteChoices } from './RemoteSearchSelect.tsx';
import { useDebouncedValue } from './use-debounced-value.ts';

/** Searches for `RemoteSearchSelect` that several pages' pickers share. */

/** Active enterprises the user may see (name, pinyin initials or credit code), as 「name · district」. */
export function useEnterpriseChoices(search: string): RemoteChoices {
  const q = useDebouncedValue(search.trim());
  const page = useEnterprisePage(
    enterpriseListQuery.parse({ q: q || undefined, status: 'active', pageSize: 20, sort: 'name' }),
  );
  return {
    isFetching: page.isFetching,
    listed: (page.data?.items ?? []).map((enterprise) => ({
      id: enterprise.id,
      label: `${enterprise.name} · ${enterprise.districtName}`,
    })),
  };
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

/** Workers in the user's scope (name, pinyin or the last 4 digits of ID number or phone). */
export function useWorkerChoices(search: string): RemoteChoices {
  const q = useDebouncedValue(search.trim());
  const page = useWorkerPage(workerListQuery.parse({ q: q || undefined, pageSize: 20 }));
  return {
    isFetching: page.isFetching,
    listed: (page.data?.items ?? []).map((worker) => ({ id: worker.id, label: formatWorkerLabel(worker) })),
  };
}
