import { InboxOutlined } from '@ant-design/icons';
import type { ImportMode } from '@yonggong/shared';
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
  Spin,
  Statistic,
  Table,
  type TableColumnsType,
  type TableProps,
  Typography,
  Upload,
} from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UploadProgress } from '../api/upload.ts';
import { useLocale } from '../i18n/index.ts';
import { describeError } from './error-text.ts';
import {
  checkImportFile,
  IMPORT_FILE_ACCEPT,
  type ImportFileProblem,
  type ImportUploadState,
  isAbortError,
  isImportBusy,
  pickedFileList,
  stateOfProgress,
} from './import-file.ts';

/**
 * The shared parts of the spreadsheet import dialogs (enterprises, monitoring reports, workers):
 * the upload's state, the modal, the template hint, the mode choice, the file picker, progress,
 * failure, footer, counts and the bad-rows table. Each dialog supplies its strings and test ids.
 */

interface ImportUploadOptions {
  /** The endpoint's size limit; the common import limit when omitted. */
  readonly maxBytes?: number;
  /** What to say when a picked file is refused before sending. */
  readonly problems: Readonly<Record<ImportFileProblem, string>>;
  readonly onClose: () => void;
}

/**
 * One file, checked when picked and kept until "开始导入"; the upload's progress and its result.
 * Closing cancels an upload in flight; unmounting does too.
 */
