// The rules, once: one record per rule with its code, family, default severity, and what it checks in both
// languages. RULES (checks/rules.ts) is derived from it, and `npm run generate` (scripts/generate-metadata.mjs)
// writes package.json's `disclosureReport.rules.<code>` settings, their descriptions in package.nls*.json and the
// README's rule table from it. Nothing else lists the codes. No imports: the generator bundles this file alone.

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type RuleLevel = Severity | 'off';

/** Every level a rule can be set to, strongest first (settings, --rule, .nianbao.json, package.json's enum). */
export const RULE_LEVELS: readonly RuleLevel[] = ['error', 'warning', 'information', 'hint', 'off'];

/** The first part of a code (`table3.row-total` → `table3`). */
export type RuleFamily = 'table3' | 'table4' | 'table' | 'narrative' | 'structure' | 'year' | 'encoding' | 'crossyear';

export interface RuleSpec {
  code: `${RuleFamily}.${string}`;
  family: RuleFamily;
  /** The default severity; a finding may be stronger where it is unambiguous (see severityNote). */
  severity: Severity;
  /** Said after the default in the README (`warning (error when unambiguous)`). */
  severityNote?: string;
  /** One line each: the setting's description (package.nls.zh-cn.json, package.nls.json). */
  description: { zh: string; en: string };
  /** One line: the README table's "what" (English, with the format's own Chinese terms). */
  summary: string;
}

/** The README section that lists the rules; each row carries the anchor `rule-<code>`. */
export const RULES_DOCS_SECTION = 'README.md#what-it-checks';

/** The rule's anchor in the README (an `<a id>` in its row of the rule table). */
export function ruleAnchor(code: string): string {
  return `rule-${code}`;
}

/** Where a rule is documented, relative to the repository root. */
export function ruleDocs(code: string): string {
  return `README.md#${ruleAnchor(code)}`;
}

