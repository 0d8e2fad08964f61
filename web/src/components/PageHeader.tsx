import { ArrowLeftOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from './ButtonLink.tsx';

interface PageHeaderProps {
  readonly title: ReactNode;
  readonly subtitle?: ReactNode;
  /** Where "back" leads; no back link when absent. */
  readonly backTo?: string;
  /** Page actions, right-aligned. */
  readonly extra?: ReactNode;
}

/** The title row of a page. */
export function PageHeader({ title, subtitle, backTo, extra }: PageHeaderProps) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
      <Flex gap={8} align="flex-start">
        {backTo && (
          <ButtonLink to={backTo} type="text" icon={<ArrowLeftOutlined />} aria-label={t('common.back')} />
        )}
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
        </div>
      </Flex>
      {extra && (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      )}
    </Flex>
  );
}
