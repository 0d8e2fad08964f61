/**
 * @yonggong/engine — pure computation shared by the server and the browser: no I/O, no `node:*`
 * imports, no runtime dependencies.
 */

export { createRandom, drawInteger } from './random.ts';
export {
  CREDIT_CODE_ALPHABET,
  CREDIT_CODE_REGISTRATION_AUTHORITIES,
  computeCreditCodeCheckDigit,
  generateCreditCode,
  validateCreditCode,
} from './validators/credit-code.ts';
export type { IdNumberInfo, Sex, ValidateIdNumberOptions } from './validators/id-number.ts';
export { ageOn, computeIdCheckDigit, generateIdNumber, validateIdNumber } from './validators/id-number.ts';
export { maskIdNumber, maskPhone } from './validators/mask.ts';
export { normalizeCodeInput, normalizeFullWidth } from './validators/normalize.ts';
export { validateMobilePhone } from './validators/phone.ts';
export type { RegionCodeInfo, RegionLevel } from './validators/region-code.ts';
export { parentRegionCode, validateRegionCode } from './validators/region-code.ts';
export type {
  ValidationError,
  ValidationErrorCode,
  ValidationErrorParam,
  ValidationResult,
} from './validators/types.ts';
export { VALIDATION_ERROR_CODES, VALIDATION_ERROR_PARAMS } from './validators/types.ts';
