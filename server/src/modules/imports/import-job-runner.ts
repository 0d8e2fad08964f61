/**
 * Background jobs of one server process (imports): started by a request, running after its reply,
 * watched through their database row. The runner only keeps what the process needs — which jobs
 * are alive here (so a status read does not mistake them for a dead process's), a way for the
 * upload request to wait a little for small jobs, and aborting them all on shutdown.
 * One runner per app instance (made by the routes plugin), no module-level state.
 */
export class ImportJobRunner {
  private readonly jobs = new Map<string, { promise: Promise<void>; controller: AbortController }>();

  /** `onError` receives what a job threw (jobs record their own failure; this is for the log). */
  constructor(private readonly onError: (id: string, error: unknown) => void) {}

  /** Starts `task` in the background under `id`. */
  start(id: string, task: (signal: AbortSignal) => Promise<void>): void {
    const controller = new AbortController();
    const promise = task(controller.signal)
      .catch((error: unknown) => this.onError(id, error))
      .finally(() => this.jobs.delete(id));
    this.jobs.set(id, { promise, controller });
  }

  isRunning(id: string): boolean {
    return this.jobs.has(id);
  }

  runningIds(): string[] {
    return [...this.jobs.keys()];
  }

  /** Resolves when job `id` has finished or after `ms`, whichever comes first. */
  async waitFor(id: string, ms: number): Promise<void> {
    const job = this.jobs.get(id);
    if (!job) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    });
    await Promise.race([job.promise, timeout]);
    clearTimeout(timer);
  }

  /** Aborts every job and waits for them to record how they ended (shutdown). */
  async close(): Promise<void> {
    const jobs = [...this.jobs.values()];
    for (const job of jobs) job.controller.abort();
    await Promise.allSettled(jobs.map((job) => job.promise));
  }
}
