import { formatMessage, hasMessage, type Locale } from '@yonggong/shared';
import type { TFunction } from 'i18next';
import { isApiError } from '../api/client.ts';

/**
 * The sentence to show for a failure: the server's own detail when it sent one (already in the
 * user's language), else the catalogue message of its code, else a generic line.
 */
export function describeError(error: unknown, t: TFunction, locale: Locale): string {
  if (!isApiError(error)) return error instanceof Error && error.message ? error.message : t('errors.title');
  if (error.detail) return error.detail;
  if (error.code === 'network_error' || error.code === 'unexpected_response')
    return t(`errors.${error.code}`);
  if (hasMessage(error.code)) return formatMessage(locale, error.code, { requestId: error.requestId ?? '—' });
  return t('errors.title');
}
