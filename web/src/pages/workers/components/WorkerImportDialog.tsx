import { useQueryClient } from '@tanstack/react-query';
import {
  type ImportMode,
  WORKER_IMPORT_COLUMNS,
  WORKER_IMPORT_LIMITS,
  type WorkerImportStatus,
} from '@yonggong/shared';
import { Alert, Flex, Progress, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCity } from '../../../api/regions.ts';
import {
  uploadWorkerImport,
  useWorkerImportStatus,
  WORKER_IMPORT_TEMPLATE_URL,
  workerKeys,
} from '../../../api/workers.ts';
import { useMe } from '../../../app/auth-context.tsx';
import { describeError } from '../../../components/error-text.ts';
import {
  ImportDialogShell,
  ImportErrorsTable,
  ImportFilePicker,
  ImportModeChoice,
  ImportStats,
  ImportTemplateAlert,
  ImportUploadStatus,
  useImportUpload,
} from '../../../components/ImportDialogShell.tsx';
import { formatBytes } from '../../../components/import-file.ts';
import { useLocale } from '../../../i18n/index.ts';
import { listSelectableDistricts } from '../../enterprises/district-scope.ts';
import { readImportPercent, readImportVerdict } from '../worker-import.ts';

interface WorkerImportDialogProps {
  readonly isOpen: boolean;
  readonly onClose: () => void;
}

const MAX_SIZE = formatBytes(WORKER_IMPORT_LIMITS.maxBytes);

/**
 * Imports a worker list: the columns expected, the mode, the serving district, the file; then the
 * upload's progress and the import job's, polled while it runs (a million rows take minutes, and
 * the dialog may be closed meanwhile); finally the counts — new workers, already registered ones
 * linked instead of duplicated — and every bad row.
 */
export function WorkerImportDialog({ isOpen, onClose }: WorkerImportDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const city = useCity();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<ImportMode>('all');
  const [districtCode, setDistrictCode] = useState<string | undefined>(undefined);
  // An upload in flight is cancelled on close; a job already running continues on the server.
  const upload = useImportUpload<WorkerImportStatus>({
    maxBytes: WORKER_IMPORT_LIMITS.maxBytes,
    problems: {
      wrong_type: t('worker.import.wrongType'),
      too_large: t('worker.import.tooLarge', { size: MAX_SIZE }),
    },
    onClose,
  });
  const { state } = upload;
  const sent = state.phase === 'done' ? state.result : undefined;
  const job = useWorkerImportStatus(sent?.importId ?? null, sent);
  const status = job.data ?? sent;
  const verdict = status ? readImportVerdict(status) : null;

  // The list changes once the rows are in.
  const isCommitted = status?.committed === true;
  useEffect(() => {
    if (isCommitted) void queryClient.invalidateQueries({ queryKey: workerKeys.lists() });
  }, [isCommitted, queryClient]);

  // Base and school staff import into the city-wide pool (their base or school is the channel):
  // no district to choose.
  const isChannelStaff =
    me.scope.districtCodes.length === 0 && (me.scope.baseId !== null || me.scope.schoolId !== null);
  const districts = city.data && !isChannelStaff ? listSelectableDistricts(city.data.districts, me) : [];
  // The job, not the upload, does the work: the upload's "processing" phase is not shown.
  const isUploading = upload.isBusy;

  const startImport = () =>
    upload.start((file, onProgress, signal) =>
      uploadWorkerImport(
        file,
        { mode, districtCode },
        (progress) => {
          if (progress.phase === 'uploading') onProgress(progress);
        },
        signal,
      ),
    );

  return (
    <ImportDialogShell
      isOpen={isOpen}
      width={800}
      upload={upload}
      texts={{
        title: t('worker.import.title'),
        again: t('worker.import.again'),
        submit: t('worker.import.submit'),
      }}
      testIds={{ submit: 'worker-import-submit' }}
      onSubmit={() => void startImport()}
      isDone={verdict !== null && verdict !== 'running'}
      isRunning={verdict === 'running'}
      result={status ? <ImportProgressView status={status} /> : undefined}
      extra={
        job.isError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={describeError(job.error, t, locale)}
            style={{ marginTop: 16 }}
          />
        )
      }
    >
      <ImportTemplateAlert
        title={t('worker.import.columns')}
        href={WORKER_IMPORT_TEMPLATE_URL}
        label={t('worker.import.template')}
        testId="worker-import-template"
        description={
          <Space size={[4, 4]} wrap data-testid="worker-import-columns">
            {WORKER_IMPORT_COLUMNS.map((column) => (
              <Tag key={column.field} color={column.required ? 'blue' : undefined}>
                {column.required ? `${column.header} *` : column.header}
              </Tag>
            ))}
          </Space>
        }
      />
      <Flex gap={24} wrap>
        <ImportModeChoice
          value={mode}
          onChange={setMode}
          disabled={isUploading}
          testIdPrefix="worker-import-mode"
          texts={{
            label: t('worker.import.mode'),
            all: t('worker.import.modeAll'),
            allHint: t('worker.import.modeAllHint'),
            valid: t('worker.import.modeValid'),
            validHint: t('worker.import.modeValidHint'),
          }}
        />
        {districts.length > 1 && (
          <Flex vertical gap={8}>
            <Typography.Text strong>{t('worker.import.district')}</Typography.Text>
            <Select
              data-testid="worker-import-district"
              allowClear
              placeholder={t('worker.import.districtDefault')}
              value={districtCode}
              onChange={(code?: string) => setDistrictCode(code)}
              options={districts.map((district) => ({ value: district.code, label: district.name }))}
              style={{ width: 200 }}
            />
          </Flex>
        )}
      </Flex>
      <ImportFilePicker
        testId="worker-import-file"
        upload={upload}
        text={t('worker.import.file')}
        hint={t('worker.import.fileHint', { size: MAX_SIZE })}
      />
      <ImportUploadStatus
        state={state}
        uploading={t('worker.import.uploading')}
        testIds={{ uploading: 'worker-import-uploading' }}
      />
    </ImportDialogShell>
  );
}

