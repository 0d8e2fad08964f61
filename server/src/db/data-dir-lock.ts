import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * An exclusive lock on the embedded database's folder.
 *
 * PGlite takes no lock of its own: two processes on one folder silently lose committed rows
 * (measured, see ../shared/STACK.md). So the app creates `yonggong.lock` with O_EXCL and writes its
 * pid and host into it. A lock left by a dead process (same host, pid gone) is taken over; a live
 * one makes the second process refuse to start with a message naming the holder. We do not use an
 * mtime-refreshing lock (proper-lockfile): PGlite blocks the event loop during long statements,
 * which would make such a lock look stale while its holder is alive.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly holderPid: number,
    readonly holderHost: string,
  ) {
    super(
      `The data folder ${path.dirname(lockFile)} is in use by another Yonggong process (pid ${holderPid} on ${holderHost}). ` +
        `Stop that process first, or set YONGGONG_DATA_DIR to another folder. ` +
        `(数据目录正被另一个用工通进程使用，请先停止该进程。)`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  release(): void;
}

/** Takes the folder's lock or throws `DataDirLockedError`. */
export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'yonggong.lock');
  const content = JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockFile, 'wx');
      fs.writeSync(fd, content);
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const current = readHolder(lockFile);
          if (current?.pid === process.pid) fs.unlinkSync(lockFile);
        } catch {
          // The file is gone already: nothing to release.
        }
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if (!isErrno(error, 'EEXIST')) throw error;
      const holder = readHolder(lockFile);
      if (holder && holder.host === os.hostname() && !isAlive(holder.pid)) {
        fs.rmSync(lockFile, { force: true });
        continue;
      }
      if (holder === null) {
        // Unreadable or half-written lock file: treat as stale only if old enough.
        const ageMs = Date.now() - fs.statSync(lockFile).mtimeMs;
        if (ageMs > 10_000) {
          fs.rmSync(lockFile, { force: true });
          continue;
        }
      }
      throw new DataDirLockedError(lockFile, holder?.pid ?? -1, holder?.host ?? 'unknown');
    }
  }
  throw new Error(`Could not take the lock ${lockFile}`);
}

function readHolder(lockFile: string): { pid: number; host: string } | null {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(lockFile, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'pid' in parsed && 'host' in parsed) {
      const { pid, host } = parsed;
      if (typeof pid === 'number' && typeof host === 'string') return { pid, host };
    }
    return null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isErrno(error, 'EPERM');
  }
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
