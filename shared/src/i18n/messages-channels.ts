/**
 * Messages of the supply channels built with labour bases, rural surveys and training programmes
 * (issue 4), part of the one catalogue (spread into messages.ts). `{name}` placeholders as there.
 */
export const CHANNELS_MESSAGES = {
  'base.agreement_dates': {
    'zh-CN': '协议有效期截止日不能早于签订日期',
    en: 'The agreement cannot end before it was signed',
  },
  'base.region_unknown': {
    'zh-CN': '“{value}”不是已知的县级行政区划代码',
    en: '"{value}" is not a known county code',
  },
  'base.township_name_required': {
    'zh-CN': '乡镇代码“{value}”不在行政区划库中，请填写乡镇名称',
    en: 'The township code "{value}" is not in the region tree; enter the township’s name',
  },
  'base.district_out_of_scope': {
    'zh-CN': '只能登记或修改本区县建设的基地',
    en: 'You can only register or edit bases of your own district',
  },
  'base.file_type': {
    'zh-CN': '协议扫描件须为 PDF、JPG 或 PNG 文件',
    en: 'The agreement scan must be a PDF, JPG or PNG file',
  },
  'base.file_too_large': {
    'zh-CN': '协议扫描件不能超过 {max}',
    en: 'The agreement scan may be at most {max}',
  },
  'base.no_agreement_file': {
    'zh-CN': '该基地尚未上传协议扫描件',
    en: 'No agreement scan has been uploaded for this base',
  },
  'base.enterprise_unknown': {
    'zh-CN': '企业不存在或不在您的管辖范围内',
    en: 'The enterprise does not exist or is outside your scope',
  },
  'base.worker_unknown': {
    'zh-CN': '劳动者不存在或不在您的管辖范围内',
    en: 'The worker does not exist or is outside your scope',
  },
  'survey.period_order': {
    'zh-CN': '摸排结束日期不能早于开始日期',
    en: 'The survey cannot end before it starts',
  },
  'survey.county_unknown': {
    'zh-CN': '“{value}”不是已知的县级行政区划代码',
    en: '"{value}" is not a known county code',
  },
  'survey.township_not_in_county': {
    'zh-CN': '乡镇代码“{value}”不属于所选的县（前 6 位应与县代码一致）',
    en: 'The township code "{value}" is not in the chosen county (its first 6 digits must match)',
  },
  'survey.township_name_required': {
    'zh-CN': '乡镇代码“{value}”不在行政区划库中，请填写乡镇名称',
    en: 'The township code "{value}" is not in the region tree; enter the township’s name',
  },
  'survey.duplicate_record': {
    'zh-CN': '此人已在本次摸排中登记',
    en: 'This person is already recorded in this survey',
  },
  'survey.willing_unknown': {
    'zh-CN': '“{value}”无法识别，请填写 是 / 否 / 待定',
    en: '"{value}" is not understood; write 是 (yes), 否 (no) or 待定 (undecided)',
  },
  'survey.region_name_unknown': {
    'zh-CN': '“{value}”不是已知的省、市或区县（可填代码或名称，多个用顿号分隔）',
    en: '"{value}" is not a known province, city or county (write codes or names, separated by 、)',
  },
  'survey.education_unknown': {
    'zh-CN': '“{value}”不是可识别的学历',
    en: '"{value}" is not a recognised education level',
  },
  'survey.date_invalid': {
    'zh-CN': '“{value}”不是有效日期（YYYY-MM-DD）',
    en: '"{value}" is not a valid date (YYYY-MM-DD)',
  },
  'survey.record_unknown': {
    'zh-CN': '摸排记录不存在或不属于本次摸排',
    en: 'The survey record does not exist or belongs to another survey',
  },
  'survey.converted_identity': {
    'zh-CN': '此记录已转为劳动者，不能再修改身份证号码（如登记错人，请在劳动者档案中处理）',
    en: 'This record has been converted to a worker; its ID number can no longer change (correct the worker’s record instead)',
  },
  'training.dates_order': {
    'zh-CN': '培训结束日期不能早于开始日期',
    en: 'The programme cannot end before it starts',
  },
  'training.full': {
    'zh-CN': '培训名额已满（共 {seats} 个）',
    en: 'The programme is full ({seats} seats)',
  },
  'training.seats_below_taken': {
    'zh-CN': '名额不能少于已报名人数 {taken}',
    en: 'Seats cannot be fewer than the {taken} already taken',
  },
  'training.order_unknown': {
    'zh-CN': '岗位不存在或不在您的管辖范围内',
    en: 'The job order does not exist or is outside your scope',
  },
  'training.worker_unknown': {
    'zh-CN': '劳动者不存在或不在您的管辖范围内',
    en: 'The worker does not exist or is outside your scope',
  },
  'training.already_enrolled': {
    'zh-CN': '该劳动者已报名此培训',
    en: 'This worker is already enrolled',
  },
  'training.enrolment_unknown': {
    'zh-CN': '报名记录不存在或不属于此培训',
    en: 'The enrolment does not exist or belongs to another programme',
  },
  'training.not_enrolled': {
    'zh-CN': '只有在读学员可以退出（当前状态：{status}）',
    en: 'Only enrolled trainees can drop out (status: {status})',
  },
  'training.district_out_of_scope': {
    'zh-CN': '只能登记或修改本区县的培训项目',
    en: 'You can only register or edit programmes of your own district',
  },
  'user.base_unknown': {
    'zh-CN': '劳务基地“{value}”不存在',
    en: 'The labour base "{value}" does not exist',
  },
  'user.school_unknown': {
    'zh-CN': '院校“{value}”不存在',
    en: 'The school "{value}" does not exist',
  },
} as const;
