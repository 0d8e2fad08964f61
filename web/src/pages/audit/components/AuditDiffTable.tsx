import type { AuditEvent } from '@yonggong/shared';
import { Descriptions, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type AuditDiffRow, buildAuditDiff } from '../audit-diff.ts';
import { describeAuditField, describeAuditValue } from '../audit-labels.ts';

/** What one audit event changed, field by field, plus where the request came from. */
export function AuditDiffTable({ event }: { readonly event: AuditEvent }) {
  const { t } = useTranslation();
  const rows = buildAuditDiff(event.before, event.after);

  const renderValue = (field: string, text: string) =>
    text === '' ? (
      <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>
    ) : (
      describeAuditValue(field, text, t)
    );

  const columns: TableColumnsType<AuditDiffRow> = [
    {
      key: 'field',
      title: t('audit.diff.field'),
      width: 180,
      render: (_, row) => (
        <>
          {describeAuditField(row.field, t)}
          {row.change !== 'changed' && (
            <Tag style={{ marginInlineStart: 8 }} color={row.change === 'added' ? 'green' : 'red'}>
              {t(`audit.diff.${row.change}`)}
            </Tag>
          )}
        </>
      ),
    },
    { key: 'before', title: t('audit.diff.before'), render: (_, row) => renderValue(row.field, row.before) },
    { key: 'after', title: t('audit.diff.after'), render: (_, row) => renderValue(row.field, row.after) },
  ];

  return (
    <>
      {rows.length > 0 ? (
        <Table<AuditDiffRow>
          data-testid="audit-diff"
          size="small"
          rowKey="field"
          columns={columns}
          dataSource={rows}
          pagination={false}
        />
      ) : (
        <Typography.Text type="secondary">{t('audit.diff.none')}</Typography.Text>
      )}
      <Descriptions size="small" column={2} style={{ marginTop: 8 }}>
        <Descriptions.Item label={t('audit.requestId')}>
          {event.requestId ?? t('common.empty')}
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.ip')}>{event.ip ?? t('common.empty')}</Descriptions.Item>
      </Descriptions>
    </>
  );
}
