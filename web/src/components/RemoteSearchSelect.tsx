import { Select } from 'antd';
import { type CSSProperties, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchOptionLabel } from './select-search.ts';

/**
 * A select that searches a list API as the user types and labels each option with enough to tell
 * two 王建军 apart. The record pickers of the pages (enterprises, workers, schools, job orders) are
 * thin wrappers that say how to search and how to label. A chosen record keeps its label when a
 * later search no longer lists it.
 */

/** A record with the label its option shows (also: one already chosen, shown before any search). */
export interface KnownRecord {
  readonly id: string;
  readonly label: string;
}

/** The props of a page's record picker (a thin wrapper of `RemoteSearchSelect`). */
export interface RecordPickerProps<V> {
  readonly value?: V;
  readonly onChange?: (value: V) => void;
  /** Records chosen before any search (an edited record's current choice), shown with their labels. */
  readonly known?: readonly KnownRecord[];
  readonly placeholder?: string;
  readonly isDisabled?: boolean;
  readonly id?: string;
  readonly 'data-testid'?: string;
}

/** What a search found. */
export interface RemoteChoices<R extends KnownRecord = KnownRecord> {
  readonly isFetching: boolean;
  readonly listed: readonly R[];
  /** Labels of chosen records the search did not list, looked up elsewhere (a label the picker remembers wins). */
  readonly known?: readonly KnownRecord[];
  /** The listed records are all there are (not filtered by the server): the select filters them by label. */
  readonly isFilteredHere?: boolean;
}

interface CommonProps<R extends KnownRecord> {
  /**
   * The search as a hook: called on every render with what the user typed (debounce inside), the
   * chosen ids and `scope`. It must stay the same hook for the select's life (give the select a
   * new `key` to swap it).
   */
  readonly useChoices: (
    search: string,
    chosen: readonly string[],
    scope: string | undefined,
  ) => RemoteChoices<R>;
  /** What narrows the search, handed to `useChoices` (the school whose partners are listed). */
  readonly scope?: string | undefined;
  /** Records chosen before any search (an edited record's current choice). */
  readonly known?: readonly KnownRecord[] | undefined;
  /** Shown when the search lists nothing. */
  readonly noMatch: string;
  readonly placeholder?: string | undefined;
  readonly isDisabled?: boolean | undefined;
  /** Sized by `style` with a dropdown as wide as its options (filter bars); else it fills its column. */
  readonly isInline?: boolean;
  readonly style?: CSSProperties | undefined;
  readonly id?: string | undefined;
  readonly 'aria-label'?: string | undefined;
  readonly 'data-testid'?: string | undefined;
}

interface SingleProps<R extends KnownRecord> extends CommonProps<R> {
  readonly mode?: undefined;
  readonly value?: string | null | undefined;
  /** The chosen id, and its record when the current search lists it. */
  readonly onChange?: (id: string | undefined, record: R | undefined) => void;
  readonly allowClear?: boolean;
}

interface MultipleProps<R extends KnownRecord> extends CommonProps<R> {
  readonly mode: 'multiple';
  readonly value?: readonly string[] | undefined;
  readonly onChange?: (ids: string[]) => void;
}

export type RemoteSearchSelectProps<R extends KnownRecord = KnownRecord> = SingleProps<R> | MultipleProps<R>;

export function RemoteSearchSelect<R extends KnownRecord>(props: RemoteSearchSelectProps<R>) {
  const { useChoices, scope, known, noMatch, isDisabled, isInline, style, ...rest } = props;
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const chosen = props.mode === 'multiple' ? [...(props.value ?? [])] : props.value ? [props.value] : [];
  const choices = useChoices(search, chosen, scope);
  const [remembered, setRemembered] = useState<ReadonlyMap<string, string>>(new Map());
  const labels = new Map<string, string>();
  for (const record of [...(known ?? []), ...(choices.known ?? [])]) labels.set(record.id, record.label);
  for (const [id, label] of remembered) labels.set(id, label);
  for (const record of choices.listed) labels.set(record.id, record.label);
  // Chosen records first (with their remembered labels), then the search's results.
  const ids = [...new Set([...chosen, ...choices.listed.map((record) => record.id)])];
  /** Keeps the labels of what was chosen, and starts the next search afresh. */
  const choose = (picked: readonly string[]) => {
    setRemembered((previous) => {
      const next = new Map(previous);
      for (const id of picked) {
        const label = labels.get(id);
        if (label !== undefined) next.set(id, label);
      }
      return next;
    });
    setSearch('');
  };
  const selectProps = {
    id: rest.id,
    'aria-label': rest['aria-label'],
    'data-testid': rest['data-testid'],
    disabled: isDisabled,
    showSearch: {
      filterOption: choices.isFilteredHere ? matchOptionLabel : false,
      onSearch: setSearch,
      searchValue: search,
    },
    placeholder: rest.placeholder,
    loading: choices.isFetching,
    options: ids.map((id) => ({ value: id, label: labels.get(id) ?? id })),
    notFoundContent: choices.isFetching ? t('common.loading') : noMatch,
    style: isInline ? style : { width: '100%', ...style },
    popupMatchSelectWidth: isInline ? false : undefined,
  };
  if (props.mode === 'multiple')
    return (
      <Select
        {...selectProps}
        mode="multiple"
        value={chosen}
        onChange={(picked: string[]) => {
          choose(picked);
          props.onChange?.(picked);
        }}
      />
    );
  return (
    <Select
      {...selectProps}
      allowClear={props.allowClear ?? true}
      value={props.value ?? undefined}
      onChange={(id?: string) => {
        choose(id ? [id] : []);
        props.onChange?.(
          id,
          choices.listed.find((record) => record.id === id),
        );
      }}
    />
  );
}
