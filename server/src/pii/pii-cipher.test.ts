import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPiiCipher, loadPiiKey } from './pii-cipher.ts';

describe('PII cipher', () => {
  const cipher = createPiiCipher(crypto.randomBytes(32));

  it('round-trips, with a fresh IV every time', () => {
    const a = cipher.encrypt('13812345678');
    const b = cipher.encrypt('13812345678');
    expect(a).not.toBe(b);
    expect(a).not.toContain('13812345678');
    expect(cipher.decrypt(a)).toBe('13812345678');
    expect(cipher.decrypt(b)).toBe('13812345678');
  });

  it('never repeats an IV, also across refills of the random pool', () => {
    const ivs = new Set<string>();
    for (let i = 0; i < 10_000; i++) ivs.add(cipher.encrypt('13812345678').split('.')[1] ?? '');
    expect(ivs.size).toBe(10_000);
  });

  it('hashes deterministically under the key, differently under another key', () => {
    expect(cipher.hash('320509199001011234')).toBe(cipher.hash('320509199001011234'));
    expect(createPiiCipher(crypto.randomBytes(32)).hash('320509199001011234')).not.toBe(
      cipher.hash('320509199001011234'),
    );
  });

  it('refuses tampered ciphertext and another key', () => {
    const sealed = cipher.encrypt('secret');
    const [v, iv, tag, ct] = sealed.split('.');
    const flipped = `${v}.${iv}.${tag}.${Buffer.from(Buffer.from(ct ?? '', 'base64url').map((byte) => byte ^ 1)).toString('base64url')}`;
    expect(() => cipher.decrypt(flipped)).toThrow();
    expect(() => createPiiCipher(crypto.randomBytes(32)).decrypt(sealed)).toThrow();
  });

  it('creates a key file with mode 0600 once, then reads it back', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yg-key-'));
    const file = path.join(dir, 'pii.key');
    const first = loadPiiKey({ piiKey: null, piiKeyFile: file });
    expect(first.createdFile).toBe(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const second = loadPiiKey({ piiKey: null, piiKeyFile: file });
    expect(second.createdFile).toBeNull();
    expect(second.key.equals(first.key)).toBe(true);
    expect(() => loadPiiKey({ piiKey: 'c2hvcnQ=', piiKeyFile: file })).toThrow(/32 bytes/);
    fs.rmSync(dir, { recursive: true });
  });
});
