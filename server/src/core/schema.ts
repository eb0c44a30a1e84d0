// The 2021 national format (国办公开办函〔2021〕30号) as data. The parser, the checks, the hovers,
// completion and the template all read this module; no other file lists labels.

import type { SectionNumber, Table, TableId } from './model';

export interface Localized {
  zh: string;
  en: string;
}

export interface ArticleRef {
  /** Article number in 国务院令第711号, e.g. 14. */
  article: number;
  /** How the row cites it, e.g. "第三十六条第（一）（二）项". */
  cite: string;
}

export interface ColumnSpec {
  id: string;
  label: string;
  /** Other headings drafts use for the same column. */
  aliases: string[];
  meaning: Localized;
  isTotal?: boolean;
}

export interface RowSpec {
  id: string;
  /** The exact label of the format. */
  label: string;
  /** Other wordings that mean the same row (matched after normalisation). */
  aliases: string[];
  /** Group rows carry no numbers (三、本年度办理结果, （三）不予公开 …). */
  numeric: boolean;
  /** Column ids of this row's cells (table 二 rows differ); empty for group rows. */
  columns: string[];
  /** The group heading this row belongs to (table 二: 第二十条第（X）项; table 三: the result group). */
  group?: string;
  articles: ArticleRef[];
  meaning: Localized;
  /** How to count it, where the format says something particular. */
  counting?: Localized;
  isTotal?: boolean;
  /** The row's label in the 2019 trial format, where it differed. */
  trialLabel?: string;
}

export interface TableSpec {
  id: TableId;
  section: SectionNumber;
  title: string;
  /** How the table is named in the outline and in hovers (表三 / Table 3). */
  caption: Localized;
  columns: ColumnSpec[];
  rows: RowSpec[];
}

export interface SectionSpec {
  number: SectionNumber;
  numeral: string;
  title: string;
  /** Words by which a heading is recognised when its wording differs. */
  keywords: string[];
  requirement: Localized;
  /** The sub-headings （一）（二）… the format expects, where it names them. */
  parts?: string[];
}

export const SECTIONS: readonly SectionSpec[] = [
  {
    number: 1,
    numeral: '一',
    title: '总体情况',
    keywords: ['总体情况', '总体'],
    requirement: {
      zh: '概述本年度政府信息公开工作，分别写明主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面；各级人民政府还应写明工作考核、社会评议和责任追究结果（条例第五十条第（四）项、第四十六条）。',
      en: 'An overview covering proactive disclosure, disclosure on request, information management, disclosure platforms and supervision; reports of people\'s governments also give the results of appraisal, public evaluation and accountability (Regulation art. 50(4), art. 46).',
    },
    parts: ['主动公开', '依申请公开', '政府信息管理', '政府信息公开平台建设', '监督保障'],
  },
  {
    number: 2,
    numeral: '二',
    title: '主动公开政府信息情况',
    keywords: ['主动公开'],
    requirement: {
      zh: '按格式填写表二：第二十条第（一）（五）（六）（八）项的制发、废止、现行有效件数，处理决定数量和收费金额（条例第五十条第（一）项）。',
      en: 'Table 2 of the format: documents issued, repealed and in force, decisions, and fees under article 20 items (1), (5), (6), (8) (Regulation art. 50(1)).',
    },
  },
  {
    number: 3,
    numeral: '三',
    title: '收到和处理政府信息公开申请情况',
    keywords: ['收到和处理', '申请情况', '依申请'],
    requirement: {
      zh: '按格式填写表三：按申请人类别统计本年新收、上年结转、办理结果和结转下年度的申请数量；每列须满足“第一项加第二项之和，等于第三项加第四项之和”（条例第五十条第（二）项）。',
      en: 'Table 3 of the format: applications received, carried over, results and carried forward, per kind of applicant; in every column item 1 + item 2 = item 3 + item 4 (Regulation art. 50(2)).',
    },
  },
  {
    number: 4,
    numeral: '四',
    title: '政府信息公开行政复议、行政诉讼情况',
    keywords: ['行政复议', '行政诉讼'],
    requirement: {
      zh: '按格式填写表四：行政复议、未经复议直接起诉、复议后起诉三类案件的结果维持、结果纠正、其他结果、尚未审结和总计（条例第五十条第（三）项）。',
      en: 'Table 4 of the format: administrative reconsideration, litigation without and after reconsideration, each with upheld, corrected, other, pending and total (Regulation art. 50(3)).',
    },
  },
  {
    number: 5,
    numeral: '五',
    title: '存在的主要问题及改进情况',
    keywords: ['主要问题', '改进情况', '存在的问题'],
    requirement: {
      zh: '写明本年度工作存在的主要问题和改进措施，以及上一年度问题的改进情况（条例第五十条第（四）项）；不宜泛化。',
      en: 'The main problems of the year and the improvements made, including on last year\'s problems (Regulation art. 50(4)); specific, not generic.',
    },
  },
  {
    number: 6,
    numeral: '六',
    title: '其他需要报告的事项',
    keywords: ['其他需要报告', '其他需报告'],
    requirement: {
      zh: '其他需要报告的事项（条例第五十条第（五）项），通常写明本年度收取信息处理费的情况（国办函〔2020〕109号），未收取的也应说明。',
      en: 'Other matters (Regulation art. 50(5)); in practice the information processing fees collected this year (国办函〔2020〕109号), or that none were.',
    },
  },
];