export function useImportUpload<R>({ maxBytes, problems, onClose }: ImportUploadOptions) {
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<ImportUploadState<R>>({ phase: 'choosing' });
  const abortRef = useRef<AbortController | null>(null);

  useEffect(() => () => abortRef.current?.abort(), []);

  const isBusy = isImportBusy(state);

  const pickFile = (picked: File) => {
    const problem = checkImportFile(picked, maxBytes);
    if (problem) void message.error(problems[problem]);
    else {
      setFile(picked);
      setState({ phase: 'choosing' });
    }
    return false; // keep the file here; it is sent by "开始导入", not by the Upload component
  };

  /** Sends the file with `send`; `onDone` sees the result once it is shown. */
  const start = async (
    send: (file: File, onProgress: (progress: UploadProgress) => void, signal: AbortSignal) => Promise<R>,
    onDone?: (result: R) => void,
  ) => {
    if (!file || isBusy) return;
    const controller = new AbortController();
    abortRef.current = controller;
    setState({ phase: 'uploading', percent: 0 });
    try {
      const result = await send(file, (progress) => setState(stateOfProgress(progress)), controller.signal);
      setState({ phase: 'done', result });
      onDone?.(result);
    } catch (error) {
      if (isAbortError(error)) return;
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

  return {
    file,
    state,
    isBusy,
    // Once the file is sent the server may already be committing: closing then would hide the
    // outcome without undoing it, so the dialog stays until the verdict arrives.
    isProcessing: state.phase === 'processing',
    pickFile,
    removeFile: () => setFile(null),
    start,
    restart,
    close,
  };
}

/** What the shell and the file picker need of `useImportUpload`, whatever the result type. */
export interface ImportUpload {
  readonly file: File | null;
  readonly state: ImportUploadState<unknown>;
  readonly isBusy: boolean;
  readonly isProcessing: boolean;
  readonly pickFile: (file: File) => boolean;
  readonly removeFile: () => void;
  readonly restart: () => void;
  readonly close: () => void;
}

interface ImportDialogShellProps {
  readonly isOpen: boolean;
  readonly width?: number;
  readonly upload: ImportUpload;
  readonly texts: { readonly title: string; readonly again: string; readonly submit: string };
  readonly testIds: { readonly submit: string; readonly close?: string };
  readonly onSubmit: () => void;
  /** Whether the verdict is in (the footer then offers "again" and close); by default once uploaded. */
  readonly isDone?: boolean;
  /** A job runs on the server after the upload: nothing to submit, and cancelling becomes closing. */
  readonly isRunning?: boolean;
  /** Shown instead of the form once there is something to report. */
  readonly result?: ReactNode;
  /** Shown below the form or the result. */
  readonly extra?: ReactNode;
  /** The form: template hint, options, file picker, progress. */
  readonly children: ReactNode;
}

/** The import modal: locked while the server reads the file, with the usual footer. */
export function ImportDialogShell({
  isOpen,
  width = 760,
  upload,
  texts,
  testIds,
  onSubmit,
  isDone = upload.state.phase === 'done',
  isRunning = false,
  result,
  extra,
  children,
}: ImportDialogShellProps) {
  const { isBusy, isProcessing } = upload;
  return (
    <Modal
      open={isOpen}
      title={texts.title}
      width={width}
      onCancel={upload.close}
      footer={
        <ImportDialogFooter
          isDone={isDone}
          onAgain={upload.restart}
          againLabel={texts.again}
          onClose={upload.close}
          closeTestId={testIds.close}
          cancelLabel={isRunning ? 'close' : 'cancel'}
          cancelDisabled={isProcessing}
          submit={
            isRunning
              ? null
              : {
                  label: texts.submit,
                  testId: testIds.submit,
                  disabled: !upload.file,
                  loading: isBusy,
                  onClick: onSubmit,
                }
          }
        />
      }
      closable={!isProcessing}
      keyboard={!isProcessing}
      mask={{ closable: !isBusy }}
      destroyOnHidden
    >
      {result ?? (
        <Flex vertical gap={16}>
          {children}
        </Flex>
      )}
      {extra}
    </Modal>
  );
}

/** "Use the template": a hint, the template's download button and optionally more. */
export function ImportTemplateAlert(props: {
  readonly title: string;
  readonly href: string;
  readonly label: string;
  readonly testId: string;
  readonly description?: ReactNode;
}) {
  return (
    <Alert
      type="info"
      showIcon
      title={props.title}
      action={
        <Button size="small" href={props.href} download data-testid={props.testId}>
          {props.label}
        </Button>
      }
      description={props.description}
    />
  );
}

/** "All or nothing" versus "only the valid rows", each with its hint. */
export function ImportModeChoice(props: {
  readonly value: ImportMode;
  readonly onChange: (mode: ImportMode) => void;
  readonly disabled: boolean;
  /** Test ids are `<prefix>-all` and `<prefix>-valid`. */
  readonly testIdPrefix: string;
  readonly texts: {
    readonly label: string;
    readonly all: string;
    readonly allHint: string;
    readonly valid: string;
    readonly validHint: string;
  };
}) {
  const { texts } = props;
  return (
    <div>
      <Typography.Text strong>{texts.label}</Typography.Text>
      <Radio.Group
        value={props.value}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.target.value === 'valid' ? 'valid' : 'all')}
        style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 8 }}
      >
        <Radio value="all" data-testid={`${props.testIdPrefix}-all`}>
          {texts.all}
          <Typography.Text type="secondary"> — {texts.allHint}</Typography.Text>
        </Radio>
        <Radio value="valid" data-testid={`${props.testIdPrefix}-valid`}>
          {texts.valid}
          <Typography.Text type="secondary"> — {texts.validHint}</Typography.Text>
        </Radio>
      </Radio.Group>
    </div>
  );
}

/** The drop zone for one .xlsx or .csv file, locked while it is sent. */
export function ImportFilePicker(props: {
  readonly upload: ImportUpload;
  readonly testId: string;
  readonly text: string;
  readonly hint: string;
}) {
  const { upload } = props;
  return (
    <Upload.Dragger
      data-testid={props.testId}
      accept={IMPORT_FILE_ACCEPT}
      multiple={false}
      maxCount={1}
      disabled={upload.isBusy}
      beforeUpload={upload.pickFile}
      fileList={pickedFileList(upload.file)}
      onRemove={upload.removeFile}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{props.text}</p>
      <p className="ant-upload-hint">{props.hint}</p>
    </Upload.Dragger>
  );
}

