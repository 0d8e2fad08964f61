import { LIMITS } from '@yonggong/shared';

/** Why a picked file cannot be imported, before it is sent. */
export type ImportFileProblem = 'wrong_type' | 'too_large';

const ACCEPTED_EXTENSIONS = ['.xlsx', '.csv'] as const;

/** The `accept` attribute of the file picker. */
export const IMPORT_FILE_ACCEPT = ACCEPTED_EXTENSIONS.join(',');

/**
 * Checks type and size locally so a wrong file fails at once instead of after a long upload.
 * `maxBytes` is the endpoint's own limit (worker lists may be far larger than enterprise lists).
 */
export function checkImportFile(
  file: {
    readonly name: string;
    readonly size: number;
  },
  maxBytes: number = LIMITS.importMaxBytes,
): ImportFileProblem | null {
  const name = file.name.toLowerCase();
  if (!ACCEPTED_EXTENSIONS.some((extension) => name.endsWith(extension))) return 'wrong_type';
  if (file.size > maxBytes) return 'too_large';
  return null;
}

/** "20 MB", "512 KB", "900 B". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** Where an import dialog stands: choosing a file, sending it, waiting for the verdict, done or failed. */
export type ImportUploadState<R> =
  | { readonly phase: 'choosing' }
  | { readonly phase: 'uploading'; readonly percent: number }
  | { readonly phase: 'processing' }
  | { readonly phase: 'done'; readonly result: R }
  | { readonly phase: 'failed'; readonly error: unknown };

/** The dialog's state for an upload's progress report. */
export function stateOfProgress(
  progress: { readonly phase: 'uploading'; readonly percent: number } | { readonly phase: 'processing' },
): ImportUploadState<never> {
  return progress.phase === 'uploading'
    ? { phase: 'uploading', percent: progress.percent }
    : { phase: 'processing' };
}

/** Busy while the file travels or the server works on it: the file and the mode are then locked. */
export function isImportBusy(state: ImportUploadState<unknown>): boolean {
  return state.phase === 'uploading' || state.phase === 'processing';
}

/** A cancelled upload rejects with an AbortError: the dialog was closed, nothing to report. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** The file picker's list: the one file kept for "开始导入", shown as ready. */
export function pickedFileList(file: { readonly name: string; readonly size: number } | null) {
  return file ? [{ uid: 'import-file', name: file.name, size: file.size, status: 'done' as const }] : [];
}
