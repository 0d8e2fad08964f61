import type { AuditEvent } from '@yonggong/shared';
import { Table, type TableColumnsType, type TablePaginationConfig, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeAuditAction, describeEntityType } from '../audit-labels.ts';
import { AuditDiffTable } from './AuditDiffTable.tsx';

interface AuditEventTableProps {
  readonly events: readonly AuditEvent[];
  readonly isLoading: boolean;
  readonly pagination: TablePaginationConfig | false;
  readonly onPageChange?: (page: number, pageSize: number) => void;
  /** Hide the "record" column when all events are about one record (the enterprise page). */
  readonly isEntityShown?: boolean;
  readonly emptyText: ReactNode;
}

function renderEntity(event: AuditEvent, label: string): ReactNode {
  if (event.entityType === 'enterprise' && event.entityId)
    return <Link to={`/enterprises/${event.entityId}`}>{label}</Link>;
  return <span title={event.entityId ?? undefined}>{label}</span>;
}

/** Audit events, newest first as the server sends them; a row expands into its field diff. */
export function AuditEventTable({
  events,
  isLoading,
  pagination,
  onPageChange,
  isEntityShown = true,
  emptyText,
}: AuditEventTableProps) {
  const { t } = useTranslation();

  const columns: TableColumnsType<AuditEvent> = [
    {
      key: 'at',
      title: t('audit.at'),
      width: 190,
      render: (_, event) => (
        <time dateTime={event.at} title={event.at}>
          {dayjs(event.at).format('ll LTS')}
        </time>
      ),
    },
    {
      key: 'actor',
      title: t('audit.actor'),
      render: (_, event) =>
        event.actor ? (
          <span title={event.actor.username}>{event.actor.displayName}</span>
        ) : (
          <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>
        ),
    },
    {
      key: 'action',
      title: t('audit.action'),
      render: (_, event) => <span title={event.action}>{describeAuditAction(event.action, t)}</span>,
    },
    ...(isEntityShown
      ? [
          {
            key: 'entity',
            title: t('audit.entity'),
            render: (_: unknown, event: AuditEvent) =>
              renderEntity(event, describeEntityType(event.entityType, t)),
          },
        ]
      : []),
    { key: 'summary', dataIndex: 'summary', title: t('audit.summary') },
  ];

  return (
    <Table<AuditEvent>
      data-testid="audit-table"
      size="middle"
      rowKey="id"
      columns={columns}
      dataSource={[...events]}
      loading={isLoading}
      locale={{ emptyText: isLoading ? ' ' : emptyText }}
      expandable={{ expandedRowRender: (event) => <AuditDiffTable event={event} /> }}
      pagination={pagination}
      onChange={(next) => onPageChange?.(next.current ?? 1, next.pageSize ?? 20)}
      scroll={{ x: 'max-content' }}
    />
  );
}
