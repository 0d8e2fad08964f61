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
