/** GB/T 4754-2017 (国民经济行业分类, amendment No.1 2019): sections (门类) and divisions (大类). Source: see docs/data-sources.md. */
export interface IndustrySection {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
}
export interface IndustryDivision {
  readonly code: string;
  readonly section: string;
  readonly nameZh: string;
  readonly nameEn: string;
}

export const INDUSTRY_SECTIONS: readonly IndustrySection[] = [
  { code: 'A', nameZh: '农、林、牧、渔业', nameEn: 'Agriculture, forestry, animal husbandry and fishery' },
  { code: 'B', nameZh: '采矿业', nameEn: 'Mining' },
  { code: 'C', nameZh: '制造业', nameEn: 'Manufacturing' },
  {
    code: 'D',
    nameZh: '电力、热力、燃气及水生产和供应业',
    nameEn: 'Electricity, heat, gas and water production and supply',
  },
  { code: 'E', nameZh: '建筑业', nameEn: 'Construction' },
  { code: 'F', nameZh: '批发和零售业', nameEn: 'Wholesale and retail trade' },
  { code: 'G', nameZh: '交通运输、仓储和邮政业', nameEn: 'Transport, storage and postal services' },
  { code: 'H', nameZh: '住宿和餐饮业', nameEn: 'Accommodation and catering' },
  {
    code: 'I',
    nameZh: '信息传输、软件和信息技术服务业',
    nameEn: 'Information transmission, software and information technology services',
  },
  { code: 'J', nameZh: '金融业', nameEn: 'Finance' },
  { code: 'K', nameZh: '房地产业', nameEn: 'Real estate' },
  { code: 'L', nameZh: '租赁和商务服务业', nameEn: 'Leasing and business services' },
  { code: 'M', nameZh: '科学研究和技术服务业', nameEn: 'Scientific research and technical services' },
  {
    code: 'N',
    nameZh: '水利、环境和公共设施管理业',
    nameEn: 'Water conservancy, environment and public facilities management',
  },
  { code: 'O', nameZh: '居民服务、修理和其他服务业', nameEn: 'Resident services, repair and other services' },
  { code: 'P', nameZh: '教育', nameEn: 'Education' },
  { code: 'Q', nameZh: '卫生和社会工作', nameEn: 'Health and social work' },
  { code: 'R', nameZh: '文化、体育和娱乐业', nameEn: 'Culture, sports and entertainment' },
  {
    code: 'S',
    nameZh: '公共管理、社会保障和社会组织',
    nameEn: 'Public administration, social security and social organisations',
  },
  { code: 'T', nameZh: '国际组织', nameEn: 'International organisations' },
];

