// Runs a command for as long as our standard input stays open, then stops it: SIGTERM, and SIGKILL
// if it has not exited 10 s later. The test run holds the other end of the pipe, so however the run
// ends (teardown, a crash, even SIGKILL) the pipe closes and the server under test goes with it.
// With TETHER_REMOVE_AFTER=<folder>, that folder (the run's database and build) is deleted once the
// command has exited.
//
//   node tether.mjs <command> [args…]
import { spawn } from 'node:child_process';
import fs from 'node:fs';

const GRACE_MS = 10_000;
const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write('usage: node tether.mjs <command> [args…]\n');
  process.exit(2);
}

const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
let isStopping = false;

function stop() {
  if (isStopping) return;
  isStopping = true;
  child.kill('SIGTERM');
  setTimeout(() => {
    process.stderr.write(`[tether] ${command} ignored SIGTERM for ${GRACE_MS / 1000} s: killing it\n`);
    child.kill('SIGKILL');
  }, GRACE_MS);
}

process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

child.on('error', (error) => {
  process.stderr.write(`[tether] could not start ${command}: ${error.message}\n`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal && !isStopping) process.stderr.write(`[tether] ${command} was killed by ${signal}\n`);
  const folder = process.env.TETHER_REMOVE_AFTER;
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
