/** Limits shared by the server (enforced) and the web app (shown). */
export const LIMITS = {
  pageSizeDefault: 20,
  pageSizeMax: 200,
  /** The enterprise level of the monitoring map: points of one page (a district's key enterprises fit). */
  mapPageSizeMax: 5000,
  importMaxBytes: 20 * 1024 * 1024,
  importMaxRowsSync: 20_000,
  exportMaxRows: 100_000,
  loginMaxFailures: 5,
  loginFailureWindowMinutes: 15,
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
  passwordMinLength: 10,
} as const;
