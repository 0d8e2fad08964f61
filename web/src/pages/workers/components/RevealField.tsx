import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Popover, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type RevealableField, useRevealWorkerField } from '../../../api/workers.ts';
import { describeError } from '../../../components/error-text.ts';
import { useLocale } from '../../../i18n/index.ts';

/** How long a revealed value stays on screen. */
const REVEAL_SECONDS = 15;

interface RevealFieldProps {
  readonly workerId: string;
  readonly field: RevealableField;
  readonly masked: string;
  /** The record's `can.reveal`. */
  readonly canReveal: boolean;
}

/**
 * A masked ID number or phone with a "查看" button for users allowed to reveal it. The full value
 * is fetched on each click (the server logs every reveal), shown briefly in a popover and then
 * forgotten — it is never cached.
 */
export function RevealField({ workerId, field, masked, canReveal }: RevealFieldProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const reveal = useRevealWorkerField();
  const [value, setValue] = useState<string | null>(null);
  const fieldName = t(`worker.reveal.${field}`);

  useEffect(() => {
    if (value === null) return;
    const timer = window.setTimeout(() => setValue(null), REVEAL_SECONDS * 1000);
    return () => window.clearTimeout(timer);
  }, [value]);

  const revealValue = () =>
    reveal.mutate(
      { workerId, field },
      {
        onSuccess: (reply) => setValue(reply.value),
        onError: (error) => void message.error(describeError(error, t, locale)),
      },
    );

  return (
    <Space size={4}>
      <Typography.Text style={field === 'idNumber' ? { fontFamily: 'monospace' } : undefined}>
        {masked}
      </Typography.Text>
      {canReveal && (
        <Popover
          open={value !== null}
          onOpenChange={(isOpen) => {
            if (!isOpen) setValue(null);
          }}
          trigger="click"
          title={t('worker.reveal.title', { field: fieldName })}
          content={
            <Space orientation="vertical" size={4}>
              <Typography.Text strong copyable data-testid={`revealed-${field}`} style={{ fontSize: 18 }}>
                {value}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('worker.reveal.hint', { seconds: REVEAL_SECONDS })}
              </Typography.Text>
            </Space>
          }
        >
          <Button
            type="link"
            size="small"
            icon={<EyeOutlined />}
            loading={reveal.isPending}
            aria-label={t('worker.reveal.label', { field: fieldName })}
            data-testid={`worker-reveal-${field}`}
            onClick={revealValue}
          >
            {t('worker.reveal.button')}
          </Button>
        </Popover>
      )}
    </Space>
  );
}
