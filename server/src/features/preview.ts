// The report preview (request `nianbao/preview`): tables 二, 三 and 四 in the format's row and column order, every
// cell with its value, the range it was read from and the messages of the findings on it. Built from the cached
// analysis of the document's current version; the client only lays it out (no parsing there).

import type { Range } from 'vscode-languageserver';
import type { Finding, Severity } from '../core/checks/rules';
import { TABLE_IDS, type ReportModel, type Row, type Span, type TableId } from '../core/model';
import { TABLES, TABLE2_GROUPS, type RowSpec } from '../core/schema';
import type { Analysis } from '../core/service';
import { toRange } from './convert';

export const PREVIEW_REQUEST = 'nianbao/preview';

export interface PreviewParams {
  uri: string;
}

export interface PreviewCell {
  columnId: string;
  /** The figure; null for a blank cell, a cell that is not a number, or a cell absent from the draft. */
  value: number | null;
  /** The text as written ('' when blank or absent). */
  raw: string;
  /** Where the cell was read; for an absent cell, the row's label (null when the row is absent too). */
  range: Range | null;
  /** Whether the draft has this cell at all. */
  present: boolean;
  /** The messages of the findings on this cell. */
  messages: string[];
  /** The strongest severity among those findings. */
  severity?: Severity;
}

export interface PreviewRow {
  id: string;
  /** The format's label. */
  label: string;
  /** Group rows (三、本年度办理结果, （三）不予公开 …) carry no figures. */
  numeric: boolean;
  /** The group the row belongs to (table 二: the article-20 item; table 三: the result group). */
  group?: string;
  /** Where the row's label was read (null when the draft lacks the row). */
  range: Range | null;
  /** Findings on the row's label (a missing or mislabelled row). */
  messages: string[];
  cells: PreviewCell[];
}

export interface PreviewTable {
  id: TableId;
  caption: string;
  title: string;
  /** Whether the draft has the table (an absent table is listed with empty rows). */
  present: boolean;
  columns: { id: string; label: string }[];
  /** Table 二: the article-20 items its rows are grouped under. */
  groups?: { id: string; heading: string }[];
  /** Table 三: （六）其他处理 written as one row (the 2019 layout). */
  sixSingle?: boolean;
  rows: PreviewRow[];
}

export interface PreviewResult {
  version?: number;
  tables: PreviewTable[];
}

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'information', 'hint'];

function touches(finding: Span, cell: Span): boolean {
  if (cell.start === cell.end) return finding.start <= cell.start && cell.start <= finding.end;
  if (finding.start === finding.end) return cell.start <= finding.start && finding.start < cell.end;
  return finding.start < cell.end && cell.start < finding.end;
}

function on(findings: readonly Finding[], span: Span): { messages: string[]; severity?: Severity } {
  const hits = findings.filter((f) => touches(f.span, span));
  if (hits.length === 0) return { messages: [] };
  const severity = SEVERITY_ORDER.find((s) => hits.some((f) => f.severity === s));
  return { messages: hits.map((f) => f.message), severity };
}

function previewRow(model: ReportModel, findings: readonly Finding[], spec: RowSpec, row: Row | undefined, numeric = spec.numeric): PreviewRow {
  const labelRange = row ? toRange(model, row.labelSpan) : null;
  const cells = (numeric ? spec.columns : []).map((columnId): PreviewCell => {
    const cell = row?.cells.find((c) => c.columnId === columnId);
    if (!cell) return { columnId, value: null, raw: '', range: labelRange, present: false, messages: [] };
    return {
      columnId,
      value: cell.value.kind === 'number' ? cell.value.value : null,
      raw: cell.raw,
      range: toRange(model, cell.span),
      present: true,
      ...on(findings, cell.span),
    };
  });
  const labelFindings = row ? on(findings, row.labelSpan).messages : [];
  return { id: spec.id, label: spec.label, numeric, ...(spec.group ? { group: spec.group } : {}), range: labelRange, messages: labelFindings, cells };
}

/** The preview of a checked report; no tables for a document the server does not check. */
export function providePreview(analysis: Pick<Analysis, 'version' | 'model' | 'findings'> | null): PreviewResult {
  const model = analysis?.model;
  if (!analysis || !model) return { tables: [] };
  const findings = analysis.findings;
  const tables = TABLE_IDS.map((id): PreviewTable => {
    const spec = TABLES[id];
    const table = model.tables[id];
    const sixSingle = id === 'table3' && !!table?.sixSingle;
    const rows: PreviewRow[] = [];
    for (const rowSpec of spec.rows) {
      // The 2019 layout: （六）其他处理 is one row with figures in place of its sub-rows 1–3.
      if (sixSingle && rowSpec.group === 'r6') continue;
      const row = table?.rows.find((r) => r.rowId === rowSpec.id);
      const numeric = rowSpec.numeric || (sixSingle && rowSpec.id === 'r6');
      const withColumns = numeric && !rowSpec.numeric ? { ...rowSpec, columns: TABLES.table3.rows.find((r) => r.group === 'r6')?.columns ?? [] } : rowSpec;
      rows.push(previewRow(model, findings, withColumns, row, numeric));
    }
    return {
      id,
      caption: spec.caption.zh,
      title: spec.title,
      present: !!table,
      columns: spec.columns.map((c) => ({ id: c.id, label: c.label })),
      ...(id === 'table2' ? { groups: TABLE2_GROUPS.map((g) => ({ id: g.id, heading: g.heading })) } : {}),
      ...(id === 'table3' ? { sixSingle } : {}),
      rows,
    };
  });
  return { version: analysis.version, tables };
}
