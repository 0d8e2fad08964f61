import type { OccupationLevel } from '@yonggong/shared';
import { TreeSelect } from 'antd';
import { type CSSProperties, useMemo } from 'react';
import { useLocale } from '../i18n/index.ts';
import {
  ALL_OCCUPATION_LEVELS,
  buildOccupationTree,
  matchOccupationNode,
  type OccupationTreeNode,
} from './occupation-options.ts';

interface OccupationPickerBaseProps {
  /** The levels that may be chosen (others only open). Default: all. */
  readonly levels?: readonly OccupationLevel[];
  readonly placeholder?: string;
  readonly isDisabled?: boolean;
  readonly allowClear?: boolean;
  readonly id?: string;
  readonly style?: CSSProperties;
  readonly 'aria-label'?: string;
  readonly 'data-testid'?: string;
}

interface SingleProps extends OccupationPickerBaseProps {
  readonly isMultiple?: false;
  readonly value?: string | null;
  readonly onChange?: (value: string | undefined) => void;
}

interface MultipleProps extends OccupationPickerBaseProps {
  readonly isMultiple: true;
  readonly value?: readonly string[];
  readonly onChange?: (value: string[]) => void;
  /** At most this many codes. */
  readonly maxCount?: number;
}

export type OccupationPickerProps = SingleProps | MultipleProps;

/**
 * Picks one or several occupations of the 2022 classification, searchable by code and by name in
 * both languages. Works as an antd Form control (`value` / `onChange`).
 */
export function OccupationPicker(props: OccupationPickerProps) {
  const locale = useLocale();
  const { levels = ALL_OCCUPATION_LEVELS, placeholder, isDisabled, allowClear = true, ...rest } = props;
  const treeData = useMemo(() => buildOccupationTree(locale, levels), [locale, levels]);
  const common = {
    id: rest.id,
    style: rest.style,
    'aria-label': rest['aria-label'],
    'data-testid': rest['data-testid'],
    treeData,
    placeholder,
    disabled: isDisabled,
    allowClear,
    showSearch: true,
    filterTreeNode: matchOccupationNode,
    popupMatchSelectWidth: false,
    listHeight: 360,
  };
  if (props.isMultiple)
    return (
      <TreeSelect<string[], OccupationTreeNode>
        {...common}
        multiple
        maxCount={props.maxCount}
        value={props.value ? [...props.value] : []}
        onChange={(codes) => props.onChange?.(codes ?? [])}
      />
    );
  return (
    <TreeSelect<string, OccupationTreeNode>
      {...common}
      value={props.value ?? undefined}
      onChange={(code) => props.onChange?.(code ?? undefined)}
    />
  );
}
