import { enterpriseListQuery } from '@yonggong/shared';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnterprise, useEnterprisePage } from '../../../api/enterprises.ts';
import { type RemoteChoices, RemoteSearchSelect } from '../../../components/RemoteSearchSelect.tsx';
import { useDebouncedValue } from '../../../components/use-debounced-value.ts';

/** What the picker knows of the chosen enterprise (for presetting fields that follow from it). */
export interface PickedEnterprise {
  readonly id: string;
  readonly name: string;
  readonly districtCode: string;
}

interface EnterpriseSelectProps {
  readonly value?: string | null;
  readonly onChange?: (enterpriseId: string | undefined, picked: PickedEnterprise | undefined) => void;
  readonly placeholder?: string;
  readonly allowClear?: boolean;
  readonly id?: string;
  readonly style?: CSSProperties;
  readonly 'aria-label'?: string;
  readonly 'data-testid'?: string;
}

/**
 * Active enterprises matching the search, labelled by name; a chosen one the search does not list
 * (a value from the URL or a saved record) is fetched for its name.
 */
function useEnterpriseNames(search: string, [value]: readonly string[]) {
  const { t } = useTranslation();
  const q = useDebouncedValue(search.trim());
  const results = useEnterprisePage(
    enterpriseListQuery.parse({ q: q || undefined, status: 'active', pageSize: 20 }),
  );
  const listed = (results.data?.items ?? []).map((enterprise) => ({
    id: enterprise.id,
    label: enterprise.name,
    name: enterprise.name,
    districtCode: enterprise.districtCode,
  }));
  const isChosenListed = !value || listed.some((enterprise) => enterprise.id === value);
  const chosen = useEnterprise(value ?? '', !isChosenListed);
  return {
    isFetching: results.isFetching,
    listed,
    known: value && !isChosenListed ? [{ id: value, label: chosen.data?.name ?? t('common.loading') }] : [],
  } satisfies RemoteChoices<PickedEnterprise & { label: string }>;
}

/**
 * Picks an enterprise the user may see, searching `/api/enterprises?q=` as they type (name,
 * pinyin initials or credit code). The chosen enterprise keeps its name even when it is not among
 * the current search results (a value from the URL or a saved record).
 */
export function EnterpriseSelect({ value, onChange, allowClear, ...props }: EnterpriseSelectProps) {
  const { t } = useTranslation();
  return (
    <RemoteSearchSelect
      {...props}
      isInline
      value={value}
      allowClear={Boolean(allowClear)}
      useChoices={useEnterpriseNames}
      noMatch={t('jobOrder.form.noEnterprise')}
      onChange={(enterpriseId, picked) =>
        onChange?.(
          enterpriseId,
          picked && { id: picked.id, name: picked.name, districtCode: picked.districtCode },
        )
      }
    />
  );
}
