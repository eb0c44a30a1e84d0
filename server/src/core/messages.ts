// Every user-facing sentence of the checks, fixes, hovers and server notices, once per locale: a catalog keyed by
// message id, each entry a function of typed parameters. `zh` defines the ids and their parameters; every other
// locale is a `Catalog`, so a locale missing an id (or taking other parameters) does not compile, and a Locale
// without a catalog does not either (CATALOGS). The format's own names (schema.ts, `Localized` fields) stay data.

import { numeral, type Locale } from './i18n';
import type { TableId } from './model';

/** A table figure named in a message: what it is, and its value. */
interface Named {
  label: string;
  value: number;
}

const TABLE_NAMES_ZH: Record<TableId, string> = { table2: '表二（主动公开）', table3: '表三（依申请公开）', table4: '表四（复议、诉讼）' };
const TABLE_NAMES_EN: Record<TableId, string> = { table2: 'Table 2 (proactive disclosure)', table3: 'Table 3 (requests)', table4: 'Table 4 (reconsideration, litigation)' };
const SHORT_TABLE_NAMES_ZH: Record<TableId, string> = { table2: '表二', table3: '表三', table4: '表四' };
const SHORT_TABLE_NAMES_EN: Record<TableId, string> = { table2: 'Table 2', table3: 'Table 3', table4: 'Table 4' };

const plural = (n: number): string => (n === 1 ? '' : 's');

/** Which check of table 三's column a suspect cell's column fails: the （七） total or the balance. */
type ColumnCheck = 'total' | 'balance';
const COLUMN_CHECK_ZH: Record<ColumnCheck, string> = { total: '（七）总计', balance: '勾稽关系' };
const COLUMN_CHECK_EN: Record<ColumnCheck, string> = { total: '(7) total', balance: 'balance' };

