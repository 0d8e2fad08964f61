/**
 * Messages of the agency marketplace (agencies, listings, claims, submissions, reviews), part of
 * the one catalogue (spread into messages.ts). `{name}` placeholders as there.
 */
export const MARKETPLACE_MESSAGES = {
  'agency.duplicate_licence': {
    'zh-CN': '该人力资源服务许可证编号已登记',
    en: 'This HR service licence number is already registered',
  },
  'agency.username_taken': {
    'zh-CN': '用户名“{username}”已被使用',
    en: 'The username "{username}" is taken',
  },
  'agency.region_unknown': {
    'zh-CN': '“{value}”不是已知的区县代码',
    en: '"{value}" is not a known county code',
  },
  'agency.illegal_action': {
    'zh-CN': '机构当前状态为“{status}”，不能执行“{action}”',
    en: 'An agency that is {status} cannot be {action}',
  },
  'agency.reason_required': {
    'zh-CN': '驳回或暂停须填写原因',
    en: 'Give a reason to reject or suspend',
  },
  'agency.alliance_officers_only': {
    'zh-CN': '联盟成员身份由主管部门设置',
    en: 'Alliance membership is set by officers',
  },
  'agency.not_approved': {
    'zh-CN': '机构状态为“{status}”，审核通过且未被暂停的机构才能抢单和推荐',
    en: 'The agency is {status}; only approved agencies that are not suspended may claim and submit',
  },
  'listing.places_above_open': {
    'zh-CN': '开放给机构的名额不能超过岗位尚缺人数（{open} 人）',
    en: 'Places offered cannot exceed the order’s open places ({open})',
  },
  'listing.places_below_claimed': {
    'zh-CN': '名额不能少于机构已抢的 {claimed} 个',
    en: 'Places cannot be fewer than the {claimed} already claimed',
  },
  'listing.deadline_after_order': {
    'zh-CN': '抢单截止日期不能晚于岗位截止日期（{deadline}）',
    en: 'The claim deadline cannot be after the order’s deadline ({deadline})',
  },
  'listing.order_not_open': {
    'zh-CN': '岗位当前状态为“{status}”，只有招聘中的岗位可以挂单',
    en: 'The order is {status}; only open orders can be published to agencies',
  },
  'listing.already_published': {
    'zh-CN': '该岗位已在机构抢单大厅中，请修改挂单条件',
    en: 'This order is already published to agencies; edit its terms instead',
  },
  'listing.not_open': {
    'zh-CN': '该挂单已{status}，不再接受抢单',
    en: 'This listing is {status}; it takes no claims',
  },
  'listing.deadline_passed': {
    'zh-CN': '该挂单已过抢单截止日期（{deadline}）',
    en: 'The claim deadline ({deadline}) has passed',
  },
  'claim.places_exhausted': {
    'zh-CN': '名额不足：该岗位仅剩 {remaining} 个可抢名额（共开放 {offered} 个）',
    en: 'Not enough places: {remaining} of {offered} places remain unclaimed',
  },
  'claim.already_active': {
    'zh-CN': '本机构已持有该岗位的有效抢单（{places} 个名额），请在原抢单中推荐候选人',
    en: 'Your agency already holds an active claim on this order ({places} places); submit candidates on it',
  },
  'claim.not_active': {
    'zh-CN': '该抢单已{status}，不能再操作',
    en: 'This claim is {status}; no further changes',
  },
  'claim.release_too_many': {
    'zh-CN': '最多可释放 {max} 个名额（已推荐的候选人占用 {used} 个）',
    en: 'At most {max} places can be released ({used} are held by submitted candidates)',
  },
  'submission.worker_or_new': {
    'zh-CN': '请选择已登记的劳动者，或填写新劳动者信息（二选一）',
    en: 'Choose a registered worker or enter a new one (one of the two)',
  },
  'submission.places_full': {
    'zh-CN': '已推荐 {used} 人，达到抢单名额（{places} 个），不能再推荐',
    en: '{used} candidates submitted fill the {places} claimed places; no more submissions',
  },
  'submission.owned_by_other': {
    'zh-CN': '已由其他机构推荐',
    en: 'Already submitted by another agency',
  },
  'submission.worker_unavailable': {
    'zh-CN': '该劳动者当前不可推荐（已在岗或已停用）',
    en: 'This worker cannot be submitted now (employed or inactive)',
  },
  'review.no_interaction': {
    'zh-CN': '只有推荐过候选人且已到岗或抢单已结束的合作才能评价',
    en: 'Only a claim with submitted candidates that led to a hire or has ended can be reviewed',
  },
  'review.already': {
    'zh-CN': '本次合作您已评价过',
    en: 'You have already reviewed this interaction',
  },
  'review.not_party': {
    'zh-CN': '只有本次合作的企业或机构可以评价',
    en: 'Only the enterprise or the agency of this interaction can review it',
  },
  'review.criterion_unexpected': {
    'zh-CN': '该评价方向不包含此项',
    en: 'This criterion does not belong to your side’s review',
  },
} as const;