const TABLE3_COLUMNS: ColumnSpec[] = [
  {
    id: 'natural',
    label: '自然人',
    aliases: ['自然人', '个人'],
    meaning: { zh: '以个人名义提出申请的公民。', en: 'Applications made by individuals.' },
  },
  {
    id: 'business',
    label: '商业企业',
    aliases: ['商业企业', '企业'],
    meaning: { zh: '法人或其他组织中的商业企业（公司、个体工商户等）。', en: 'Business enterprises among legal persons and other organisations.' },
  },
  {
    id: 'research',
    label: '科研机构',
    aliases: ['科研机构', '科研'],
    meaning: { zh: '法人或其他组织中的科研机构（科研院所、高等学校的研究机构等）。', en: 'Research institutions among legal persons and other organisations.' },
  },
  {
    id: 'welfare',
    label: '社会公益组织',
    aliases: ['社会公益组织', '公益组织'],
    meaning: { zh: '法人或其他组织中的社会公益组织（社会团体、基金会、社会服务机构等）。', en: 'Public-interest organisations among legal persons and other organisations.' },
  },
  {
    id: 'legal',
    label: '法律服务机构',
    aliases: ['法律服务机构', '法律服务'],
    meaning: { zh: '法人或其他组织中的法律服务机构（律师事务所、基层法律服务所等）。', en: 'Legal service providers (law firms etc.) among legal persons and other organisations.' },
  },
  {
    id: 'other',
    label: '其他',
    aliases: ['其他'],
    meaning: { zh: '不属于以上四类的其他法人或其他组织。', en: 'Other legal persons and organisations.' },
  },
  {
    id: 'total',
    label: '总计',
    aliases: ['总计', '合计'],
    meaning: { zh: '本行六类申请人之和：自然人＋商业企业＋科研机构＋社会公益组织＋法律服务机构＋其他。', en: 'The sum of the six applicant columns of this row.' },
    isTotal: true,
  },
];

const APPLICANT_COLUMN_IDS = TABLE3_COLUMNS.map((c) => c.id);

function t3(
  id: string,
  label: string,
  articles: ArticleRef[],
  meaning: Localized,
  extra: Partial<RowSpec> = {},
): RowSpec {
  return { id, label, aliases: [], numeric: true, columns: APPLICANT_COLUMN_IDS, articles, meaning, ...extra };
}

function group(id: string, label: string, meaning: Localized): RowSpec {
  return { id, label, aliases: [], numeric: false, columns: [], articles: [], meaning };
}

const art = (article: number, cite: string): ArticleRef => ({ article, cite });

