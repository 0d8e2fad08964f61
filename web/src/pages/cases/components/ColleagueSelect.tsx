import { Select } from 'antd';
import { useMemo } from 'react';
import { useUserDirectory } from '../../../api/users.ts';

interface ColleagueSelectProps {
  /** The enterprise's district: the colleagues offered are its officers and liaisons. */
  readonly districtCode: string | undefined;
  readonly value?: string | null;
  readonly onChange?: (value: string | null) => void;
  /** Accounts to offer even when outside the district (the enterprise's liaison, the current owner). */
  readonly knownNames?: Readonly<Record<string, string>>;
  readonly placeholder?: string;
  readonly isDisabled?: boolean;
  readonly id?: string;
  readonly 'data-testid'?: string;
}

/**
 * A colleague who may own a case or an action: the district's liaison officers and officers
 * (`GET /api/users/directory`), searchable by name. The server re-checks that the owner serves
 * the enterprise (cases.policy.ts `canOwnCaseOf`).
 */
export function ColleagueSelect(props: ColleagueSelectProps) {
  const isEnabled = props.districtCode !== undefined;
  const liaisons = useUserDirectory({ role: 'liaison', districtCode: props.districtCode }, isEnabled);
  const officers = useUserDirectory(
    { role: 'district_officer', districtCode: props.districtCode },
    isEnabled,
  );
  const options = useMemo(() => {
    const byId = new Map<string, string>(Object.entries(props.knownNames ?? {}));
    for (const entry of [...(liaisons.data ?? []), ...(officers.data ?? [])])
      byId.set(entry.id, entry.displayName);
    return [...byId].map(([value, label]) => ({ value, label }));
  }, [liaisons.data, officers.data, props.knownNames]);
  return (
    <Select
      id={props.id}
      data-testid={props['data-testid']}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={props.value ?? undefined}
      onChange={(value: string | undefined) => props.onChange?.(value ?? null)}
      options={options}
      loading={liaisons.isFetching || officers.isFetching}
      placeholder={props.placeholder}
      disabled={props.isDisabled}
      style={{ width: '100%' }}
    />
  );
}
