import type { z } from 'zod';
import {
  ApiError,
  notifyIfUnauthenticated,
  parseProblem,
  readCsrfToken,
  readRequestLocale,
} from './client.ts';

/** Progress of a file upload: bytes sent so far, then the wait for the server's verdict. */
export type UploadProgress =
  | { readonly phase: 'uploading'; readonly percent: number }
  | { readonly phase: 'processing' };

export interface UploadOptions<S extends z.ZodType> {
  readonly url: string;
  readonly file: File;
  readonly fieldName: string;
  readonly schema: S;
  readonly onProgress: (progress: UploadProgress) => void;
  readonly signal?: AbortSignal;
}

/**
 * Posts one file as multipart form data. It uses XMLHttpRequest rather than `fetch` because only
 * XHR reports upload progress; errors are parsed by the same `parseProblem` as every other call.
 */
export function uploadFile<S extends z.ZodType>(options: UploadOptions<S>): Promise<z.output<S>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', options.url);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', readRequestLocale());
    const token = readCsrfToken();
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);

    xhr.upload.onprogress = (event) => {
      if (!event.lengthComputable) return;
      options.onProgress({ phase: 'uploading', percent: Math.round((event.loaded / event.total) * 100) });
    };
    xhr.upload.onload = () => options.onProgress({ phase: 'processing' });
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'network_error', detail: '' }));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    xhr.onload = () => {
      const contentType = xhr.getResponseHeader('content-type');
      const requestId = xhr.getResponseHeader('x-request-id');
      if (xhr.status < 200 || xhr.status >= 300) {
        const error = parseProblem(xhr.status, contentType, xhr.responseText, requestId);
        notifyIfUnauthenticated(error);
        reject(error);
        return;
      }
      const parsed = options.schema.safeParse(parseJsonOrUndefined(xhr.responseText));
      if (parsed.success) resolve(parsed.data);
      else
        reject(
          new ApiError({
            status: xhr.status,
            code: 'unexpected_response',
            detail: '',
            requestId: requestId ?? undefined,
          }),
        );
    };
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });

    const form = new FormData();
    form.append(options.fieldName, options.file, options.file.name);
    xhr.send(form);
  });
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // An unparsable body fails schema validation just like a wrong one.
    return undefined;
  }
}