export const TABLE3_ROWS: RowSpec[] = [
  t3('new', '一、本年新收政府信息公开申请数量', [], {
    zh: '本年度新收到的政府信息公开申请。',
    en: 'Applications received this year.',
  }, { counting: { zh: '按申请件数统计，一份申请计一件。', en: 'One application counts once.' } }),
  t3('carried', '二、上年结转政府信息公开申请数量', [], {
    zh: '上一年度未办结、结转到本年度继续办理的申请，应等于上一年度报告的“四、结转下年度继续办理”。',
    en: 'Applications carried over from last year; equals item 4 of last year\'s report.',
  }),
  group('results', '三、本年度办理结果', { zh: '本年度办结申请的处理结果，各项之和为（七）总计。', en: 'Results of the applications closed this year; they add up to (7) total.' }),
  t3('r1', '（一）予以公开', [art(36, '第三十六条第（一）（二）项')], {
    zh: '全部公开，包括告知申请人已主动公开信息的获取方式和途径。',
    en: 'Disclosed in full, including telling the applicant where published information is.',
  }, { group: 'results' }),
  t3('r2', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', [art(37, '第三十七条')], {
    zh: '申请公开的信息中含有不应当公开或者不属于政府信息的内容，作区分处理后提供可以公开的部分。',
    en: 'Partly disclosed after separating what may not be disclosed.',
  }, {
    group: 'results',
    aliases: ['（二）部分公开'],
    counting: { zh: '区分处理的申请只计入本项，不再计入不予公开等其他情形。', en: 'A partly disclosed application counts here only, not under any other result.' },
  }),
  group('r3', '（三）不予公开', { zh: '依法决定不予公开的申请，按理由分为八类。', en: 'Refused, by reason (eight kinds).' }),
  t3('r3_1', '1.属于国家秘密', [art(14, '第十四条')], {
    zh: '依法确定为国家秘密的政府信息。',
    en: 'The information is a state secret.',
  }, { group: 'r3' }),
  t3('r3_2', '2.其他法律行政法规禁止公开', [art(14, '第十四条')], {
    zh: '法律、行政法规禁止公开的政府信息。',
    en: 'Disclosure is barred by other laws or administrative regulations.',
  }, { group: 'r3' }),
  t3('r3_3', '3.危及“三安全一稳定”', [art(14, '第十四条')], {
    zh: '公开后可能危及国家安全、公共安全、经济安全、社会稳定（“三安全一稳定”）的政府信息。',
    en: 'Disclosure would endanger national, public or economic security or social stability ("three securities and one stability").',
  }, { group: 'r3', aliases: ['3.危及三安全一稳定'] }),
  t3('r3_4', '4.保护第三方合法权益', [art(15, '第十五条')], {
    zh: '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害的政府信息。',
    en: 'Trade secrets, personal privacy or other lawful rights of a third party.',
  }, { group: 'r3' }),
  t3('r3_5', '5.属于三类内部事务信息', [art(16, '第十六条第一款')], {
    zh: '行政机关的内部事务信息，即人事管理、后勤管理、内部工作流程三类信息。',
    en: 'Internal affairs: personnel, logistics and internal workflow.',
  }, { group: 'r3' }),
  t3('r3_6', '6.属于四类过程性信息', [art(16, '第十六条第二款')], {
    zh: '履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告四类过程性信息。',
    en: 'Process information: minutes of discussions, drafts, consultation letters, requests for instructions.',
  }, { group: 'r3' }),
  t3('r3_7', '7.属于行政执法案卷', [art(16, '第十六条第二款')], {
    zh: '行政执法案卷信息。',
    en: 'Administrative law-enforcement case files.',
  }, { group: 'r3' }),
  t3('r3_8', '8.属于行政查询事项', [art(36, '第三十六条第（七）项')], {
    zh: '属于工商、不动产登记资料等，有关法律、行政法规对信息获取有特别规定的查询事项，告知申请人依照有关规定办理。',
    en: 'Registers with their own access rules (business, real-estate registration).',
  }, { group: 'r3' }),
  group('r4', '（四）无法提供', { zh: '因信息不存在、不属于本机关或需另行制作等原因无法提供。', en: 'Cannot be provided.' }),
  t3('r4_1', '1.本机关不掌握相关政府信息', [art(36, '第三十六条第（四）（五）项')], {
    zh: '经检索没有所申请的信息，或者所申请的信息不属于本机关负责公开。',
    en: 'The body does not hold the information, or it is not its responsibility.',
  }, { group: 'r4' }),
  t3('r4_2', '2.没有现成信息需要另行制作', [art(38, '第三十八条')], {
    zh: '需要对现有政府信息进行加工、分析才能提供的。',
    en: 'Providing it would require new processing or analysis.',
  }, { group: 'r4' }),
  t3('r4_3', '3.补正后申请内容仍不明确', [art(30, '第三十条')], {
    zh: '经告知补正后，申请内容仍不明确的。',
    en: 'Still unclear after the applicant amended the request.',
  }, { group: 'r4' }),
  group('r5', '（五）不予处理', { zh: '依法不作为政府信息公开申请处理。', en: 'Not handled as a disclosure request.' }),
  t3('r5_1', '1.信访举报投诉类申请', [art(39, '第三十九条第一款')], {
    zh: '以政府信息公开申请的形式进行信访、投诉、举报等活动。',
    en: 'Petitions, complaints or reports made in the form of a request.',
  }, { group: 'r5' }),
  t3('r5_2', '2.重复申请', [art(36, '第三十六条第（六）项')], {
    zh: '行政机关已作出答复，申请人重复申请公开相同政府信息。',
    en: 'A repeated request for information already answered.',
  }, { group: 'r5' }),
  t3('r5_3', '3.要求提供公开出版物', [art(39, '第三十九条第二款')], {
    zh: '要求提供政府公报、报刊、书籍等公开出版物。',
    en: 'Asks for gazettes, newspapers, books or other publications.',
  }, { group: 'r5' }),
  t3('r5_4', '4.无正当理由大量反复申请', [art(35, '第三十五条')], {
    zh: '申请数量、频次明显超过合理范围且理由不合理。',
    en: 'Unreasonable volume or frequency of requests.',
  }, { group: 'r5' }),
  t3('r5_5', '5.要求行政机关确认或重新出具已获取信息', [], {
    zh: '要求行政机关确认或者重新出具申请人已经获取的信息（实践中的统计类别，条例无对应条款）。',
    en: 'Asks the body to confirm or re-issue information already obtained (a practice category with no article).',
  }, { group: 'r5' }),
  group('r6', '（六）其他处理', { zh: '其他处理情形，分为三类。', en: 'Other outcomes, in three kinds.' }),
  t3('r6_1', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', [art(30, '第三十条')], {
    zh: '申请人无正当理由逾期不补正，视为放弃申请，行政机关不再处理。',
    en: 'The applicant did not amend the request in time; it lapses.',
  }, { group: 'r6' }),
  t3('r6_2', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', [art(42, '第四十二条')], {
    zh: '申请人自收到收费通知之日起20个工作日内未缴纳信息处理费，行政机关不再处理（国办函〔2020〕109号）。',
    en: 'The information processing fee was not paid within 20 working days of the notice; the request lapses.',
  }, { group: 'r6' }),
  t3('r6_3', '3.其他', [], {
    zh: '不属于以上任何一类的其他处理情形。',
    en: 'Any other outcome.',
  }, { group: 'r6' }),
  t3('r7', '（七）总计', [], {
    zh: '本年度办理结果合计：（一）＋（二）＋（三）1–8＋（四）1–3＋（五）1–5＋（六）1–3。',
    en: 'All results: (1) + (2) + (3)1–8 + (4)1–3 + (5)1–5 + (6)1–3.',
  }, { group: 'results', isTotal: true }),
  t3('forward', '四、结转下年度继续办理', [art(33, '第三十三条')], {
    zh: '截至年底尚未办结、转入下一年度继续办理的申请，应等于下一年度报告的“二、上年结转”。',
    en: 'Still open at year end; carried into next year\'s item 2.',
  }),
];

