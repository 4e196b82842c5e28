import type { IndustryGroup } from '../chains/chain';
import type { IndicatorMeasure } from '../insights/indicator-progress';

/*
 * Catalogue data taken from 《山东省“十四五”制造强省建设规划》
 * (/work/shared/plan/shandong-14th-fyp-manufacturing-plan.md).
 *
 * - PLAN_CHAINS follows the plan's section 三、重点产业发展方向: 三(二) 传统优势产业
 *   (1–10), 三(三) 新兴产业 (1 新一代信息技术, 2 高端装备, 3 新材料, 4 现代医药, each with
 *   numbered sub-chains (1)…(n)), 三(四) 未来产业 (1–4), plus chains that only have a
 *   city layout in 专栏 2–7 (section '专栏N').
 * - The plan has no separate 高端化工 section: the group entry 'chemicals' exists for the
 *   链长制 group (五(一)2), and the plan's only chemicals paragraph is 三(二)1 化工, kept where
 *   the plan puts it, as 'traditional.chemicals'.
 * - Every number below appears in the source text. Where a city is named more than once
 *   for the same chain in a 专栏, its focuses are merged into one layout.
 * - A recurring conversion artefact in the source replaces text after “大力发展” with
 *   “战略性新兴产业…” (e.g. “大力发展战略总成”); such passages are not used and are noted.
 */

export interface PlanTarget {
  /** The target as the plan states it, verbatim or nearly, in Chinese, e.g. '集成电路产业产值突破350亿元'. */
  readonly text: string;
  /** The number in the target, e.g. 350; null when the target is not a number. */
  readonly value: number | null;
  /** Unit of value as written: '亿元', '万亿元', '家', '%', …; null when value is null. */
  readonly unit: string | null;
  /** The year the plan sets it for (normally 2025). */
  readonly year: number;
}

export interface PlanCityLayout {
  /** GB/T 2260 city code of one of Shandong's 16 cities: 370100 济南, 370200 青岛, 370300 淄博, 370400 枣庄, 370500 东营, 370600 烟台, 370700 潍坊, 370800 济宁, 370900 泰安, 371000 威海, 371100 日照, 371300 临沂, 371400 德州, 371500 聊城, 371600 滨州, 371700 菏泽. */
  readonly cityCode: string;
  /** What the plan says this city focuses on in this chain, shortened, in Chinese. */
  readonly focus: string;
  /** Where it is said, e.g. '专栏3'. */
  readonly section: string;
}

export interface PlanChain {
  /** Stable key: group codes 'ngit' (新一代信息技术), 'equipment' (高端装备), 'materials' (新材料), 'medicine' (现代医药), 'chemicals' (高端化工), 'traditional' (传统优势产业), 'future' (未来产业); sub-chains '<group>.<slug>' in lower-case ASCII, e.g. 'ngit.ic' (集成电路), 'ngit.software' (高端软件), 'ngit.sensor' (智能传感器), 'traditional.steel' (钢铁). */
  readonly code: string;
  readonly nameZh: string;
  /** A good English name. */
  readonly nameEn: string;
  readonly industryGroup: IndustryGroup; // one of 'next_generation_it' | 'high_end_equipment' | 'new_materials' | 'modern_medicine' | 'high_end_chemicals' | 'traditional' | 'future'
  /** Code of the parent chain (the group entry), null for a group entry itself. */
  readonly parentCode: string | null;
  /** Where in the plan the chain is described, e.g. '三(一)1(1)' or '专栏3' — use the plan's own numbering. */
  readonly section: string;
  /** The 2025 target of the chain as the plan states it; null when the plan states none. */
  readonly target: PlanTarget | null;
  /** City layouts from 专栏 2–7; empty when none. */
  readonly cityLayouts: readonly PlanCityLayout[];
  /** What is uncertain or garbled in the source, if anything. */
  readonly notes?: string;
}

export interface PlanIndicator {
  /** Stable ASCII key, e.g. 'manufacturing_value_added_share'. */
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly unit: string;
  /** 2020 base value; null when the plan gives none (write it as in the table). */
  readonly base2020: number | null;
  /** 2025 target value; null when none; for targets like '>30' use the number and say so in note. */
  readonly target2025: number | null;
  /** 预期性 (expected) or 约束性 (binding), if the table says. */
  readonly nature: 'expected' | 'binding' | null;
  /**
   * 'cumulative' for the table's figures marked * (“十三五”和“十四五”累计值): the base is
   * the 2016–2020 total and the target the 2021–2025 total, so progress is counted from
   * zero; 'level' for a value at a point in time, which moves from its base to its target.
   */
  readonly measure: IndicatorMeasure;
  /** The category row of the table, if any (e.g. 创新能力, 结构优化…). */
  readonly category: string | null;
  readonly section: string;
  readonly note?: string;
}

