import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TestProject } from 'vitest/node';
import { DEMO_PASSWORD } from './login.ts';

/**
 * Once per run: builds the web app into a temporary folder, starts the real server on a free port
 * with a fresh embedded database (which loads the demo city on first start), and hands the base URL
 * to the tests. Teardown stops the server and deletes the folder. The server runs on a tether
 * (`tether.mjs`) held through its stdin, so it cannot outlive this process even when teardown never
 * runs (a crash, SIGKILL).
 *
 * The web app is always built, into the temporary folder rather than `web/dist`: it takes seconds,
 * it tests exactly the sources on disk, and it never overwrites a `web/dist` someone else is serving.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** `http://127.0.0.1:<port>` of the server under test. */
    baseUrl: string;
  }
}

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const READY_TIMEOUT_MS = 120_000;
/** The tether allows the server 10 s after SIGTERM, then kills it; this leaves room for that. */
const STOP_WAIT_MS = 15_000;
/** Server output kept for the error message when it fails to start or dies early. */
const OUTPUT_TAIL_LINES = 60;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yonggong-e2e-'));
  let server: RunningServer | null = null;
  const teardown = async () => {
    try {
      if (server) await stopServer(server);
    } finally {
      server = null;
      fs.rmSync(workDir, { recursive: true, force: true });
    }
  };
  try {
    const webDist = path.join(workDir, 'web-dist');
    await buildWeb(webDist);
    server = await startServer({ workDir, webDist });
    project.provide('baseUrl', server.baseUrl);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}

/** `vite build` of the web app into `outDir`. */
async function buildWeb(outDir: string): Promise<void> {
  const started = Date.now();
  // vitest sets NODE_ENV=test, which would give a development build of React and antd.
  await runToEnd('npx', ['vite', 'build', 'web', '--outDir', outDir, '--logLevel', 'warn'], {
    NODE_ENV: 'production',
    // Plain text: a failed build's message is quoted in ours.
    NO_COLOR: '1',
  });
  if (!fs.existsSync(path.join(outDir, 'index.html')))
    throw new Error(`vite build wrote no ${outDir}/index.html`);
  process.stderr.write(`[e2e] web app built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

interface RunningServer {
  readonly baseUrl: string;
  /** The tether (support/tether.mjs) that runs the server while its stdin stays open. */
  readonly tether: ChildProcess;
  readonly exited: Promise<void>;
  /** Set by `stopServer`: an exit from then on is expected. */
  isStopping: boolean;
}

async function startServer(options: { workDir: string; webDist: string }): Promise<RunningServer> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const tether = spawn(
    process.execPath,
    [
      path.join(import.meta.dirname, 'tether.mjs'),
      process.execPath,
      path.join(REPO_ROOT, 'server', 'bin', 'yonggong.mjs'),
      'start',
      '--port',
      String(port),
    ],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        YONGGONG_DATA_DIR: path.join(options.workDir, 'data'),
        YONGGONG_PII_KEY: crypto.randomBytes(32).toString('base64'),
        YONGGONG_WEB_DIST: options.webDist,
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        // Ours to choose, not inherited from whoever runs the tests.
        DATABASE_URL: '',
        YONGGONG_DEMO_PASSWORD: DEMO_PASSWORD,
        // Also when this process dies without its teardown.
        TETHER_REMOVE_AFTER: options.workDir,
      },
      // stdin is the tether: it closes when this process ends, however it ends.
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const output = keepTail(tether);
  let isEchoing = false;
  // Once it is up, the server writes only warnings and errors (LOG_LEVEL=warn): show them beside the tests.
  const echo = (chunk: Buffer) => {
    if (isEchoing) process.stderr.write(prefixLines('[server] ', chunk.toString('utf8')));
  };
  tether.stdout?.on('data', echo);
  tether.stderr?.on('data', echo);
  const exited = new Promise<void>((resolve) => tether.once('exit', () => resolve()));
  const running: RunningServer = { baseUrl, tether, exited, isStopping: false };

  try {
    await waitUntilReady(baseUrl, tether);
  } catch (error) {
    await stopServer(running);
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}\n--- server output ---\n${output()}`,
    );
  }
  isEchoing = true;
  // A server that dies mid-run turns every later test into "connection refused": say why, once.
  tether.once('exit', (code, signal) => {
    if (!running.isStopping)
      process.stderr.write(
        `[e2e] the server exited during the run (${code ?? signal}); its last output:\n${output()}\n`,
      );
  });
  process.stderr.write(
    `[e2e] server ready at ${baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return running;
}

async function waitUntilReady(baseUrl: string, tether: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (tether.exitCode !== null || tether.signalCode !== null)
      throw new Error(`the server exited before it was ready (code ${tether.exitCode ?? tether.signalCode})`);
    try {
      const reply = await fetch(`${baseUrl}/api/ready`, { signal: AbortSignal.timeout(2_000) });
      if (reply.status === 200) return;
    } catch {
      // Not listening yet: the first start migrates and loads the demo city before it listens.
    }
    await sleep(250);
  }
  throw new Error(`GET ${baseUrl}/api/ready was not 200 within ${READY_TIMEOUT_MS / 1000} s`);
}

/**
 * Closes the tether: the server gets SIGTERM (it finishes requests in flight and closes the
 * database) and SIGKILL 10 s later if it is still there. Waits until it is gone.
 */
async function stopServer(server: RunningServer): Promise<void> {
  const { tether } = server;
  if (tether.exitCode !== null || tether.signalCode !== null) return;
  const started = Date.now();
  server.isStopping = true;
  tether.stdin?.end();
  const isGone = await Promise.race([
    server.exited.then(() => true),
    sleep(STOP_WAIT_MS, false, { ref: false }),
  ]);
  if (!isGone)
    throw new Error(`the server's tether (pid ${tether.pid}) did not exit within ${STOP_WAIT_MS / 1000} s`);
  process.stderr.write(`[e2e] server stopped in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

/** A port nobody listens on right now (the OS picks it; a tiny race with other processes is accepted). */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** Collects the child's stdout and stderr, keeping the last lines for error messages. */
function keepTail(child: ChildProcess): () => string {
  const lines: string[] = [];
  const collect = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n'));
    if (lines.length > OUTPUT_TAIL_LINES) lines.splice(0, lines.length - OUTPUT_TAIL_LINES);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return () => lines.join('\n');
}

function prefixLines(prefix: string, text: string): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `${prefix}${line}\n`)
    .join('');
}

/** Runs a command from the repository root; rejects with its output when it fails. */
function runToEnd(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = keepTail(child);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${code ?? signal})\n${output()}`));
    });
  });
}