export const TABLE2_GROUPS: { id: string; heading: string; item: Localized }[] = [
  {
    id: 'item1',
    heading: '第二十条第（一）项',
    item: { zh: '行政法规、规章和规范性文件。', en: 'Administrative regulations, rules and normative documents.' },
  },
  {
    id: 'item5',
    heading: '第二十条第（五）项',
    item: { zh: '办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果。', en: 'Basis, conditions, procedure and results of administrative licensing and other external services.' },
  },
  {
    id: 'item6',
    heading: '第二十条第（六）项',
    item: { zh: '实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定。', en: 'Basis, conditions and procedure of administrative penalties and compulsory measures, and penalty decisions of social impact.' },
  },
  {
    id: 'item8',
    heading: '第二十条第（八）项',
    item: { zh: '行政事业性收费项目及其依据、标准。', en: 'Administrative fees, their basis and rates.' },
  },
];

const TABLE2_COLUMNS: ColumnSpec[] = [
  { id: 'issued', label: '本年制发件数', aliases: ['本年制发件数', '本年制发'], meaning: { zh: '本年度新制定发布的件数。', en: 'Issued this year.' } },
  { id: 'repealed', label: '本年废止件数', aliases: ['本年废止件数', '本年废止'], meaning: { zh: '本年度废止的件数。', en: 'Repealed this year.' } },
  { id: 'valid', label: '现行有效件数', aliases: ['现行有效件数', '现行有效'], meaning: { zh: '截至年底现行有效的件数：上年现行有效＋本年制发－本年废止。', en: 'In force at year end: last year\'s + issued − repealed.' } },
  { id: 'decisions', label: '本年处理决定数量', aliases: ['本年处理决定数量', '处理决定数量'], meaning: { zh: '本年度作出的处理决定数量。', en: 'Decisions made this year.' } },
  { id: 'amount', label: '本年收费金额（单位：万元）', aliases: ['本年收费金额（单位：万元）', '本年收费金额'], meaning: { zh: '本年度行政事业性收费金额，单位万元，可有小数。', en: 'Administrative fees collected this year, in 10,000 yuan; may have decimals.' } },
];

function t2(id: string, label: string, groupId: string, columns: string[], meaning: Localized, extra: Partial<RowSpec> = {}): RowSpec {
  return { id, label, aliases: [], numeric: true, columns, group: groupId, articles: [art(20, TABLE2_GROUPS.find((g) => g.id === groupId)!.heading)], meaning, ...extra };
}

