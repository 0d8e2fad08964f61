import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { type ImportMode, type ImportResult, LIMITS } from '@yonggong/shared';
import { Alert, App, Button, Flex, Modal, Progress, Radio, Spin, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ENTERPRISE_IMPORT_TEMPLATE_URL,
  enterpriseKeys,
  uploadEnterpriseImport,
} from '../../../api/enterprises.ts';
import { describeError } from '../../../components/error-text.ts';
import { useLocale } from '../../../i18n/index.ts';
import { checkImportFile, formatBytes, IMPORT_FILE_ACCEPT } from '../import-file.ts';
import { ImportResultView } from './ImportResultView.tsx';

type ImportState =
  | { readonly phase: 'choosing' }
  | { readonly phase: 'uploading'; readonly percent: number }
  | { readonly phase: 'processing' }
  | { readonly phase: 'done'; readonly result: ImportResult }
  | { readonly phase: 'failed'; readonly error: unknown };

interface ImportDialogProps {
  readonly isOpen: boolean;
  readonly onClose: () => void;
}

const MAX_SIZE = formatBytes(LIMITS.importMaxBytes);

/**
 * Imports enterprises from a spreadsheet: template, mode, file, upload progress, then the server's
 * verdict with every bad row. Closing during an upload cancels it.
 */
export function ImportDialog({ isOpen, onClose }: ImportDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<ImportMode>('all');
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<ImportState>({ phase: 'choosing' });
  const abortRef = useRef<AbortController | null>(null);

  useEffect(() => () => abortRef.current?.abort(), []);

  const isBusy = state.phase === 'uploading' || state.phase === 'processing';
  // Once the file is sent the server may already be committing: closing then would hide the
  // outcome without undoing it, so the dialog stays until the verdict arrives.
  const isProcessing = state.phase === 'processing';

  const pickFile = (picked: File) => {
    const problem = checkImportFile(picked);
    if (problem === 'wrong_type') void message.error(t('enterprise.import.wrongType'));
    else if (problem === 'too_large') void message.error(t('enterprise.import.tooLarge', { size: MAX_SIZE }));
    else {
      setFile(picked);
      setState({ phase: 'choosing' });
    }
    return false; // keep the file here; it is sent by "开始导入", not by the Upload component
  };

  const startImport = async () => {
    if (!file || isBusy) return;
    const controller = new AbortController();
    abortRef.current = controller;
    setState({ phase: 'uploading', percent: 0 });
    try {
      const result = await uploadEnterpriseImport(
        file,
        mode,
        (progress) =>
          setState(
            progress.phase === 'uploading' ? { phase: 'uploading', percent: progress.percent } : progress,
          ),
        controller.signal,
      );
      setState({ phase: 'done', result });
      if (result.committed) void queryClient.invalidateQueries({ queryKey: enterpriseKeys.all });
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
        <Button onClick={restart}>{t('enterprise.import.again')}</Button>
        <Button key="close" type="primary" data-testid="import-close" onClick={close}>
          {t('common.close')}
        </Button>
      </Flex>
    ) : (
      <Flex justify="end" gap={8}>
        <Button onClick={close} disabled={isProcessing}>
          {t('common.cancel')}
        </Button>
        <Button
          key="submit"
          type="primary"
          data-testid="import-submit"
          disabled={!file}
          loading={isBusy}
          onClick={() => void startImport()}
        >
          {t('enterprise.import.submit')}
        </Button>
      </Flex>
    );

  return (
    <Modal
      open={isOpen}
      title={t('enterprise.import.title')}
      width={760}
      onCancel={close}
      footer={footer}
      closable={!isProcessing}
      keyboard={!isProcessing}
      mask={{ closable: !isBusy }}
      destroyOnHidden
    >
      {state.phase === 'done' ? (
        <ImportResultView result={state.result} />
      ) : (
        <Flex vertical gap={16}>
          <Alert
            type="info"
            showIcon
            title={t('enterprise.import.templateHint')}
            action={
              <Button
                size="small"
                href={ENTERPRISE_IMPORT_TEMPLATE_URL}
                download
                data-testid="import-template"
              >
                {t('enterprise.import.template')}
              </Button>
            }
          />
          <div>
            <Typography.Text strong>{t('enterprise.import.mode')}</Typography.Text>
            <Radio.Group
              value={mode}
              disabled={isBusy}
              onChange={(event) => setMode(event.target.value === 'valid' ? 'valid' : 'all')}
              style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 8 }}
            >
              <Radio value="all" data-testid="import-mode-all">
                {t('enterprise.import.modeAll')}
                <Typography.Text type="secondary"> — {t('enterprise.import.modeAllHint')}</Typography.Text>
              </Radio>
              <Radio value="valid" data-testid="import-mode-valid">
                {t('enterprise.import.modeValid')}
                <Typography.Text type="secondary"> — {t('enterprise.import.modeValidHint')}</Typography.Text>
              </Radio>
            </Radio.Group>
          </div>
          <Upload.Dragger
            data-testid="import-file"
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
            <p className="ant-upload-text">{t('enterprise.import.file')}</p>
            <p className="ant-upload-hint">{t('enterprise.import.fileHint', { size: MAX_SIZE })}</p>
          </Upload.Dragger>
          <ImportProgress state={state} />
          {state.phase === 'failed' && (
            <Alert type="error" showIcon role="alert" title={describeError(state.error, t, locale)} />
          )}
        </Flex>
      )}
    </Modal>
  );
}

function ImportProgress({ state }: { readonly state: ImportState }) {
  const { t } = useTranslation();
  if (state.phase === 'uploading')
    return (
      <div data-testid="import-progress">
        <Typography.Text>{t('enterprise.import.uploading')}</Typography.Text>
        <Progress percent={state.percent} status="active" />
      </div>
    );
  if (state.phase === 'processing')
    return (
      <Flex gap={12} align="center" data-testid="import-processing">
        <Spin />
        <Typography.Text>{t('enterprise.import.processing')}</Typography.Text>
      </Flex>
    );
  return null;
}
