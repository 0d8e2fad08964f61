import { enterpriseListQuery } from '@yonggong/shared';
import { Select } from 'antd';
import { type CSSProperties, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnterprise, useEnterprisePage } from '../../../api/enterprises.ts';
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
 * Picks an enterprise the user may see, searching `/api/enterprises?q=` as they type (name,
 * pinyin initials or credit code). The chosen enterprise keeps its name even when it is not among
 * the current search results (a value from the URL or a saved record).
 */
export function EnterpriseSelect({
  value,
  onChange,
  placeholder,
  allowClear,
  ...rest
}: EnterpriseSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const results = useEnterprisePage(
    enterpriseListQuery.parse({ q: q || undefined, status: 'active', pageSize: 20 }),
  );
  const listed = results.data?.items ?? [];
  const options = listed.map((enterprise) => ({ value: enterprise.id, label: enterprise.name }));
  const isChosenListed = !value || options.some((option) => option.value === value);
  const chosen = useEnterprise(value ?? '', !isChosenListed);
  if (value && !isChosenListed) options.unshift({ value, label: chosen.data?.name ?? t('common.loading') });

  return (
    <Select
      {...rest}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      value={value ?? undefined}
      placeholder={placeholder}
      allowClear={allowClear}
      loading={results.isFetching}
      options={options}
      notFoundContent={results.isFetching ? t('common.loading') : t('jobOrder.form.noEnterprise')}
      onChange={(enterpriseId?: string) => {
        setSearch('');
        const picked = listed.find((enterprise) => enterprise.id === enterpriseId);
        onChange?.(
          enterpriseId,
          picked && { id: picked.id, name: picked.name, districtCode: picked.districtCode },
        );
      }}
      popupMatchSelectWidth={false}
    />
  );
}
