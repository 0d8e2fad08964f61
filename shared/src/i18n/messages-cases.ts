/**
 * Messages of 一企一策 service (cases, plan actions, visits) and urgent shortage reports, part of
 * the one catalogue (spread into messages.ts). `{name}` placeholders as there.
 */
export const CASES_MESSAGES = {
  'case.illegal_status': {
    'zh-CN': '个案当前状态为“{from}”，不能改为“{to}”',
    en: 'A case that is {from} cannot become {to}',
  },
  'case.reason_required': {
    'zh-CN': '撤销个案须填写原因',
    en: 'Give a reason to cancel a case',
  },
  'case.closed': {
    'zh-CN': '个案已办结或撤销，请先重新打开再修改',
    en: 'The case is closed; reopen it before changing it',
  },
  'case.enterprise_not_allowed': {
    'zh-CN': '您不能为该企业建立或修改服务个案',
    en: 'You may not open or change service cases of this enterprise',
  },
  'case.order_not_of_enterprise': {
    'zh-CN': '只能关联本企业的岗位',
    en: 'Only orders of the case’s enterprise can be linked',
  },
  'case.owner_unknown': {
    'zh-CN': '责任人须是在用的工作人员账号',
    en: 'The owner must be an active staff account',
  },
  'case.owner_not_serving': {
    'zh-CN': '责任人须是服务该企业的工作人员（所在区县的经办人员或联络员，或该企业的挂钩联络员）',
    en: 'The owner must be staff serving this enterprise (an officer or liaison of its district, or its own liaison)',
  },
  'case_action.due_before_opened': {
    'zh-CN': '完成期限不能早于个案建立日期',
    en: 'The due date cannot be before the case was opened',
  },
  'case_action.done_on_required': {
    'zh-CN': '标记完成时须填写完成日期（不晚于今天）',
    en: 'Give the completion date (not after today) when marking done',
  },
  'shortage.link_requires_orders': {
    'zh-CN': '选择“关联已有岗位”时至少选择一个岗位',
    en: 'Choose at least one order to link',
  },
  'shortage.order_not_open': {
    'zh-CN': '只能关联本企业草稿或招聘中的岗位',
    en: 'Only draft or open orders of this enterprise can be linked',
  },
  'shortage.needed_by_past': {
    'zh-CN': '需到岗日期不能早于今天',
    en: 'The needed-by date cannot be in the past',
  },
  'visit.enterprise_not_allowed': {
    'zh-CN': '您不能为该企业登记走访',
    en: 'You may not log visits to this enterprise',
  },
  'visit.date_future': {
    'zh-CN': '走访日期不能晚于今天',
    en: 'The visit date cannot be in the future',
  },
  'visit.duplicate_enterprise': {
    'zh-CN': '同一企业只能选一次',
    en: 'Each enterprise may be chosen once',
  },
  'visit.case_not_of_enterprise': {
    'zh-CN': '关联的个案须属于所选企业（且只选一家企业）',
    en: 'A linked case must belong to the one enterprise chosen',
  },
} as const;
