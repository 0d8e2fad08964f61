import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * ⚠️ SECURITY-CRITICAL: encryption of personal information (PIPL) — workers' ID numbers and
 * phones, contacts' phones.
 *
 * - `encrypt` uses AES-256-GCM with a random 96-bit IV per value; stored as `v1.<iv>.<tag>.<ct>`
 *   (base64url). The version prefix lets a later key rotation re-encrypt gradually.
 * - `hash` is HMAC-SHA256 under a key derived (HKDF) from the same master key, for equality lookups
 *   and deduplication without decrypting; values are normalised by the caller first.
 * - `decrypt` must only be called by a presenter or a reveal use-case that has checked the
 *   `pii.reveal` permission and writes an audit event. Never log plaintext or ciphertext.
 */
export interface PiiCipher {
  encrypt(plaintext: string): string;
  decrypt(ciphertext: string): string;
  hash(normalized: string): string;
}

const IV_BYTES = 12;
/** IVs are cut from a pool of random bytes drawn 48 KB at a time (one CSPRNG call per 4,096 values). */
const IV_POOL_BYTES = IV_BYTES * 4096;

/** A cipher over a 32-byte master key. */
export function createPiiCipher(masterKey: Buffer): PiiCipher {
  if (masterKey.length !== 32) throw new Error('The PII key must be 32 bytes (base64 of 32 random bytes)');
  const encKey = Buffer.from(
    crypto.hkdfSync('sha256', masterKey, Buffer.alloc(0), 'yonggong-pii-enc-v1', 32),
  );
  const macKey = Buffer.from(
    crypto.hkdfSync('sha256', masterKey, Buffer.alloc(0), 'yonggong-pii-mac-v1', 32),
  );
  // Every IV is fresh CSPRNG output used once: each slice of the pool is handed out once, and a
  // spent pool is replaced by a new buffer (never refilled in place), so an IV cannot change after
  // `createCipheriv` took it. One `randomBytes(12)` per value cost ~10 % of an import's main thread.
  let ivPool = Buffer.alloc(0);
  let ivOffset = 0;
  const nextIv = (): Buffer => {
    if (ivOffset + IV_BYTES > ivPool.length) {
      ivPool = crypto.randomBytes(IV_POOL_BYTES);
      ivOffset = 0;
    }
    const iv = ivPool.subarray(ivOffset, ivOffset + IV_BYTES);
    ivOffset += IV_BYTES;
    return iv;
  };
  return {
    encrypt(plaintext) {
      const iv = nextIv();
      const cipher = crypto.createCipheriv('aes-256-gcm', encKey, iv);
      const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return `v1.${iv.toString('base64url')}.${tag.toString('base64url')}.${ct.toString('base64url')}`;
    },
    decrypt(ciphertext) {
      const [version, iv, tag, ct] = ciphertext.split('.');
      if (version !== 'v1' || iv === undefined || tag === undefined || ct === undefined)
        throw new Error('Unrecognised PII ciphertext format');
      const decipher = crypto.createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
    hash(normalized) {
      return crypto.createHmac('sha256', macKey).update(normalized, 'utf8').digest('base64url');
    },
  };
}

export interface PiiKeySource {
  readonly key: Buffer;
  /** Set when the key file was created just now: the caller warns loudly. */
  readonly createdFile: string | null;
}

/**
 * Resolves the master key: `YONGGONG_PII_KEY` (base64) wins; else the key file, created with
 * mode 0600 on first start. Losing the key makes every encrypted value unreadable: back it up
 * separately from the database (docs/security.md).
 */
export function loadPiiKey(options: { piiKey: string | null; piiKeyFile: string }): PiiKeySource {
  if (options.piiKey) return { key: decodeKey(options.piiKey, 'YONGGONG_PII_KEY'), createdFile: null };
  if (fs.existsSync(options.piiKeyFile)) {
    return {
      key: decodeKey(fs.readFileSync(options.piiKeyFile, 'utf8').trim(), options.piiKeyFile),
      createdFile: null,
    };
  }
  fs.mkdirSync(path.dirname(options.piiKeyFile), { recursive: true });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(options.piiKeyFile, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return { key, createdFile: options.piiKeyFile };
}

function decodeKey(text: string, source: string): Buffer {
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error(`${source} must hold base64 of 32 bytes (got ${key.length} bytes)`);
  return key;
}
