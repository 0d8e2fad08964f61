/**
 * Messages of schools, cooperation agreements, order classes, internships and apprenticeships,
 * part of the one catalogue (spread into messages.ts). `{name}` placeholders as there.
 */
export const SCHOOLS_MESSAGES = {
  'school.duplicate_name': {
    'zh-CN': '院校“{name}”已登记',
    en: 'The school "{name}" is already registered',
  },
  'school.region_unknown': {
    'zh-CN': '“{value}”不是已知的区县代码',
    en: '"{value}" is not a known county code',
  },
  'school.major_twice': {
    'zh-CN': '专业“{name}”重复填写',
    en: 'The major "{name}" is listed twice',
  },
  'school.graduate_year_twice': {
    'zh-CN': '{year} 届毕业生人数重复填写',
    en: 'Graduates of {year} are given twice',
  },
  'school.staff_profile_only': {
    'zh-CN': '院校账号只能修改本校的专业、联系人、地址和备注',
    en: 'School staff may change only their school’s majors, contacts, address and notes',
  },
  'school.agreement_period': {
    'zh-CN': '有效期截止日期不能早于起始日期',
    en: 'The end of validity cannot be before its start',
  },
  'school.agreement_duplicate': {
    'zh-CN': '该院校与该企业在同一天签订的协议已登记',
    en: 'An agreement of this school and enterprise signed that day is already registered',
  },
  'school.enterprise_unavailable': {
    'zh-CN': '企业不存在或不在您的管理范围内',
    en: 'The enterprise does not exist or is not yours to manage',
  },
  'school.unavailable': {
    'zh-CN': '院校不存在或不在您的管理范围内',
    en: 'The school does not exist or is not yours to manage',
  },
  'order_class.period': {
    'zh-CN': '毕业日期不能早于开班日期',
    en: 'Graduation cannot be before the start',
  },
  'order_class.duplicate_name': {
    'zh-CN': '本校已有名为“{name}”的班级',
    en: 'The school already has a class named "{name}"',
  },
  'order_class.agreement_mismatch': {
    'zh-CN': '所选协议不是该院校与该企业之间的协议',
    en: 'The agreement chosen is not between this school and this enterprise',
  },
  'order_class.order_other_enterprise': {
    'zh-CN': '只能输送到本班合作企业“{enterprise}”的岗位',
    en: 'A class can be delivered only into an order of its enterprise, {enterprise}',
  },
  'order_class.order_not_open': {
    'zh-CN': '岗位当前状态为“{status}”，只能输送到招聘中的岗位',
    en: 'The order is {status}; a class can be delivered only into an open order',
  },
  'order_class.order_full': {
    'zh-CN': '岗位已招满（{filled}/{headcount}）',
    en: 'The order is full ({filled}/{headcount})',
  },
  'order_class.no_students': {
    'zh-CN': '班级还没有在读学生，无法输送',
    en: 'The class has no enrolled students to deliver',
  },
  'order_class.import_in_progress': {
    'zh-CN': '该班级有一份名单正在导入，请等待完成后再导入',
    en: 'A list is being imported into this class; wait for it to finish',
  },
  'internship.period': {
    'zh-CN': '结束日期不能早于开始日期',
    en: 'The end cannot be before the start',
  },
  'internship.worker_unavailable': {
    'zh-CN': '学生不存在或不在您的管理范围内',
    en: 'The student does not exist or is not yours to manage',
  },
  'apprenticeship.provider_required': {
    'zh-CN': '请选择合作院校或填写培训机构名称',
    en: 'Choose a school or name the training provider',
  },
} as const;
