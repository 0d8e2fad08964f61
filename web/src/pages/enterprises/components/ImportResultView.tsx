import type { ImportResult, ImportRowError } from '@yonggong/shared';
import { Alert, Col, Row, Statistic, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';

/** Counts, a verdict and every bad row of a finished import. */
export function ImportResultView({ result }: { readonly result: ImportResult }) {
  const { t } = useTranslation();
  const hasErrors = result.errors.length > 0;

  const columns: TableColumnsType<ImportRowError> = [
    {
      key: 'row',
      dataIndex: 'row',
      title: t('enterprise.import.row'),
      width: 80,
      sorter: (a, b) => a.row - b.row,
      defaultSortOrder: 'ascend',
    },
    { key: 'column', dataIndex: 'column', title: t('enterprise.import.column'), width: 160 },
    { key: 'message', dataIndex: 'message', title: t('enterprise.import.problem') },
  ];

  return (
    <>
      <Row gutter={16} style={{ marginBottom: 16 }} data-testid="import-stats">
        <Col span={6}>
          <Statistic title={t('enterprise.import.stats.totalRows')} value={result.totalRows} />
        </Col>
        <Col span={6}>
          <Statistic title={t('enterprise.import.stats.created')} value={result.created} />
        </Col>
        <Col span={6}>
          <Statistic title={t('enterprise.import.stats.unchanged')} value={result.unchanged} />
        </Col>
        <Col span={6}>
          <Statistic title={t('enterprise.import.stats.failed')} value={result.failed} />
        </Col>
      </Row>
      <ImportVerdict result={result} />
      {hasErrors && (
        <Table<ImportRowError>
          data-testid="import-errors"
          size="small"
          title={() => t('enterprise.import.errors')}
          rowKey={(error) => `${error.row}:${error.column}:${error.code}:${error.message}`}
          columns={columns}
          dataSource={result.errors}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        />
      )}
    </>
  );
}

function ImportVerdict({ result }: { readonly result: ImportResult }) {
  const { t } = useTranslation();
  const counts = { created: result.created, unchanged: result.unchanged, failed: result.failed };
  const style = { marginBottom: 16 };
  if (!result.committed)
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        data-testid="import-nothing-imported"
        style={style}
        title={t('enterprise.import.nothingImported')}
        description={t('enterprise.import.nothingImportedText', { failed: result.failed })}
      />
    );
  if (result.failed > 0)
    return (
      <Alert
        type="warning"
        showIcon
        style={style}
        title={t('enterprise.import.committed')}
        description={`${t('enterprise.import.committedText', counts)} ${t('enterprise.import.partial', counts)}`}
      />
    );
  return (
    <Alert
      type="success"
      showIcon
      style={style}
      title={t('enterprise.import.committed')}
      description={t('enterprise.import.committedText', counts)}
    />
  );
}
