/**
 * Messages of monitoring (headcount reports, the three-colour map, settings), part of the one
 * catalogue (spread into messages.ts). `{name}` placeholders as there.
 */
export const MONITORING_MESSAGES = {
  'monitoring.month_format': {
    'zh-CN': '月份格式应为 YYYY-MM（如 2026-03），收到“{value}”',
    en: 'Months are written YYYY-MM (e.g. 2026-03); got "{value}"',
  },
  'monitoring.reconciliation_mismatch': {
    'zh-CN':
      '人数核对不一致：上月实有 {previousActual} 人 + 本月招用 {hires} 人 − 减员 {separations} 人 = {expected} 人，但填报实有 {actual} 人（相差 {difference}）。请核实后勾选“确认无误”再提交',
    en: 'Headcount does not reconcile: last month {previousActual} + hires {hires} − separations {separations} = {expected}, but actual is {actual} (difference {difference}). Check and confirm to submit',
  },
  'monitoring.report_exists': {
    'zh-CN': '{enterprise} 的 {month} 月报已填报，请修改原报表',
    en: 'The {month} report of {enterprise} exists; edit it instead',
  },
  'monitoring.shortage_lines_sum': {
    'zh-CN': '各工种缺工人数合计 {sum} 与缺工总数 {shortage} 不一致',
    en: 'Shortage by occupation adds up to {sum}, not the total {shortage}',
  },
  'monitoring.shortage_above_planned': {
    'zh-CN': '缺工人数 {shortage} 不能超过计划用工 {planned}',
    en: 'The shortage ({shortage}) cannot exceed the planned headcount ({planned})',
  },
  'monitoring.future_month': {
    'zh-CN': '不能填报未来月份 {month}',
    en: 'Cannot report a future month ({month})',
  },
  'monitoring.not_monitored': {
    'zh-CN': '该企业不在监测范围（非重点企业且未列入抽样）',
    en: 'This enterprise is not monitored (not a key enterprise and not in the sample)',
  },
  'monitoring.thresholds_order': {
    'zh-CN': '黄色下限须大于 0 且不大于红色界限，精度 0.01%',
    en: 'The yellow threshold must be above 0, not above the red one, to 0.01 %',
  },
  'monitoring.window_order': {
    'zh-CN': '填报窗口的开始日不能晚于结束日',
    en: 'The reporting window cannot start after it ends',
  },
  'monitoring.month_range': {
    'zh-CN': '起止月份有误或跨度超过 {max} 个月',
    en: 'The month range is reversed or longer than {max} months',
  },
  'monitoring.enterprise_level_scope': {
    'zh-CN': '全市企业过多，请先选择区县或行业',
    en: 'Too many enterprises city-wide; choose a district or an industry first',
  },
  'monitoring.import_enterprise_unknown': {
    'zh-CN': '统一社会信用代码“{value}”未登记或无权填报',
    en: 'Credit code "{value}" is not registered or not yours to report',
  },
  'monitoring.import_reconciliation': {
    'zh-CN': '人数核对不一致（应为 {expected}，填报 {actual}），已按导入确认',
    en: 'Headcount does not reconcile (expected {expected}, got {actual}); confirmed by import',
  },
} as const;