const zh = {
  // ---- Places, as both locales write them (the format's Chinese names). ----
  /** A cell's row and column. */
  'place': (p: { row: string; column: string }) => `${p.row} / ${p.column}`,
  /** A related cell: its place and what is written in it. */
  'related.cell': (p: { row: string; column: string; raw: string }) => `${p.row} / ${p.column}：${p.raw || '（空）'}`,

  // ---- Cell and row form (checks/cells.ts). ----
  'table.not-a-number': (p: { raw: string; at: string }) => `“${p.raw}”不是数字（${p.at}）；请填写阿拉伯数字，没有的填 0`,
  'table.negative': (p: { at: string; value: number }) => `数值不能为负：${p.at} 为 ${p.value}；请填写实际件数，没有的填 0`,
  'table.not-integer': (p: { at: string; raw: string }) => `件数应为整数：${p.at} 为 ${p.raw}；请填写整数件数`,
  'table.missing-cell': (p: { label: string; expected: number; actual: number; missing: string[] }) =>
    `“${p.label}”行应有 ${p.expected} 个数，实有 ${p.actual} 个；缺少：${p.missing.join('、')}`,
  /** `written`: the extra cells as written ('' for a blank one). */
  'table.extra-cells': (p: { label: string; expected: number; written: string[] }) =>
    `“${p.label}”行多出 ${p.written.length} 个数（格式规定 ${p.expected} 个）：${p.written.map((w) => w || '（空）').join(' ')}；请删除或检查是否错行`,
  'table.blank-cells': (p: { table: TableId; count: number }) => `${SHORT_TABLE_NAMES_ZH[p.table]}有 ${p.count} 个空格，格式要求没有的填 0；空格按 0 计算`,
  'table.blank-cells.row': (p: { label: string; count: number }) => `“${p.label}”行 ${p.count} 个空格`,
  'table.missing-row': (p: { table: TableId; label: string }) => `${TABLE_NAMES_ZH[p.table]}缺少“${p.label}”行；请按格式补上此行，没有的填 0`,
  'table.unreadable.no-label': () => '无法识别这些数字属于哪一行；请检查行标签是否按格式书写',
  /** `rows`: recognised/expected. */
  'table.unreadable.uncertain': (p: { table: TableId; rows: string }) =>
    `${TABLE_NAMES_ZH[p.table]}的数字无法确定各属哪一行哪一列（识别出 ${p.rows} 行），不作核对；文本可能由 PDF 转换时打乱，请对照原件按格式整理表格，或改用“-layout”方式提取`,
  'table.unreadable.no-table': () => '这一部分有数字，但读不出统计表；请按格式的行标签填写表格',

  // ---- Table 三 and 四 arithmetic (checks/table3.ts, checks/table4.ts). ----
  'table3.row-total': (p: { label: string; sum: number; total: number }) =>
    `“${p.label}”行的总计应为 ${p.sum}（六类申请人之和），实为 ${p.total}；请核对各列数值或将总计改为 ${p.sum}`,
  'table3.result-total': (p: { column: string; sum: number; total: number }) =>
    `“${p.column}”列的（七）总计应为 ${p.sum}（（一）至（六）各项之和），实为 ${p.total}；请核对办理结果各项或将总计改为 ${p.sum}`,
  /** `expectedForward`: 一 + 二 − （七）, the carried-forward figure that would balance (negative: none would). */
  'table3.balance': (p: { column: string; received: number; carried: number; left: number; handled: number; forward: number; right: number; expectedForward: number }) =>
    `“${p.column}”列不满足勾稽关系：第一项 ${p.received} 加第二项 ${p.carried} 为 ${p.left}，第三项（七）总计 ${p.handled} 加第四项 ${p.forward} 为 ${p.right}` +
    (p.expectedForward >= 0 ? `；结转下年度应为 ${p.expectedForward}，或核对其他三项` : '；请核对各项数值'),
  'table3.suspect-cell': (p: { row: string; column: string; check: ColumnCheck; difference: number; current: number; corrected: number }) =>
    `此格可能填错：“${p.row}”行的总计与“${p.column}”列的${COLUMN_CHECK_ZH[p.check]}都相差 ${p.difference}；将此格由 ${p.current} 改为 ${p.corrected} 可同时修正两处`,
  'table3.suspect-cell.row-total': (p: { raw: string }) => `本行总计：${p.raw}`,
  'table3.suspect-cell.column-check': (p: { check: ColumnCheck; raw: string }) => `本列${COLUMN_CHECK_ZH[p.check]}：${p.raw}`,
  'table4.group-total': (p: { group: string; sum: number; total: number }) =>
    `“${p.group}”的总计应为 ${p.sum}（结果维持＋结果纠正＋其他结果＋尚未审结），实为 ${p.total}；请核对各项或将总计改为 ${p.sum}`,

  // ---- Figures in the prose (checks/narrative.ts). ----
  /** A table figure a claim may restate; `items`: a result group summed over its numbered sub-rows. */
  'narrative.reading': (p: { name: string; items?: number }) => (p.items === undefined ? p.name : `${p.name}（1–${p.items} 项合计）`),
  /** A cell behind a reading; `part`: the cell's place when the reading sums several cells. */
  'narrative.related': (p: { reading: string; part: string | null; raw: string }) => `${p.reading}${p.part ? `中的“${p.part}”` : ''}：${p.raw}`,
  'narrative.count-mismatch': (p: { phrase: string; table: 'table3' | 'table4'; readings: Named[] }) =>
    `正文“${p.phrase}”与${SHORT_TABLE_NAMES_ZH[p.table]}不符：${p.readings.map((r) => `${r.label}为 ${r.value}`).join('，')}；请核对正文或表格`,
  'narrative.ambiguous-count': (p: { phrase: string; review: number; litigation: number; direct: number | null; after: number | null; both: number; claimed: number; matches: 'review' | 'litigation' }) =>
    `“${p.phrase}”把行政复议和行政诉讼并在一起，含义不明：表四中行政复议 ${p.review} 件，行政诉讼 ${p.litigation} 件（直接起诉 ${p.direct} 件、复议后起诉 ${p.after} 件），合计 ${p.both} 件；${p.claimed} 件只与${p.matches === 'review' ? '行政复议' : '行政诉讼'}相符，请分别写明复议和诉讼的件数`,
  'narrative.none-received': (p: { phrase: string; received: number }) => `正文称“${p.phrase}”，但表三本年新收为 ${p.received} 件；请核对正文或表格`,
  /** "未发生行政复议" and the like against the non-zero figures of table 四. */
  'narrative.table4-statement': (p: { phrase: string; readings: Named[] }) =>
    `正文称“${p.phrase}”，但表四${p.readings.map((r) => `${r.label}为 ${r.value} 件`).join('，')}；请核对正文或表格`,
  /** A share of table 三 with no whole in the sentence: each whole it may be of, with the rate it gives (`expected`). */
  'narrative.share': (p: { phrase: string; numerator: number; shares: (Named & { expected: string })[]; raw: string }) =>
    `正文“${p.phrase}”与表三不符：${p.numerator} 件应为${p.shares.map((s) => `占${s.label} ${s.value} 的 ${s.expected}%`).join('，')}，实写 ${p.raw}；请核对`,
  'narrative.percent': (p: { expected: string; numerator: number; denominator: number; exact: string; raw: string }) =>
    `比率应为 ${p.expected}%（${p.numerator} ÷ ${p.denominator} = ${p.exact}%），实写 ${p.raw}；请核对`,
  'narrative.numerator': (p: { raw: string }) => `分子：${p.raw}`,
  'narrative.denominator': (p: { raw: string }) => `分母：${p.raw}`,
  'narrative.fee': (p: { amount: string; phrase: string }) => `此处写明收取信息处理费 ${p.amount}，与“${p.phrase}”矛盾；请核对`,
  'narrative.fee-lapsed': (p: { lapsed: number }) =>
    `表三有 ${p.lapsed} 件申请因逾期未缴纳信息处理费而不再处理，但第六部分未说明信息处理费的收取情况；请在“六、其他需要报告的事项”中写明`,

  // ---- Sections, labels, format, duties, year (checks/structure.ts). ----
  'structure.missing-section': (p: { number: number; title: string }) => `缺少第${numeral(p.number)}部分“${p.title}”；年度报告格式要求六个部分齐全`,
  'structure.duplicate-section': (p: { number: number; title: string }) => `第${numeral(p.number)}部分“${p.title}”重复出现；请删除或合并重复的部分`,
  'structure.section-order': (p: { number: number; title: string }) => `此部分应为第${numeral(p.number)}部分“${p.title}”，次序或序号不对；请按一至六的顺序排列`,
  'structure.row-label': (p: { expected: string; written: string }) => `行标签与格式不一致：应为“${p.expected}”，实为“${p.written}”`,
  /** A whole report in the 2019 trial format; `sixSingle`: its （六）其他处理 is one row. */
  'structure.trial-format-report': (p: { year: number; sixSingle: boolean }) =>
    `本报告的统计表是2019年试行格式（国办公开办函〔2019〕60号）；${p.year}年度报告应使用2021年格式（国办公开办函〔2021〕30号）：表二改为本年制发/本年废止/现行有效等栏目${p.sixSingle ? '，表三“（六）其他处理”分为三行' : ''}`,
  /** `replacement`: what the 2021 format has instead (schema data, in this locale). */
  'structure.outdated-label': (p: { label: string; year: number; replacement: string }) => `“${p.label}”是2019年试行格式的内容；${p.year}年度报告应使用2021年格式：${p.replacement}`,
  'structure.six-single-row': (p: { year: number; rows: string[] }) =>
    `“（六）其他处理”只有一行，是2019年试行格式；${p.year}年度报告应使用2021年格式，分为 ${p.rows.length} 行：${p.rows.join('；')}`,
  'structure.trial-row-label': (p: { trial: string; label: string }) => `“${p.trial}”是2019年试行格式的行名；2021年格式为“${p.label}”`,
  'structure.government-duties': (p: { missing: string[] }) =>
    `人民政府的年度报告应写明政府信息公开工作考核、社会评议和责任追究结果（条例第五十条第（四）项）；正文未提及：${p.missing.join('、')}`,
  'year.mismatch': (p: { year: number; written: number }) => `报告年度为 ${p.year} 年，此处写作 ${p.written} 年；请核对是否为其他年度报告的遗留文字`,

  // ---- Fix titles (code actions). ----
  'fix.total': (p: { value: number }) => `将总计改为 ${p.value}`,
  'fix.carried-forward': (p: { value: number }) => `将结转下年度改为 ${p.value}（一 + 二 − （七））`,
  'fix.cell': (p: { value: number }) => `将此格改为 ${p.value}`,
  'fix.fill-blanks': (p: { count: number }) => `将 ${p.count} 个空格填为 0`,
  'fix.narrative-figure': (p: { value: number }) => `将正文数字改为 ${p.value}（按表格）`,
  'fix.percent': (p: { value: string }) => `改为 ${p.value}%`,
  'fix.insert-section': (p: { title: string }) => `插入“${p.title}”`,
  'fix.row-label': (p: { label: string }) => `改为“${p.label}”`,
  'fix.split-six': () => '按2021年格式分为三行（原数字记入“3.其他”）',
  'fix.year': (p: { year: number }) => `改为 ${p.year}`,
  /** The fix-all source action and the command 修正全部合计. */
  'fix.all-totals': () => '修正全部合计',

  // ---- Hovers and inlay hints (features/hover.ts, features/inlayHints.ts, features/completion.ts). ----
  'hover.basis': () => '**依据**：《政府信息公开条例》',
  'hover.counting': () => '**统计**：',
  'hover.column': () => '列',
  'hover.row': () => '行',
  'hover.requirement': () => '**格式要求**：',
  'hover.computed': () => '按本文档计算：',
  'hover.not-summable': () => '有单元格缺失或不是数字，无法求和',
  'hover.written-differs': (p: { written: number }) => `，与所填 ${p.written} 不符 ✗`,
  'hover.balance': () => '**勾稽关系**：第一项 + 第二项 = （七）总计 + 第四项',
  'hover.item20': () => '条例该项规定主动公开：',
  /** Under a cell of 二、上年结转: the workspace has no report of the year before. */
  'hover.last-year.none': (p: { year: number }) => `**上年报告**：工作区中未找到 ${p.year} 年的报告`,
  /** Under a cell of 二、上年结转: last year's 四 of the column (null: not given) and a link to it. */
  'hover.last-year.carried': (p: { year: number | null; column: string; value: number | null; link: string }) =>
    `**上年报告**：${p.year} 年“四、结转下年度继续办理”（${p.column}）为 ${p.value === null ? '未填' : String(p.value)} · ${p.link}`,
  'inlay.should-be': (p: { sum: number }) => `应为 ${p.sum}`,
  'inlay.tooltip': () => '按本文档各单元格计算的合计',
  'completion.section': () => '年度报告的部分',

  // ---- Headings that almost are, prose figures, CodeLens, disable actions (checks/structure.ts, features/*). ----
  /** A line read as section `number`'s heading; `heading`: the format's heading (一、总体情况). */
  'structure.section-heading': (p: { number: number; written: string; heading: string }) =>
    `“${p.written}”按第${numeral(p.number)}部分的标题识别，但缺少序号或写法与格式不同；格式为“${p.heading}”`,
  'fix.section-heading': (p: { heading: string }) => `改为“${p.heading}”`,
  /** A table figure a prose figure restates: `name` the cell's row / column (or the reading's name), ✓ when equal. */
  'hover.prose-reading': (p: { table: TableId; name: string; value: number; matches: boolean }) => `${SHORT_TABLE_NAMES_ZH[p.table]}${p.name}：${p.value} ${p.matches ? '✓' : '✗'}`,
  'hover.prose-any': () => '任一相符即可：',
  'lens.balance-ok': () => '勾稽关系 ✓',
  'lens.balance-off': (p: { count: number }) => `勾稽关系 ✗ ${p.count} 列不平`,
  'lens.groups-ok': () => '合计 ✓',
  'lens.groups-off': (p: { count: number }) => `合计 ✗ ${p.count} 组不平`,
  'action.disable-line': (p: { code: string }) => `在此行停用规则 ${p.code}`,
  'action.disable-file': (p: { code: string }) => `在此文件停用规则 ${p.code}`,

  // ---- The server and the import command (server.ts, features/importReport.ts). ----
  'encoding.mojibake': () => '文件似乎不是以正确的编码打开：请用“通过编码重新打开”选择 GBK/GB18030',
  /** `code`: the diagnostic's code (the setting's name). */
  'server.size-limit': (p: { size: number; code: string; limit: number }) => `此文件有 ${p.size} 个字符，超过 ${p.code}（${p.limit}）：输入时不检查，保存时检查全文`,
  'import.not-local': (p: { uri: string }) => `只能导入本机上的文件：${p.uri}`,
  'import.unsupported': (p: { file: string }) => `不支持的文件类型：${p.file}（可导入 .docx .pdf .html .htm .shtml）`,
  'import.failed': (p: { file: string; failure: string }) => `无法导入 ${p.file}：${p.failure}`,

  // ---- Across years (checks/crossYear.ts). ----
  'crossyear.carry-over': (p: { column: string; now: number; year: number | null; file: string; before: number }) =>
    `二、上年结转（${p.column}）为 ${p.now}，而 ${p.year} 年报告（${p.file}）的“四、结转下年度继续办理”为 ${p.before}：两者应相等`,
  'crossyear.carry-over.related': (p: { column: string; year: number | null; before: number }) => `${p.year} 年报告：四、结转下年度继续办理（${p.column}）${p.before}`,
  'fix.carry-over': (p: { year: number | null; before: number }) => `将此格改为 ${p.before}（${p.year} 年报告的结转下年度数）`,
  'crossyear.in-force': (p: { row: string; valid: number; year: number | null; file: string; before: number; issued: number; repealed: number; expected: number }) =>
    `${p.row}现行有效件数为 ${p.valid}，而按 ${p.year} 年报告（${p.file}）应为 ${p.before} + ${p.issued} − ${p.repealed} = ${p.expected}（上年现行有效 + 本年制发 − 本年废止）；如有修订或清理，请在正文说明`,
  'crossyear.in-force.related': (p: { row: string; year: number | null; before: number }) => `${p.year} 年报告：${p.row}现行有效件数 ${p.before}`,
  'crossyear.copied-text': (p: { length: number; year: number | null; file: string }) =>
    `此段（${p.length} 字）与 ${p.year} 年报告（${p.file}）相同：年度报告不得内容雷同，请按本年度情况撰写`,
  'crossyear.copied-text.related': (p: { year: number | null }) => `${p.year} 年报告中的相同段落`,
  /** `files`: the files named (at most a few); `total`: how many there are; `more`: how many are not named. */
  'crossyear.duplicate-report': (p: { body: string; year: number | null; files: string[]; total: number; more: number }) =>
    `工作区中另有文件也是${p.body} ${p.year ?? ''} 年的报告，且数字不同：${p.files.join('、')}${p.more > 0 ? ` 等 ${p.total} 个文件` : ''}；跨年核对无法确定以哪一份为准`,
  'crossyear.duplicate-report.related': (p: { file: string }) => `同一机关同一年度的报告：${p.file}`,
};