export const PLAN_CHAINS: readonly PlanChain[] = [
  {
    code: 'ngit',
    nameZh: '新一代信息技术',
    nameEn: 'Next-generation information technology',
    industryGroup: 'next_generation_it',
    parentCode: null,
    section: '三(三)1',
    target: { text: '信息技术产业产值达到1.4万亿元', value: 1.4, unit: '万亿元', year: 2025 },
    cityLayouts: [],
    notes:
      'Also: 高水平建设国家级信息技术产业集聚区5—8个. The paragraph also names 高性能服务器、智能可穿戴设备、应用电子 (no paragraphs of their own); 新型显示 appears only inside 超高清视频 (新型显示器件) and 5G inside 信息通信设备, so neither is a separate chain.',
  },
  {
    code: 'ngit.ic',
    nameZh: '集成电路',
    nameEn: 'Integrated circuits',
    industryGroup: 'next_generation_it',
    parentCode: 'ngit',
    section: '三(三)1(1)',
    target: { text: '集成电路产业产值突破350亿元', value: 350, unit: '亿元', year: 2025 },
    cityLayouts: [
      {
        cityCode: '370100',
        focus: '高性能集成电路、功率器件、智能传感器、第三代半导体；完善材料、设计、制造、封测环节',
        section: '专栏3',
      },
      { cityCode: '370200', focus: '专用芯片设计、晶圆制造、系统级封装', section: '专栏3' },
      {
        cityCode: '370600',
        focus: '键合丝、封装基板、MEMS传感器、半导体化学材料、红外探测器设计、特色半导体封测',
        section: '专栏3',
      },
      {
        cityCode: '370300',
        focus: 'MEMS传感器、晶圆级封装、引线框架材料、第三代半导体',
        section: '专栏3',
      },
      { cityCode: '370700', focus: '智能传感器、功率半导体封测、光刻胶', section: '专栏3' },
      { cityCode: '371000', focus: '智能传感器、功率半导体封测、光刻胶', section: '专栏3' },
      { cityCode: '371100', focus: '智能传感器、功率半导体封测、光刻胶', section: '专栏3' },
      { cityCode: '371400', focus: '集成电路用硅片生产', section: '专栏3' },
      {
        cityCode: '370800',
        focus: '半导体分立器件、功率器件及功能芯片、第三代半导体',
        section: '专栏3',
      },
      { cityCode: '371600', focus: '半导体分立器件生产和制造', section: '专栏3' },
      { cityCode: '370400', focus: '硅基辐射探测器芯片、高端磁性材料', section: '专栏3' },
    ],
    notes:
      'The paragraph contains the garbled phrase “大力发展战略性新兴材料，推进嵌入式CPU…” (conversion artefact after “大力发展”); not used.',
  },
  {
    code: 'ngit.software',
    nameZh: '高端软件',
    nameEn: 'High-end software',
    industryGroup: 'next_generation_it',
    parentCode: 'ngit',
    section: '三(三)1(2)',
    target: { text: '软件业务收入突破8000亿元', value: 8000, unit: '亿元', year: 2025 },
    cityLayouts: [
      {
        cityCode: '370100',
        focus:
          '操作系统、中间件、工业软件、数据库、信息安全软件、工业APP、工业互联网平台、人工智能、区块链',
        section: '专栏3',
      },
      {
        cityCode: '370200',
        focus:
          '操作系统、中间件、工业软件、数据库、信息安全软件、工业APP、工业互联网平台、人工智能、区块链',
        section: '专栏3',
      },
      {
        cityCode: '370600',
        focus: '行业应用软件；商品溯源、供应链金融、电子票据等区块链布局',
        section: '专栏3',
      },
      { cityCode: '370700', focus: '网络安全、地理信息、电子商务、工业大数据', section: '专栏3' },
      {
        cityCode: '370800',
        focus: '高端电力行业软件、北斗及车联网、智慧交通、智慧健康',
        section: '专栏3',
      },
      {
        cityCode: '371500',
        focus: '高端电力行业软件、北斗及车联网、智慧交通、智慧健康',
        section: '专栏3',
      },
      { cityCode: '370500', focus: '石油行业软件开发应用', section: '专栏3' },
      { cityCode: '370900', focus: '办公软件、智慧政务', section: '专栏3' },
      { cityCode: '371000', focus: '信息系统集成服务、商用密码、智能温控', section: '专栏3' },
      {
        cityCode: '371100',
        focus: '机器人控制系统、智能消防平台、网络教育、智能配送',
        section: '专栏3',
      },
      { cityCode: '371300', focus: '“智慧教育”“智慧物流”等行业应用软件和系统', section: '专栏3' },
      { cityCode: '371600', focus: '智慧物业、智慧社区、大数据、工业互联网', section: '专栏3' },
    ],
    notes:
      'Also: 打造省级软件工程技术中心100家以上, 培育省级首版次高端软件产品1000个以上 (no year stated with these two). 2020 level in 一(一)4: 软件业务收入5848.5亿元.',
  },
  {
    code: 'ngit.telecom_equipment',
    nameZh: '信息通信设备',
    nameEn: 'Information and communication equipment (5G)',
    industryGroup: 'next_generation_it',
    parentCode: 'ngit',
    section: '三(三)1(3)',
    target: { text: '信息通信设备产业产值达到350亿元', value: 350, unit: '亿元', year: 2025 },
    cityLayouts: [],
    notes:
      'Covers 5G core components, 6G research and industrial-internet equipment; no layout of its own in 专栏3.',
  },
  {
    code: 'ngit.sensor',
    nameZh: '智能传感器',
    nameEn: 'Smart sensors',
    industryGroup: 'next_generation_it',
    parentCode: 'ngit',
    section: '三(三)1(4)',
    target: { text: '智能传感器产业产值突破500亿元', value: 500, unit: '亿元', year: 2025 },
    cityLayouts: [
      {
        cityCode: '370100',
        focus: 'MEMS传感器及模组封装，规模化封装测试代工能力，特色产业聚集区',
        section: '专栏3',
      },
      {
        cityCode: '370200',
        focus: '依托微电子研究院建设总部级研发中心，打造声学智能传感谷',
        section: '专栏3',
      },
      {
        cityCode: '370300',
        focus: '依托传感器研究院，建设MEMS芯片设计、工艺加工、封装测试等综合研发产业基地',
        section: '专栏3',
      },
      { cityCode: '370600', focus: '光电智能传感产业基地，行业公共服务平台', section: '专栏3' },
      {
        cityCode: '370700',
        focus: '智能穿戴设备、人机交互控制终端、触摸屏控制系统、微型扬声器模组；国家级声学产业基地',
        section: '专栏3',
      },
      { cityCode: '371000', focus: '智能器件封测，智能传感器封测生产线', section: '专栏3' },
    ],
    notes: 'Also: 建成全球领先的百亿级集成式传感器生产基地; 高端非制冷红外特色芯片产业新高地.',
  },
  {
    code: 'ngit.uhd_video',
    nameZh: '超高清视频',
    nameEn: 'Ultra-high-definition video',
    industryGroup: 'next_generation_it',
    parentCode: 'ngit',
    section: '三(三)1(5)',
    target: { text: '超高清视频产业产值突破3800亿元', value: 3800, unit: '亿元', year: 2025 },
    cityLayouts: [
      {
        cityCode: '370100',
        focus: '“黄河流域超高清视频产业发展隆起带”，“5G+超高清视频”创新发展基地，4K/8K节目制作',
        section: '专栏3',
      },
      {
        cityCode: '370200',
        focus: '“一带四核”超高清视频产业高地，8K显示画质处理芯片，4K/8K电视机生产',
        section: '专栏3',
      },
      {
        cityCode: '370600',
        focus: '超高清视频产品研发制造基地：摄录设备、显示终端、新型显示材料、关键零部件',
        section: '专栏3',
      },
    ],
    notes: 'Also covers 新型显示器件 (the plan has no separate 新型显示 paragraph).',
  },
  {
    code: 'ngit.cloud_big_data',
    nameZh: '云计算和大数据',
    nameEn: 'Cloud computing and big data',
    industryGroup: 'next_generation_it',
    parentCode: 'ngit',
    section: '三(三)1(6)',
    target: { text: '大数据产业产值达到3000亿元', value: 3000, unit: '亿元', year: 2025 },
    cityLayouts: [],
    notes: 'The target names 大数据产业 only. No layout of its own in 专栏3.',
  },
  {
    code: 'ngit.ai',
    nameZh: '人工智能',
    nameEn: 'Artificial intelligence',
    industryGroup: 'next_generation_it',
    parentCode: 'ngit',
    section: '三(三)1(7)',
    target: {
      text: '济南—青岛人工智能创新应用先导区人工智能核心产业产值达到300亿元',
      value: 300,
      unit: '亿元',
      year: 2025,
    },
    cityLayouts: [
      {
        cityCode: '370100',
        focus: '智能服务机器人、图像识别、无人驾驶等前端产业',
        section: '专栏3',
      },
      { cityCode: '370200', focus: '智慧城市、医疗影像辅助诊疗、智能家居', section: '专栏3' },
      {
        cityCode: '370700',
        focus: '虚拟现实、智能穿戴、智能音响、自然语言处理、无人机和机器人',
        section: '专栏3',
      },
      { cityCode: '370600', focus: '多关节机器人、康复医疗系统、智能感知', section: '专栏3' },
      { cityCode: '371000', focus: '3D打印机、智能电子、智能终端', section: '专栏3' },
    ],
    notes:
      'The 300亿元 target covers the core AI industry of the Jinan–Qingdao pilot zone only, not the whole province.',
  },
  {
    code: 'ngit.vr',
    nameZh: '虚拟现实',
    nameEn: 'Virtual reality (VR/AR)',
    industryGroup: 'next_generation_it',
    parentCode: 'ngit',
    section: '三(三)1(8)',
    target: { text: 'VR/AR产业产值突破400亿元', value: 400, unit: '亿元', year: 2025 },
    cityLayouts: [],
    notes:
      'Also: 打造虚拟现实典型应用开发场景80个以上. No layout of its own in 专栏3 (虚拟现实 is named in 潍坊’s 人工智能 layout; the paragraph names 济南、青岛 VR R&D centres).',
  },
  {
    code: 'ngit.blockchain',
    nameZh: '区块链',
    nameEn: 'Blockchain',
    industryGroup: 'next_generation_it',
    parentCode: 'ngit',
    section: '三(三)1(9)',
    target: {
      text: '建成具有全国影响力的区块链技术创新高地、产业聚集地和融合应用先行区',
      value: null,
      unit: null,
      year: 2025,
    },
    cityLayouts: [],
    notes:
      'The 2025 target is qualitative. The paragraph also aims at 3—5个区块链特色产业园区 and 10个以上有影响力的区块链行业应用平台 (no year stated). No layout of its own in 专栏3 (区块链 appears in the 高端软件 layouts of 济南、青岛、烟台).',
  },
  {
    code: 'ngit.computers',
    nameZh: '计算机及外设',
    nameEn: 'Computers and peripherals',
    industryGroup: 'next_generation_it',
    parentCode: 'ngit',
    section: '专栏3',
    target: null,
    cityLayouts: [
      {
        cityCode: '370100',
        focus: '服务器、微机及配套软件创新；中国算谷、超算中心',
        section: '专栏3',
      },
      { cityCode: '370600', focus: '信创产业，特色优势计算机产业集群', section: '专栏3' },
      { cityCode: '371000', focus: '激光打印机，全国领先的打印机制造产业基地', section: '专栏3' },
    ],
    notes: 'Layout only: no paragraph in 三(三)1 (高性能服务器 is named in the group paragraph).',
  },
  {
    code: 'equipment',
    nameZh: '高端装备',
    nameEn: 'High-end equipment',
    industryGroup: 'high_end_equipment',
    parentCode: null,
    section: '三(三)2',
    target: { text: '装备工业产值达到2.5万亿元', value: 2.5, unit: '万亿元', year: 2025 },
    cityLayouts: [],
    notes: 'Also: 高端装备制造业规模占装备工业比重超过50%.',
  },
  {
    code: 'equipment.auto',
    nameZh: '汽车及零部件',
    nameEn: 'Automobiles and parts',
    industryGroup: 'high_end_equipment',
    parentCode: 'equipment',
    section: '三(三)2(1)',
    target: { text: '汽车产业产值超过1万亿元', value: 1, unit: '万亿元', year: 2025 },
    cityLayouts: [
      {
        cityCode: '370100',
        focus: '重卡、轻卡、皮卡、客车、新能源汽车整车；车桥、变速箱',
        section: '专栏4',
      },
      { cityCode: '370200', focus: '乘用车、商用车、新能源汽车整车', section: '专栏4' },
      {
        cityCode: '370700',
        focus: '新能源汽车、轻卡整车；发动机、变速器、液压、新能源动力系统总成',
        section: '专栏4',
      },
      { cityCode: '370300', focus: '乘用车整车、新能源汽车整车', section: '专栏4' },
      {
        cityCode: '370600',
        focus: '乘用车、新能源汽车、轻卡整车；燃油喷射系统、车用空调冷却器',
        section: '专栏4',
      },
      { cityCode: '371500', focus: '新能源汽车、智能网联汽车、VAN类客车', section: '专栏4' },
      { cityCode: '370500', focus: '轮胎、传感器、刹车片、活塞、轮毂等零配件', section: '专栏4' },
      { cityCode: '371400', focus: '轮胎、传感器、刹车片、活塞、轮毂等零配件', section: '专栏4' },
      {
        cityCode: '371600',
        focus: '轮胎、刹车片、活塞、轮毂等零配件；轻量化铝车身、轻量化运输半挂专用车',
        section: '专栏4',
      },
      {
        cityCode: '371300',
        focus: '半挂车、厢式车等运输专用车；车桥、减震、制动器',
        section: '专栏4',
      },
      {
        cityCode: '370800',
        focus: '重型卡车、运输类半挂车；特种作业、市政环卫、工程类专用车',
        section: '专栏4',
      },
      { cityCode: '370400', focus: '运输类半挂车；气压盘式制动器', section: '专栏4' },
    ],
    notes:
      'Also: 山东域内汽车整车生产规模达到300万辆左右. The paragraph has the garbled “大力发展战略总成” (probably 动力总成). 滨州 is named twice in 专栏4 (merged).',
  },
  {
    code: 'equipment.agri_machinery',
    nameZh: '农机装备',
    nameEn: 'Agricultural machinery',
    industryGroup: 'high_end_equipment',
    parentCode: 'equipment',
    section: '三(三)2(2)',
    target: { text: '农机行业产值达到1000亿元', value: 1000, unit: '亿元', year: 2025 },
    cityLayouts: [
      {
        cityCode: '370700',
        focus: '拖拉机、谷物联合收获机、玉米收获机、打捆机、粮食烘干机；发动机、车桥、传动系统',
        section: '专栏4',
      },
      { cityCode: '370800', focus: '玉米收获机、播种机等特色农机装备', section: '专栏4' },
      { cityCode: '371500', focus: '拖拉机、青饲料收获机', section: '专栏4' },
      { cityCode: '371100', focus: '拖拉机、青饲料收获机', section: '专栏4' },
      {
        cityCode: '371300',
        focus: '园林植保机械、多功能联合收获机械、液压传动系统',
        section: '专栏4',
      },
    ],
  },
  {
    code: 'equipment.construction_machinery',
    nameZh: '工程机械',
    nameEn: 'Construction machinery',
    industryGroup: 'high_end_equipment',
    parentCode: 'equipment',
    section: '三(三)2(3)',
    target: { text: '工程机械行业产值突破1500亿元', value: 1500, unit: '亿元', year: 2025 },
    cityLayouts: [
      {
        cityCode: '370800',
        focus: '装载机、挖掘机、起重机、压实/路面/混凝土/桩工机械、叉车等整机；四轮一带、轴承',
        section: '专栏4',
      },
      {
        cityCode: '371300',
        focus: '装载机、挖掘机、起重机、压实/路面/混凝土/桩工机械、叉车等整机；四轮一带、轴承',
        section: '专栏4',
      },
      {
        cityCode: '371500',
        focus: '装载机、挖掘机、起重机、压实/路面/混凝土/桩工机械、叉车等整机；四轮一带、轴承',
        section: '专栏4',
      },
      { cityCode: '370700', focus: '装载机、挖掘机等机械及动力系统、液压传动', section: '专栏4' },
      { cityCode: '370600', focus: '装载机、挖掘机等机械及动力系统、液压传动', section: '专栏4' },
      { cityCode: '370100', focus: '高空作业机械、矿山机械、混凝土搅拌机械', section: '专栏4' },
      { cityCode: '371600', focus: '水陆两用挖掘机及挖泥船等专用工程机械', section: '专栏4' },
      {
        cityCode: '370400',
        focus: '绿色高效智能矿山机械、小型特种工程机械、电动工程机械',
        section: '专栏4',
      },
    ],
  },
  {
    code: 'equipment.cnc_robotics',
    nameZh: '数控机床和机器人',
    nameEn: 'CNC machine tools and robots',
    industryGroup: 'high_end_equipment',
    parentCode: 'equipment',
    section: '三(三)2(4)',
    target: { text: '机床及机器人产业产值达到400亿元', value: 400, unit: '亿元', year: 2025 },
    cityLayouts: [
      {
        cityCode: '370100',
        focus: '压力机、激光切割机、汽车覆盖件生产线、精密加工中心、工业机器人；五轴双摆角铣头',
        section: '专栏4',
      },
      {
        cityCode: '370200',
        focus: '工业机器人和以机器人为核心的智能制造成套设备',
        section: '专栏4',
      },
      {
        cityCode: '370400',
        focus: '高档数控机床产业集群：精密加工中心、车铣复合、五轴联动加工中心',
        section: '专栏4',
      },
      { cityCode: '370600', focus: '精密数控回转工作台、精密伺服刀架等功能部件', section: '专栏4' },
      {
        cityCode: '370800',
        focus: '高速重载丝杠副（导轨副）、大功率电主轴、数控刀具、高档数控加工中心',
        section: '专栏4',
      },
      { cityCode: '371400', focus: '重型卧式数控车床、数控深孔钻镗床', section: '专栏4' },
      {
        cityCode: '371000',
        focus: '精密立式（卧式）加工中心、精密外圆（立式）磨床、机械压力机',
        section: '专栏4',
      },
      { cityCode: '371600', focus: '汽车零部件等专用机床', section: '专栏4' },
    ],
    notes: 'The 专栏4 heading is “数控机床”.',
  },
  {
    code: 'equipment.ships_offshore',
    nameZh: '船舶与海工装备',
    nameEn: 'Ships and offshore engineering equipment',
    industryGroup: 'high_end_equipment',
    parentCode: 'equipment',
    section: '三(三)2(5)',
    target: { text: '船舶与海工装备产业产值超过700亿元', value: 700, unit: '亿元', year: 2025 },
    cityLayouts: [
      {
        cityCode: '370200',
        focus: '船舶与新型海工装备整机制造；船舶和海工配套装备',
        section: '专栏4',
      },
      { cityCode: '370600', focus: '船舶与新型海工装备整机制造', section: '专栏4' },
      { cityCode: '371000', focus: '船舶与新型海工装备整机制造', section: '专栏4' },
      { cityCode: '370700', focus: '海洋动力装备；船舶和海工配套装备', section: '专栏4' },
      { cityCode: '370300', focus: '海洋动力装备；船舶和海工配套装备', section: '专栏4' },
      { cityCode: '370500', focus: '海洋石油装备', section: '专栏4' },
      { cityCode: '370100', focus: '船舶和海工配套装备', section: '专栏4' },
      { cityCode: '370900', focus: '船舶和海工配套装备', section: '专栏4' },
      { cityCode: '371400', focus: '船舶和海工配套装备', section: '专栏4' },
      { cityCode: '371600', focus: '船舶和海工配套装备', section: '专栏4' },
      { cityCode: '370800', focus: '内河船舶', section: '专栏4' },
    ],
    notes: 'Source wording: “…产业链条进一步完善，产业产值超过700亿元，稳居全国前三位”.',
  },
  {
    code: 'equipment.rail',
    nameZh: '轨道交通装备',
    nameEn: 'Rail transit equipment',
    industryGroup: 'high_end_equipment',
    parentCode: 'equipment',
    section: '三(三)2(6)',
    target: { text: '轨道交通装备产业产值达到1200亿元', value: 1200, unit: '亿元', year: 2025 },
    cityLayouts: [
      {
        cityCode: '370200',
        focus: '高速动车组、城轨地铁车辆整车；牵引、制动、网控、减震系统',
        section: '专栏4',
      },
      { cityCode: '370100', focus: '先进轨道货车、轨道交通工程机械', section: '专栏4' },
      { cityCode: '370600', focus: '轨道交通整车车体型材制造', section: '专栏4' },
      { cityCode: '370500', focus: '高铁车轮、车轴、轮对等配套产品', section: '专栏4' },
      { cityCode: '370800', focus: '制动盘等配套产品', section: '专栏4' },
      { cityCode: '370700', focus: '以牵引变压器为主的智能轨道交通“四电集成”', section: '专栏4' },
      {
        cityCode: '371600',
        focus: '高速重载新材料钢轨、高铁车体及轴承材料、精密铸件、基建桥隧物资装备',
        section: '专栏4',
      },
      {
        cityCode: '370400',
        focus: '轨道胶轮牵引车、隧道清洗车、轨道铣磨车等专用车辆',
        section: '专栏4',
      },
    ],
  },
  {
    code: 'equipment.energy',
    nameZh: '能源装备',
    nameEn: 'Energy equipment',
    industryGroup: 'high_end_equipment',
    parentCode: 'equipment',
    section: '三(三)2(7)',
    target: { text: '海上风电产业链产值达到500亿元', value: 500, unit: '亿元', year: 2025 },
    cityLayouts: [
      { cityCode: '370100', focus: '核电装备产业园；光伏、光热产业集群', section: '专栏4' },
      { cityCode: '370600', focus: '海上风电装备产业基地；核电装备产业园', section: '专栏4' },
      { cityCode: '371000', focus: '海上风电装备产业基地；核电装备产业园', section: '专栏4' },
      { cityCode: '370500', focus: '海上风电装备产业基地', section: '专栏4' },
      { cityCode: '371600', focus: '海上风电装备产业基地', section: '专栏4' },
      { cityCode: '370300', focus: '光伏产业集群', section: '专栏4' },
      { cityCode: '370800', focus: '光伏产业集群', section: '专栏4' },
      {
        cityCode: '370400',
        focus: '光热产业集群；锂电池隔膜、正负极材料、锂离子电池，全国重要锂电生产基地',
        section: '专栏4',
      },
      { cityCode: '371400', focus: '光热产业集群', section: '专栏4' },
    ],
    notes:
      'The only numeric 2025 target is for the offshore-wind chain (海上风电产业链), not for energy equipment as a whole.',
  },
  {
    code: 'equipment.hydrogen',
    nameZh: '氢能及燃料电池',
    nameEn: 'Hydrogen energy and fuel cells',
    industryGroup: 'high_end_equipment',
    parentCode: 'equipment',
    section: '三(三)2(8)',
    target: { text: '氢能及燃料电池产业产值突破1000亿元', value: 1000, unit: '亿元', year: 2025 },
    cityLayouts: [],
    notes: 'No layout of its own in 专栏4.',
  },
  {
    code: 'equipment.environmental',
    nameZh: '环保装备',
    nameEn: 'Environmental protection equipment',
    industryGroup: 'high_end_equipment',
    parentCode: 'equipment',
    section: '三(三)2(9)',
    target: { text: '环保装备产值达到300亿元', value: 300, unit: '亿元', year: 2025 },
    cityLayouts: [
      {
        cityCode: '370100',
        focus: 'VOCs治理、烟气脱硫脱硝除尘装备；工业固废处理、生物净化、油气回收成套装备',
        section: '专栏4',
      },
      {
        cityCode: '370300',
        focus: 'VOCs治理、烟气脱硫脱硝除尘装备；工业固废处理、生物净化、油气回收成套装备',
        section: '专栏4',
      },
      {
        cityCode: '370800',
        focus: 'VOCs治理、烟气脱硫脱硝除尘装备；工业固废处理、生物净化、油气回收成套装备',
        section: '专栏4',
      },
      {
        cityCode: '371500',
        focus: 'VOCs治理、烟气脱硫脱硝除尘装备；工业固废处理、生物净化、油气回收成套装备',
        section: '专栏4',
      },
      {
        cityCode: '370200',
        focus: '船舶废水废气处理、海水淡化装备；环境监测仪器仪表、智能监测装备',
        section: '专栏4',
      },
      {
        cityCode: '371000',
        focus: '船舶废水废气处理、海水淡化装备；环境监测仪器仪表、智能监测装备',
        section: '专栏4',
      },
      { cityCode: '370400', focus: '碳捕集、利用与封存技术装备', section: '专栏4' },
      {
        cityCode: '370500',
        focus: '工业废水、污泥高效处理装备；海上风电等清洁能源技术装备',
        section: '专栏4',
      },
      {
        cityCode: '370600',
        focus: 'VOCs治理及净化回收一体化装备；工业固废循环利用；土壤及地下水修复装备',
        section: '专栏4',
      },
      { cityCode: '370700', focus: '工业固废循环利用技术装备', section: '专栏4' },
      { cityCode: '370900', focus: 'VOCs监测检测、烟尘烟气水质监测技术装备', section: '专栏4' },
      { cityCode: '371100', focus: '烧结机烟气循环利用、废钢预热技术装备', section: '专栏4' },
      {
        cityCode: '371300',
        focus: '废旧电子电器智能化拆解装备、餐厨垃圾成套处理装备',
        section: '专栏4',
      },
      {
        cityCode: '371400',
        focus: '过滤成套技术装备；生活垃圾和建筑垃圾处理处置成套装备',
        section: '专栏4',
      },
    ],
    notes: 'The paragraph has the garbled “大力发展战略治理装备” (probably 大气治理装备).',
  },
  {
    code: 'materials',
    nameZh: '新材料',
    nameEn: 'New materials',
    industryGroup: 'new_materials',
    parentCode: null,
    section: '三(三)3',
    target: { text: '新材料产业产值突破1万亿元', value: 1, unit: '万亿元', year: 2025 },
    cityLayouts: [],
  },
  {
    code: 'materials.advanced_steel',
    nameZh: '先进钢铁材料',
    nameEn: 'Advanced steel materials',
    industryGroup: 'new_materials',
    parentCode: 'materials',
    section: '三(三)3(1)',
    target: { text: '先进钢铁材料产业产值达到3000亿元', value: 3000, unit: '亿元', year: 2025 },
    cityLayouts: [],
    notes: 'No layout of its own in 专栏5 (steel layouts are in 专栏2, see traditional.steel).',
  },
  {
    code: 'materials.advanced_nonferrous',
    nameZh: '先进有色金属材料',
    nameEn: 'Advanced non-ferrous metal materials',
    industryGroup: 'new_materials',
    parentCode: 'materials',
    section: '三(三)3(2)',
    target: { text: '先进有色金属材料产业产值达到3000亿元', value: 3000, unit: '亿元', year: 2025 },
    cityLayouts: [],
    notes:
      'No layout of its own in 专栏5. 稀土功能材料 is described in this paragraph; its 专栏5 layout is under materials.rare_earth.',
  },
  {
    code: 'materials.polymers',
    nameZh: '先进高分子材料',
    nameEn: 'Advanced polymer materials',
    industryGroup: 'new_materials',
    parentCode: 'materials',
    section: '三(三)3(3)',
    target: { text: '先进高分子材料产业产值突破2600亿元', value: 2600, unit: '亿元', year: 2025 },
    cityLayouts: [
      {
        cityCode: '370600',
        focus: '异氰酸酯、聚醚/聚酯多元醇、POE、XLPE电缆料、管材专用HDPE；聚氨酯深加工',
        section: '专栏5',
      },
      {
        cityCode: '370300',
        focus: '有机氟、有机硅、聚醚、聚氨酯发泡剂；攻关己二腈，扩大高温/透明/长碳链尼龙',
        section: '专栏5',
      },
      { cityCode: '370100', focus: '长碳链及耐高温尼龙产品', section: '专栏5' },
      { cityCode: '370800', focus: '长链二元酸等原材料', section: '专栏5' },
      { cityCode: '370900', focus: '特高压设备用环氧树脂、固化剂、绝缘材料', section: '专栏5' },
    ],
  },
  {
    code: 'materials.inorganic',
    nameZh: '先进无机非金属材料',
    nameEn: 'Advanced inorganic non-metallic materials',
    industryGroup: 'new_materials',
    parentCode: 'materials',
    section: '三(三)3(4)',
    target: { text: '先进无机非金属材料产业产值达到800亿元', value: 800, unit: '亿元', year: 2025 },
    cityLayouts: [
      {
        cityCode: '370300',
        focus: '氮化硅粉体、连续氮化硼纤维；熔融石英陶瓷辊、陶瓷透波天线罩；氧化铝防弹陶瓷板',
        section: '专栏5',
      },
      { cityCode: '370700', focus: '高技术碳化硅陶瓷材料', section: '专栏5' },
      {
        cityCode: '371300',
        focus: '高性能锰锌铁氧体、低功耗磁电功能材料、铁基/合金基软磁复合材料',
        section: '专栏5',
      },
      {
        cityCode: '370500',
        focus: '电子陶瓷、蜂窝陶瓷载体、齿科氧化锆、熔融石英坩埚、氮化硅基板、碳化硅单晶衬底等',
        section: '专栏5',
      },
      {
        cityCode: '370600',
        focus: '电子陶瓷、蜂窝陶瓷载体、齿科氧化锆、熔融石英坩埚、氮化硅基板、碳化硅单晶衬底等',
        section: '专栏5',
      },
      {
        cityCode: '371400',
        focus: '电子陶瓷、蜂窝陶瓷载体、齿科氧化锆、熔融石英坩埚、氮化硅基板、碳化硅单晶衬底等',
        section: '专栏5',
      },
      {
        cityCode: '370100',
        focus: '电子陶瓷、蜂窝陶瓷载体、齿科氧化锆、熔融石英坩埚、氮化硅基板、碳化硅单晶衬底等',
        section: '专栏5',
      },
    ],
  },
  {
    code: 'materials.fibres_composites',
    nameZh: '高性能纤维及复合材料',
    nameEn: 'High-performance fibres and composites',
    industryGroup: 'new_materials',
    parentCode: 'materials',
    section: '三(三)3(5)',
    target: {
      text: '高性能纤维及复合材料产业产值达到500亿元',
      value: 500,
      unit: '亿元',
      year: 2025,
    },
    cityLayouts: [
      {
        cityCode: '371000',
        focus: '碳纤维、经编织物、机织物、预浸料、风电碳梁、航天用复合材料',
        section: '专栏5',
      },
      {
        cityCode: '370900',
        focus: '耐碱、高强高模、低介电、耐高温玻纤，超细电子纱、工业纱等玻纤产品',
        section: '专栏5',
      },
      { cityCode: '370600', focus: '氨纶、间位芳纶、对位芳纶、芳纶纸', section: '专栏5' },
      {
        cityCode: '371300',
        focus: '超高模量玻纤、高强细纱、玻纤防火布、玻纤复合管道等深加工玻纤产品',
        section: '专栏5',
      },
      { cityCode: '370100', focus: '差异化发展碳纤维复合材料、碳纤维制品和应用', section: '专栏5' },
      { cityCode: '371400', focus: '差异化发展碳纤维复合材料、碳纤维制品和应用', section: '专栏5' },
      { cityCode: '370500', focus: '差异化发展碳纤维复合材料、碳纤维制品和应用', section: '专栏5' },
      { cityCode: '370800', focus: '差异化发展碳纤维复合材料、碳纤维制品和应用', section: '专栏5' },
    ],
  },
  {
    code: 'materials.frontier',
    nameZh: '前沿新材料',
    nameEn: 'Frontier new materials',
    industryGroup: 'new_materials',
    parentCode: 'materials',
    section: '三(三)3(6)',
    target: { text: '前沿新材料产业产值达到100亿元', value: 100, unit: '亿元', year: 2025 },
    cityLayouts: [],
    notes:
      'The paragraph has the garbled “大力发展战略性新兴产业，推动增材制造产业加快发展” (original wording lost). 石墨烯, part of this paragraph, has its own 专栏5 layout (materials.graphene).',
  },
  {
    code: 'materials.rare_earth',
    nameZh: '稀土功能材料',
    nameEn: 'Rare-earth functional materials',
    industryGroup: 'new_materials',
    parentCode: 'materials',
    section: '专栏5',
    target: null,
    cityLayouts: [
      { cityCode: '370600', focus: '稀土永磁材料、稀土光功能材料', section: '专栏5' },
      {
        cityCode: '370300',
        focus: '稀土催化、抛光、发光、钕铁硼永磁等功能材料高端化',
        section: '专栏5',
      },
      {
        cityCode: '370800',
        focus: '稀土镁合金、铝合金等稀土金属及合金材料，稀土储氢材料',
        section: '专栏5',
      },
      { cityCode: '371000', focus: '稀土永磁、稀土金属、稀土催化材料及下游应用', section: '专栏5' },
      { cityCode: '371600', focus: '高端稀土特钢新材料', section: '专栏5' },
    ],
    notes:
      'Layout only: the text covers it inside 三(三)3(2) 先进有色金属材料 and names it a 关键战略材料 in 三(三)3; no target of its own. The 专栏5 烟台 sentence is garbled (“大力发展战略性新兴产业稀土永磁材料”).',
  },
  {
    code: 'materials.graphene',
    nameZh: '石墨烯',
    nameEn: 'Graphene',
    industryGroup: 'new_materials',
    parentCode: 'materials',
    section: '专栏5',
    target: null,
    cityLayouts: [
      {
        cityCode: '370100',
        focus: '生物质石墨烯新材料，超级活性炭、干法电极，高性能电池正极材料',
        section: '专栏5',
      },
      {
        cityCode: '370200',
        focus: '石墨烯锂离子电池和超级电容、防腐涂料、纤维复合材料',
        section: '专栏5',
      },
      {
        cityCode: '370800',
        focus: '石墨烯微片、氧化石墨烯、石墨烯薄膜、复合导电剂、重防腐涂料、复合材料',
        section: '专栏5',
      },
      { cityCode: '370500', focus: '石墨烯改性材料', section: '专栏5' },
      {
        cityCode: '371600',
        focus: '碳纳米材料、石墨烯及功能材料的研发、生产和应用',
        section: '专栏5',
      },
      {
        cityCode: '371700',
        focus: '碳纳米材料、石墨烯及功能材料的研发、生产和应用',
        section: '专栏5',
      },
    ],
    notes:
      'Layout only: the text treats 石墨烯 inside 三(三)3(6) 前沿新材料; no target of its own.',
  },
  {
    code: 'medicine',
    nameZh: '现代医药',
    nameEn: 'Modern medicine',
    industryGroup: 'modern_medicine',
    parentCode: null,
    section: '三(三)4',
    target: { text: '医药产业产值超过4200亿元', value: 4200, unit: '亿元', year: 2025 },
    cityLayouts: [
      {
        cityCode: '370100',
        focus: '基因技术、干细胞、抗肿瘤等生物药；化学原料药及制剂；抗衰医美、中医中药',
        section: '专栏6',
      },
      { cityCode: '370200', focus: '海洋生物医药', section: '专栏6' },
      { cityCode: '370300', focus: '医药中间体、化学原料药及化学制剂、药用包材', section: '专栏6' },
      { cityCode: '370800', focus: '医药中间体、化学原料药及化学制剂、药用包材', section: '专栏6' },
      { cityCode: '370500', focus: '医药中间体、化学原料药及化学制剂、药用包材', section: '专栏6' },
      {
        cityCode: '370700',
        focus: '医药中间体、化学原料药及制剂、药用包材；中药材、中药饮片、中成药',
        section: '专栏6',
      },
      { cityCode: '370600', focus: '生物药、海洋医药', section: '专栏6' },
      {
        cityCode: '371300',
        focus: '中药材种（养）殖、中药饮片、中成药；化学原料药、化学制剂',
        section: '专栏6',
      },
      {
        cityCode: '371700',
        focus: '中药材种（养）殖、中药饮片、中成药；化学原料药、化学制剂',
        section: '专栏6',
      },
      {
        cityCode: '371500',
        focus: '中药材种（养）殖、中药饮片、中成药；化学原料药、化学制剂',
        section: '专栏6',
      },
    ],
    notes:
      'The 专栏6 “医药” layout spans 生物药/化学药/中药, so it is attached to this group entry; the 专栏6 “医疗器械” layout is on medicine.devices. 潍坊 is named twice under 医药 (merged).',
  },
  {
    code: 'medicine.biologics',
    nameZh: '生物药',
    nameEn: 'Biopharmaceuticals',
    industryGroup: 'modern_medicine',
    parentCode: 'medicine',
    section: '三(三)4(1)',
    target: { text: '生物医药产业产值达到400亿元', value: 400, unit: '亿元', year: 2025 },
    cityLayouts: [],
    notes:
      'The target sentence says 生物医药产业, not 生物药. City layouts: see the group entry (专栏6 医药).',
  },
  {
    code: 'medicine.chemical_drugs',
    nameZh: '化学药',
    nameEn: 'Chemical drugs',
    industryGroup: 'modern_medicine',
    parentCode: 'medicine',
    section: '三(三)4(2)',
    target: { text: '化学药产业产值达到1800亿元', value: 1800, unit: '亿元', year: 2025 },
    cityLayouts: [],
    notes: 'City layouts: see the group entry (专栏6 医药).',
  },
  {
    code: 'medicine.tcm',
    nameZh: '中药',
    nameEn: 'Traditional Chinese medicine',
    industryGroup: 'modern_medicine',
    parentCode: 'medicine',
    section: '三(三)4(3)',
    target: { text: '中药产业产值达到500亿元', value: 500, unit: '亿元', year: 2025 },
    cityLayouts: [],
    notes: 'City layouts: see the group entry (专栏6 医药).',
  },
  {
    code: 'medicine.devices',
    nameZh: '医疗器械',
    nameEn: 'Medical devices',
    industryGroup: 'modern_medicine',
    parentCode: 'medicine',
    section: '三(三)4(4)',
    target: { text: '医疗器械产业产值达到1300亿元', value: 1300, unit: '亿元', year: 2025 },
    cityLayouts: [
      {
        cityCode: '370300',
        focus: '感染控制、放疗、数字化诊断影像等医疗装备；消毒灭菌设备、配药机器人等制药装备',
        section: '专栏6',
      },
      {
        cityCode: '371000',
        focus: '新型生物医用材料及一次性输注、血管支架、人工骨骼等高端耗材',
        section: '专栏6',
      },
      {
        cityCode: '370700',
        focus: '生物医用材料及高端耗材；涉氧器械、体外诊断；医用口罩、防护服等防护物资',
        section: '专栏6',
      },
      { cityCode: '370100', focus: '细胞与基因检测、血液分析等体外诊断器械', section: '专栏6' },
      { cityCode: '370600', focus: '涉氧器械、生物医学材料、体外诊断仪器及试剂', section: '专栏6' },
      { cityCode: '370200', focus: '海洋生物医药材料', section: '专栏6' },
      { cityCode: '370800', focus: '高智能、高科技康复辅助器具', section: '专栏6' },
      { cityCode: '370900', focus: '高智能、高科技康复辅助器具', section: '专栏6' },
      { cityCode: '371100', focus: '医用口罩、防护服等医疗防护物资', section: '专栏6' },
      { cityCode: '370400', focus: '医用口罩、防护服等医疗防护物资', section: '专栏6' },
    ],
    notes: '潍坊 is named three times under 医疗器械 (merged).',
  },
  {
    code: 'chemicals',
    nameZh: '高端化工',
    nameEn: 'High-end chemicals',
    industryGroup: 'high_end_chemicals',
    parentCode: null,
    section: '五(一)2',
    target: null,
    cityLayouts: [],
    notes:
      'The plan has no 高端化工 paragraph or layout of its own: 高端化工 is only named among the provincial 链长制 chains (五(一)2) and in 四(二)2 and 四(四)1. Its substance is 三(二)1 化工 (target 化工产业产值达到2.65万亿元, 专栏2 化工 layout), which the plan puts under the traditional industries and which is listed here as traditional.chemicals.',
  },
  {
    code: 'traditional',
    nameZh: '传统优势产业',
    nameEn: 'Traditional advantage industries',
    industryGroup: 'traditional',
    parentCode: null,
    section: '三(二)',
    target: {
      text: '力争到“十四五”末，化工、建材、轮胎、铸造、食品等行业规模保持全国首位，钢铁、有色、家电、造纸等行业规模位居全国前三位',
      value: null,
      unit: null,
      year: 2025,
    },
    cityLayouts: [],
    notes:
      'Qualitative target. 三(一) 依法淘汰低效落后产能 also has numbered paragraphs for 钢铁、炼化、焦炭、水泥、轮胎、化工 and 专栏1 their elimination standards; these are capacity-exit rules, not chains (炼化 and 焦炭 have no chain entry).',
  },
  {
    code: 'traditional.chemicals',
    nameZh: '化工',
    nameEn: 'Chemical industry',
    industryGroup: 'traditional',
    parentCode: 'traditional',
    section: '三(二)1',
    target: { text: '化工产业产值达到2.65万亿元', value: 2.65, unit: '万亿元', year: 2025 },
    cityLayouts: [
      {
        cityCode: '370200',
        focus: '炼化一体化，石化盐化煤化耦合；工程塑料、高端树脂、合成橡胶、膜材料、电子化学品',
        section: '专栏2',
      },
      {
        cityCode: '370300',
        focus: '炼化一体化，石化盐化煤化耦合；工程塑料、高端树脂、合成橡胶、膜材料、电子化学品',
        section: '专栏2',
      },
      {
        cityCode: '370500',
        focus: '炼化一体化，石化盐化煤化耦合；工程塑料、高端树脂、合成橡胶、膜材料、电子化学品',
        section: '专栏2',
      },
      {
        cityCode: '370600',
        focus: '炼化一体化，石化盐化煤化耦合；工程塑料、高端树脂、合成橡胶、膜材料、电子化学品',
        section: '专栏2',
      },
      {
        cityCode: '370700',
        focus: '炼化一体化，石化盐化煤化耦合；工程塑料、高端树脂、合成橡胶、膜材料、电子化学品',
        section: '专栏2',
      },
      {
        cityCode: '371000',
        focus: '炼化一体化，石化盐化煤化耦合；工程塑料、高端树脂、合成橡胶、膜材料、电子化学品',
        section: '专栏2',
      },
      {
        cityCode: '371100',
        focus: '炼化一体化，石化盐化煤化耦合；工程塑料、高端树脂、合成橡胶、膜材料、电子化学品',
        section: '专栏2',
      },
      {
        cityCode: '371600',
        focus: '炼化一体化，石化盐化煤化耦合；工程塑料、高端树脂、合成橡胶、膜材料、电子化学品',
        section: '专栏2',
      },
      {
        cityCode: '371700',
        focus: '炼化一体化，石化盐化煤化耦合；工程塑料、高端树脂、合成橡胶、膜材料、电子化学品',
        section: '专栏2',
      },
      {
        cityCode: '370100',
        focus: '立足煤化盐化石化基础提升深加工，向工程塑料、尼龙、光伏材料等下游延伸',
        section: '专栏2',
      },
      {
        cityCode: '370400',
        focus: '立足煤化盐化石化基础提升深加工，向工程塑料、尼龙、光伏材料等下游延伸',
        section: '专栏2',
      },
      {
        cityCode: '370800',
        focus: '立足煤化盐化石化基础提升深加工，向工程塑料、尼龙、光伏材料等下游延伸',
        section: '专栏2',
      },
      {
        cityCode: '370900',
        focus: '立足煤化盐化石化基础提升深加工，向工程塑料、尼龙、光伏材料等下游延伸',
        section: '专栏2',
      },
      {
        cityCode: '371400',
        focus: '立足煤化盐化石化基础提升深加工，向工程塑料、尼龙、光伏材料等下游延伸',
        section: '专栏2',
      },
      {
        cityCode: '371300',
        focus: '立足煤化盐化石化基础提升深加工，向工程塑料、尼龙、光伏材料等下游延伸',
        section: '专栏2',
      },
      {
        cityCode: '371500',
        focus: '立足煤化盐化石化基础提升深加工，向工程塑料、尼龙、光伏材料等下游延伸',
        section: '专栏2',
      },
    ],
    notes:
      'Also: 化工园区内企业和重点监控点企业产值占行业比重提高到80%以上; 汽煤柴成品油收率降至40%左右; 打造烟台裕龙岛炼化一体化石化产业基地. The plan has no separate 高端化工 section; this paragraph is the chemicals content (see group entry chemicals).',
  },
  {
    code: 'traditional.steel',
    nameZh: '钢铁',
    nameEn: 'Steel',
    industryGroup: 'traditional',
    parentCode: 'traditional',
    section: '三(二)2',
    target: {
      text: '钢铁冶炼压延及深加工配送产业总产值突破1万亿元',
      value: 1,
      unit: '万亿元',
      year: 2025,
    },
    cityLayouts: [
      {
        cityCode: '371100',
        focus: '海工板、无头轧制高强钢（>700 MPa）、高强耐候钢、管线钢、汽车成形用钢等高端热轧',
        section: '专栏2',
      },
      {
        cityCode: '370100',
        focus: '齿轮钢、汽车结构用钢、工模器具钢、锅炉容器板、工程机械用钢、不锈钢',
        section: '专栏2',
      },
      {
        cityCode: '370200',
        focus: '帘线及胎圈钢丝用钢、焊丝用钢、高强弹簧扁钢（>1600 MPa）、工程机械圆钢、桥梁缆索钢',
        section: '专栏2',
      },
      {
        cityCode: '370900',
        focus: '超高强度预应力螺纹钢筋、精轧锚杆钢筋、超高强度电力角钢等工程建设用钢',
        section: '专栏2',
      },
      {
        cityCode: '371300',
        focus:
          '海工钢、轴承钢、齿轮钢、弹簧钢、建筑用钢；300/400系及双相等高端不锈钢；镍基复合材料',
        section: '专栏2',
      },
      {
        cityCode: '370700',
        focus: '齿轮钢、轴承钢、基础零部件用钢；焊丝、钢绞线、胎圈钢丝和钢帘线；特种用钢',
        section: '专栏2',
      },
    ],
    notes:
      'Also: 高端精品钢占比达到50%, 钢材精深加工率25%左右, 废钢在钢铁原料中占比30%左右; 三(一)1: 沿海钢铁产能占比达到70%以上. Bases: 日—临沿海先进钢铁制造产业基地 (source prints “日一临”), 莱—泰内陆精品钢生产基地. The 专栏2 strength thresholds are printed as LaTeX ($>700\\text{ MPa}$, $>1600\\text{ MPa}$).',
  },
  {
    code: 'traditional.nonferrous',
    nameZh: '有色金属',
    nameEn: 'Non-ferrous metals',
    industryGroup: 'traditional',
    parentCode: 'traditional',
    section: '三(二)3',
    target: {
      text: '铝、铜产业产值分别达到8000亿元、2800亿元',
      value: 8000,
      unit: '亿元',
      year: 2025,
    },
    cityLayouts: [
      {
        cityCode: '371600',
        focus: '活塞、轮毂、汽车用板、铝合金锻件；铝代钢/代木/代塑终端产品；铝基复合材料',
        section: '专栏2',
      },
      {
        cityCode: '371500',
        focus: '铝精深加工；矿铜冶炼、铜合金板带箔材、电缆缆芯，“矿铜冶炼+高端带箔材深加工”',
        section: '专栏2',
      },
      {
        cityCode: '370600',
        focus: '高性能铝合金材料及制品；伴生铜冶炼、特种铜合金；金丝、金盐等黄金精深加工',
        section: '专栏2',
      },
      {
        cityCode: '370700',
        focus: '节能门窗、建筑模板、铝制家具等中高端铝型材终端产品及配套产业',
        section: '专栏2',
      },
      {
        cityCode: '370500',
        focus: '输配电、装备制造、新能源、五金、制冷空调等铜器件终端产品',
        section: '专栏2',
      },
      {
        cityCode: '370400',
        focus: '不锈钢制品、钢帘线、合金铜丝、精密铜线、高端铝材、节能建材',
        section: '专栏2',
      },
    ],
    notes:
      'value is the aluminium figure (铝 8000亿元); copper is 2800亿元; the plan gives no combined 有色 total. Also: 年产黄金稳定在160吨以上; 铝材产量与电解铝产量比率力争达到2.5:1. The paragraph twice has the garbled “大力发展战略性新兴产业” (original wording lost).',
  },
  {
    code: 'traditional.building_materials',
    nameZh: '建材',
    nameEn: 'Building materials',
    industryGroup: 'traditional',
    parentCode: 'traditional',
    section: '三(二)4',
    target: { text: '建材产业产值达到7000亿元', value: 7000, unit: '亿元', year: 2025 },
    cityLayouts: [],
    notes:
      'The paragraph contains the garbled “大力发展战略性新兴产业，探索推广装配式建筑…”; this closing passage and the 7000亿元 target are then repeated into 5. 轮胎 and 6. 铸造. 专栏2 has no 建材 heading; its 平板玻璃 and 水泥 layouts are traditional.flat_glass and traditional.cement.',
  },
  {
    code: 'traditional.flat_glass',
    nameZh: '平板玻璃',
    nameEn: 'Flat glass',
    industryGroup: 'traditional',
    parentCode: 'traditional',
    section: '专栏2',
    target: null,
    cityLayouts: [
      { cityCode: '370300', focus: '光伏、光热用超白压花玻璃、屏显基板玻璃', section: '专栏2' },
      { cityCode: '371400', focus: '光伏、光热用超白压花玻璃、屏显基板玻璃', section: '专栏2' },
      {
        cityCode: '371000',
        focus: '在线Low-E（低辐射）玻璃和TCO（透明导电氧化物镀膜）玻璃',
        section: '专栏2',
      },
      {
        cityCode: '370200',
        focus: '汽车、航空、轨道交通用玻璃、高端工艺玻璃；玻璃贸易专业市场',
        section: '专栏2',
      },
      {
        cityCode: '370400',
        focus: '汽车、航空、轨道交通用玻璃、高端工艺玻璃；玻璃贸易专业市场',
        section: '专栏2',
      },
    ],
    notes: 'Layout only: part of 建材 in the text (三(二)4 高性能玻璃); no target of its own.',
  },
  {
    code: 'traditional.cement',
    nameZh: '水泥',
    nameEn: 'Cement',
    industryGroup: 'traditional',
    parentCode: 'traditional',
    section: '专栏2',
    target: null,
    cityLayouts: [
      {
        cityCode: '370100',
        focus: '高品质高耐久性水泥和混凝土、工程用特种水泥、水泥制品及装配式部品，全产业链',
        section: '专栏2',
      },
      {
        cityCode: '370300',
        focus: '高品质高耐久性水泥和混凝土、工程用特种水泥、水泥制品及装配式部品，全产业链',
        section: '专栏2',
      },
      {
        cityCode: '370400',
        focus: '高品质高耐久性水泥和混凝土、工程用特种水泥、水泥制品及装配式部品，全产业链',
        section: '专栏2',
      },
      {
        cityCode: '370600',
        focus: '高品质高耐久性水泥和混凝土、工程用特种水泥、水泥制品及装配式部品，全产业链',
        section: '专栏2',
      },
      {
        cityCode: '370700',
        focus: '高品质高耐久性水泥和混凝土、工程用特种水泥、水泥制品及装配式部品，全产业链',
        section: '专栏2',
      },
      {
        cityCode: '370900',
        focus: '高品质高耐久性水泥和混凝土、工程用特种水泥、水泥制品及装配式部品，全产业链',
        section: '专栏2',
      },
      {
        cityCode: '371300',
        focus: '高品质高耐久性水泥和混凝土、工程用特种水泥、水泥制品及装配式部品，全产业链',
        section: '专栏2',
      },
    ],
    notes:
      'Layout only: part of 建材 in the text (三(二)4); 三(一)4 and 专栏1 set cement capacity-exit rules. No target of its own.',
  },
  {
    code: 'traditional.tyres',
    nameZh: '轮胎',
    nameEn: 'Tyres',
    industryGroup: 'traditional',
    parentCode: 'traditional',
    section: '三(二)5',
    target: { text: '轮胎产业产值达到2000亿元', value: 2000, unit: '亿元', year: 2025 },
    cityLayouts: [
      {
        cityCode: '370600',
        focus: '高端轮胎产品、翻新及废旧轮胎循环利用；新型合成橡胶产业化',
        section: '专栏2',
      },
      {
        cityCode: '370200',
        focus: '高端轮胎产品及循环利用；轮胎制造装备研发；新型合成橡胶产业化',
        section: '专栏2',
      },
      {
        cityCode: '371000',
        focus: '高端轮胎产品及循环利用；新型钢帘线、涤纶帘子布等骨架材料',
        section: '专栏2',
      },
      {
        cityCode: '370500',
        focus: '宽断面、扁平化、低滚阻、低噪音、缺气保用等高端轮胎，翻新及废旧轮胎循环利用',
        section: '专栏2',
      },
      {
        cityCode: '370800',
        focus: '宽断面、扁平化、低滚阻、低噪音、缺气保用等高端轮胎，翻新及废旧轮胎循环利用',
        section: '专栏2',
      },
      {
        cityCode: '370700',
        focus: '炼胶、成型、硫化、模具、检测等轮胎智能制造装备；新型骨架材料',
        section: '专栏2',
      },
      {
        cityCode: '370300',
        focus: '溶聚丁苯、异戊、稀土顺丁、卤化丁基等新型合成橡胶产业化',
        section: '专栏2',
      },
      {
        cityCode: '371600',
        focus: '溶聚丁苯、异戊、稀土顺丁、卤化丁基等新型合成橡胶产业化',
        section: '专栏2',
      },
      {
        cityCode: '371500',
        focus: '促进剂、防老剂、防焦剂、炭黑等新型环保橡胶助剂',
        section: '专栏2',
      },
      {
        cityCode: '371700',
        focus: '促进剂、防老剂、防焦剂、炭黑等新型环保橡胶助剂',
        section: '专栏2',
      },
      {
        cityCode: '371400',
        focus: '促进剂、防老剂、防焦剂、炭黑等新型环保橡胶助剂',
        section: '专栏2',
      },
    ],
    notes:
      'GARBLED: “5. 轮胎” appears twice and its body is the 建材 text (装配式建筑…); the first copy even ends with “建材产业产值达到7000亿元”. No tyre-specific development text survives. The target is taken from the second copy, which names 轮胎; it also says 销售收入过100亿元轮胎企业达到8家，其中过200亿元的2家以上，1—2家企业进入全球轮胎行业前10位. The same tyre targets are repeated inside the garbled 6. 铸造 paragraphs. 专栏2 tyre layout is intact; cities named several times are merged.',
  },
  {
    code: 'traditional.foundry',
    nameZh: '铸造',
    nameEn: 'Foundry (casting)',
    industryGroup: 'traditional',
    parentCode: 'traditional',
    section: '三(二)6',
    target: { text: '铸造行业产值达到1000亿元', value: 1000, unit: '亿元', year: 2025 },
    cityLayouts: [],
    notes:
      'GARBLED: “6. 铸造” appears twice; both copies run into the 建材 text and the 轮胎 targets. Only the opening (加强铸造关键共性技术攻关，研发先进自动化铸造、废砂再生、高效节能熔炼、铸造3D打印等高端装备，推动铸造企业数字化转型) and a detached tail (“…发展水平。推动建设特色铸造产业园区，发展高水平区域铸造中心…到2025年，铸造行业产值达到1000亿元”) can be attributed to 铸造; part of the paragraph is lost. No layout in 专栏2.',
  },
  {
    code: 'traditional.textiles',
    nameZh: '纺织服装',
    nameEn: 'Textiles and apparel',
    industryGroup: 'traditional',
    parentCode: 'traditional',
    section: '三(二)7',
    target: { text: '纺织服装产业产值达到3000亿元', value: 3000, unit: '亿元', year: 2025 },
    cityLayouts: [
      {
        cityCode: '370200',
        focus: '高端棉纺、功能化纤维、高端毛纺/色织面料及服装服饰',
        section: '专栏2',
      },
      {
        cityCode: '370300',
        focus: '高端棉纺、功能化纤维、高端毛纺/色织面料及服装服饰',
        section: '专栏2',
      },
      {
        cityCode: '370800',
        focus: '高端棉纺、功能化纤维、高端毛纺/色织面料及服装服饰',
        section: '专栏2',
      },
      {
        cityCode: '370700',
        focus: '高端棉纺、功能化纤维、高端面料及服装服饰；家用纺织品',
        section: '专栏2',
      },
      {
        cityCode: '370600',
        focus: '高端棉纺、功能化纤维、高端面料及服装服饰；家用纺织品',
        section: '专栏2',
      },
      {
        cityCode: '371000',
        focus: '高端棉纺、功能化纤维、高端面料及服装服饰；家用纺织品',
        section: '专栏2',
      },
      {
        cityCode: '370900',
        focus: '高端棉纺、功能化纤维、高端面料及服装服饰；产业用纺织品',
        section: '专栏2',
      },
      {
        cityCode: '371400',
        focus: '高端棉纺、功能化纤维、高端面料及服装服饰；产业用纺织品',
        section: '专栏2',
      },
      {
        cityCode: '371600',
        focus: '高端棉纺、功能化纤维、高端面料及服装服饰；家用纺织品；产业用纺织品',
        section: '专栏2',
      },
      { cityCode: '371500', focus: '床上用品、窗帘、高端巾被、地毯等家用纺织品', section: '专栏2' },
      {
        cityCode: '370100',
        focus: '高端绳网、高端非织造材料、高端土工材料等产业用纺织品',
        section: '专栏2',
      },
      {
        cityCode: '370500',
        focus: '高端绳网、高端非织造材料、高端土工材料等产业用纺织品',
        section: '专栏2',
      },
    ],
    notes:
      'Also: 特色产业集群20个以上; 国家级纺织服装创意设计试点示范园区（平台）12个左右. Cities named in several 专栏2 sentences (服装服饰 / 家用纺织品 / 产业用纺织品) are merged.',
  },
  {
    code: 'traditional.food',
    nameZh: '食品',
    nameEn: 'Food',
    industryGroup: 'traditional',
    parentCode: 'traditional',
    section: '三(二)8',
    target: { text: '食品行业产值突破1万亿元', value: 1, unit: '万亿元', year: 2025 },
    cityLayouts: [
      { cityCode: '370100', focus: '乳制品；白酒', section: '专栏2' },
      {
        cityCode: '370200',
        focus: '畜禽屠宰及肉类加工；乳制品；海洋食品；葡萄酒；啤酒',
        section: '专栏2',
      },
      { cityCode: '370300', focus: '白酒', section: '专栏2' },
      { cityCode: '370400', focus: '果蔬制品及饮料', section: '专栏2' },
      {
        cityCode: '370600',
        focus: '畜禽屠宰及肉类加工；花生油；海洋食品；果蔬制品及饮料；葡萄酒',
        section: '专栏2',
      },
      {
        cityCode: '370700',
        focus: '粮食深加工；畜禽屠宰及肉类加工；花生油；乳制品；果蔬制品及饮料；白酒',
        section: '专栏2',
      },
      {
        cityCode: '370800',
        focus: '粮食深加工；畜禽屠宰及肉类加工；果蔬制品及饮料；白酒',
        section: '专栏2',
      },
      { cityCode: '370900', focus: '乳制品；白酒', section: '专栏2' },
      { cityCode: '371000', focus: '海洋食品', section: '专栏2' },
      { cityCode: '371100', focus: '大豆油；海洋食品', section: '专栏2' },
      {
        cityCode: '371300',
        focus: '粮食深加工；畜禽屠宰及肉类加工；花生油；大豆油；果蔬制品及饮料；白酒',
        section: '专栏2',
      },
      {
        cityCode: '371400',
        focus: '粮食深加工；畜禽屠宰及肉类加工；果蔬制品及饮料；白酒',
        section: '专栏2',
      },
      { cityCode: '371500', focus: '粮食深加工；畜禽屠宰及肉类加工；花生油', section: '专栏2' },
      { cityCode: '371600', focus: '粮食深加工；畜禽屠宰及肉类加工；玉米油', section: '专栏2' },
      { cityCode: '371700', focus: '粮食深加工；花生油；白酒', section: '专栏2' },
    ],
    notes:
      'Also: 省级及以上特色优势食品产业集群20个左右、知名品牌10个以上. 专栏2 lists food by product line (粮食、肉类、花生油、大豆油、玉米油、乳制品、海洋食品、果蔬饮料、白酒、葡萄酒、啤酒); merged per city.',
  },
  {
    code: 'traditional.appliances',
    nameZh: '家电',
    nameEn: 'Home appliances',
    industryGroup: 'traditional',
    parentCode: 'traditional',
    section: '三(二)9',
    target: { text: '家电行业产值达到3000亿元', value: 3000, unit: '亿元', year: 2025 },
    cityLayouts: [
      {
        cityCode: '370200',
        focus: '人机智能交互、智能互联；智能家电、智能安防、智能卫浴、智能康养',
        section: '专栏2',
      },
      { cityCode: '370700', focus: '智能音响、智能穿戴设备等新型智能家电', section: '专栏2' },
      { cityCode: '370600', focus: '消费电子制造和配套产业', section: '专栏2' },
      { cityCode: '370100', focus: '厨电、小家电、洗涤电器的工业设计和研发创新', section: '专栏2' },
    ],
  },
  {
    code: 'traditional.paper',
    nameZh: '造纸',
    nameEn: 'Paper',
    industryGroup: 'traditional',
    parentCode: 'traditional',
    section: '三(二)10',
    target: { text: '造纸及纸制品行业产值达到1700亿元', value: 1700, unit: '亿元', year: 2025 },
    cityLayouts: [
      { cityCode: '371100', focus: '高档化学木浆、溶解浆', section: '专栏2' },
      {
        cityCode: '370300',
        focus: '高档涂布白卡纸、高档装饰原纸、表层耐磨纸、无纺壁纸原纸',
        section: '专栏2',
      },
      {
        cityCode: '370500',
        focus: '高档文化纸、新闻纸、铜版纸、涂布包装纸板、生活用纸、牛皮箱板纸',
        section: '专栏2',
      },
      {
        cityCode: '370800',
        focus: '高档文化纸、新闻纸、铜版纸、涂布包装纸板、生活用纸、牛皮箱板纸',
        section: '专栏2',
      },
      {
        cityCode: '370700',
        focus: '高档生活用纸、白卡纸、瓦楞纸、箱板纸；植物纤维过滤吸附材料、代塑纸',
        section: '专栏2',
      },
      {
        cityCode: '370900',
        focus: '高档生活用纸、白卡纸、瓦楞纸、箱板纸；植物纤维过滤吸附材料、代塑纸',
        section: '专栏2',
      },
      {
        cityCode: '370400',
        focus: '石膏板护面纸、涂布白板纸、装饰纸、羊皮原纸、汽车用纸、纱管纸等特种纸',
        section: '专栏2',
      },
    ],
  },
  {
    code: 'future',
    nameZh: '未来产业',
    nameEn: 'Future industries',
    industryGroup: 'future',
    parentCode: null,
    section: '三(四)',
    target: null,
    cityLayouts: [],
    notes:
      'No quantitative targets for future industries. The group paragraph also names 量子信息, which has no paragraph or layout of its own.',
  },
  {
    code: 'future.life_sciences',
    nameZh: '生命科学',
    nameEn: 'Life sciences',
    industryGroup: 'future',
    parentCode: 'future',
    section: '三(四)1',
    target: null,
    cityLayouts: [
      {
        cityCode: '370100',
        focus: '新型疫苗；干细胞、基因治疗、CAR-T细胞治疗、抗体药物治疗技术研发和转化',
        section: '专栏7',
      },
      {
        cityCode: '370600',
        focus: '新型疫苗；干细胞、基因治疗、CAR-T细胞治疗、抗体药物治疗技术研发和转化',
        section: '专栏7',
      },
      { cityCode: '370200', focus: '基因组学、细胞生物学、合成生物学技术攻关', section: '专栏7' },
      {
        cityCode: '371000',
        focus: '高端医疗器械、智慧诊疗、远程监测和大数据开发应用技术',
        section: '专栏7',
      },
      {
        cityCode: '370300',
        focus: '高端医疗器械、智慧诊疗、远程监测和大数据开发应用技术',
        section: '专栏7',
      },
      { cityCode: '371300', focus: '植物、中草药和花类植物提取技术研发与创新', section: '专栏7' },
      { cityCode: '371700', focus: '植物、中草药和花类植物提取技术研发与创新', section: '专栏7' },
      { cityCode: '370700', focus: '植物、中草药和花类植物提取技术研发与创新', section: '专栏7' },
      { cityCode: '370400', focus: '植物、中草药和花类植物提取技术研发与创新', section: '专栏7' },
      { cityCode: '370500', focus: '植物、中草药和花类植物提取技术研发与创新', section: '专栏7' },
    ],
  },
  {
    code: 'future.flexible_electronics',
    nameZh: '柔性电子',
    nameEn: 'Flexible electronics',
    industryGroup: 'future',
    parentCode: 'future',
    section: '三(四)2',
    target: null,
    cityLayouts: [
      { cityCode: '370600', focus: 'OLED中间体技术开发与产业化', section: '专栏7' },
      { cityCode: '370400', focus: '柔性电子元器件产业链，轻柔显示产业中心', section: '专栏7' },
    ],
  },
  {
    code: 'future.aerospace',
    nameZh: '空天科技',
    nameEn: 'Aerospace science and technology',
    industryGroup: 'future',
    parentCode: 'future',
    section: '三(四)3',
    target: null,
    cityLayouts: [
      {
        cityCode: '370100',
        focus: '卫星研发、总装制造和遥感、导航应用等空天信息产业',
        section: '专栏7',
      },
      {
        cityCode: '370200',
        focus: '飞机整机制造与装配、航空材料、航空电子；卫星载荷、地面设备、卫星通信',
        section: '专栏7',
      },
      { cityCode: '370600', focus: '火箭制造、卫星载荷研发制造', section: '专栏7' },
    ],
  },
  {
    code: 'future.deep_sea',
    nameZh: '深海远海',
    nameEn: 'Deep-sea and far-sea industries',
    industryGroup: 'future',
    parentCode: 'future',
    section: '三(四)4',
    target: null,
    cityLayouts: [
      {
        cityCode: '370200',
        focus: '深远海油气矿产开发装备、水下探测作业装备、深潜器、海底光纤光缆',
        section: '专栏7',
      },
      {
        cityCode: '370600',
        focus: '深水半潜式平台、水下生产系统、海洋矿产和天然气水合物开采装备',
        section: '专栏7',
      },
      {
        cityCode: '371000',
        focus: '海洋电子信息与智能装备、海空天一体化技术装备、极地船舶设计建设',
        section: '专栏7',
      },
      { cityCode: '370500', focus: '深远海油气资源开发装备', section: '专栏7' },
    ],
  },
];

