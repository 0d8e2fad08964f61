import { useQueryClient } from '@tanstack/react-query';
import { App, Cascader } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchChildRegions, regionKeys } from '../api/regions.ts';
import { useLocale } from '../i18n/index.ts';
import { describeError } from './error-text.ts';
import {
  attachRegionChildren,
  listUnloadedPrefixes,
  type RegionOption,
  toRegionOption,
} from './region-tree.ts';

interface RegionCascaderProps {
  /** Codes from the province down, e.g. ['320000', '320500', '320509']. */
  readonly value?: string[];
  readonly onChange?: (value: string[]) => void;
  readonly placeholder?: string;
  readonly isDisabled?: boolean;
  readonly id?: string;
  readonly 'data-testid'?: string;
}

/**
 * Picks a region level by level, loading each level from `/api/regions?parent=` when it is opened
 * (the national tree is too large to send at once). Works as an antd Form control.
 */
export function RegionCascader({ value, onChange, placeholder, isDisabled, ...rest }: RegionCascaderProps) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  const locale = useLocale();
  const [options, setOptions] = useState<RegionOption[]>([]);

  const loadChildren = useCallback(
    async (path: readonly string[]) => {
      const parent = path.at(-1) ?? null;
      try {
        const regions = await queryClient.fetchQuery({
          queryKey: regionKeys.children(parent),
          queryFn: () => fetchChildRegions(parent),
          staleTime: Number.POSITIVE_INFINITY,
        });
        const children = regions.map(toRegionOption);
        setOptions((tree) => (path.length === 0 ? children : attachRegionChildren(tree, path, children)));
      } catch (error) {
        void message.error(describeError(error, t, locale));
      }
    },
    [queryClient, message, t, locale],
  );

  useEffect(() => {
    void loadChildren([]);
  }, [loadChildren]);

  // A value set from outside (an edited record) needs its branches loaded to show its labels.
  useEffect(() => {
    if (options.length === 0 || !value) return;
    for (const prefix of listUnloadedPrefixes(options, value)) void loadChildren(prefix);
  }, [options, value, loadChildren]);

  return (
    <Cascader<RegionOption>
      {...rest}
      options={options}
      value={value}
      disabled={isDisabled}
      placeholder={placeholder}
      changeOnSelect
      showSearch={false}
      loadData={(selected) => void loadChildren(selected.map((option) => option.value))}
      onChange={(codes) => onChange?.((codes ?? []).map(String))}
    />
  );
}