export const INDUSTRY_DIVISIONS: readonly IndustryDivision[] = [
  // A 农、林、牧、渔业
  { code: '01', section: 'A', nameZh: '农业', nameEn: 'Agriculture (crop farming)' },
  { code: '02', section: 'A', nameZh: '林业', nameEn: 'Forestry' },
  { code: '03', section: 'A', nameZh: '畜牧业', nameEn: 'Animal husbandry' },
  { code: '04', section: 'A', nameZh: '渔业', nameEn: 'Fishery' },
  {
    code: '05',
    section: 'A',
    nameZh: '农、林、牧、渔专业及辅助性活动',
    nameEn: 'Support activities for agriculture, forestry, animal husbandry and fishery',
  },
  // B 采矿业
  { code: '06', section: 'B', nameZh: '煤炭开采和洗选业', nameEn: 'Coal mining and washing' },
  { code: '07', section: 'B', nameZh: '石油和天然气开采业', nameEn: 'Oil and natural gas extraction' },
  {
    code: '08',
    section: 'B',
    nameZh: '黑色金属矿采选业',
    nameEn: 'Mining and dressing of ferrous metal ores',
  },
  {
    code: '09',
    section: 'B',
    nameZh: '有色金属矿采选业',
    nameEn: 'Mining and dressing of non-ferrous metal ores',
  },
  {
    code: '10',
    section: 'B',
    nameZh: '非金属矿采选业',
    nameEn: 'Mining and dressing of non-metallic minerals',
  },
  { code: '11', section: 'B', nameZh: '开采专业及辅助性活动', nameEn: 'Mining support activities' },
  { code: '12', section: 'B', nameZh: '其他采矿业', nameEn: 'Other mining' },
  // C 制造业
  {
    code: '13',
    section: 'C',
    nameZh: '农副食品加工业',
    nameEn: 'Processing of agricultural and sideline foods',
  },
  { code: '14', section: 'C', nameZh: '食品制造业', nameEn: 'Food manufacturing' },
  {
    code: '15',
    section: 'C',
    nameZh: '酒、饮料和精制茶制造业',
    nameEn: 'Manufacture of liquor, beverages and refined tea',
  },
  { code: '16', section: 'C', nameZh: '烟草制品业', nameEn: 'Manufacture of tobacco products' },
  { code: '17', section: 'C', nameZh: '纺织业', nameEn: 'Manufacture of textiles' },
  {
    code: '18',
    section: 'C',
    nameZh: '纺织服装、服饰业',
    nameEn: 'Manufacture of textile garments and apparel',
  },
  {
    code: '19',
    section: 'C',
    nameZh: '皮革、毛皮、羽毛及其制品和制鞋业',
    nameEn: 'Manufacture of leather, fur, feather and related products, and footwear',
  },
  {
    code: '20',
    section: 'C',
    nameZh: '木材加工和木、竹、藤、棕、草制品业',
    nameEn: 'Wood processing and manufacture of wood, bamboo, rattan, palm and straw products',
  },
  { code: '21', section: 'C', nameZh: '家具制造业', nameEn: 'Manufacture of furniture' },
  { code: '22', section: 'C', nameZh: '造纸和纸制品业', nameEn: 'Manufacture of paper and paper products' },
  {
    code: '23',
    section: 'C',
    nameZh: '印刷和记录媒介复制业',
    nameEn: 'Printing and reproduction of recorded media',
  },
  {
    code: '24',
    section: 'C',
    nameZh: '文教、工美、体育和娱乐用品制造业',
    nameEn: 'Manufacture of stationery, arts and crafts, sports and entertainment goods',
  },
  {
    code: '25',
    section: 'C',
    nameZh: '石油、煤炭及其他燃料加工业',
    nameEn: 'Processing of petroleum, coal and other fuels',
  },
  {
    code: '26',
    section: 'C',
    nameZh: '化学原料和化学制品制造业',
    nameEn: 'Manufacture of chemical raw materials and chemical products',
  },
  { code: '27', section: 'C', nameZh: '医药制造业', nameEn: 'Manufacture of medicines' },
  { code: '28', section: 'C', nameZh: '化学纤维制造业', nameEn: 'Manufacture of chemical fibres' },
  {
    code: '29',
    section: 'C',
    nameZh: '橡胶和塑料制品业',
    nameEn: 'Manufacture of rubber and plastic products',
  },
  {
    code: '30',
    section: 'C',
    nameZh: '非金属矿物制品业',
    nameEn: 'Manufacture of non-metallic mineral products',
  },
  {
    code: '31',
    section: 'C',
    nameZh: '黑色金属冶炼和压延加工业',
    nameEn: 'Smelting and rolling of ferrous metals',
  },
  {
    code: '32',
    section: 'C',
    nameZh: '有色金属冶炼和压延加工业',
    nameEn: 'Smelting and rolling of non-ferrous metals',
  },
  { code: '33', section: 'C', nameZh: '金属制品业', nameEn: 'Manufacture of metal products' },
  { code: '34', section: 'C', nameZh: '通用设备制造业', nameEn: 'Manufacture of general-purpose machinery' },
  { code: '35', section: 'C', nameZh: '专用设备制造业', nameEn: 'Manufacture of special-purpose machinery' },
  { code: '36', section: 'C', nameZh: '汽车制造业', nameEn: 'Manufacture of motor vehicles' },
  {
    code: '37',
    section: 'C',
    nameZh: '铁路、船舶、航空航天和其他运输设备制造业',
    nameEn: 'Manufacture of railway, ship, aerospace and other transport equipment',
  },
  {
    code: '38',
    section: 'C',
    nameZh: '电气机械和器材制造业',
    nameEn: 'Manufacture of electrical machinery and equipment',
  },
  {
    code: '39',
    section: 'C',
    nameZh: '计算机、通信和其他电子设备制造业',
    nameEn: 'Manufacture of computers, communication and other electronic equipment',
  },
  {
    code: '40',
    section: 'C',
    nameZh: '仪器仪表制造业',
    nameEn: 'Manufacture of measuring instruments and meters',
  },
  { code: '41', section: 'C', nameZh: '其他制造业', nameEn: 'Other manufacturing' },
  {
    code: '42',
    section: 'C',
    nameZh: '废弃资源综合利用业',
    nameEn: 'Comprehensive utilisation of waste resources',
  },
  {
    code: '43',
    section: 'C',
    nameZh: '金属制品、机械和设备修理业',
    nameEn: 'Repair of metal products, machinery and equipment',
  },
  // D 电力、热力、燃气及水生产和供应业
  {
    code: '44',
    section: 'D',
    nameZh: '电力、热力生产和供应业',
    nameEn: 'Production and supply of electricity and heat',
  },
  { code: '45', section: 'D', nameZh: '燃气生产和供应业', nameEn: 'Production and supply of gas' },
  { code: '46', section: 'D', nameZh: '水的生产和供应业', nameEn: 'Production and supply of water' },
  // E 建筑业
  { code: '47', section: 'E', nameZh: '房屋建筑业', nameEn: 'Construction of buildings' },
  { code: '48', section: 'E', nameZh: '土木工程建筑业', nameEn: 'Civil engineering' },
  { code: '49', section: 'E', nameZh: '建筑安装业', nameEn: 'Building installation' },
  {
    code: '50',
    section: 'E',
    nameZh: '建筑装饰、装修和其他建筑业',
    nameEn: 'Building decoration, renovation and other construction',
  },
  // F 批发和零售业
  { code: '51', section: 'F', nameZh: '批发业', nameEn: 'Wholesale trade' },
  { code: '52', section: 'F', nameZh: '零售业', nameEn: 'Retail trade' },
  // G 交通运输、仓储和邮政业
  { code: '53', section: 'G', nameZh: '铁路运输业', nameEn: 'Rail transport' },
  { code: '54', section: 'G', nameZh: '道路运输业', nameEn: 'Road transport' },
  { code: '55', section: 'G', nameZh: '水上运输业', nameEn: 'Water transport' },
  { code: '56', section: 'G', nameZh: '航空运输业', nameEn: 'Air transport' },
  { code: '57', section: 'G', nameZh: '管道运输业', nameEn: 'Pipeline transport' },
  {
    code: '58',
    section: 'G',
    nameZh: '多式联运和运输代理业',
    nameEn: 'Multimodal transport and transport agency services',
  },
  { code: '59', section: 'G', nameZh: '装卸搬运和仓储业', nameEn: 'Cargo handling and warehousing' },
  { code: '60', section: 'G', nameZh: '邮政业', nameEn: 'Postal services' },
  // H 住宿和餐饮业
  { code: '61', section: 'H', nameZh: '住宿业', nameEn: 'Accommodation' },
  { code: '62', section: 'H', nameZh: '餐饮业', nameEn: 'Catering' },
  // I 信息传输、软件和信息技术服务业
  {
    code: '63',
    section: 'I',
    nameZh: '电信、广播电视和卫星传输服务',
    nameEn: 'Telecommunications, broadcasting and satellite transmission services',
  },
  { code: '64', section: 'I', nameZh: '互联网和相关服务', nameEn: 'Internet and related services' },
  {
    code: '65',
    section: 'I',
    nameZh: '软件和信息技术服务业',
    nameEn: 'Software and information technology services',
  },
  // J 金融业
  { code: '66', section: 'J', nameZh: '货币金融服务', nameEn: 'Monetary and financial services' },
  { code: '67', section: 'J', nameZh: '资本市场服务', nameEn: 'Capital market services' },
  { code: '68', section: 'J', nameZh: '保险业', nameEn: 'Insurance' },
  { code: '69', section: 'J', nameZh: '其他金融业', nameEn: 'Other financial services' },
  // K 房地产业
  { code: '70', section: 'K', nameZh: '房地产业', nameEn: 'Real estate' },
  // L 租赁和商务服务业
  { code: '71', section: 'L', nameZh: '租赁业', nameEn: 'Leasing' },
  { code: '72', section: 'L', nameZh: '商务服务业', nameEn: 'Business services' },
  // M 科学研究和技术服务业
  { code: '73', section: 'M', nameZh: '研究和试验发展', nameEn: 'Research and experimental development' },
  { code: '74', section: 'M', nameZh: '专业技术服务业', nameEn: 'Professional technical services' },
  {
    code: '75',
    section: 'M',
    nameZh: '科技推广和应用服务业',
    nameEn: 'Technology promotion and application services',
  },
  // N 水利、环境和公共设施管理业
  { code: '76', section: 'N', nameZh: '水利管理业', nameEn: 'Water conservancy management' },
  {
    code: '77',
    section: 'N',
    nameZh: '生态保护和环境治理业',
    nameEn: 'Ecological protection and environmental treatment',
  },
  { code: '78', section: 'N', nameZh: '公共设施管理业', nameEn: 'Public facilities management' },
  { code: '79', section: 'N', nameZh: '土地管理业', nameEn: 'Land management' },
  // O 居民服务、修理和其他服务业
  { code: '80', section: 'O', nameZh: '居民服务业', nameEn: 'Resident services' },
  {
    code: '81',
    section: 'O',
    nameZh: '机动车、电子产品和日用产品修理业',
    nameEn: 'Repair of motor vehicles, electronic products and household goods',
  },
  { code: '82', section: 'O', nameZh: '其他服务业', nameEn: 'Other services' },
  // P 教育
  { code: '83', section: 'P', nameZh: '教育', nameEn: 'Education' },
  // Q 卫生和社会工作
  { code: '84', section: 'Q', nameZh: '卫生', nameEn: 'Health' },
  { code: '85', section: 'Q', nameZh: '社会工作', nameEn: 'Social work' },
  // R 文化、体育和娱乐业
  { code: '86', section: 'R', nameZh: '新闻和出版业', nameEn: 'News and publishing' },
  {
    code: '87',
    section: 'R',
    nameZh: '广播、电视、电影和录音制作业',
    nameEn: 'Radio, television, film and sound recording production',
  },
  { code: '88', section: 'R', nameZh: '文化艺术业', nameEn: 'Culture and arts' },
  { code: '89', section: 'R', nameZh: '体育', nameEn: 'Sports' },
  { code: '90', section: 'R', nameZh: '娱乐业', nameEn: 'Entertainment' },
  // S 公共管理、社会保障和社会组织
  { code: '91', section: 'S', nameZh: '中国共产党机关', nameEn: 'Organs of the Communist Party of China' },
  { code: '92', section: 'S', nameZh: '国家机构', nameEn: 'State organs' },
  {
    code: '93',
    section: 'S',
    nameZh: '人民政协、民主党派',
    nameEn: "Chinese People's Political Consultative Conference and democratic parties",
  },
  { code: '94', section: 'S', nameZh: '社会保障', nameEn: 'Social security' },
  {
    code: '95',
    section: 'S',
    nameZh: '群众团体、社会团体和其他成员组织',
    nameEn: 'Mass organisations, social organisations and other membership organisations',
  },
  {
    code: '96',
    section: 'S',
    nameZh: '基层群众自治组织及其他组织',
    nameEn: 'Grassroots self-governing organisations and other organisations',
  },
  // T 国际组织
  { code: '97', section: 'T', nameZh: '国际组织', nameEn: 'International organisations' },
];

/** The 97 two-digit division codes, for validating an enterprise's industry. */
export const INDUSTRY_DIVISION_CODES: ReadonlySet<string> = new Set(INDUSTRY_DIVISIONS.map((d) => d.code));

const DIVISIONS_BY_CODE: ReadonlyMap<string, IndustryDivision> = new Map(
  INDUSTRY_DIVISIONS.map((d) => [d.code, d]),
);

/** The division with this two-digit code ("39"), or undefined. */
export function findIndustryDivision(code: string): IndustryDivision | undefined {
  return DIVISIONS_BY_CODE.get(code);
}