/** The main-indicators table (主要指标) following 二(三) 主要目标. */
export const PLAN_INDICATORS: readonly PlanIndicator[] = [
  {
    code: 'manufacturing_value_added_share',
    nameZh: '制造业增加值占GDP比重',
    nameEn: 'Manufacturing value added as share of GDP',
    unit: '%',
    base2020: 27.2,
    target2025: 28,
    nature: null,
    measure: 'level',
    category: '综合质效',
    section: '二(三)',
    note: 'Target written “28以上” (28 or more).',
  },
  {
    code: 'industrial_revenue_profit_margin',
    nameZh: '规模以上工业企业营业收入利润率',
    nameEn: 'Profit margin on revenue of industrial enterprises above designated size',
    unit: '%',
    base2020: 5.08,
    target2025: 6,
    nature: null,
    measure: 'level',
    category: '综合质效',
    section: '二(三)',
    note: 'Target written “6左右” (about 6).',
  },
  {
    code: 'rd_expenditure_share_of_revenue',
    nameZh: '规模以上工业企业R&D经费支出占营业收入比重',
    nameEn: 'R&D expenditure as share of revenue of industrial enterprises above designated size',
    unit: '%',
    base2020: 1.46,
    target2025: 2.2,
    nature: null,
    measure: 'level',
    category: '创新能力',
    section: '二(三)',
    note: 'Base value is for 2019 (table: “1.46 (2019年)”). Target written “2.2左右”.',
  },
  {
    code: 'enterprises_with_rd_activity_share',
    nameZh: '规模以上工业企业中有研发活动企业占比',
    nameEn: 'Share of industrial enterprises above designated size with R&D activity',
    unit: '%',
    base2020: 26.2,
    target2025: 50,
    nature: null,
    measure: 'level',
    category: '创新能力',
    section: '二(三)',
    note: 'Base value is for 2019 (table: “26.2 (2019年)”). Target written “50左右”.',
  },
  {
    code: 'enterprises_with_rd_institution_share',
    nameZh: '规模以上工业企业中有研发机构的占比',
    nameEn: 'Share of industrial enterprises above designated size with an R&D institution',
    unit: '%',
    base2020: 9.5,
    target2025: 30,
    nature: null,
    measure: 'level',
    category: '创新能力',
    section: '二(三)',
    note: 'Base value is for 2019 (table: “9.5 (2019年)”). Target written “30左右”.',
  },
  {
    code: 'high_tech_output_share',
    nameZh: '高新技术产业产值占规模以上工业总产值比重',
    nameEn: 'High-tech industry output as share of gross industrial output above designated size',
    unit: '%',
    base2020: 45.1,
    target2025: 50,
    nature: null,
    measure: 'level',
    category: '结构优化',
    section: '二(三)',
    note: 'Target written “50左右”.',
  },
  {
    code: 'digital_economy_core_share',
    nameZh: '数字经济核心产业增加值占GDP比重',
    nameEn: 'Value added of core digital-economy industries as share of GDP',
    unit: '%',
    base2020: 4.8,
    target2025: 10,
    nature: null,
    measure: 'level',
    category: '结构优化',
    section: '二(三)',
    note: 'Target written “10左右”.',
  },
  {
    code: 'digital_equipment_networking_rate',
    nameZh: '规模以上工业企业数字化设备联网率',
    nameEn: 'Networking rate of digital equipment in industrial enterprises above designated size',
    unit: '%',
    base2020: 51.4,
    target2025: 70,
    nature: null,
    measure: 'level',
    category: '智能绿色',
    section: '二(三)',
    note: 'Target written “70左右”.',
  },
  {
    code: 'key_business_digitalisation_rate',
    nameZh: '工业企业关键业务环节全面数字化率',
    nameEn: 'Rate of full digitalisation of key business processes in industrial enterprises',
    unit: '%',
    base2020: 64.8,
    target2025: 70,
    nature: null,
    measure: 'level',
    category: '智能绿色',
    section: '二(三)',
    note: 'Target written “70以上” (70 or more). 二(三)4 phrases it for 规模以上工业企业.',
  },
  {
    code: 'energy_intensity_reduction',
    nameZh: '单位工业增加值能源消耗降低',
    nameEn: 'Reduction in energy consumption per unit of industrial value added',
    unit: '%',
    base2020: 24.5,
    target2025: 17,
    nature: null,
    measure: 'cumulative',
    category: '智能绿色',
    section: '二(三)',
    note: 'Cumulative values (marked *): 24.5 is the 13th FYP (2016–2020) cumulative reduction, 17 (written “17左右”) the 14th FYP cumulative target. 标*数据为“十三五”和“十四五”累计值；“十四五”目标值最终以省政府确定的约束性指标为准。',
  },
  {
    code: 'water_intensity_reduction',
    nameZh: '单位工业增加值用水量降低',
    nameEn: 'Reduction in water use per unit of industrial value added',
    unit: '%',
    base2020: 13.56,
    target2025: 5,
    nature: null,
    measure: 'cumulative',
    category: '智能绿色',
    section: '二(三)',
    note: 'Cumulative values (marked *): 13.56 is the 13th FYP (2016–2020) cumulative reduction, 5 the 14th FYP cumulative target. 标*数据为“十三五”和“十四五”累计值；“十四五”目标值最终以省政府确定的约束性指标为准。',
  },
  {
    code: 'single_champion_count',
    nameZh: '省级及以上制造业单项冠军企业和产品数量',
    nameEn: 'Provincial-or-higher manufacturing single-champion enterprises and products',
    unit: '个',
    base2020: 501,
    target2025: 900,
    nature: null,
    measure: 'level',
    category: '企业培育',
    section: '二(三)',
    note: 'Target written “900左右”.',
  },
  {
    code: 'specialised_sme_count',
    nameZh: '省级及以上“专精特新”企业数量',
    nameEn:
      'Provincial-or-higher “specialised, refined, distinctive and innovative” (专精特新) enterprises',
    unit: '家',
    base2020: 2534,
    target2025: 4000,
    nature: null,
    measure: 'level',
    category: '企业培育',
    section: '二(三)',
    note: 'Target written “4000左右”.',
  },
];
