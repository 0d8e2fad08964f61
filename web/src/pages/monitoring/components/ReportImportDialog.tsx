import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { LIMITS, type ReportImportResult } from '@yonggong/shared';
import {
  Alert,
  App,
  Button,
  Col,
  Flex,
  Modal,
  Progress,
  Row,
  Spin,
  Statistic,
  Table,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MONITORING_REPORT_TEMPLATE_URL,
  monitoringKeys,
  uploadMonitoringReportImport,
} from '../../../api/monitoring.ts';
import { describeError } from '../../../components/error-text.ts';
import { useLocale } from '../../../i18n/index.ts';
import { checkImportFile, formatBytes, IMPORT_FILE_ACCEPT } from '../../enterprises/import-file.ts';

type ImportState =
  | { readonly phase: 'choosing' }
  | { readonly phase: 'uploading'; readonly percent: number }
  | { readonly phase: 'processing' }
  | { readonly phase: 'done'; readonly result: ReportImportResult }
  | { readonly phase: 'failed'; readonly error: unknown };

const MAX_SIZE = formatBytes(LIMITS.importMaxBytes);

/**
 * Imports monthly reports from a spreadsheet: the template, the file, upload progress, then the
 * server's verdict — all rows or none, every bad row as {row, column, message}, and the rows whose
 * headcounts do not reconcile (imported; the import counts as the reporter's confirmation).
 */
export function ReportImportDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<ImportState>({ phase: 'choosing' });
  const abortRef = useRef<AbortController | null>(null);

  useEffect(() => () => abortRef.current?.abort(), []);

  const isBusy = state.phase === 'uploading' || state.phase === 'processing';
  // Once the file is sent the server may be committing: the dialog stays until its verdict.
  const isProcessing = state.phase === 'processing';

  const pickFile = (picked: File) => {
    const problem = checkImportFile(picked);
    if (problem === 'wrong_type') void message.error(t('monitoring.import.wrongType'));
    else if (problem === 'too_large') void message.error(t('monitoring.import.tooLarge', { size: MAX_SIZE }));
    else {
      setFile(picked);
      setState({ phase: 'choosing' });
    }
    return false; // sent by the submit button, not by the Upload component
  };

  const startImport = async () => {
    if (!file || isBusy) return;
    const controller = new AbortController();
    abortRef.current = controller;
    setState({ phase: 'uploading', percent: 0 });
    try {
      const result = await uploadMonitoringReportImport(
        file,
        (progress) =>
          setState(
            progress.phase === 'uploading' ? { phase: 'uploading', percent: progress.percent } : progress,
          ),
        controller.signal,
      );
      setState({ phase: 'done', result });
      if (result.errors.length === 0) void queryClient.invalidateQueries({ queryKey: monitoringKeys.all });
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
    abortRef.current?.abort();
    restart();
    onClose();
  };

  const footer =
    state.phase === 'done' ? (
      <Flex justify="end" gap={8}>
        <Button onClick={restart}>{t('monitoring.import.again')}</Button>
        <Button type="primary" data-testid="report-import-close" onClick={close}>
          {t('common.close')}
        </Button>
      </Flex>
    ) : (
      <Flex justify="end" gap={8}>
        <Button onClick={close} disabled={isProcessing}>
          {t('common.cancel')}
        </Button>
        <Button
          type="primary"
          data-testid="report-import-submit"
          disabled={!file}
          loading={isBusy}
          onClick={() => void startImport()}
        >
          {t('monitoring.import.submit')}
        </Button>
      </Flex>
    );

  return (
    <Modal
      open={isOpen}
      title={t('monitoring.import.title')}
      width={760}
      onCancel={close}
      footer={footer}
      closable={!isProcessing}
      keyboard={!isProcessing}
      mask={{ closable: !isBusy }}
      destroyOnHidden
    >
      {state.phase === 'done' ? (
        <ReportImportResultView result={state.result} />
      ) : (
        <Flex vertical gap={16}>
          <Alert
            type="info"
            showIcon
            title={t('monitoring.import.templateHint')}
            action={
              <Button
                size="small"
                href={MONITORING_REPORT_TEMPLATE_URL}
                download
                data-testid="report-import-template"
              >
                {t('monitoring.import.template')}
              </Button>
            }
          />
          <Upload.Dragger
            data-testid="report-import-file"
            accept={IMPORT_FILE_ACCEPT}
            multiple={false}
            maxCount={1}
            disabled={isBusy}
            beforeUpload={pickFile}
            fileList={file ? [{ uid: 'import-file', name: file.name, size: file.size, status: 'done' }] : []}
            onRemove={() => setFile(null)}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('monitoring.import.file')}</p>
            <p className="ant-upload-hint">{t('monitoring.import.fileHint', { size: MAX_SIZE })}</p>
          </Upload.Dragger>
          {state.phase === 'uploading' && (
            <div>
              <Typography.Text>{t('monitoring.import.uploading')}</Typography.Text>
              <Progress percent={state.percent} status="active" />
            </div>
          )}
          {state.phase === 'processing' && (
            <Flex gap={12} align="center">
              <Spin />
              <Typography.Text>{t('monitoring.import.processing')}</Typography.Text>
            </Flex>
          )}
          {state.phase === 'failed' && (
            <Alert type="error" showIcon role="alert" title={describeError(state.error, t, locale)} />
          )}
        </Flex>
      )}
    </Modal>
  );
}

/** Counts, the verdict, every bad row and every reconciliation warning of a finished import. */
export function ReportImportResultView({ result }: { readonly result: ReportImportResult }) {
  const { t } = useTranslation();
  const hasErrors = result.errors.length > 0;
  const rowColumn = {
    key: 'row',
    dataIndex: 'row',
    title: t('monitoring.import.row'),
    width: 80,
  };
  const messageColumn = { key: 'message', dataIndex: 'message', title: t('monitoring.import.message') };
  return (
    <Flex vertical gap={16} data-testid="report-import-result">
      <Row gutter={16}>
        <Col span={6}>
          <Statistic title={t('monitoring.import.imported')} value={result.imported} />
        </Col>
        <Col span={6}>
          <Statistic title={t('monitoring.import.updated')} value={result.updated} />
        </Col>
        <Col span={6}>
          <Statistic title={t('monitoring.import.warningCount')} value={result.warnings.length} />
        </Col>
        <Col span={6}>
          <Statistic title={t('monitoring.import.errorCount')} value={result.errors.length} />
        </Col>
      </Row>
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
        <Table
          data-testid="report-import-errors"
          size="small"
          title={() => t('monitoring.import.errors')}
          rowKey={(error) => `${error.row}:${error.column ?? ''}:${error.message}`}
          columns={[
            rowColumn,
            { key: 'column', dataIndex: 'column', title: t('monitoring.import.column'), width: 160 },
            messageColumn,
          ]}
          dataSource={result.errors}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        />
      )}
      {result.warnings.length > 0 && (
        <Table
          data-testid="report-import-warnings"
          size="small"
          title={() => t('monitoring.import.warnings')}
          rowKey={(warning) => `${warning.row}:${warning.message}`}
          columns={[rowColumn, messageColumn]}
          dataSource={result.warnings}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        />
      )}
    </Flex>
  );
}