export const TABLE2_ROWS: RowSpec[] = [
  t2('rules', '规章', 'item1', ['issued', 'repealed', 'valid'], { zh: '本机关制定的规章。', en: 'Rules made by the body.' }),
  t2('normative', '行政规范性文件', 'item1', ['issued', 'repealed', 'valid'], {
    zh: '本机关制发的行政规范性文件（2019年试行格式称“规范性文件”）。',
    en: 'Administrative normative documents issued by the body.',
  }, { trialLabel: '规范性文件' }),
  t2('licensing', '行政许可', 'item5', ['decisions'], { zh: '本年度作出的行政许可处理决定。', en: 'Administrative licensing decisions this year.' }),
  t2('penalty', '行政处罚', 'item6', ['decisions'], { zh: '本年度作出的行政处罚决定。', en: 'Administrative penalty decisions this year.' }),
  t2('compulsion', '行政强制', 'item6', ['decisions'], { zh: '本年度作出的行政强制决定。', en: 'Administrative compulsory measures this year.' }),
  t2('fees', '行政事业性收费', 'item8', ['amount'], { zh: '本年度行政事业性收费金额（万元）。', en: 'Administrative fees collected this year (10,000 yuan).' }),
];

const TABLE4_COLUMNS: ColumnSpec[] = [
  { id: 'upheld', label: '结果维持', aliases: ['结果维持', '维持'], meaning: { zh: '复议机关或法院维持原行政行为的案件。', en: 'The original act was upheld.' } },
  { id: 'corrected', label: '结果纠正', aliases: ['结果纠正', '纠正'], meaning: { zh: '原行政行为被撤销、变更、确认违法或责令履行的案件。', en: 'The original act was corrected (revoked, changed, declared unlawful, or performance ordered).' } },
  { id: 'other', label: '其他结果', aliases: ['其他结果'], meaning: { zh: '驳回、终止、撤回等其他结果的案件。', en: 'Other outcomes (dismissed, terminated, withdrawn).' } },
  { id: 'pending', label: '尚未审结', aliases: ['尚未审结'], meaning: { zh: '截至年底尚未审结的案件。', en: 'Still pending at year end.' } },
  { id: 'total', label: '总计', aliases: ['总计', '合计'], meaning: { zh: '本组之和：结果维持＋结果纠正＋其他结果＋尚未审结。', en: 'Upheld + corrected + other + pending.' }, isTotal: true },
];

const TABLE4_COLUMN_IDS = TABLE4_COLUMNS.map((c) => c.id);

export const TABLE4_ROWS: RowSpec[] = [
  {
    id: 'review', label: '行政复议', aliases: [], numeric: true, columns: TABLE4_COLUMN_IDS, articles: [art(51, '第五十一条')],
    meaning: { zh: '因政府信息公开工作被申请行政复议的案件。', en: 'Administrative reconsideration cases about disclosure.' },
  },
  {
    id: 'direct', label: '未经复议直接起诉', aliases: ['行政诉讼未经复议直接起诉'], numeric: true, columns: TABLE4_COLUMN_IDS, articles: [art(51, '第五十一条')],
    meaning: { zh: '未经行政复议、直接提起行政诉讼的案件。', en: 'Lawsuits filed without prior reconsideration.' },
  },
  {
    id: 'after', label: '复议后起诉', aliases: ['行政诉讼复议后起诉'], numeric: true, columns: TABLE4_COLUMN_IDS, articles: [art(51, '第五十一条')],
    meaning: { zh: '经行政复议后又提起行政诉讼的案件。', en: 'Lawsuits filed after reconsideration.' },
  },
];

export const TABLES: Record<TableId, TableSpec> = {
  table2: { id: 'table2', section: 2, title: '主动公开政府信息情况', caption: { zh: '表二', en: 'Table 2' }, columns: TABLE2_COLUMNS, rows: TABLE2_ROWS },
  table3: { id: 'table3', section: 3, title: '收到和处理政府信息公开申请情况', caption: { zh: '表三', en: 'Table 3' }, columns: TABLE3_COLUMNS, rows: TABLE3_ROWS },
  table4: { id: 'table4', section: 4, title: '政府信息公开行政复议、行政诉讼情况', caption: { zh: '表四', en: 'Table 4' }, columns: TABLE4_COLUMNS, rows: TABLE4_ROWS },
};

// ---------------------------------------------------------------------------------------------------------
// The format's arithmetic, written once: every identity of tables 三 and 四 as an equation over cells. The checks,
// the wrong-cell solver, fix-all, the hovers and the inlay hints all read these equations (equationsOf).

/** A cell of a table by its schema keys. */
export type CellRef = readonly [rowId: string, columnId: string];

/** Which identity of the format an equation is; the rule that reports it is `<table>.<id>`. */
export type EquationId = 'row-total' | 'result-total' | 'balance' | 'group-total';

