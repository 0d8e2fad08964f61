import { Permission } from '@yonggong/shared';
import { Card, Descriptions, List, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useEnterpriseCases, useEnterpriseHistory } from '../../api/monitoring.ts';
import { useCan } from '../../app/use-can.ts';
import { EChart } from '../../charts/EChart.tsx';
import { buildHistoryOption, formatPercent } from '../../charts/monitoring-options.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ColourTag } from './MonitoringMapPage.tsx';

/**
 * One enterprise's monitoring: the monthly history chart (planned vs actual, shortage rate with the
 * thresholds) and its 一企一策 cases from the cases module, each linking to its case page.
 */
export function MonitoringEnterprisePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const history = useEnterpriseHistory(id);
  const canReadCases = useCan(Permission.CaseRead);
  const cases = useEnterpriseCases(id, canReadCases);
  const data = history.data;
  const option = useMemo(
    () =>
      data
        ? buildHistoryOption({
            points: data.points,
            thresholds: data.thresholds,
            labels: {
              planned: t('monitoring.enterprise.planned'),
              actual: t('monitoring.enterprise.actual'),
              rate: t('monitoring.enterprise.rate'),
            },
          })
        : null,
    [data, t],
  );
  if (history.error) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (!data || !option) return <FullPageSpin />;
  const last = data.points.at(-1);
  return (
    <>
      <PageHeader
        title={t('monitoring.enterprise.title', { name: data.enterprise.name })}
        backTo="/monitoring"
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('monitoring.map.district')}>
            {data.enterprise.districtName}
          </Descriptions.Item>
          <Descriptions.Item label={t('monitoring.enterprise.liaison')}>
            {data.enterprise.liaisonName ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('monitoring.map.colour')}>
            {last ? (
              <span data-testid="enterprise-colour">
                <ColourTag colour={last.colour} /> {last.month} · {formatPercent(last.shortageRate)}
              </span>
            ) : (
              '—'
            )}
          </Descriptions.Item>
        </Descriptions>
        {data.enterprise.isSample && <Tag>{t('monitoring.enterprise.sample')}</Tag>}
        {data.enterprise.keyLevel !== 'none' && <Tag color="blue">{t('monitoring.enterprise.key')}</Tag>}
      </Card>
      <Card title={t('monitoring.enterprise.history')} style={{ marginBottom: 16 }}>
        {data.points.length === 0 ? (
          <EmptyState title={t('monitoring.enterprise.noHistory')} />
        ) : (
          <EChart option={option} style={{ height: 340 }} />
        )}
      </Card>
      {canReadCases && (
        <Card title={t('monitoring.enterprise.cases')} data-testid="enterprise-cases">
          <List
            dataSource={cases.data?.items ?? []}
            loading={cases.isLoading}
            locale={{ emptyText: t('monitoring.enterprise.noCases') }}
            renderItem={(item) => (
              <List.Item>
                <Link to={`/cases/${item.id}`} data-testid={`case-${item.id}`}>
                  {item.title}
                </Link>
                <Typography.Text type="secondary">
                  {item.status} · {item.openedAt.slice(0, 10)}
                </Typography.Text>
              </List.Item>
            )}
          />
        </Card>
      )}
    </>
  );
}
