import type { MONITORING_COLOUR_VALUES } from '@yonggong/shared';
import { Badge, Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { previousMonth, useCaseActions, useCases } from '../../api/cases.ts';
import { useLateReports, useMonitoringAlerts, useMonitoringMap } from '../../api/monitoring.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { CaseCategoryTag } from '../cases/components/case-tags.tsx';

type MonitoringColour = (typeof MONITORING_COLOUR_VALUES)[number];

const COLOUR_TAGS: Readonly<Record<MonitoringColour, string>> = {
  green: 'green',
  yellow: 'gold',
  red: 'red',
  none: 'default',
};

const COLOUR_ORDER: Readonly<Record<MonitoringColour, number>> = { red: 0, yellow: 1, none: 2, green: 3 };

function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/**
 * The liaison's home: their enterprises with this month's colour, alerts (turned red, worsening
 * two months running), late or missing monthly reports, their open cases and overdue actions.
 * Monitoring figures come from the monitoring module's hooks (`liaison=me`); cases from this module.
 */
export function LiaisonHome() {
  const { t } = useTranslation();
  const month = previousMonth();
  // The monitoring module's hooks and shared schemas (liaison=me: the enterprises I am liaison of).
  const colours = useMonitoringMap({ level: 'enterprise', month, liaison: 'me' });
  const alerts = useMonitoringAlerts(month, true);
  const late = useLateReports(month, true);
  const cases = useCases({ owner: 'me', status: 'active', sort: '-overdue', pageSize: 10 });
  const overdue = useCaseActions({ owner: 'me', overdue: true, pageSize: 10 });
  const enterprises = [...(colours.data?.level === 'enterprise' ? colours.data.items : [])].sort(
    (a, b) =>
      COLOUR_ORDER[a.colour] - COLOUR_ORDER[b.colour] || (b.shortageRate ?? 0) - (a.shortageRate ?? 0),
  );
  const counts: Record<MonitoringColour, number> = { green: 0, yellow: 0, red: 0, none: 0 };
  for (const item of enterprises) counts[item.colour] += 1;

  return (
    <section data-testid="liaison-home" style={{ marginBottom: 24 }}>
      <Space align="baseline" wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('cases.home.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('cases.home.month', { month })}</Typography.Text>
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('cases.home.alerts')} data-testid="home-alerts">
            {alerts.isError ? (
              <Typography.Text type="secondary">{t('cases.home.unavailable')}</Typography.Text>
            ) : (
              <List
                size="small"
                loading={alerts.isPending}
                dataSource={alerts.data?.items ?? []}
                locale={{
                  emptyText: (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.home.alertsEmpty')} />
                  ),
                }}
                renderItem={(alert) => (
                  <List.Item data-testid="home-alert">
                    <Space wrap>
                      <Tag color={COLOUR_TAGS[alert.colour]}>
                        {t(alert.kind === 'turned_red' ? 'cases.home.turnedRed' : 'cases.home.worsening')}
                      </Tag>
                      <Link to={`/enterprises/${alert.enterpriseId}`}>{alert.enterpriseName}</Link>
                      <Typography.Text type="secondary">
                        {t('cases.home.rate', { rate: formatRate(alert.shortageRate) })}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('cases.home.colours')} data-testid="home-colours">
            <Space size={4} wrap style={{ marginBottom: 8 }}>
              {(['red', 'yellow', 'green', 'none'] as const).map((colour) => (
                <Tag key={colour} color={COLOUR_TAGS[colour]}>
                  {t(`cases.home.${colour}`)} {counts[colour]}
                </Tag>
              ))}
            </Space>
            {colours.isError ? (
              <Typography.Text type="secondary">{t('cases.home.unavailable')}</Typography.Text>
            ) : (
              <List
                size="small"
                loading={colours.isPending}
                dataSource={enterprises.slice(0, 8)}
                locale={{
                  emptyText: (
                    <Empty
                      image={Empty.PRESENTED_IMAGE_SIMPLE}
                      description={t('cases.home.enterprisesEmpty')}
                    />
                  ),
                }}
                renderItem={(item) => (
                  <List.Item data-testid="home-enterprise">
                    <Space>
                      <Badge color={item.colour === 'none' ? 'gray' : COLOUR_TAGS[item.colour]} />
                      <Link to={`/enterprises/${item.enterpriseId}`}>{item.name}</Link>
                    </Space>
                    <Typography.Text type="secondary">{formatRate(item.shortageRate)}</Typography.Text>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('cases.home.late')} data-testid="home-late">
            {late.isError ? (
              <Typography.Text type="secondary">{t('cases.home.unavailable')}</Typography.Text>
            ) : (
              <List
                size="small"
                loading={late.isPending}
                dataSource={late.data?.items ?? []}
                locale={{
                  emptyText: (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.home.lateEmpty')} />
                  ),
                }}
                renderItem={(item) => (
                  <List.Item>
                    <Link to={`/enterprises/${item.enterpriseId}`}>{item.enterpriseName}</Link>
                    <Tag color={item.status === 'missing' ? 'red' : 'orange'}>
                      {t(`cases.home.lateStatus.${item.status}`)}
                    </Tag>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card
            size="small"
            title={t('cases.home.cases')}
            data-testid="home-cases"
            extra={
              <ButtonLink to="/cases?owner=me" type="link" size="small">
                {t('cases.home.allCases')}
              </ButtonLink>
            }
          >
            <List
              size="small"
              loading={cases.isPending}
              dataSource={cases.data?.items ?? []}
              locale={{
                emptyText: (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.home.casesEmpty')} />
                ),
              }}
              renderItem={(item) => (
                <List.Item data-testid="home-case">
                  <Space orientation="vertical" size={0}>
                    <Link to={`/cases/${item.id}`}>{item.title}</Link>
                    <Space size={4} wrap>
                      <Typography.Text type="secondary">{item.enterpriseName}</Typography.Text>
                      <CaseCategoryTag category={item.category} />
                      {item.actionsOverdue > 0 && (
                        <Tag color="red">{t('cases.list.overdueCount', { count: item.actionsOverdue })}</Tag>
                      )}
                    </Space>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('cases.home.overdueActions')} data-testid="home-overdue">
            <List
              size="small"
              loading={overdue.isPending}
              dataSource={overdue.data?.items ?? []}
              locale={{
                emptyText: (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.home.overdueEmpty')} />
                ),
              }}
              renderItem={(action) => (
                <List.Item data-testid="home-overdue-action">
                  <Space orientation="vertical" size={0}>
                    <Link to={`/cases/${action.caseId}`}>{action.title}</Link>
                    <Typography.Text type="danger">
                      {action.enterpriseName} · {t('cases.home.dueOn', { date: action.dueOn })}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </section>
  );
}