/**
 * One identity of the format: Σ left = Σ right over cells of one table. A total's equation has the total alone
 * on the left and its parts on the right; the balance has 一、二 on the left and （七）、四 on the right.
 */
export interface Equation {
  id: EquationId;
  table: 'table3' | 'table4';
  /** The row id of an equation along a row (row-total, group-total), the column id of one down a column (result-total, balance). */
  line: string;
  left: readonly CellRef[];
  right: readonly CellRef[];
  /** The cell a fix rewrites so that the equation holds: the total; 四、结转下年度继续办理 in the balance. */
  target: CellRef;
  /** When `target` would have to be negative, the cell a fix rewrites instead (the balance: 一、本年新收). */
  fallback?: CellRef;
}

/** A sum: one total on the left (every equation but the balance). */
export const isSum = (eq: Equation): boolean => eq.left.length === 1;

const TABLE3_PART_COLUMNS = TABLE3_COLUMNS.filter((c) => !c.isTotal).map((c) => c.id);
const TABLE3_TOTAL_COLUMN = TABLE3_COLUMNS.find((c) => c.isTotal)!.id;
const TABLE4_PART_COLUMNS = TABLE4_COLUMNS.filter((c) => !c.isTotal).map((c) => c.id);
const TABLE4_TOTAL_COLUMN = TABLE4_COLUMNS.find((c) => c.isTotal)!.id;

function sumEquation(id: EquationId, table: Equation['table'], line: string, total: CellRef, parts: CellRef[]): Equation {
  return { id, table, line, left: [total], right: parts, target: total };
}

/**
 * Table 三's equations. `sixSingle`: the 2019 layout, （六）其他处理 written as one row (rowId 'r6'), which then
 * stands in the arithmetic in place of its three sub-rows.
 */
function table3Equations(sixSingle: boolean): Equation[] {
  const carriesNumbers = (r: RowSpec): boolean => (sixSingle ? (r.numeric && r.group !== 'r6') || r.id === 'r6' : r.numeric);
  const rows = TABLE3_ROWS.filter(carriesNumbers).map((r) => r.id);
  // （七）总计 = every row of 三、本年度办理结果 above it: （一）（二） and the sub-rows of （三）…（六）.
  const from = TABLE3_ROWS.findIndex((r) => r.id === 'results');
  const total = TABLE3_ROWS.findIndex((r) => r.isTotal);
  const resultRows = TABLE3_ROWS.slice(from + 1, total).filter(carriesNumbers).map((r) => r.id);
  const seventh = TABLE3_ROWS[total].id;
  const columns = TABLE3_COLUMNS.map((c) => c.id);
  return [
    ...rows.map((r) => sumEquation('row-total', 'table3', r, [r, TABLE3_TOTAL_COLUMN], TABLE3_PART_COLUMNS.map((c): CellRef => [r, c]))),
    ...columns.map((c) => sumEquation('result-total', 'table3', c, [seventh, c], resultRows.map((r): CellRef => [r, c]))),
    // 一 + 二 = （七） + 四, the 勾稽关系 printed in the table (BALANCE_NOTE).
    ...columns.map((c): Equation => ({
      id: 'balance',
      table: 'table3',
      line: c,
      left: [['new', c], ['carried', c]],
      right: [[seventh, c], ['forward', c]],
      target: ['forward', c],
      fallback: ['new', c],
    })),
  ];
}

export const TABLE3_EQUATIONS: readonly Equation[] = table3Equations(false);
export const TABLE3_EQUATIONS_SIX_SINGLE: readonly Equation[] = table3Equations(true);

/** Table 四: in each group, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
export const TABLE4_EQUATIONS: readonly Equation[] = TABLE4_ROWS.map((r) =>
  sumEquation('group-total', 'table4', r.id, [r.id, TABLE4_TOTAL_COLUMN], TABLE4_PART_COLUMNS.map((c): CellRef => [r.id, c])),
);

/** The equations that apply to a read table (table 二 has none). */
export function equationsOf(table: Pick<Table, 'id' | 'sixSingle'>): readonly Equation[] {
  if (table.id === 'table3') return table.sixSingle ? TABLE3_EQUATIONS_SIX_SINGLE : TABLE3_EQUATIONS;
  if (table.id === 'table4') return TABLE4_EQUATIONS;
  return [];
}

/** Result rows whose sum is （七）总计 in the 2021 layout: the parts of its equation. */
export const TABLE3_RESULT_ROW_IDS: string[] = TABLE3_EQUATIONS.find((e) => e.id === 'result-total')!.right.map(([r]) => r);

