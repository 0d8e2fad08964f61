import { useQueryClient } from '@tanstack/react-query';
import { LIMITS, type ReportImportResult } from '@yonggong/shared';
import { Alert, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  MONITORING_REPORT_TEMPLATE_URL,
  monitoringKeys,
  uploadMonitoringReportImport,
} from '../../../api/monitoring.ts';
import {
  ImportDialogShell,
  ImportErrorsTable,
  ImportFilePicker,
  ImportStats,
  ImportTemplateAlert,
  ImportUploadStatus,
  useImportUpload,
} from '../../../components/ImportDialogShell.tsx';
import { formatBytes } from '../../../components/import-file.ts';

const MAX_SIZE = formatBytes(LIMITS.importMaxBytes);

/**
 * Imports monthly reports from a spreadsheet: the template, the file, upload progress, then the
 * server's verdict — all rows or none, every bad row as {row, column, message}, and the rows whose
 * headcounts do not reconcile (imported; the import counts as the reporter's confirmation).
 */
export function ReportImportDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const upload = useImportUpload<ReportImportResult>({
    problems: {
      wrong_type: t('monitoring.import.wrongType'),
      too_large: t('monitoring.import.tooLarge', { size: MAX_SIZE }),
    },
    onClose,
  });
  const { state } = upload;

  const startImport = () =>
    upload.start(uploadMonitoringReportImport, (result) => {
      if (result.errors.length === 0) void queryClient.invalidateQueries({ queryKey: monitoringKeys.all });
    });

  return (
    <ImportDialogShell
      isOpen={isOpen}
      upload={upload}
      texts={{
        title: t('monitoring.import.title'),
        again: t('monitoring.import.again'),
        submit: t('monitoring.import.submit'),
      }}
      testIds={{ submit: 'report-import-submit', close: 'report-import-close' }}
      onSubmit={() => void startImport()}
      result={state.phase === 'done' ? <ReportImportResultView result={state.result} /> : undefined}
    >
      <ImportTemplateAlert
        title={t('monitoring.import.templateHint')}
        href={MONITORING_REPORT_TEMPLATE_URL}
        label={t('monitoring.import.template')}
        testId="report-import-template"
      />
      <ImportFilePicker
        testId="report-import-file"
        upload={upload}
        text={t('monitoring.import.file')}
        hint={t('monitoring.import.fileHint', { size: MAX_SIZE })}
      />
      <ImportUploadStatus
        state={state}
        uploading={t('monitoring.import.uploading')}
        processing={t('monitoring.import.processing')}
      />
    </ImportDialogShell>
  );
}

/** Counts, the verdict, every bad row and every reconciliation warning of a finished import. */
export function ReportImportResultView({ result }: { readonly result: ReportImportResult }) {
  const { t } = useTranslation();
  const hasErrors = result.errors.length > 0;
  return (
    <Flex vertical gap={16} data-testid="report-import-result">
      <ImportStats
        items={[
          { title: t('monitoring.import.imported'), value: result.imported },
          { title: t('monitoring.import.updated'), value: result.updated },
          { title: t('monitoring.import.warningCount'), value: result.warnings.length },
          { title: t('monitoring.import.errorCount'), value: result.errors.length },
        ]}
      />
      {hasErrors ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="report-import-nothing"
          title={t('monitoring.import.nothing', { count: result.errors.length })}
        />
      ) : (
        <Alert
          type="success"
          showIcon
          title={t('monitoring.import.done', { imported: result.imported, updated: result.updated })}
        />
      )}
      {hasErrors && (
        <ImportErrorsTable
          testId="report-import-errors"
          title={t('monitoring.import.errors')}
          labels={{
            row: t('monitoring.import.row'),
            column: t('monitoring.import.column'),
            message: t('monitoring.import.message'),
          }}
          errors={result.errors}
          rowKey={(error) => `${error.row}:${error.column ?? ''}:${error.message}`}
        />
      )}
      {result.warnings.length > 0 && (
        <ImportErrorsTable
          testId="report-import-warnings"
          title={t('monitoring.import.warnings')}
          labels={{ row: t('monitoring.import.row'), message: t('monitoring.import.message') }}
          errors={result.warnings}
          rowKey={(warning) => `${warning.row}:${warning.message}`}
        />
      )}
    </Flex>
  );
}
