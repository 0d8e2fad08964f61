import { type ApplicationStatus, Permission, type Worker } from '@yonggong/shared';
import { Alert, Card, Flex, Space, Tag, Timeline, type TimelineItemProps, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Placement, useApplications, usePlacements } from '../../../api/applications.ts';
import { useCan } from '../../../app/use-can.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { findColumnOf } from '../../job-orders/pipeline-board.ts';
import { buildWorkerTimeline, type TimelineItem } from '../timeline.ts';

function colorOf(status: ApplicationStatus): string {
  switch (findColumnOf(status)) {
    case 'hired':
    case 'retained_30':
    case 'retained_90':
      return 'green';
    case 'ended':
      return status === 'rejected' || status === 'no_show' ? 'red' : 'gray';
    default:
      return 'blue';
  }
}

/** "2025-03-05 08:00", or the date alone for a date without a time (a 到岗 date). */
function formatWhen(at: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(at) ? at : dayjs(at).format('YYYY-MM-DD HH:mm');
}

function PlacementFacts({ placement }: { readonly placement: Placement }) {
  const { t } = useTranslation();
  const retention = (value: Placement['retained30']) => t(`worker.timeline.retention.${value}`);
  const color = (value: Placement['retained30']) =>
    value === 'yes' ? 'green' : value === 'no' ? 'red' : undefined;
  return (
    <Space size={4} wrap>
      <Tag color="green">{t('worker.timeline.hiredOn', { date: placement.hiredOn })}</Tag>
      <Tag color={color(placement.retained30)}>
        {t('worker.timeline.retention30', { value: retention(placement.retained30) })}
      </Tag>
      <Tag color={color(placement.retained90)}>
        {t('worker.timeline.retention90', { value: retention(placement.retained90) })}
      </Tag>
    </Space>
  );
}

/**
 * Everything that happened to a worker, newest first: registrations through each channel, every
 * step of every application, placements and their retention checks.
 */
export function WorkerTimeline({ worker }: { readonly worker: Worker }) {
  const { t } = useTranslation();
  const canReadApplications = useCan(Permission.ApplicationRead);
  const canReadPlacements = useCan(Permission.PlacementRead);
  const canOpenOrders = useCan(Permission.JobOrderRead);
  const applications = useApplications({ workerId: worker.id }, canReadApplications);
  const placements = usePlacements({ workerId: worker.id }, canReadPlacements);

  const items = buildWorkerTimeline({
    worker,
    applications: applications.data?.items ?? [],
    placements: placements.data?.items ?? [],
  });

  const orderLink = (order: {
    readonly id: string;
    readonly title: string;
    readonly enterpriseName: string;
  }) => {
    const text = `${order.enterpriseName}「${order.title}」`;
    return canOpenOrders ? <Link to={`/job-orders/${order.id}`}>{text}</Link> : text;
  };

  const renderItem = (item: TimelineItem): TimelineItemProps => {
    const title = formatWhen(item.at);
    switch (item.kind) {
      case 'registered':
        return {
          key: item.key,
          color: 'blue',
          title,
          content: (
            <Typography.Text>
              {t(item.isFirst ? 'worker.timeline.registered' : 'worker.timeline.linked', {
                channel: t(`channel.${item.channel}`),
              })}
            </Typography.Text>
          ),
        };
      case 'step': {
        const details: ReactNode[] = [];
        if (item.reason) details.push(t('worker.timeline.reason', { reason: item.reason }));
        details.push(
          item.actor ? t('worker.timeline.by', { actor: item.actor }) : t('worker.timeline.system'),
        );
        return {
          key: item.key,
          color: colorOf(item.to),
          title,
          content: (
            <Flex vertical gap={2} data-testid={`timeline-step-${item.applicationId}-${item.to}`}>
              <Space size={6} wrap>
                {orderLink({ ...item.jobOrder, enterpriseName: item.jobOrder.enterpriseName })}
                <Tag color={colorOf(item.to)}>
                  {item.from
                    ? t('worker.timeline.stepFrom', {
                        from: t(`application.status.${item.from}`),
                        to: t(`application.status.${item.to}`),
                      })
                    : t(`application.status.${item.to}`)}
                </Tag>
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {details.join(' · ')}
              </Typography.Text>
              {item.placement && <PlacementFacts placement={item.placement} />}
            </Flex>
          ),
        };
      }
      case 'placement':
        return {
          key: item.key,
          color: 'green',
          title,
          content: (
            <Flex vertical gap={2}>
              <Space size={6} wrap>
                {orderLink({
                  id: item.placement.jobOrderId,
                  title: item.placement.jobOrderTitle,
                  enterpriseName: item.placement.enterpriseName,
                })}
                <Tag color="green">{t('worker.timeline.placement')}</Tag>
              </Space>
              <PlacementFacts placement={item.placement} />
            </Flex>
          ),
        };
      default: {
        const exhaustive: never = item;
        return exhaustive;
      }
    }
  };

  const page = applications.data;
  return (
    <Card title={t('worker.timeline.title')}>
      <div data-testid="worker-timeline">
        {applications.isError ? (
          <ErrorState error={applications.error} onRetry={() => void applications.refetch()} />
        ) : (
          <Flex vertical gap={12}>
            {page && page.total > page.items.length && (
              <Alert
                type="info"
                showIcon
                title={t('worker.timeline.truncated', { shown: page.items.length, total: page.total })}
              />
            )}
            {items.length === 0 ? (
              <Typography.Text type="secondary">{t('worker.timeline.empty')}</Typography.Text>
            ) : (
              <Timeline items={items.map(renderItem)} />
            )}
          </Flex>
        )}
      </div>
    </Card>
  );
}