/** The ids and their parameters, as the Chinese catalog defines them; every locale provides all of them. */
export type Catalog = typeof zh;
export type MessageId = keyof Catalog;
export type MessageParams<K extends MessageId> = Parameters<Catalog[K]>;

const en: Catalog = {
  'place': (p) => `${p.row} / ${p.column}`,
  'related.cell': (p) => `${p.row} / ${p.column}：${p.raw || '（空）'}`,

  'table.not-a-number': (p) => `“${p.raw}” is not a number (${p.at}); write a figure, 0 for none`,
  'table.negative': (p) => `A count cannot be negative: ${p.at} is ${p.value}; write the actual count, 0 for none`,
  'table.not-integer': (p) => `A count must be a whole number: ${p.at} is ${p.raw}; write a whole number`,
  'table.missing-cell': (p) => `Row “${p.label}” should have ${p.expected} figures but has ${p.actual}; missing: ${p.missing.join(', ')}`,
  'table.extra-cells': (p) =>
    `Row “${p.label}” has ${p.written.length} figure(s) too many (the format has ${p.expected}): ${p.written.map((w) => w || '(blank)').join(' ')}; remove them or check the row`,
  'table.blank-cells': (p) => `${SHORT_TABLE_NAMES_EN[p.table]} has ${p.count} blank cell${plural(p.count)}; the format wants 0 for none; blank cells count as 0`,
  'table.blank-cells.row': (p) => `Row “${p.label}”: ${p.count} blank cell${plural(p.count)}`,
  'table.missing-row': (p) => `${TABLE_NAMES_EN[p.table]} lacks the row “${p.label}”; add it as the format has it, with 0 for none`,
  'table.unreadable.no-label': () => 'These figures belong to no recognisable row; check the row label',
  'table.unreadable.uncertain': (p) =>
    `${TABLE_NAMES_EN[p.table]}: the figures cannot be placed in their rows and columns with certainty (${p.rows} rows recognised), so the table is not checked; the text was probably scrambled in conversion from PDF — lay the table out as in the format, or extract it with a layout-preserving tool`,
  'table.unreadable.no-table': () => "This section has figures but no readable table; use the format's row labels",

  'table3.row-total': (p) =>
    `The total of row “${p.label}” should be ${p.sum} (the sum of the six applicant columns) but is ${p.total}; check the columns or change the total to ${p.sum}`,
  'table3.result-total': (p) =>
    `(7) total of column “${p.column}” should be ${p.sum} (the sum of results (1)–(6)) but is ${p.total}; check the results or change the total to ${p.sum}`,
  'table3.balance': (p) =>
    `Column “${p.column}” does not balance: item 1 (${p.received}) + item 2 (${p.carried}) = ${p.left}, but (7) total (${p.handled}) + item 4 (${p.forward}) = ${p.right}` +
    (p.expectedForward >= 0 ? `; carried forward should be ${p.expectedForward}, or check the other items` : '; check the figures'),
  'table3.suspect-cell': (p) =>
    `This cell is probably wrong: the total of row “${p.row}” and the ${COLUMN_CHECK_EN[p.check]} of column “${p.column}” are both off by ${p.difference}; changing it from ${p.current} to ${p.corrected} fixes both`,
  'table3.suspect-cell.row-total': (p) => `Row total: ${p.raw}`,
  'table3.suspect-cell.column-check': (p) => `Column ${COLUMN_CHECK_EN[p.check]}: ${p.raw}`,
  'table4.group-total': (p) =>
    `The total of “${p.group}” should be ${p.sum} (upheld + corrected + other + pending) but is ${p.total}; check the parts or change the total to ${p.sum}`,

  'narrative.reading': (p) => (p.items === undefined ? p.name : `${p.name} (items 1–${p.items} together)`),
  'narrative.related': (p) => `${p.reading}${p.part ? `, part “${p.part}”` : ''}: ${p.raw}`,
  'narrative.count-mismatch': (p) =>
    `“${p.phrase}” contradicts ${p.table === 'table3' ? 'table 3' : 'table 4'}: ${p.readings.map((r) => `${r.label} is ${r.value}`).join('; ')}; check the text or the table`,
  'narrative.ambiguous-count': (p) =>
    `“${p.phrase}” lumps reconsideration and litigation together: table 4 has ${p.review} reconsideration and ${p.litigation} litigation cases (${p.direct} direct, ${p.after} after reconsideration), ${p.both} in all; ${p.claimed} matches only ${p.matches === 'review' ? 'reconsideration' : 'litigation'}, so state each kind separately`,
  'narrative.none-received': (p) => `The text says “${p.phrase}” but table 3 shows ${p.received} received; check the text or the table`,
  'narrative.table4-statement': (p) => `The text says “${p.phrase}” but table 4 shows ${p.readings.map((r) => `${r.label} ${r.value}`).join(', ')}; check the text or the table`,
  'narrative.share': (p) =>
    `“${p.phrase}” does not match table 3: ${p.numerator} is ${p.shares.map((s) => `${s.expected}% of ${s.label}, ${s.value}`).join('; ')}, but ${p.raw} is written; check it`,
  'narrative.percent': (p) => `The rate should be ${p.expected}% (${p.numerator} ÷ ${p.denominator} = ${p.exact}%) but ${p.raw} is written; check it`,
  'narrative.numerator': (p) => `Numerator: ${p.raw}`,
  'narrative.denominator': (p) => `Denominator: ${p.raw}`,
  'narrative.fee': (p) => `A fee of ${p.amount} is stated here, contradicting “${p.phrase}”; check it`,
  'narrative.fee-lapsed': (p) =>
    `Table 3 shows ${p.lapsed} request(s) lapsed for an unpaid processing fee, but section 6 says nothing about fees; state the fees collected there`,

  'structure.missing-section': (p) => `Section ${p.number} “${p.title}” is missing; the format requires all six sections`,
  'structure.duplicate-section': (p) => `Section ${p.number} “${p.title}” appears twice; remove or merge the duplicate`,
  'structure.section-order': (p) => `This should be section ${p.number} “${p.title}”; its place or number is wrong, keep the order 一 to 六`,
  'structure.row-label': (p) => `The row label differs from the format: it should be “${p.expected}”, not “${p.written}”`,
  'structure.trial-format-report': (p) =>
    `The report's tables follow the 2019 trial format (国办公开办函〔2019〕60号); a ${p.year} report uses the 2021 format (国办公开办函〔2021〕30号): table 2 with the columns issued / repealed / in force and the like${p.sixSingle ? ', and “（六）其他处理” of table 3 in three rows' : ''}`,
  'structure.outdated-label': (p) => `“${p.label}” belongs to the 2019 trial format; a ${p.year} report uses the 2021 format: ${p.replacement}`,
  'structure.six-single-row': (p) =>
    `“（六）其他处理” as a single row is the 2019 trial format; a ${p.year} report uses the 2021 format with ${p.rows.length} sub-rows: ${p.rows.join('; ')}`,
  'structure.trial-row-label': (p) => `“${p.trial}” is the 2019 trial format's row; the 2021 format has “${p.label}”`,
  'structure.government-duties': (p) =>
    `A people's government's report must give the results of appraisal, public evaluation and accountability (Regulation art. 50(4)); not mentioned: ${p.missing.join(', ')}`,
  'year.mismatch': (p) => `The report is for ${p.year} but this says ${p.written}; check for text left over from another year's report`,

  'fix.total': (p) => `Change the total to ${p.value}`,
  'fix.carried-forward': (p) => `Change carried forward to ${p.value} (1 + 2 − (7))`,
  'fix.cell': (p) => `Change this cell to ${p.value}`,
  'fix.fill-blanks': (p) => `Fill the ${p.count} blank cell${plural(p.count)} with 0`,
  'fix.narrative-figure': (p) => `Change the figure to ${p.value} (as in the table)`,
  'fix.percent': (p) => `Change to ${p.value}%`,
  'fix.insert-section': (p) => `Insert “${p.title}”`,
  'fix.row-label': (p) => `Change to “${p.label}”`,
  'fix.split-six': () => "Split into the 2021 format's three rows (the figures go to 3.其他)",
  'fix.year': (p) => `Change to ${p.year}`,
  'fix.all-totals': () => 'Fix all totals',

  'hover.basis': () => '**Basis**: Regulation on the Disclosure of Government Information, ',
  'hover.counting': () => '**Counting**: ',
  'hover.column': () => 'column',
  'hover.row': () => 'row',
  'hover.requirement': () => '**What the format requires**: ',
  'hover.computed': () => 'Computed from this document: ',
  'hover.not-summable': () => 'a part is missing or not a number, so there is no sum',
  'hover.written-differs': (p) => `, but ${p.written} is written ✗`,
  'hover.balance': () => '**Balance**: item 1 + item 2 = (7) total + item 4',
  'hover.item20': () => 'This item of the Regulation requires proactive disclosure of: ',
  'hover.last-year.none': (p) => `**Last year's report**: no ${p.year} report in the workspace`,
  'hover.last-year.carried': (p) => `**Last year's report**: ${p.year} 四、结转下年度继续办理 (${p.column}) ${p.value === null ? 'not given' : String(p.value)} · ${p.link}`,
  'inlay.should-be': (p) => `should be ${p.sum}`,
  'inlay.tooltip': () => 'The total computed from the cells of this document',
  'completion.section': () => 'Section of the annual report',

  'structure.section-heading': (p) => `“${p.written}” is read as the heading of section ${p.number}, but it lacks the numeral or is worded differently; the format has “${p.heading}”`,
  'fix.section-heading': (p) => `Change to “${p.heading}”`,
  'hover.prose-reading': (p) => `${SHORT_TABLE_NAMES_EN[p.table]} ${p.name}: ${p.value} ${p.matches ? '✓' : '✗'}`,
  'hover.prose-any': () => 'Any one matching is enough:',
  'lens.balance-ok': () => 'Balance ✓',
  'lens.balance-off': (p) => `Balance ✗ ${p.count} column${plural(p.count)} off`,
  'lens.groups-ok': () => 'Totals ✓',
  'lens.groups-off': (p) => `Totals ✗ ${p.count} group${plural(p.count)} off`,
  'action.disable-line': (p) => `Disable ${p.code} for this line`,
  'action.disable-file': (p) => `Disable ${p.code} for this file`,

  'encoding.mojibake': () => 'The file seems to be open with the wrong encoding: use “Reopen with Encoding” and choose GBK/GB18030',
  'server.size-limit': (p) => `This file has ${p.size} characters, more than ${p.code} (${p.limit}): it is not checked while typing, only on save`,
  'import.not-local': (p) => `Only files on this machine can be imported: ${p.uri}`,
  'import.unsupported': (p) => `Unsupported file type: ${p.file} (.docx .pdf .html .htm .shtml can be imported)`,
  'import.failed': (p) => `Cannot import ${p.file}: ${p.failure}`,

  'crossyear.carry-over': (p) =>
    `二、上年结转 (${p.column}) is ${p.now}, but the ${p.year} report (${p.file}) carried ${p.before} forward (四、结转下年度继续办理): they should be equal`,
  'crossyear.carry-over.related': (p) => `${p.year} report: 四、结转下年度继续办理 (${p.column}) ${p.before}`,
  'fix.carry-over': (p) => `Change this cell to ${p.before} (carried forward in the ${p.year} report)`,
  'crossyear.in-force': (p) =>
    `${p.row} in force is ${p.valid}, but from the ${p.year} report (${p.file}) it should be ${p.before} + ${p.issued} − ${p.repealed} = ${p.expected} (last year's in force + issued − repealed); explain amendments or clean-ups in the text`,
  'crossyear.in-force.related': (p) => `${p.year} report: ${p.row} in force ${p.before}`,
  'crossyear.copied-text': (p) => `This passage (${p.length} characters) is identical to the ${p.year} report (${p.file}): annual reports must not copy last year's text`,
  'crossyear.copied-text.related': (p) => `The same passage in the ${p.year} report`,
  'crossyear.duplicate-report': (p) =>
    `Another file is also the ${p.year ?? ''} report of ${p.body}, with other figures: ${p.files.join(', ')}${p.more > 0 ? ` and ${p.more} more` : ''}; cross-year checks cannot tell which one stands`,
  'crossyear.duplicate-report.related': (p) => `Report of the same body and year: ${p.file}`,
};

/** One catalog per locale: a Locale added without its catalog does not compile. */
const CATALOGS: Record<Locale, Catalog> = { zh, en };

/** The catalog of a locale: `t(locale)['fix.total']({ value: 5 })`. */
export function t(locale: Locale): Catalog {
  return CATALOGS[locale];
}

/** The text of message `id` in `locale`: `message(locale, 'fix.total', { value: 5 })`. */
export function message<K extends MessageId>(locale: Locale, id: K, ...params: MessageParams<K>): string {
  return (CATALOGS[locale][id] as (...args: MessageParams<K>) => string)(...params);
}
