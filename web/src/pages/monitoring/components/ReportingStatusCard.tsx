import { Alert, Card, Descriptions, Flex, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  useEnterpriseHistory,
  useMonitoringReports,
  useMonitoringSettings,
} from '../../../api/monitoring.ts';
import { ButtonLink } from '../../../components/ButtonLink.tsx';
import { findDueMonth, findWindowPhase } from '../report-helpers.ts';

/**
 * Enterprise HR's card: the month due now, its reporting window, whether it is reported (and
 * when), with the button to file it or to open the filed report for correction.
 */
export function ReportingStatusCard({
  enterpriseId,
  showListLink = false,
}: {
  readonly enterpriseId: string;
  readonly showListLink?: boolean;
}) {
  const { t } = useTranslation();
  const settings = useMonitoringSettings();
  const history = useEnterpriseHistory(enterpriseId);
  const today = dayjs().format('YYYY-MM-DD');
  const month = settings.data ? findDueMonth(today, settings.data.window) : undefined;
  const reports = useMonitoringReports(
    { enterpriseId, month: month ?? '', page: 1, pageSize: 1 },
    month !== undefined,
  );
  if (!settings.data || !history.data || !month || !reports.data)
    return (
      <Card title={t('monitoring.status.title')} style={{ marginBottom: 16 }}>
        <Skeleton active paragraph={{ rows: 2 }} />
      </Card>
    );
  if (!history.data.enterprise.isMonitored)
    return (
      <Card title={t('monitoring.status.title')} style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('monitoring.status.notMonitored')}</Typography.Text>
      </Card>
    );
  const window = findWindowPhase(today, month, settings.data.window);
  const report = reports.data.items[0];
  return (
    <Card
      title={t('monitoring.status.title')}
      style={{ marginBottom: 16 }}
      data-testid="reporting-status"
      extra={
        showListLink ? (
          <ButtonLink to="/monitoring/reports" size="small">
            {t('monitoring.status.myReports')}
          </ButtonLink>
        ) : undefined
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('monitoring.reports.month')}>
          {t('monitoring.status.month', { month })}
        </Descriptions.Item>
        <Descriptions.Item label={t('monitoring.settings.window')}>
          {t('monitoring.status.window', { from: window.from, to: window.to })}
        </Descriptions.Item>
        <Descriptions.Item label={t('monitoring.late.status')}>
          {report ? (
            <span data-testid="reporting-status-done">
              <Tag color="green">{t('monitoring.status.reported')}</Tag>
              {report.isLate && <Tag color="orange">{t('monitoring.reports.late')}</Tag>}
              {t('monitoring.status.reportedAt', {
                at: dayjs(report.submittedAt).format('YYYY-MM-DD HH:mm'),
              })}
            </span>
          ) : (
            <Tag color={window.phase === 'closed' ? 'red' : 'gold'} data-testid="reporting-status-missing">
              {t('monitoring.status.notYet')}
            </Tag>
          )}
        </Descriptions.Item>
      </Descriptions>
      <Flex gap={12} align="center" wrap>
        {report ? (
          <ButtonLink to={`/monitoring/reports/${report.id}/edit`} data-testid="reporting-status-view">
            {t('monitoring.status.view')}
          </ButtonLink>
        ) : (
          <>
            <ButtonLink
              type="primary"
              to={`/monitoring/reports/new?month=${month}`}
              data-testid="reporting-status-file"
            >
              {t('monitoring.status.file')}
            </ButtonLink>
            <Alert
              type={window.phase === 'closed' ? 'warning' : 'info'}
              showIcon
              title={t(`monitoring.status.${window.phase}`)}
              style={{ padding: '2px 12px' }}
            />
          </>
        )}
      </Flex>
    </Card>
  );
}