export const RULE_REGISTRY = [
  {
    code: 'table3.row-total',
    family: 'table3',
    severity: 'error',
    description: {
      zh: '表三某一行的“总计”不等于自然人与法人或其他组织各类之和。',
      en: "Table 3: a row's total does not equal the sum of the natural-person and organisation columns.",
    },
    summary: "a row's 总计 ≠ the sum of its six applicant columns",
  },
  {
    code: 'table3.result-total',
    family: 'table3',
    severity: 'error',
    description: {
      zh: '表三某一列的“（七）总计”不等于各项办理结果之和。',
      en: 'Table 3: "(7) Total" of a column does not equal the sum of all handling results.',
    },
    summary: "a column's （七）总计 ≠ （一）…（六）",
  },
  {
    code: 'table3.balance',
    family: 'table3',
    severity: 'error',
    description: {
      zh: '表三某一列不符合勾稽关系：第一项加第二项之和，应等于第三项加第四项之和。',
      en: 'Table 3: a column breaks the balance "item 1 + item 2 = item 3 (total) + item 4".',
    },
    summary: '一 + 二 ≠ （七） + 四 in a column (the 勾稽关系 printed in the table)',
  },
  {
    code: 'table3.suspect-cell',
    family: 'table3',
    severity: 'error',
    description: {
      zh: '行合计与列合计同时出错且差额相同，据此定位到的疑似填错的单元格。',
      en: 'Table 3: the cell most likely wrong, where a failing row total and a failing column total with the same difference meet.',
    },
    summary: 'the single cell that explains a row failure and a column failure with the same difference',
  },
  {
    code: 'table4.group-total',
    family: 'table4',
    severity: 'error',
    description: {
      zh: '表四行政复议、行政诉讼各组的“总计”不等于结果维持、结果纠正、其他结果、尚未审结之和。',
      en: "Table 4: a group's total does not equal upheld + corrected + other + pending.",
    },
    summary: '总计 ≠ 维持 + 纠正 + 其他 + 尚未审结 in a group of table 四',
  },
  {
    code: 'table.not-a-number',
    family: 'table',
    severity: 'error',
    description: { zh: '应填数字的单元格中不是数字。', en: 'A cell that must hold a number does not.' },
    summary: 'a cell that must hold a figure holds something else',
  },
  {
    code: 'table.negative',
    family: 'table',
    severity: 'error',
    description: { zh: '表格中出现负数。', en: 'A table cell holds a negative number.' },
    summary: 'a negative figure',
  },
  {
    code: 'table.not-integer',
    family: 'table',
    severity: 'error',
    description: { zh: '件数应为整数，却出现了小数（收费金额除外）。', en: 'A count holds a fraction (fee amounts excepted).' },
    summary: 'a count with a fraction (table 二\'s 收费金额 excepted)',
  },
  {
    code: 'table.missing-row',
    family: 'table',
    severity: 'error',
    description: { zh: '表格缺少格式规定的行。', en: 'A table lacks a row the format requires.' },
    summary: 'a table without one of the format\'s rows',
  },
  {
    code: 'table.missing-cell',
    family: 'table',
    severity: 'error',
    description: { zh: '表格某行的数字少于规定的列数。', en: 'A table row has fewer cells than the format requires.' },
    summary: "a row with fewer figures than the format's columns",
  },
  {
    code: 'table.extra-cells',
    family: 'table',
    severity: 'error',
    description: { zh: '表格某行的数字多于规定的列数。', en: 'A table row has more cells than the format allows.' },
    summary: "a row with more figures than the format's columns",
  },
  {
    code: 'table.blank-cells',
    family: 'table',
    severity: 'information',
    description: {
      zh: '表格中有空格（未填或填“—”），格式要求没有的填 0；每张表提示一次，一键全部填为 0。空格按 0 计算。',
      en: 'A table has blank cells (empty, or a dash) where the format wants 0 for none; reported once per table, with one fix that fills them all with 0. Blank cells count as 0.',
    },
    summary:
      'blank cells (empty, or a dash) where the format wants 0: one finding per table, on the row of the first blank cell, with the count and one fix 将 N 个空格填为 0; blanks count as 0 in the arithmetic',
  },
  {
    code: 'table.unreadable',
    family: 'table',
    // What the checker could not read, not a defect of the report: said once, below the findings that are.
    severity: 'information',
    description: { zh: '无法识别表格结构，未能核对其中的数据。', en: 'A table could not be read, so its figures were not checked.' },
    summary:
      'figures the reader cannot place in a row; or, once per table, a table whose figures cannot be placed with certainty (then no other finding comes from it)',
  },
  {
    code: 'narrative.count-mismatch',
    family: 'narrative',
    severity: 'warning',
    severityNote: 'error when unambiguous',
    description: { zh: '正文中的数字与表格中的数据不一致。', en: 'A figure stated in the text disagrees with the tables.' },
    summary: 'a figure in the prose that contradicts the table it restates',
  },
  {
    code: 'narrative.ambiguous-count',
    family: 'narrative',
    severity: 'warning',
    description: {
      zh: '正文将几类情况合并为一个数字（如“行政复议、行政诉讼案件 5 件”），无法与表格逐项对应。',
      en: 'A figure in the text lumps several categories together (e.g. reviews and lawsuits) and cannot be matched to one table value.',
    },
    summary: 'a claim that lumps 行政复议 and 行政诉讼',
  },
  {
    code: 'narrative.percent',
    family: 'narrative',
    severity: 'warning',
    description: { zh: '正文中的百分比与其分子、分母算出的结果不符。', en: 'A percentage in the text does not match its parts.' },
    summary: 'a stated rate that does not match its parts at the precision written',
  },
  {
    code: 'narrative.fee',
    family: 'narrative',
    severity: 'warning',
    description: { zh: '关于信息处理费的表述前后矛盾。', en: 'Statements about information processing fees contradict each other.' },
    summary: '未收取信息处理费 contradicted elsewhere',
  },
  {
    code: 'structure.missing-section',
    family: 'structure',
    severity: 'warning',
    description: { zh: '缺少格式规定的六个部分之一。', en: 'One of the six required sections is missing.' },
    summary: 'one of the six sections missing',
  },
  {
    code: 'structure.section-order',
    family: 'structure',
    severity: 'warning',
    description: { zh: '各部分的顺序与格式规定不一致。', en: 'Sections are not in the order the format prescribes.' },
    summary: 'the six sections out of order (or misnumbered)',
  },
  {
    code: 'structure.duplicate-section',
    family: 'structure',
    severity: 'warning',
    description: { zh: '同一部分出现了不止一次。', en: 'A section appears more than once.' },
    summary: 'one of the six sections written twice',
  },
  {
    code: 'structure.section-heading',
    family: 'structure',
    severity: 'warning',
    description: {
      zh: '某一部分的标题缺少序号或写法与格式不同（如单独一行“其他需要报告的事项”），已按该部分识别。',
      en: "A section's heading lacks its numeral or is worded differently (such as 其他需要报告的事项 alone on a line); it is read as that section.",
    },
    summary: 'a line read as a section\'s heading without its numeral or in other words (`其他需要报告的事项`, `## 存在的问题`), where that section has no proper heading; fix: the format\'s heading',
  },
  {
    code: 'structure.row-label',
    family: 'structure',
    severity: 'warning',
    description: { zh: '表格行名与格式规定的表述不一致。', en: 'A table row label differs from the exact wording of the format.' },
    summary: 'a row label that differs from the format',
  },
  {
    code: 'structure.outdated-format',
    family: 'structure',
    severity: 'warning',
    description: { zh: '使用了已废止的 2019 年试行格式（国办公开办函〔2019〕60号）。', en: 'The report uses the superseded 2019 trial format.' },
    summary: '2019 trial-format rows or columns in a 2021+ report',
  },
  {
    code: 'structure.government-duties',
    family: 'structure',
    severity: 'warning',
    description: {
      zh: '人民政府的年度报告未写明工作考核、社会评议和责任追究结果（条例第五十条、第四十六条）。',
      en: "A people's government report omits the results of appraisal, public evaluation and accountability (Regulation art. 50, 46).",
    },
    summary: 'a 人民政府 report silent on 考核、评议、责任追究',
  },
  {
    code: 'year.mismatch',
    family: 'year',
    severity: 'warning',
    description: { zh: '正文中提到的年度与报告年度不一致，可能是沿用往年文字。', en: 'A year in the text differs from the report year, likely a copy-paste slip.' },
    summary: 'a self-reference to another year (截至 2023 年 12 月 31 日 in a 2024 report)',
  },
  {
    code: 'encoding.mojibake',
    family: 'encoding',
    severity: 'information',
    description: {
      zh: '报告似乎以错误的编码打开（GBK 字节被当作 UTF-8 或 Latin-1 读取），请用“通过编码重新打开”选择 GBK/GB18030。',
      en: 'A report opened with the wrong encoding (GBK bytes read as UTF-8 or Latin-1); reopen it with GBK/GB18030.',
    },
    summary: 'a report opened in the editor with the wrong encoding (GBK read as UTF-8 or Latin-1): reopen it with GBK/GB18030',
  },
  {
    code: 'crossyear.carry-over',
    family: 'crossyear',
    severity: 'error',
    description: { zh: '本年“二、上年结转”与上年报告的“四、结转下年度继续办理”不符（按列）。', en: "This year's 二、上年结转 differs from last year's 四、结转下年度继续办理 (per column)." },
    summary: "二、上年结转 ≠ last year's 四、结转下年度继续办理 in a column (last year's report of the same body in the workspace)",
  },
  {
    code: 'crossyear.in-force',
    family: 'crossyear',
    severity: 'warning',
    description: { zh: '规章或行政规范性文件的现行有效件数不等于上年现行有效 + 本年制发 − 本年废止。', en: "现行有效 of 规章 / 行政规范性文件 ≠ last year's 现行有效 + 本年制发 − 本年废止." },
    summary: "现行有效 of 规章 / 行政规范性文件 ≠ last year's 现行有效 + 本年制发 − 本年废止",
  },
  {
    code: 'crossyear.copied-text',
    family: 'crossyear',
    severity: 'hint',
    description: { zh: '与上年报告相同的长段文字（格式要求不得内容雷同）。', en: "A long passage identical to last year's report (the format forbids copied reports)." },
    summary: "a passage of 60 characters or more identical to last year's report (内容雷同)",
  },
  {
    code: 'crossyear.duplicate-report',
    family: 'crossyear',
    severity: 'warning',
    description: { zh: '工作区中另有文件是同一机关同一年度的报告，且数字不同。', en: 'Another file in the workspace is the report of the same body and year, with other figures.' },
    summary: 'two files of the workspace claim the same body and year with different figures',
  },
] as const satisfies readonly RuleSpec[];

export type RuleCode = (typeof RULE_REGISTRY)[number]['code'];

/** Code → default severity, in the registry's order. */
export const RULES = Object.fromEntries(RULE_REGISTRY.map((r) => [r.code, r.severity])) as { readonly [R in (typeof RULE_REGISTRY)[number] as R['code']]: R['severity'] };
