import { useQueryClient } from '@tanstack/react-query';
import { type ImportMode, type ImportResult, LIMITS } from '@yonggong/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ENTERPRISE_IMPORT_TEMPLATE_URL,
  enterpriseKeys,
  uploadEnterpriseImport,
} from '../../../api/enterprises.ts';
import {
  ImportDialogShell,
  ImportFilePicker,
  ImportModeChoice,
  ImportTemplateAlert,
  ImportUploadStatus,
  useImportUpload,
} from '../../../components/ImportDialogShell.tsx';
import { formatBytes } from '../../../components/import-file.ts';
import { ImportResultView } from './ImportResultView.tsx';

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
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<ImportMode>('all');
  const upload = useImportUpload<ImportResult>({
    problems: {
      wrong_type: t('enterprise.import.wrongType'),
      too_large: t('enterprise.import.tooLarge', { size: MAX_SIZE }),
    },
    onClose,
  });
  const { state, isBusy } = upload;

  const startImport = () =>
    upload.start(
      (file, onProgress, signal) => uploadEnterpriseImport(file, mode, onProgress, signal),
      (result) => {
        if (result.committed) void queryClient.invalidateQueries({ queryKey: enterpriseKeys.all });
      },
    );

  return (
    <ImportDialogShell
      isOpen={isOpen}
      upload={upload}
      texts={{
        title: t('enterprise.import.title'),
        again: t('enterprise.import.again'),
        submit: t('enterprise.import.submit'),
      }}
      testIds={{ submit: 'import-submit', close: 'import-close' }}
      onSubmit={() => void startImport()}
      result={state.phase === 'done' ? <ImportResultView result={state.result} /> : undefined}
    >
      <ImportTemplateAlert
        title={t('enterprise.import.templateHint')}
        href={ENTERPRISE_IMPORT_TEMPLATE_URL}
        label={t('enterprise.import.template')}
        testId="import-template"
      />
      <ImportModeChoice
        value={mode}
        onChange={setMode}
        disabled={isBusy}
        testIdPrefix="import-mode"
        texts={{
          label: t('enterprise.import.mode'),
          all: t('enterprise.import.modeAll'),
          allHint: t('enterprise.import.modeAllHint'),
          valid: t('enterprise.import.modeValid'),
          validHint: t('enterprise.import.modeValidHint'),
        }}
      />
      <ImportFilePicker
        testId="import-file"
        upload={upload}
        text={t('enterprise.import.file')}
        hint={t('enterprise.import.fileHint', { size: MAX_SIZE })}
      />
      <ImportUploadStatus
        state={state}
        uploading={t('enterprise.import.uploading')}
        processing={t('enterprise.import.processing')}
        testIds={{ uploading: 'import-progress', processing: 'import-processing' }}
      />
    </ImportDialogShell>
  );
}
