import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Popover, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevealContactPhone } from '../../../api/enterprises.ts';
import { describeError } from '../../../components/error-text.ts';
import { useLocale } from '../../../i18n/index.ts';

/** How long a revealed number stays on screen. */
const REVEAL_SECONDS = 15;

interface ContactPhoneProps {
  readonly enterpriseId: string;
  readonly contact: { readonly id: string; readonly name: string; readonly phoneMasked: string };
  /** The record's `can.revealContact`. */
  readonly canReveal: boolean;
}

/**
 * A masked phone (138****1234) with a "查看" button for users allowed to reveal it. The full
 * number is fetched on each click (the server logs every reveal), shown briefly in a popover and
 * then forgotten — it is never cached.
 */
export function ContactPhone({ enterpriseId, contact, canReveal }: ContactPhoneProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const reveal = useRevealContactPhone();
  const [phone, setPhone] = useState<string | null>(null);

  useEffect(() => {
    if (phone === null) return;
    const timer = window.setTimeout(() => setPhone(null), REVEAL_SECONDS * 1000);
    return () => window.clearTimeout(timer);
  }, [phone]);

  const revealPhone = () =>
    reveal.mutate(
      { enterpriseId, contactId: contact.id },
      {
        onSuccess: (reply) => setPhone(reply.phone),
        onError: (error) => void message.error(describeError(error, t, locale)),
      },
    );

  return (
    <Space size={4}>
      <span>{contact.phoneMasked}</span>
      {canReveal && (
        <Popover
          open={phone !== null}
          onOpenChange={(isOpen) => {
            if (!isOpen) setPhone(null);
          }}
          trigger="click"
          title={t('enterprise.contact.revealedTitle')}
          content={
            <Space orientation="vertical" size={4}>
              <Typography.Text strong copyable data-testid="revealed-phone" style={{ fontSize: 18 }}>
                {phone}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('enterprise.contact.revealedHint', { seconds: REVEAL_SECONDS })}
              </Typography.Text>
            </Space>
          }
        >
          <Button
            type="link"
            size="small"
            icon={<EyeOutlined />}
            loading={reveal.isPending}
            aria-label={t('enterprise.contact.revealLabel', { name: contact.name })}
            data-testid="contact-reveal"
            onClick={revealPhone}
          >
            {t('enterprise.contact.reveal')}
          </Button>
        </Popover>
      )}
    </Space>
  );
}
