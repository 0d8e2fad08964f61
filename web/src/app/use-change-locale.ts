import { useQueryClient } from '@tanstack/react-query';
import type { Locale, MeReply } from '@yonggong/shared';
import { useCallback } from 'react';
import { saveMyLocale, sessionQueryKey } from '../api/auth.ts';
import { applyLocale } from '../i18n/index.ts';
import { useAuth } from './auth-context.tsx';

/**
 * Switches the UI language: i18next, dayjs and antd (through the providers) at once, the choice
 * remembered on this browser, saved to the account when signed in, and server-written text
 * (industry names, summaries) fetched again in the new language.
 */
export function useChangeLocale(): (locale: Locale) => Promise<void> {
  const queryClient = useQueryClient();
  const { me } = useAuth();
  return useCallback(
    async (locale: Locale) => {
      await applyLocale(locale);
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
      if (!me) return;
      try {
        await saveMyLocale(locale);
        queryClient.setQueryData<MeReply | null>(sessionQueryKey, (session) =>
          session ? { ...session, locale } : session,
        );
      } catch (error) {
        // The switch already happened on screen; only the account's default did not change.
        console.warn('Could not save the language preference', error);
      }
    },
    [queryClient, me],
  );
}
