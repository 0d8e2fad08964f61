/**
 * @yonggong/engine — pure computation shared by the server and the browser: no I/O, no `node:*`
 * imports, no runtime dependencies.
 */

export type {
  TraineeshipSubsidyInput,
  TraineeshipSubsidyReason,
  TraineeshipSubsidyVerdict,
} from './channels/traineeship.ts';
export { TRAINEESHIP_RULE, traineeshipSubsidy } from './channels/traineeship.ts';
export type { RetentionCounts } from './kpis/rates.ts';
export { computeRetentionRate, computeShare } from './kpis/rates.ts';
export type {
  BuildMatchIndexOptions,
  MatchIndex,
  MatchIndexBuffers,
  MatchLocations,
  MatchOrderArrays,
  MatchOrderTree,
  MatchStrings,
  MatchWorkerArrays,
  MatchWorkerTree,
} from './matching/build.ts';
export {
  buildMatchIndex,
  computeHaversineKm,
  MATCH_INDEX_FORMAT,
  matchIndexBuffers,
  matchIndexFromBuffers,
} from './matching/build.ts';
export { explainMatch } from './matching/explain.ts';
export type {
  ExposureMetrics,
  MatchCandidateLists,
  MeasureExposureOptions,
  RebalanceOptions,
  RebalanceResult,
} from './matching/rebalance.ts';
export {
  DEFAULT_RECOMMENDATIONS_PER_PLACE,
  measureExposure,
  rebalanceByCapacity,
} from './matching/rebalance.ts';
export { isPairEligible, scoreMatchPair } from './matching/score.ts';
export type {
  MatchSearchStats,
  TopOrdersBatch,
  TopOrdersBatchOptions,
  TopOrdersOptions,
  TopWorkersOptions,
} from './matching/topk.ts';
export {
  bruteForceTopOrders,
  bruteForceTopWorkers,
  topOrdersForWorker,
  topOrdersForWorkers,
  topWorkersForOrder,
} from './matching/topk.ts';
export type {
  MatchEducationLevel,
  MatchExplanation,
  MatchFailure,
  MatchFailureCode,
  MatchOrderInput,
  MatchParamValue,
  MatchTerm,
  MatchTermCode,
  MatchWorkerInput,
  TopOrders,
  TopWorkers,
} from './matching/types.ts';
export { MATCH_EDUCATION_LEVELS, MATCH_FAILURE_CODES, MATCH_TERM_CODES } from './matching/types.ts';
export type { MatchWeights } from './matching/weights.ts';
export { DEFAULT_MATCH_WEIGHTS, MATCH_WEIGHT_KEYS, resolveMatchWeights } from './matching/weights.ts';
export type {
  ColourInput,
  ColourThresholds,
  MonitoringAlertKind,
  MonitoringColour,
} from './monitoring/colour.ts';
export {
  assertColourThresholds,
  classifyByThresholds,
  classifyShortage,
  compareColours,
  computeShortageRate,
  DEFAULT_COLOUR_THRESHOLDS,
  detectAlert,
  isRisingTwoMonths,
  MONITORING_COLOURS,
  rateToBasisPoints,
} from './monitoring/colour.ts';
export type { ReportingWindow } from './monitoring/months.ts';
export {
  addMonths,
  DEFAULT_REPORTING_WINDOW,
  isMonth,
  monthRange,
  reportingWindowOf,
} from './monitoring/months.ts';
export type { Reconciliation, ReconciliationInput } from './monitoring/reconcile.ts';
export { computeSeekerRatio, reconcileHeadcount } from './monitoring/reconcile.ts';
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
