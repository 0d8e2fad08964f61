#!/usr/bin/env node
// Adds lock entries for @biomejs/biome's platform binaries that the registry mirror of this
// workplace does not carry (it answers 404 for them, so `npm install` cannot record them and
// `npm ci` then refuses the lockfile as out of sync). The entries say what npm writes with full
// registry access: the version, optional, and the os/cpu/libc that gate them; no machine here
// ever downloads them. Run after `npm install` changes the lockfile.
import fs from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const biome = lock.packages['node_modules/@biomejs/biome'];
if (!biome) throw new Error('@biomejs/biome is not in the lockfile');
const gates = {
  'cli-android-arm64': [['android'], ['arm64'], null],
  'cli-android-x64': [['android'], ['x64'], null],
  'cli-darwin-arm64': [['darwin'], ['arm64'], null],
  'cli-darwin-x64': [['darwin'], ['x64'], null],
  'cli-linux-arm64': [['linux'], ['arm64'], ['glibc']],
  'cli-linux-arm64-musl': [['linux'], ['arm64'], ['musl']],
  'cli-linux-x64': [['linux'], ['x64'], ['glibc']],
  'cli-linux-x64-musl': [['linux'], ['x64'], ['musl']],
  'cli-win32-arm64': [['win32'], ['arm64'], null],
  'cli-win32-x64': [['win32'], ['x64'], null],
};
let added = 0;
for (const [name, [os, cpu, libc]] of Object.entries(gates)) {
  const key = `node_modules/@biomejs/${name}`;
  if (lock.packages[key]) continue;
  lock.packages[key] = {
    version: biome.version,
    cpu,
    dev: true,
    ...(libc ? { libc } : {}),
    license: biome.license,
    optional: true,
    os,
    engines: biome.engines,
  };
  added++;
}
const [root, ...rest] = Object.entries(lock.packages);
lock.packages = Object.fromEntries([root, ...rest.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
process.stderr.write(`complete-lockfile: added ${added} entries\n`);
