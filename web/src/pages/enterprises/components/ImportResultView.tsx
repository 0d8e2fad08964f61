import type { ImportResult } from '@yonggong/shared';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ImportErrorsTable, ImportStats } from '../../../components/ImportDialogShell.tsx';

/** Counts, a verdict and every bad row of a finished import. */
export function ImportResultView({ result }: { readonly result: ImportResult }) {
  const { t } = useTranslation();
  const hasErrors = result.errors.length > 0;

  return (
    <>
      <ImportStats
        testId="import-stats"
        style={{ marginBottom: 16 }}
        items={[
          { title: t('enterprise.import.stats.totalRows'), value: result.totalRows },
          { title: t('enterprise.import.stats.created'), value: result.created },
          { title: t('enterprise.import.stats.unchanged'), value: result.unchanged },
          { title: t('enterprise.import.stats.failed'), value: result.failed },
        ]}
      />
      <ImportVerdict result={result} />
      {hasErrors && (
        <ImportErrorsTable
          testId="import-errors"
          title={t('enterprise.import.errors')}
          labels={{
            row: t('enterprise.import.row'),
            column: t('enterprise.import.column'),
            message: t('enterprise.import.problem'),
          }}
          errors={result.errors}
          rowKey={(error) => `${error.row}:${error.column}:${error.code}:${error.message}`}
          sortByRow
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
