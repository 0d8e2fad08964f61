import type { ErrorCode } from '../errors.ts';
import type { Locale } from './locale.ts';
import { CASES_MESSAGES } from './messages-cases.ts';
import { CHANNELS_MESSAGES } from './messages-channels.ts';
import { MARKETPLACE_MESSAGES } from './messages-marketplace.ts';
import { MONITORING_MESSAGES } from './messages-monitoring.ts';
import { SCHOOLS_MESSAGES } from './messages-schools.ts';

/**
 * Messages the server sends and the web app shows, keyed by stable codes. `{name}` placeholders are
 * filled by `formatMessage`. Error codes (errors.ts) and validation codes (engine validators and
 * schema refinements) share this one catalogue so that a message reads the same everywhere.
 */
type Entry = { readonly 'zh-CN': string; readonly en: string };

const ERROR_MESSAGES: Readonly<Record<ErrorCode, Entry>> = {
  validation_failed: {
    'zh-CN': '提交的内容有误，请按提示修改',
    en: 'Some fields are invalid; please correct them',
  },
  bad_request: { 'zh-CN': '请求格式不正确', en: 'The request is malformed' },
  unsupported_file: {
    'zh-CN': '不支持的文件格式，请上传 .xlsx 或 .csv 文件',
    en: 'Unsupported file type; upload an .xlsx or .csv file',
  },
  invalid_credentials: { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  unauthenticated: { 'zh-CN': '请先登录', en: 'Please sign in' },
  session_expired: {
    'zh-CN': '登录已过期，请重新登录',
    en: 'Your session has expired; please sign in again',
  },
  forbidden: { 'zh-CN': '您没有执行此操作的权限', en: 'You do not have permission to do this' },
  csrf_invalid: {
    'zh-CN': '页面已失效（安全令牌不匹配），请刷新页面后重试',
    en: 'The page is stale (security token mismatch); reload and try again',
  },
  account_disabled: {
    'zh-CN': '该账号已停用，请联系管理员',
    en: 'This account is disabled; contact an administrator',
  },
  not_found: { 'zh-CN': '记录不存在或您无权查看', en: 'Not found, or you may not see it' },
  duplicate: { 'zh-CN': '记录已存在', en: 'This record already exists' },
  version_conflict: {
    'zh-CN': '该记录已被他人修改，请刷新后重新编辑',
    en: 'Someone else changed this record; reload it and edit again',
  },
  conflict: { 'zh-CN': '操作与当前状态冲突', en: 'This conflicts with the current state' },
  request_in_progress: {
    'zh-CN': '同一请求正在处理中，请稍候查看结果',
    en: 'The same request is still being handled; check the result in a moment',
  },
  idempotency_key_reused: {
    'zh-CN': '该请求编号（Idempotency-Key）已用于另一项操作',
    en: 'This Idempotency-Key was already used for a different request',
  },
  payload_too_large: { 'zh-CN': '文件过大（上限 {limit}）', en: 'The file is too large (limit {limit})' },
  import_rejected: {
    'zh-CN': '文件中有 {count} 行错误，按“全部成功才导入”的要求，未导入任何数据',
    en: '{count} rows have errors; as "all or nothing" was chosen, nothing was imported',
  },
  account_locked: {
    'zh-CN': '连续 {failures} 次密码错误，账号已锁定，请 {minutes} 分钟后再试',
    en: 'Locked after {failures} failed attempts; try again in {minutes} minutes',
  },
  rate_limited: { 'zh-CN': '操作过于频繁，请稍后再试', en: 'Too many requests; please try again later' },
  internal: {
    'zh-CN': '服务器内部错误，请将请求编号 {requestId} 告知管理员',
    en: 'Internal error; please give request id {requestId} to an administrator',
  },
  not_ready: { 'zh-CN': '服务尚未就绪', en: 'The service is not ready' },
};

/** Field-level validation messages: engine validator codes, schema refinements, generic rules. */
const VALIDATION_MESSAGES = {
  ...MARKETPLACE_MESSAGES,
  ...CHANNELS_MESSAGES,
  ...MONITORING_MESSAGES,
  ...CASES_MESSAGES,
  ...SCHOOLS_MESSAGES,
  'idempotency.invalid_key': {
    'zh-CN': 'Idempotency-Key 须为 1–255 个可见 ASCII 字符',
    en: 'An Idempotency-Key is 1–255 visible ASCII characters',
  },
  'kpi.period_reversed': { 'zh-CN': '开始日期不能晚于结束日期', en: 'The start date is after the end date' },
  'kpi.period_too_long': { 'zh-CN': '统计区间最长 {years} 年', en: 'A period spans at most {years} years' },
  'field.required': { 'zh-CN': '必填', en: 'Required' },
  'field.invalid': { 'zh-CN': '格式不正确', en: 'Invalid value' },
  'field.too_short': { 'zh-CN': '至少 {min} 个字符', en: 'At least {min} characters' },
  'field.too_long': { 'zh-CN': '最多 {max} 个字符', en: 'At most {max} characters' },
  'field.too_small': { 'zh-CN': '不能小于 {min}', en: 'Must be at least {min}' },
  'field.too_big': { 'zh-CN': '不能大于 {max}', en: 'Must be at most {max}' },
  'field.not_integer': { 'zh-CN': '必须是整数', en: 'Must be a whole number' },
  'field.not_number': { 'zh-CN': '必须是数字', en: 'Must be a number' },
  'field.one_of': { 'zh-CN': '只能是以下之一：{options}', en: 'Must be one of: {options}' },
  'field.too_few_items': { 'zh-CN': '至少 {min} 项', en: 'At least {min} items' },
  'field.too_many_items': { 'zh-CN': '最多 {max} 项', en: 'At most {max} items' },
  'field.unknown': { 'zh-CN': '不认识的字段', en: 'Unknown field' },
  'field.uuid': { 'zh-CN': '编号格式不正确', en: 'Malformed id' },
  'field.date': { 'zh-CN': '日期格式应为 YYYY-MM-DD', en: 'Dates are written YYYY-MM-DD' },

  'credit_code.empty': { 'zh-CN': '请填写统一社会信用代码', en: 'Enter the unified social credit code' },
  'credit_code.length': {
    'zh-CN': '统一社会信用代码应为 18 位（现为 {actual} 位）',
    en: 'A unified social credit code has 18 characters (this has {actual})',
  },
  'credit_code.char': {
    'zh-CN': '第 {position} 位“{char}”不是统一社会信用代码允许的字符',
    en: 'Character {position} ("{char}") is not allowed in a unified social credit code',
  },
  'credit_code.region': {
    'zh-CN': '第 3–8 位应为 6 位行政区划代码（第 {position} 位是“{char}”）',
    en: 'Characters 3–8 must be a 6-digit region code (character {position} is "{char}")',
  },
  'credit_code.check_digit': {
    'zh-CN': '校验位不符：第 18 位是“{char}”，按 GB 32100 计算应为“{expected}”，请核对前 17 位是否抄错',
    en: 'Check digit mismatch: character 18 is "{char}" but GB 32100 gives "{expected}"; check the first 17 characters',
  },
  'credit_code.region_unknown': {
    'zh-CN': '第 3–8 位“{char}”不是已知的行政区划代码',
    en: 'Characters 3–8 ("{char}") are not a known region code',
  },

  'id_number.empty': { 'zh-CN': '请填写身份证号码', en: 'Enter the ID number' },
  'id_number.length': {
    'zh-CN': '身份证号码应为 18 位（或 15 位旧号），现为 {actual} 位',
    en: 'An ID number has 18 digits (or 15 for old ones); this has {actual}',
  },
  'id_number.char': {
    'zh-CN': '第 {position} 位“{char}”不是数字（只有第 18 位可以是 X）',
    en: 'Character {position} ("{char}") is not a digit (only the 18th may be X)',
  },
  'id_number.region': {
    'zh-CN': '前两位“{char}”不是有效的省级代码',
    en: 'The first two digits ("{char}") are not a province code',
  },
  'id_number.birth_date': {
    'zh-CN': '出生日期“{char}”不是有效日期',
    en: 'The birth date "{char}" is not a valid date',
  },
  'id_number.birth_date_future': {
    'zh-CN': '出生日期“{char}”晚于今天，请核对号码',
    en: 'The birth date "{char}" is after today; check the number',
  },
  'id_number.birth_date_before_1900': {
    'zh-CN': '出生日期“{char}”早于 1900 年，请核对号码',
    en: 'The birth date "{char}" is before 1900; check the number',
  },
  'id_number.check_digit': {
    'zh-CN': '校验位不符：第 18 位是“{char}”，应为“{expected}”，请核对号码',
    en: 'Check digit mismatch: the 18th character is "{char}" but should be "{expected}"',
  },
  'id_number.scientific_notation': {
    'zh-CN':
      '身份证号码已被 Excel 转成科学计数法（{char}），后几位已丢失；请在 Excel 中把该列设为“文本”格式后重新录入或导出',
    en: 'Excel turned this ID number into scientific notation ({char}) and lost its last digits; format the column as Text and re-enter or re-export it',
  },
  'phone.empty': { 'zh-CN': '请填写手机号码', en: 'Enter the mobile number' },
  'phone.format': {
    'zh-CN': '手机号码应为 1 开头的 11 位数字',
    en: 'A mobile number has 11 digits starting with 1',
  },
  'region_code.empty': { 'zh-CN': '请填写行政区划代码', en: 'Enter the region code' },
  'region_code.length': {
    'zh-CN': '行政区划代码应为 6、9 或 12 位数字（现为 {actual} 位）',
    en: 'A region code has 6, 9 or 12 digits (this has {actual})',
  },
  'region_code.char': {
    'zh-CN': '行政区划代码第 {position} 位“{char}”不是数字',
    en: 'Character {position} ("{char}") of the region code is not a digit',
  },
  'region_code.format': {
    'zh-CN': '“{char}”不是有效的行政区划代码层级结构',
    en: '"{char}" is not a well-formed region code',
  },
  'region.not_in_city': {
    'zh-CN': '所属区县必须是本市的区县',
    en: 'The district must be one of this city’s districts',
  },
  'industry.unknown': {
    'zh-CN': '“{value}”不是 GB/T 4754-2017 的行业大类代码',
    en: '"{value}" is not a GB/T 4754-2017 industry division code',
  },
  'liaison.unknown': {
    'zh-CN': '挂钩联系人“{value}”不存在或不是联络员',
    en: 'Liaison officer "{value}" does not exist or is not a liaison',
  },
  'liaison.wrong_district': {
    'zh-CN': '挂钩联系人不负责该区县',
    en: 'This liaison officer does not cover that district',
  },
  'enterprise.duplicate_credit_code': {
    'zh-CN': '统一社会信用代码已登记：{name}',
    en: 'This credit code is already registered: {name}',
  },
  'enterprise.duplicate_credit_code_hidden': {
    'zh-CN': '统一社会信用代码已登记（该企业不在您的管辖范围内）',
    en: 'This credit code is already registered (outside your scope)',
  },
  'enterprise.district_out_of_scope': {
    'zh-CN': '您只能登记或修改本人管辖区县的企业',
    en: 'You may only register or edit enterprises in your own districts',
  },
  'import.duplicate_in_file': {
    'zh-CN': '与第 {row} 行的统一社会信用代码重复',
    en: 'Same credit code as row {row}',
  },
  'import.missing_column': {
    'zh-CN': '缺少必需的列“{column}”',
    en: 'Required column "{column}" is missing',
  },
  'import.no_header': {
    'zh-CN': '没有找到表头行（应包含“统一社会信用代码”和“企业名称”）',
    en: 'No header row found (it must contain the credit code and name columns)',
  },
  'import.stored_as_number': {
    'zh-CN':
      '该单元格被 Excel 存成了数字（{char}），代码的后几位可能已丢失；请把该列设为“文本”格式后重新填写',
    en: 'Excel stored this cell as a number ({char}) and may have lost digits; format the column as Text and re-enter it',
  },
  'import.too_many_rows': {
    'zh-CN': '一次最多导入 {max} 行',
    en: 'At most {max} rows per import',
  },
  'occupation.unknown': {
    'zh-CN': '“{value}”不是《职业分类大典（2022）》中的职业代码',
    en: '"{value}" is not an occupation code of the 2022 classification',
  },
  'range.max_below_min': { 'zh-CN': '上限不能小于下限', en: 'The maximum cannot be below the minimum' },
  'job_order.deadline_past': { 'zh-CN': '截止日期不能早于今天', en: 'The deadline cannot be in the past' },
  'job_order.no_places': {
    'zh-CN': '该岗位已招满（招聘 {headcount} 人，已到岗 {filled} 人），不能再录用',
    en: 'This order is full ({filled} of {headcount} hired); no further hires',
  },
  'job_order.not_open': {
    'zh-CN': '该岗位当前状态为“{status}”，不接受新的推荐或录用',
    en: 'This order is {status}; it takes no new applications or hires',
  },
  'job_order.illegal_action': {
    'zh-CN': '岗位当前状态为“{status}”，不能执行“{action}”',
    en: 'An order that is {status} cannot be {action}',
  },
  'job_order.headcount_below_filled': {
    'zh-CN': '招聘人数不能少于已到岗人数（{filled}）',
    en: 'The headcount cannot be below the number already hired ({filled})',
  },
  'worker.linked_existing': {
    'zh-CN': '该身份证号已登记为劳动者 {name}，已将本次来源渠道关联到原记录，未新建',
    en: 'This ID number already belongs to worker {name}; the new channel was linked to that record instead',
  },
  'worker.district_out_of_scope': {
    'zh-CN': '您只能为本人管辖的区县登记或修改劳动者',
    en: 'You may only register or edit workers served by your own districts',
  },
  'worker.origin_unknown': {
    'zh-CN': '“{value}”不是可识别的户籍地，请填写 6 位区县代码，或“省 市 县”全称',
    en: '"{value}" is not a recognisable place of origin; give a 6-digit county code or "province city county"',
  },
  'worker.origin_ambiguous': {
    'zh-CN': '“{value}”对应多个区县（{options}），请写明省、市',
    en: '"{value}" matches several counties ({options}); add the province and city',
  },
  'worker.duplicate_flag_resolved': {
    'zh-CN': '该疑似重复记录已经处理过了',
    en: 'This possible duplicate has already been resolved',
  },
  'worker.import_no_header': {
    'zh-CN': '没有找到表头行（应包含“身份证号码”“姓名”“手机号码”三列）',
    en: 'No header row found (it must contain the ID number, name and mobile phone columns)',
  },
  'worker.import_duplicate_in_file': {
    'zh-CN': '与第 {row} 行的身份证号码重复',
    en: 'Same ID number as row {row}',
  },
  'worker.import_date': {
    'zh-CN': '“{value}”不是可识别的日期（可写 2021-03-05、2021/3/5 或 2021年3月5日）',
    en: '"{value}" is not a recognisable date (write 2021-03-05, 2021/3/5 or 2021年3月5日)',
  },
  'worker.import_wage': {
    'zh-CN': '“{value}”不是可识别的月工资金额（元）',
    en: '"{value}" is not a recognisable monthly wage (yuan)',
  },
  'worker.import_education': {
    'zh-CN': '“{value}”不是可识别的学历（小学、初中、高中、中专、大专、本科、硕士……）',
    en: '"{value}" is not a recognisable education level',
  },
  'worker.import_interrupted': {
    'zh-CN': '导入被中断（服务器重启或进程退出），未导入任何数据，请重新上传',
    en: 'The import was interrupted (server restart or exit); nothing was imported; upload the file again',
  },
  'worker.import_crashed': {
    'zh-CN': '导入出错，未导入任何数据；请将导入编号 {importId} 告知管理员',
    en: 'The import failed and nothing was imported; give import id {importId} to an administrator',
  },
  'worker.import_too_large': {
    'zh-CN': '文件过大（上限 {limit}），请拆分后分批导入',
    en: 'The file is too large (limit {limit}); split it and import the parts',
  },
  'application.duplicate': {
    'zh-CN': '该劳动者已在此岗位的招聘流程中',
    en: 'This worker is already in this order’s pipeline',
  },
  'match.subject_required': {
    'zh-CN': '请指定 workerId（为劳动者推荐岗位）或 jobOrderId（为岗位推荐劳动者），二者选一',
    en: 'Give either workerId (orders for a worker) or jobOrderId (workers for an order), not both',
  },
  'match.run_running': {
    'zh-CN': '已有一次推荐计算正在进行（已完成 {percent}%），请稍后再试',
    en: 'A recommendation run is already in progress ({percent}% done); try again later',
  },
  'match.term.occupation_detail': { 'zh-CN': '工种一致', en: 'Same occupation' },
  'match.term.occupation_small': { 'zh-CN': '工种相近', en: 'Similar occupation' },
  'match.term.occupation_medium': { 'zh-CN': '同类工种', en: 'Same occupation field' },
  'match.term.occupation_major': { 'zh-CN': '相关工种', en: 'Related occupation' },
  'match.term.skills': { 'zh-CN': '技能证书匹配 {count} 项', en: '{count} matching skills' },
  'match.term.wage_meets': { 'zh-CN': '薪资满足期望', en: 'Wage meets expectation' },
  'match.term.wage_partly': { 'zh-CN': '薪资上限达到期望', en: 'Top of wage range meets expectation' },
  'match.term.wage_below': {
    'zh-CN': '薪资低于期望 {shortfall} 元',
    en: 'Wage {shortfall} yuan below expectation',
  },
  'match.term.dormitory': { 'zh-CN': '提供宿舍', en: 'Dormitory provided' },
  'match.term.no_dormitory': { 'zh-CN': '外地务工无宿舍', en: 'No dormitory for a worker from afar' },
  'match.term.distance': { 'zh-CN': '距离 {km} 公里', en: '{km} km away' },
  'match.term.channel_tie': { 'zh-CN': '合作渠道输送', en: 'From a partner channel' },
  'match.term.key_enterprise': { 'zh-CN': '重点企业', en: 'Key enterprise' },
  'match.term.urgency': { 'zh-CN': '急招', en: 'Urgent' },
  'match.term.freshness': { 'zh-CN': '新发布', en: 'Newly posted' },
  'match.filter.age': {
    'zh-CN': '年龄 {age} 岁不在要求范围（{min}–{max} 岁）',
    en: 'Age {age} outside the required {min}–{max}',
  },
  'match.filter.certificate': {
    'zh-CN': '缺少必需证书：{missing}',
    en: 'Missing required certificates: {missing}',
  },
  'match.filter.education': {
    'zh-CN': '学历低于要求',
    en: 'Education below the requirement',
  },
  'match.filter.availability': {
    'zh-CN': '可到岗日期晚于岗位截止日期',
    en: 'Available only after the order’s deadline',
  },
  'match.filter.no_places': { 'zh-CN': '岗位已无空缺', en: 'No places left' },
  'placement.ended': {
    'zh-CN': '该劳动者已于 {date} 离职，不能再确认留存',
    en: 'This worker left on {date}; retention can no longer be recorded',
  },
  'application.illegal_transition': {
    'zh-CN': '不能从“{from}”直接变为“{to}”',
    en: 'Cannot move from "{from}" to "{to}"',
  },
  'application.worker_unavailable': {
    'zh-CN': '该劳动者当前状态为“{status}”，不能推荐',
    en: 'This worker is {status} and cannot be recommended',
  },
  'placement.retention_too_early': {
    'zh-CN': '到岗未满 {days} 天（到岗日期 {hiredOn}），还不能确认留存',
    en: 'Retention can be confirmed {days} days after hiring (hired {hiredOn})',
  },
  'password.too_short': {
    'zh-CN': '密码至少 {min} 位',
    en: 'Passwords have at least {min} characters',
  },
} as const satisfies Readonly<Record<string, Entry>>;

export type ValidationMessageKey = keyof typeof VALIDATION_MESSAGES;
export type MessageKey = ErrorCode | ValidationMessageKey;

const CATALOGUE: Readonly<Record<string, Entry>> = { ...ERROR_MESSAGES, ...VALIDATION_MESSAGES };

/** Whether `key` names a message in the catalogue. */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(CATALOGUE, key);
}

/** All catalogue keys (for completeness tests). */
export const MESSAGE_KEYS: readonly string[] = Object.keys(CATALOGUE);

/**
 * Renders a message in `locale`, filling `{name}` placeholders from `params`. An unknown key renders
 * as the generic "invalid value" message rather than leaking the key.
 */
export function formatMessage(
  locale: Locale,
  key: string,
  params: Readonly<Record<string, unknown>> = {},
): string {
  const entry = CATALOGUE[key] ?? VALIDATION_MESSAGES['field.invalid'];
  return entry[locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
