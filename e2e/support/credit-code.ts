import crypto from 'node:crypto';
import { CREDIT_CODE_ALPHABET, computeCreditCodeCheckDigit } from '@yonggong/engine';

/** 吴江区, Suzhou: the district of `officer.wujiang`. */
export const WUJIANG = '320509';

/**
 * A credit code no other run has used: authority 9, type 1, the registering office's region, nine
 * random organisation characters and the GB 32100 check character.
 */
export function buildCreditCode(regionCode: string = WUJIANG): string {
  const organisation = Array.from(crypto.randomBytes(9), (byte) =>
    CREDIT_CODE_ALPHABET.charAt(byte % CREDIT_CODE_ALPHABET.length),
  ).join('');
  const first17 = `91${regionCode}${organisation}`;
  return first17 + computeCreditCodeCheckDigit(first17);
}

/** `code` with its check character replaced by another valid-looking one. */
export function breakCheckDigit(code: string): string {
  const expected = code.charAt(17);
  const wrong = expected === '0' ? '1' : '0';
  return code.slice(0, 17) + wrong;
}