/** Header cells that are not columns of numbers: the row-header cell and headings over several columns. */
export const TABLE2_ROW_HEADER = '信息内容';
export const HEADER_TERMS: { table: TableId; label: string; meaning: Localized }[] = [
  { table: 'table2', label: TABLE2_ROW_HEADER, meaning: { zh: '本列为主动公开的信息类别（行）。', en: 'This column names the kinds of proactively disclosed information (the rows).' } },
  { table: 'table3', label: '申请人情况', meaning: { zh: '按申请人类别分列：自然人、法人或其他组织（五类），以及总计。', en: 'Columns by kind of applicant: individuals, legal persons and other organisations (five kinds), and the total.' } },
  { table: 'table3', label: '法人或其他组织', meaning: { zh: '法人或其他组织共五列：商业企业、科研机构、社会公益组织、法律服务机构、其他；格式不设小计列。', en: 'Legal persons and other organisations, in five columns: businesses, research institutions, public-interest organisations, legal service providers, other; the format has no subtotal column.' } },
  { table: 'table4', label: '行政诉讼', meaning: { zh: '因政府信息公开工作被提起的行政诉讼，分未经复议直接起诉和复议后起诉两组。', en: 'Lawsuits about disclosure, in two groups: filed without reconsideration and filed after it.' } },
];

export function rowSpec(table: TableId, rowId: string): RowSpec {
  const spec = TABLES[table].rows.find((r) => r.id === rowId);
  if (!spec) throw new Error(`unknown row ${table}/${rowId}`);
  return spec;
}

export function columnSpec(table: TableId, columnId: string): ColumnSpec {
  const spec = TABLES[table].columns.find((c) => c.id === columnId);
  if (!spec) throw new Error(`unknown column ${table}/${columnId}`);
  return spec;
}

export const BALANCE_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** Labels of the 2019 trial format (国办公开办函〔2019〕60号); any of them in a 2021+ report is outdated. */
export const OUTDATED_LABELS: { label: string; replacement: Localized }[] = [
  { label: '本年新制作数量', replacement: { zh: '本年制发件数', en: '本年制发件数 (issued this year)' } },
  { label: '本年新公开数量', replacement: { zh: '本年废止件数', en: '本年废止件数 (repealed this year)' } },
  { label: '对外公开总数量', replacement: { zh: '现行有效件数', en: '现行有效件数 (in force)' } },
  { label: '上一年项目数量', replacement: { zh: '本年处理决定数量', en: '本年处理决定数量 (decisions this year)' } },
  { label: '本年增/减', replacement: { zh: '本年处理决定数量', en: '本年处理决定数量 (decisions this year)' } },
  { label: '其他对外管理服务事项', replacement: { zh: '删除此行（2021年格式只保留行政许可）', en: 'remove the row (the 2021 format keeps 行政许可 only)' } },
  { label: '政府集中采购', replacement: { zh: '删除第二十条第（九）项（2021年格式已取消）', en: 'remove article 20 item (9) (dropped in 2021)' } },
  { label: '采购总金额', replacement: { zh: '删除此列（2021年格式已取消）', en: 'remove the column (dropped in 2021)' } },
];

/**
 * The terms of the 2019 trial format's table 二 by which a whole report is recognised as written in that format:
 * each OUTDATED_LABELS entry that is one of them, mapped to its term. The column words are a term each; the group
 * 第二十条第（九）项 (政府集中采购, 采购总金额) is one term. Rows alone (规范性文件, 其他对外管理服务事项) are not.
 */
export const TRIAL_TABLE2_TERMS: Readonly<Record<string, string>> = {
  本年新制作数量: '本年新制作数量',
  本年新公开数量: '本年新公开数量',
  对外公开总数量: '对外公开总数量',
  上一年项目数量: '上一年项目数量',
  '本年增/减': '本年增/减',
  政府集中采购: '第二十条第（九）项',
  采购总金额: '第二十条第（九）项',
};

/** How many distinct TRIAL_TABLE2_TERMS inside table 二 make the report's format '2019' (one is a stray word). */
export const TRIAL_FORMAT_MIN_TERMS = 2;

/** The first year the 2021 format applies to. */
export const FORMAT_2021_FIRST_YEAR = 2021;

/** Terms that get a hover wherever they appear in the text. */
export const GLOSSARY: { term: string; rowRef: { table: TableId; rowId: string } }[] = [
  { term: '三安全一稳定', rowRef: { table: 'table3', rowId: 'r3_3' } },
  { term: '三类内部事务信息', rowRef: { table: 'table3', rowId: 'r3_5' } },
  { term: '四类过程性信息', rowRef: { table: 'table3', rowId: 'r3_6' } },
  { term: '行政执法案卷', rowRef: { table: 'table3', rowId: 'r3_7' } },
  { term: '行政查询事项', rowRef: { table: 'table3', rowId: 'r3_8' } },
];

