import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useEnterprisePage } from '../../../api/enterprises.ts';
import { useDebouncedValue } from '../../../components/use-debounced-value.ts';

interface EnterpriseSelectProps {
  readonly value?: string | string[];
  readonly onChange?: (value: string | string[]) => void;
  readonly isMultiple?: boolean;
  readonly placeholder?: string;
  readonly id?: string;
  readonly 'data-testid'?: string;
  /** Names already known (e.g. from the URL), shown before a search finds them. */
  readonly knownNames?: Readonly<Record<string, string>>;
}

/** Searchable enterprises in the user's scope (by name, pinyin or credit code). */
export function EnterpriseSelect(props: EnterpriseSelectProps) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 250);
  const page = useEnterprisePage({
    q: q === '' ? undefined : q,
    page: 1,
    pageSize: 50,
    status: 'active',
    sort: 'name',
  });
  const options = useMemo(() => {
    const seen = new Map<string, string>(Object.entries(props.knownNames ?? {}));
    for (const item of page.data?.items ?? []) seen.set(item.id, item.name);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [page.data, props.knownNames]);
  return (
    <Select
      id={props.id}
      data-testid={props['data-testid']}
      mode={props.isMultiple ? 'multiple' : undefined}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={props.value}
      onChange={(value) => props.onChange?.(value)}
      options={options}
      loading={page.isFetching}
      placeholder={props.placeholder}
      size="large"
      style={{ width: '100%' }}
    />
  );
}