/** The upload's percent, then a spinner while the server reads the file; the error if it failed. */
export function ImportUploadStatus(props: {
  readonly state: ImportUploadState<unknown>;
  readonly uploading: string;
  readonly processing?: string;
  readonly testIds?: { readonly uploading?: string; readonly processing?: string };
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { state } = props;
  if (state.phase === 'uploading')
    return (
      <div data-testid={props.testIds?.uploading}>
        <Typography.Text>{props.uploading}</Typography.Text>
        <Progress percent={state.percent} status="active" />
      </div>
    );
  if (state.phase === 'processing' && props.processing !== undefined)
    return (
      <Flex gap={12} align="center" data-testid={props.testIds?.processing}>
        <Spin />
        <Typography.Text>{props.processing}</Typography.Text>
      </Flex>
    );
  if (state.phase === 'failed')
    return <Alert type="error" showIcon role="alert" title={describeError(state.error, t, locale)} />;
  return null;
}

/** "Import another file" and close once done; otherwise cancel and submit. */
export function ImportDialogFooter(props: {
  readonly isDone: boolean;
  readonly onAgain: () => void;
  readonly againLabel: string;
  readonly onClose: () => void;
  readonly closeTestId?: string;
  /** "取消" before anything is sent; "关闭" while a job runs on without the dialog. */
  readonly cancelLabel?: 'cancel' | 'close';
  readonly cancelDisabled?: boolean;
  /** The submit button; none while there is nothing to submit. */
  readonly submit: {
    readonly label: string;
    readonly testId: string;
    readonly disabled: boolean;
    readonly loading: boolean;
    readonly onClick: () => void;
  } | null;
}) {
  const { t } = useTranslation();
  const { submit } = props;
  return props.isDone ? (
    <Flex justify="end" gap={8}>
      <Button onClick={props.onAgain}>{props.againLabel}</Button>
      <Button key="close" type="primary" data-testid={props.closeTestId} onClick={props.onClose}>
        {t('common.close')}
      </Button>
    </Flex>
  ) : (
    <Flex justify="end" gap={8}>
      <Button onClick={props.onClose} disabled={props.cancelDisabled}>
        {props.cancelLabel === 'close' ? t('common.close') : t('common.cancel')}
      </Button>
      {submit && (
        <Button
          key="submit"
          type="primary"
          data-testid={submit.testId}
          disabled={submit.disabled}
          loading={submit.loading}
          onClick={submit.onClick}
        >
          {submit.label}
        </Button>
      )}
    </Flex>
  );
}

/** A row of counts, equally wide. */
export function ImportStats(props: {
  readonly testId?: string;
  readonly style?: React.CSSProperties;
  readonly items: readonly { readonly title: string; readonly value: number }[];
}) {
  const span = 24 / props.items.length;
  return (
    <Row gutter={16} style={props.style} data-testid={props.testId}>
      {props.items.map((item) => (
        <Col key={item.title} span={span}>
          <Statistic title={item.title} value={item.value} />
        </Col>
      ))}
    </Row>
  );
}

/** One refused (or questionable) row: where it is in the spreadsheet and what is wrong. */
export interface ImportBadRow {
  readonly row: number;
  readonly column?: string | null;
  readonly message: string;
}

const PAGED: TableProps['pagination'] = { pageSize: 10, hideOnSinglePage: true, showSizeChanger: false };

/** Every bad row as {row, column, message}; without a column label, as {row, message}. */
export function ImportErrorsTable<T extends ImportBadRow>(props: {
  readonly testId?: string;
  readonly title?: string;
  readonly labels: { readonly row: string; readonly column?: string; readonly message: string };
  readonly errors: readonly T[];
  readonly rowKey: (error: T) => string;
  /** Sorted by row number, ascending first, with the header to flip it. */
  readonly sortByRow?: boolean;
  readonly widths?: { readonly row?: number; readonly column?: number };
  readonly pagination?: TableProps['pagination'];
}) {
  const { labels, widths = { row: 80, column: 160 }, title } = props;
  const columns: TableColumnsType<T> = [
    {
      key: 'row',
      dataIndex: 'row',
      title: labels.row,
      width: widths.row,
      ...(props.sortByRow
        ? { sorter: (a: T, b: T) => a.row - b.row, defaultSortOrder: 'ascend' as const }
        : {}),
    },
    ...(labels.column === undefined
      ? []
      : [{ key: 'column', dataIndex: 'column', title: labels.column, width: widths.column }]),
    { key: 'message', dataIndex: 'message', title: labels.message },
  ];
  return (
    <Table<T>
      data-testid={props.testId}
      size="small"
      title={title === undefined ? undefined : () => title}
      rowKey={props.rowKey}
      columns={columns}
      dataSource={props.errors}
      pagination={props.pagination ?? PAGED}
    />
  );
}