/** Articles of 国务院令第711号 that the categories rest on. */
export const ARTICLES: Record<number, string> = {
  14: '第十四条 依法确定为国家秘密的政府信息，法律、行政法规禁止公开的政府信息，以及公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息，不予公开。',
  15: '第十五条 涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，行政机关不得公开。但是，第三方同意公开或者行政机关认为不公开会对公共利益造成重大影响的，予以公开。',
  16: '第十六条 行政机关的内部事务信息，包括人事管理、后勤管理、内部工作流程等方面的信息，可以不予公开。行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息以及行政执法案卷信息，可以不予公开。法律、法规、规章规定上述信息应当公开的，从其规定。',
  20: '第二十条 行政机关应当依照本条例第十九条的规定，主动公开本行政机关的下列政府信息：（一）行政法规、规章和规范性文件；……（五）办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果；（六）实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定；……（八）行政事业性收费项目及其依据、标准；……',
  30: '第三十条 政府信息公开申请内容不明确的，行政机关应当给予指导和释明，并自收到申请之日起7个工作日内一次性告知申请人作出补正，说明需要补正的事项和合理的补正期限。答复期限自行政机关收到补正的申请之日起计算。申请人无正当理由逾期不补正的，视为放弃申请，行政机关不再处理该政府信息公开申请。',
  33: '第三十三条 行政机关收到政府信息公开申请，能够当场答复的，应当当场予以答复。行政机关不能当场答复的，应当自收到申请之日起20个工作日内予以答复；需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日。行政机关征求第三方和其他机关意见所需时间不计算在前款规定的期限内。',
  35: '第三十五条 申请人申请公开政府信息的数量、频次明显超过合理范围，行政机关可以要求申请人说明理由。行政机关认为申请理由不合理的，告知申请人不予处理；行政机关认为申请理由合理，但是无法在本条例第三十三条规定的期限内答复申请人的，可以确定延迟答复的合理期限并告知申请人。',
  36: '第三十六条 对政府信息公开申请，行政机关根据下列情况分别作出答复：（一）所申请公开信息已经主动公开的，告知申请人获取该政府信息的方式、途径；（二）所申请公开信息可以公开的，向申请人提供该政府信息，或者告知申请人获取该政府信息的方式、途径和时间；（三）行政机关依据本条例的规定决定不予公开的，告知申请人不予公开并说明理由；（四）经检索没有所申请公开信息的，告知申请人该政府信息不存在；（五）所申请公开信息不属于本行政机关负责公开的，告知申请人并说明理由；能够确定负责公开该政府信息的行政机关的，告知申请人该行政机关的名称、联系方式；（六）行政机关已就申请人提出的政府信息公开申请作出答复、申请人重复申请公开相同政府信息的，告知申请人不予重复处理；（七）所申请公开信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定的，告知申请人依照有关法律、行政法规的规定办理。',
  37: '第三十七条 申请公开的信息中含有不应当公开或者不属于政府信息的内容，但是能够作区分处理的，行政机关应当向申请人提供可以公开的政府信息内容，并对不予公开的内容说明理由。',
  38: '第三十八条 行政机关向申请人提供的信息，应当是已制作或者获取的政府信息。除依照本条例第三十七条的规定能够作区分处理的外，需要行政机关对现有政府信息进行加工、分析的，行政机关可以不予提供。',
  39: '第三十九条 申请人以政府信息公开申请的形式进行信访、投诉、举报等活动，行政机关应当告知申请人不作为政府信息公开申请处理并可以告知通过相应渠道提出。申请人提出的申请内容为要求行政机关提供政府公报、报刊、书籍等公开出版物的，行政机关可以告知获取的途径。',
  42: '第四十二条 行政机关依申请提供政府信息，不收取费用。但是，申请人申请公开政府信息的数量、频次明显超过合理范围的，行政机关可以收取信息处理费。行政机关收取信息处理费的具体办法由国务院价格主管部门会同国务院财政部门、全国政府信息公开工作主管部门制定。',
  46: '第四十六条 各级人民政府应当建立健全政府信息公开工作考核制度、社会评议制度和责任追究制度，定期对政府信息公开工作进行考核、评议。',
  50: '第五十条 政府信息公开工作年度报告应当包括下列内容：（一）行政机关主动公开政府信息的情况；（二）行政机关收到和处理政府信息公开申请的情况；（三）因政府信息公开工作被申请行政复议、提起行政诉讼的情况；（四）政府信息公开工作存在的主要问题及改进情况，各级人民政府的政府信息公开工作年度报告还应当包括工作考核、社会评议和责任追究结果情况；（五）其他需要报告的事项。',
  51: '第五十一条 公民、法人或者其他组织认为行政机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。',
};
