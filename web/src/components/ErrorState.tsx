import { Button, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../api/client.ts';
import { useLocale } from '../i18n/index.ts';
import { describeError } from './error-text.ts';

interface ErrorStateProps {
  readonly error: unknown;
  readonly onRetry?: () => void;
}

function pickStatus(error: unknown): '403' | '404' | 'error' {
  if (isApiError(error, 'forbidden')) return '403';
  if (isApiError(error, 'not_found')) return '404';
  return 'error';
}

/**
 * A failed load: what went wrong in the user's language, the request id to quote, and a retry —
 * except for a missing (or out-of-scope) record, where retrying cannot help: that offers the way home.
 */
export function ErrorState({ error, onRetry }: ErrorStateProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const requestId = isApiError(error) ? error.requestId : undefined;
  const isNotFound = isApiError(error, 'not_found');
  return (
    <Result
      status={pickStatus(error)}
      title={isNotFound ? t('errors.notFoundTitle') : t('errors.title')}
      subTitle={
        <>
          <div role="alert">{describeError(error, t, locale)}</div>
          {requestId && (
            <Typography.Text type="secondary" copyable={{ text: requestId }}>
              {t('common.requestId', { requestId })}
            </Typography.Text>
          )}
        </>
      }
      extra={
        isNotFound ? (
          <Link to="/">{t('errors.backHome')}</Link>
        ) : (
          onRetry && (
            <Button type="primary" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          )
        )
      }
    />
  );
}
