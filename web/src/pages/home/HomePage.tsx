import { AuditOutlined, BankOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import { Permission } from '@yonggong/shared';
import { Card, Col, Row, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth-context.tsx';
import { useCan } from '../../app/use-can.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ReportingStatusCard } from '../monitoring/components/ReportingStatusCard.tsx';
import { LiaisonHome } from './LiaisonHome.tsx';

interface ShortcutProps {
  readonly icon: ReactNode;
  readonly title: string;
  readonly text: string;
  readonly to: string;
  readonly testId?: string;
}

function Shortcut({ icon, title, text, to, testId }: ShortcutProps) {
  const { t } = useTranslation();
  return (
    <Card
      title={
        <Space>
          {icon}
          {title}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{text}</Typography.Paragraph>
      <ButtonLink to={to} type="primary" data-testid={testId}>
        {t('home.open')}
      </ButtonLink>
    </Card>
  );
}

/** A welcome with the user's roles and links to what they may use. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const canReadEnterprises = useCan(Permission.EnterpriseRead);
  const canReadJobOrders = useCan(Permission.JobOrderRead);
  const canReadWorkers = useCan(Permission.WorkerRead);
  const canReadAudit = useCan(Permission.AuditRead);
  const canReport = useCan(Permission.MonitoringReport);
  const hasShortcuts = canReadEnterprises || canReadJobOrders || canReadWorkers || canReadAudit;

  return (
    <>
      <PageHeader title={t('home.greeting', { name: me.displayName })} subtitle={t('home.intro')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Typography.Text strong>{t('home.roles')}</Typography.Text>
          {me.roles.map((role) => (
            <Tag key={role} color="blue">
              {t(`roles.${role}`)}
            </Tag>
          ))}
        </Space>
      </Card>
      {me.roles.includes('liaison') && <LiaisonHome />}
      {me.roles.includes('enterprise') && me.scope.enterpriseId && canReport && (
        <ReportingStatusCard enterpriseId={me.scope.enterpriseId} showListLink />
      )}
      <Typography.Title level={5}>{t('home.shortcuts')}</Typography.Title>
      {hasShortcuts ? (
        <Row gutter={[16, 16]}>
          {canReadEnterprises && (
            <Col xs={24} md={12} xl={8}>
              <Shortcut
                icon={<BankOutlined />}
                title={t('nav.enterprises')}
                text={t('home.enterprisesText')}
                to="/enterprises"
              />
            </Col>
          )}
          {canReadJobOrders && (
            <Col xs={24} md={12} xl={8}>
              <Shortcut
                icon={<SolutionOutlined />}
                title={t('nav.jobOrders')}
                text={t('home.jobOrdersText')}
                to="/job-orders"
                testId="home-job-orders"
              />
            </Col>
          )}
          {canReadWorkers && (
            <Col xs={24} md={12} xl={8}>
              <Shortcut
                icon={<TeamOutlined />}
                title={t('nav.workers')}
                text={t('home.workersText')}
                to="/workers"
                testId="home-workers"
              />
            </Col>
          )}
          {canReadAudit && (
            <Col xs={24} md={12} xl={8}>
              <Shortcut
                icon={<AuditOutlined />}
                title={t('nav.audit')}
                text={t('home.auditText')}
                to="/audit"
              />
            </Col>
          )}
        </Row>
      ) : (
        <EmptyState title={t('home.noShortcuts')} />
      )}
    </>
  );
}
