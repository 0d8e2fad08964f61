import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  type ImportMode,
  type ImportRowError,
  WORKER_IMPORT_COLUMNS,
  WORKER_IMPORT_LIMITS,
  type WorkerImportStatus,
} from '@yonggong/shared';
import {
  Alert,
  App,
  Button,
  Col,
  Flex,
  Modal,
  Progress,
  Radio,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
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
import { useLocale } from '../../../i18n/index.ts';
import { listSelectableDistricts } from '../../enterprises/district-scope.ts';
import { checkImportFile, formatBytes, IMPORT_FILE_ACCEPT } from '../../enterprises/import-file.ts';
import { readImportPercent, readImportVerdict } from '../worker-import.ts';

type UploadState =
  | { readonly phase: 'choosing' }
  | { readonly phase: 'uploading'; readonly percent: number }
  | { readonly phase: 'sent'; readonly status: WorkerImportStatus }
  | { readonly phase: 'failed'; readonly error: unknown };

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
  const { message } = App.useApp();
  const me = useMe();
  const city = useCity();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<ImportMode>('all');
  const [districtCode, setDistrictCode] = useState<string | undefined>(undefined);
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<UploadState>({ phase: 'choosing' });
  const abortRef = useRef<AbortController | null>(null);
  const sent = state.phase === 'sent' ? state.status : undefined;
  const job = useWorkerImportStatus(sent?.importId ?? null, sent);
  const status = job.data ?? sent;
  const verdict = status ? readImportVerdict(status) : null;

  useEffect(() => () => abortRef.current?.abort(), []);

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
  const isUploading = state.phase === 'uploading';
  const isRunning = verdict === 'running';

  const pickFile = (picked: File) => {
    const problem = checkImportFile(picked, WORKER_IMPORT_LIMITS.maxBytes);
    if (problem === 'wrong_type') void message.error(t('worker.import.wrongType'));
    else if (problem === 'too_large') void message.error(t('worker.import.tooLarge', { size: MAX_SIZE }));
    else {
      setFile(picked);
      setState({ phase: 'choosing' });
    }
    return false; // kept here; sent by "开始导入", not by the Upload component
  };

  const startImport = async () => {
    if (!file || isUploading) return;
    const controller = new AbortController();
    abortRef.current = controller;
    setState({ phase: 'uploading', percent: 0 });
    try {
      const reply = await uploadWorkerImport(
        file,
        { mode, districtCode },
        (progress) => {
          if (progress.phase === 'uploading') setState({ phase: 'uploading', percent: progress.percent });
        },
        controller.signal,
      );
      setState({ phase: 'sent', status: reply });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      setState({ phase: 'failed', error });
    } finally {
      abortRef.current = null;
    }
  };

  const restart = () => {
    setFile(null);
    setState({ phase: 'choosing' });
  };

  const close = () => {
    // An upload in flight is cancelled; a job already running continues on the server.
    abortRef.current?.abort();
    restart();
    onClose();
  };

  const isFinished = verdict !== null && verdict !== 'running';
  const footer = isFinished ? (
    <Flex justify="end" gap={8}>
      <Button onClick={restart}>{t('worker.import.again')}</Button>
      <Button type="primary" onClick={close}>
        {t('common.close')}
      </Button>
    </Flex>
  ) : (
    <Flex justify="end" gap={8}>
      <Button onClick={close}>{isRunning ? t('common.close') : t('common.cancel')}</Button>
      {!isRunning && (
        <Button
          type="primary"
          data-testid="worker-import-submit"
          disabled={!file}
          loading={isUploading}
          onClick={() => void startImport()}
        >
          {t('worker.import.submit')}
        </Button>
      )}
    </Flex>
  );

  return (
    <Modal
      open={isOpen}
      title={t('worker.import.title')}
      width={800}
      onCancel={close}
      footer={footer}
      mask={{ closable: !isUploading }}
      destroyOnHidden
    >
      {status ? (
        <ImportProgressView status={status} />
      ) : (
        <Flex vertical gap={16}>
          <Alert
            type="info"
            showIcon
            title={t('worker.import.columns')}
            action={
              <Button
                size="small"
                href={WORKER_IMPORT_TEMPLATE_URL}
                download
                data-testid="worker-import-template"
              >
                {t('worker.import.template')}
              </Button>
            }
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
            <div>
              <Typography.Text strong>{t('worker.import.mode')}</Typography.Text>
              <Radio.Group
                value={mode}
                disabled={isUploading}
                onChange={(event) => setMode(event.target.value === 'valid' ? 'valid' : 'all')}
                style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 8 }}
              >
                <Radio value="all" data-testid="worker-import-mode-all">
                  {t('worker.import.modeAll')}
                  <Typography.Text type="secondary"> — {t('worker.import.modeAllHint')}</Typography.Text>
                </Radio>
                <Radio value="valid" data-testid="worker-import-mode-valid">
                  {t('worker.import.modeValid')}
                  <Typography.Text type="secondary"> — {t('worker.import.modeValidHint')}</Typography.Text>
                </Radio>
              </Radio.Group>
            </div>
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
          <Upload.Dragger
            data-testid="worker-import-file"
            accept={IMPORT_FILE_ACCEPT}
            multiple={false}
            maxCount={1}
            disabled={isUploading}
            beforeUpload={pickFile}
            fileList={file ? [{ uid: 'import-file', name: file.name, size: file.size, status: 'done' }] : []}
            onRemove={() => setFile(null)}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('worker.import.file')}</p>
            <p className="ant-upload-hint">{t('worker.import.fileHint', { size: MAX_SIZE })}</p>
          </Upload.Dragger>
          {state.phase === 'uploading' && (
            <div data-testid="worker-import-uploading">
              <Typography.Text>{t('worker.import.uploading')}</Typography.Text>
              <Progress percent={state.percent} status="active" />
            </div>
          )}
          {state.phase === 'failed' && (
            <Alert type="error" showIcon role="alert" title={describeError(state.error, t, locale)} />
          )}
        </Flex>
      )}
      {job.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={describeError(job.error, t, locale)}
          style={{ marginTop: 16 }}
        />
      )}
    </Modal>
  );
}

/** The job's counts and progress while it runs; its verdict and the bad rows once it has ended. */
function ImportProgressView({ status }: { readonly status: WorkerImportStatus }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const verdict = readImportVerdict(status);
  const counts = { created: status.created, linked: status.linked, failed: status.failed };
  const columns: TableColumnsType<ImportRowError> = [
    { key: 'row', dataIndex: 'row', title: t('worker.import.row'), width: 80 },
    { key: 'column', dataIndex: 'column', title: t('worker.import.column'), width: 160 },
    { key: 'message', dataIndex: 'message', title: t('worker.import.problem') },
  ];
  return (
    <Flex vertical gap={16}>
      <Row gutter={16} data-testid="worker-import-stats">
        <Col span={6}>
          <Statistic title={t('worker.import.stats.processed')} value={status.processedRows} />
        </Col>
        <Col span={6}>
          <Statistic title={t('worker.import.stats.created')} value={status.created} />
        </Col>
        <Col span={6}>
          <Statistic title={t('worker.import.stats.linked')} value={status.linked} />
        </Col>
        <Col span={6}>
          <Statistic title={t('worker.import.stats.failed')} value={status.failed} />
        </Col>
      </Row>
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
          <Table<ImportRowError>
            data-testid="worker-import-errors"
            size="small"
            title={() => t('worker.import.errors')}
            rowKey={(error) => `${error.row}:${error.column}:${error.code}:${error.message}`}
            columns={columns}
            dataSource={status.errors}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
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