/** The job's counts and progress while it runs; its verdict and the bad rows once it has ended. */
function ImportProgressView({ status }: { readonly status: WorkerImportStatus }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const verdict = readImportVerdict(status);
  const counts = { created: status.created, linked: status.linked, failed: status.failed };
  return (
    <Flex vertical gap={16}>
      <ImportStats
        testId="worker-import-stats"
        items={[
          { title: t('worker.import.stats.processed'), value: status.processedRows },
          { title: t('worker.import.stats.created'), value: status.created },
          { title: t('worker.import.stats.linked'), value: status.linked },
          { title: t('worker.import.stats.failed'), value: status.failed },
        ]}
      />
      {verdict === 'running' ? (
        <div data-testid="worker-import-running">
          <Typography.Text>
            {t('worker.import.running', { rows: status.processedRows.toLocaleString(locale) })}
          </Typography.Text>
          <Progress percent={readImportPercent(status)} status="active" />
          <Typography.Text type="secondary">{t('worker.import.runningHint')}</Typography.Text>
        </div>
      ) : (
        <ImportVerdictAlert status={status} counts={counts} />
      )}
      {status.errors.length > 0 && (
        <>
          {status.errorCount > status.errors.length && (
            <Typography.Text type="secondary">
              {t('worker.import.moreErrors', {
                total: status.errorCount.toLocaleString(locale),
                shown: status.errors.length.toLocaleString(locale),
              })}
            </Typography.Text>
          )}
          <ImportErrorsTable
            testId="worker-import-errors"
            title={t('worker.import.errors')}
            labels={{
              row: t('worker.import.row'),
              column: t('worker.import.column'),
              message: t('worker.import.problem'),
            }}
            errors={status.errors}
            rowKey={(error) => `${error.row}:${error.column}:${error.code}:${error.message}`}
          />
        </>
      )}
    </Flex>
  );
}

function ImportVerdictAlert({
  status,
  counts,
}: {
  readonly status: WorkerImportStatus;
  readonly counts: { readonly created: number; readonly linked: number; readonly failed: number };
}) {
  const { t } = useTranslation();
  const verdict = readImportVerdict(status);
  switch (verdict) {
    case 'running':
      return null;
    case 'failed':
      return (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="worker-import-failed"
          title={t('worker.import.failedTitle')}
          description={status.failure?.message}
        />
      );
    case 'nothing_imported':
      return (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="worker-import-nothing-imported"
          title={t('worker.import.nothingImported')}
          description={t('worker.import.nothingImportedText', counts)}
        />
      );
    case 'partial':
      return (
        <Alert
          type="warning"
          showIcon
          data-testid="worker-import-partial"
          title={t('worker.import.committed')}
          description={`${t('worker.import.committedText', counts)} ${t('worker.import.partial', counts)}`}
        />
      );
    case 'committed':
      return (
        <Alert
          type="success"
          showIcon
          data-testid="worker-import-committed"
          title={t('worker.import.committed')}
          description={t('worker.import.committedText', counts)}
        />
      );
    default: {
      const exhaustive: never = verdict;
      return exhaustive;
    }
  }
}
