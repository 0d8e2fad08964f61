import { type IdNumberInfo, maskIdNumber, maskPhone } from '@yonggong/engine';
import type { PiiCipher } from '../../pii/pii-cipher.ts';

/**
 * ⚠️ SECURITY-CRITICAL: the one place a worker's ID number and phone turn into what is stored —
 * ciphertext (AES-256-GCM), keyed hash of the normalised value (deduplication), masked form (every
 * screen, export and audit row) and the last four digits (search). Registration, import and the
 * demo all go through here, so the three always agree. Plaintext never leaves this function.
 */
export interface ProtectedIdentity {
  readonly id_number_enc: string;
  readonly id_number_hash: string;
  readonly id_number_masked: string;
  readonly id_last4: string;
  readonly phone_enc: string;
  readonly phone_hash: string;
  readonly phone_masked: string;
  readonly phone_last4: string;
  /** Derived from the ID number (GB 11643), never typed. */
  readonly birth_date: string;
  readonly sex: 'male' | 'female';
}

/**
 * Protects a validated identity. `id` is the engine's reading of the ID number (what
 * `idNumberSchema` parses to: 18 characters, converted from 15 when needed, with birth date and
 * sex); `phone` the 11 validated digits.
 */
export function protectIdentity(pii: PiiCipher, id: IdNumberInfo, phone: string): ProtectedIdentity {
  const stored = protectPhone(pii, phone);
  return {
    id_number_enc: pii.encrypt(id.idNumber),
    id_number_hash: hashIdNumber(pii, id.idNumber),
    id_number_masked: maskIdNumber(id.idNumber),
    id_last4: id.idNumber.slice(-4),
    phone_enc: stored.phone_enc,
    phone_hash: stored.phone_hash,
    phone_masked: stored.phone_masked,
    phone_last4: stored.phone_last4,
    birth_date: id.birthDate,
    sex: id.sex,
  };
}

/** The stored forms of an 11-digit mobile number (a changed phone on an edit). */
export function protectPhone(
  pii: PiiCipher,
  phone: string,
): Pick<ProtectedIdentity, 'phone_enc' | 'phone_hash' | 'phone_masked' | 'phone_last4'> {
  return {
    phone_enc: pii.encrypt(phone),
    phone_hash: hashPhone(pii, phone),
    phone_masked: maskPhone(phone),
    phone_last4: phone.slice(-4),
  };
}

/** The dedup key of an 18-character ID number (HMAC of the normalised value). */
export function hashIdNumber(pii: PiiCipher, idNumber18: string): string {
  return pii.hash(idNumber18);
}

/** The lookup key of an 11-digit mobile number. */
export function hashPhone(pii: PiiCipher, phone11: string): string {
  return pii.hash(phone11);
}
