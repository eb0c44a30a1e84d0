// The report model: what the parser reads out of a draft. Every element carries the exact
// span of the text it came from, as UTF-16 offsets into the document text (end exclusive).

export interface Span {
  start: number;
  end: number;
}

export type TableId = 'table2' | 'table3' | 'table4';
export const TABLE_IDS: readonly TableId[] = ['table2', 'table3', 'table4'];

export type CellValue =
  | { kind: 'number'; value: number }
  /** Empty field, or a dash ("—", "-") written for none. */
  | { kind: 'blank' }
  | { kind: 'nan' };

export interface Cell {
  table: TableId;
  rowId: string;
  columnId: string;
  value: CellValue;
  /** The text as written (empty for an empty field). */
  raw: string;
  /** Span of the raw text; for an empty field, a zero-length span where the value belongs. */
  span: Span;
}

export interface Row {
  table: TableId;
  rowId: string;
  /** Span of the label as written (may cover several lines in PDF text). */
  labelSpan: Span;
  /** The label as written, whitespace and line breaks removed. */
  labelText: string;
  canonicalLabel: string;
  /** Cells in schema column order; a column with no value in the text is absent here. */
  cells: Cell[];
  /** Values beyond the schema's columns. */
  extraCells: Cell[];
}

export interface Table {
  id: TableId;
  /** From the first row label (or header) to the last cell. */
  span: Span;
  rows: Row[];
  /** Schema row ids that carry numbers but were not found. */
  missingRows: string[];
  /**
   * Table 三 only: （六）其他处理 written as one row with figures (the 2019 trial layout) instead of its three
   * sub-rows 1–3. The row is then in `rows` with rowId 'r6' and takes their place in the arithmetic.
   */
  sixSingle: boolean;
}

export type SectionNumber = 1 | 2 | 3 | 4 | 5 | 6;

export interface SubHeading {
  /** The marker, e.g. "（一）". */
  marker: string;
  text: string;
  span: Span;
}

export interface Section {
  number: SectionNumber;
  /** The heading text as written, without Markdown '#'. */
  headingText: string;
  headingSpan: Span;
  /** From the end of the heading line to the next section heading (or the end of the text). */
  bodySpan: Span;
  subHeadings: SubHeading[];
}

export interface SectionIssue {
  /** heading: a line read as the section's heading without its numeral or in other words (`其他需要报告的事项`, `## 存在的问题`). */
  kind: 'missing' | 'duplicate' | 'order' | 'heading';
  number: SectionNumber;
  /** The heading concerned; for 'missing', the place where the section belongs. */
  span: Span;
}

export interface Title {
  body: string | null;
  bodySpan: Span | null;
  year: number | null;
  yearSpan: Span | null;
  span: Span;
}

export type CountUnit = '件' | '项' | '条' | '个' | '篇' | '%' | '万元' | '元';

export interface NarrativeNumber {
  value: number;
  raw: string;
  unit: CountUnit | null;
  /** "万余", "余" or "多" after the number: an approximation that must not be checked. */
  approximate: boolean;
  /** Digits after the decimal point as written (precision of a percentage). */
  decimals: number;
  /** The number with its unit. */
  span: Span;
  /** The digits alone. */
  valueSpan: Span;
}

