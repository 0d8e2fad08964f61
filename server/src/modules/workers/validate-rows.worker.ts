import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../http/app-error.ts';
import { loadRegionIndex } from '../regions/regions.service.ts';
import { openInline, type WorkerMessage } from './validated-batches.ts';

/**
 * Worker thread of a large import: streams and validates the file (no secrets here — the PII key
 * stays in the main thread) and hands over one batch per `'next'` it receives, so the main thread
 * sets the pace and memory stays bounded.
 */
const port = parentPort;
if (!port) throw new Error('validate-rows.worker.ts runs as a worker thread');
const { filePath, filename, batchSize } = workerData as {
  filePath: string;
  filename: string;
  batchSize: number;
};

let credits = 0;
let wake: (() => void) | null = null;
port.on('message', (message: unknown) => {
  if (message !== 'next') return;
  credits += 1;
  wake?.();
  wake = null;
});
const send = (message: WorkerMessage) => port.postMessage(message);

try {
  const source = await openInline({ regions: loadRegionIndex(), filePath, filename, batchSize });
  send({ type: 'header', headerErrors: source.headerErrors });
  for await (const batch of source.batches()) {
    while (credits === 0)
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    credits -= 1;
    send({ type: 'batch', batch });
  }
  await source.close();
  send({ type: 'end' });
} catch (error) {
  send({
    type: 'error',
    code: error instanceof AppError ? error.code : 'internal',
    message: error instanceof Error ? error.message : String(error),
  });
}