export type ClaimKind =
  /** 共收到 … 申请 N: either 一 or 一 + 二. */
  | 'received'
  /** 新收 … N: 一. */
  | 'new'
  /** 上年结转 N: 二. */
  | 'carried-over'
  /** 办结 / 答复 N: （七）总计. */
  | 'handled'
  /** 结转下年度 N / 另有 N 件顺延到下年度: 四. */
  | 'carried-forward'
  /** 予以公开 N: 三（一）. */
  | 'disclosed'
  /** 部分公开 N: 三（二）. */
  | 'partly-disclosed'
  /** 不予公开 N: 三（三） 1–8 together. */
  | 'refused'
  /** 无法提供 N: 三（四） 1–3 together. */
  | 'unavailable'
  /** 不予处理 N: 三（五） 1–5 together. */
  | 'not-processed'
  /** 其他处理 N: 三（六） 1–3 together (or the single （六） row of the 2019 layout). */
  | 'other-processed'
  /** 行政复议 N: table 四 复议 总计. */
  | 'review'
  /** 行政诉讼 N: both litigation groups. */
  | 'litigation'
  /** 行政复议、行政诉讼 N: lumps both kinds. */
  | 'review-and-litigation'
  /** 自然人申请 N: column 自然人. */
  | 'natural-person'
  /** 法人或其他组织申请 N: the five organisation columns. */
  | 'legal-person'
  /** 未收到…申请: 一 = 0. */
  | 'none-received'
  /** 未收到…行政复议、行政诉讼: table 四 all zero. */
  | 'no-review-litigation'
  /** 未发生行政复议被纠错、行政诉讼败诉: table 四 结果纠正 zero in the groups named (not "no case"). */
  | 'no-corrected'
  /** X 率 P% or N 件（占 P%）: numerator / denominator; without a denominator, the share of a table-三 total. */
  | 'percent'
  /** 未收取…处理费. */
  | 'fee-none'
  /** 收取…处理费 N 元. */
  | 'fee-amount';

export interface Claim {
  kind: ClaimKind;
  /** The number claimed; absent for statements such as 'none-received'. */
  number?: NarrativeNumber;
  /** For 'percent': the parts. */
  numerator?: NarrativeNumber;
  denominator?: NarrativeNumber;
  /** The words that make the claim (the clause), for messages. */
  phrase: string;
  /** The number's span, or the phrase's span for statements. */
  span: Span;
}

export type YearRefKind = 'as-of' | 'self';

export interface YearRef {
  year: number;
  kind: YearRefKind;
  span: Span;
}

/** A 2019 trial-format row or column label found in the draft. */
export interface OutdatedLabel {
  label: string;
  span: Span;
}

export interface Unreadable {
  span: Span;
  /**
   * table-without-rows: a table region with figures but no recognisable row.
   * numbers-without-label: figures inside a read table that belong to no row.
   * table-uncertain: a table whose figures cannot be placed with certainty (e.g. the extractor scrambled
   * rows and columns); it is then left out of the model (`tables[id]` absent) and of every check.
   */
  reason: 'table-without-rows' | 'numbers-without-label' | 'table-uncertain';
  /** The table concerned, where known. */
  table?: TableId;
  /** For table-uncertain: how many of the table's numeric rows were recognised, and how many the format has. */
  rowsRecognised?: number;
  rowsExpected?: number;
}

/** Which national format the report's tables follow: 2021 (国办公开办函〔2021〕30号) or the 2019 trial format. */
export type ReportFormat = '2021' | '2019';

/** A comment in the draft that turns rules off. */
export interface Suppression {
  scope: 'next-line' | 'file';
  /** Rule codes; empty means every rule. */
  codes: string[];
  /** The line whose findings are suppressed (for 'next-line'). */
  line: number;
  span: Span;
}

export interface ReportModel {
  text: string;
  /** Offsets at which each line starts. */
  lineStarts: number[];
  /** Whether the text is recognisably an annual report (title pattern or the balance note). */
  isReport: boolean;
  title: Title | null;
  sections: Section[];
  sectionIssues: SectionIssue[];
  tables: Partial<Record<TableId, Table>>;
  /** The format the tables follow, as recognised from their rows and columns. */
  format: ReportFormat;
  /** The table-三 balance note (本列数据的勾稽关系为…). */
  balanceNote: Span | null;
  narrativeNumbers: NarrativeNumber[];
  claims: Claim[];
  years: YearRef[];
  outdated: OutdatedLabel[];
  unreadable: Unreadable[];
  suppressions: Suppression[];
}
