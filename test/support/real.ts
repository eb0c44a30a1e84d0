// The real published reports in ../shared/real (never copied into the project): their extraction texts, the
// figures read by eye (truth.json), and the comparison of a reading with them. Pure data in, data out, so that
// the acceptance test (over the model) and scripts/corpus-report.mjs (over the CLI's JSON) judge alike.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Extracted, ExtractedTable } from '../../server/src/core/extract';
import { TABLE_IDS, type TableId } from '../../server/src/core/model';
import { TABLES } from '../../server/src/core/schema';

export { TABLE_IDS };
const TABLE_NAMES: Record<TableId, string> = { table2: '表二', table3: '表三', table4: '表四' };

/** [first, last] 1-based lines, a single line, or null for the report as a whole. */
type TruthLines = number | [number, number];

export interface TruthDefect {
  kind: string;
  alsoAccept?: string[];
  where: string;
  what: string;
  lines: Record<string, TruthLines> | null;
  minor?: boolean;
}

type Table2Counts = { 本年制发件数: number | null; 本年废止件数: number | null; 现行有效件数: number | null };

export interface Truth {
  body: string;
  year: number;
  format: '2021' | '2019';
  sixSingle: boolean;
  table2: {
    规章: Table2Counts;
    行政规范性文件: Table2Counts;
    行政许可: number | null;
    行政处罚: number | null;
    行政强制: number | null;
    行政事业性收费: number | null;
  };
  table3: { columns: string[]; rows: { id: string; label: string; cells: (number | null)[] }[] };
  table4: { columns: string[]; review: (number | null)[]; direct: (number | null)[]; after: (number | null)[] };
  defects: TruthDefect[];
}

export interface CorpusFile {
  folder: string;
  /** The extraction text's file name, e.g. pdftotext-layout.txt; the key of a defect's `lines`. */
  file: string;
  /** folder/file: the key of the test's allow-list. */
  key: string;
  path: string;
  truth: Truth;
}

/** Every extraction text (*.txt) of every folder that has a truth.json, in name order. */
export function corpusFiles(realDir: string): CorpusFile[] {
  const result: CorpusFile[] = [];
  for (const folder of readdirSync(realDir).sort()) {
    const dir = join(realDir, folder);
    if (!statSync(dir).isDirectory()) continue;
    const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Truth;
    for (const file of readdirSync(dir).sort()) {
      if (file.endsWith('.txt')) result.push({ folder, file, key: `${folder}/${file}`, path: join(dir, file), truth });
    }
  }
  return result;
}

/** The truth's tables in the shape extractTables gives (labels are not compared, only ids and cells). */
export function truthTables(truth: Truth): Record<TableId, ExtractedTable> {
  const t2 = truth.table2;
  const counts = (c: Table2Counts) => [c.本年制发件数, c.本年废止件数, c.现行有效件数];
  const rows2: [string, (number | null)[]][] = [
    ['rules', counts(t2.规章)],
    ['normative', counts(t2.行政规范性文件)],
    ['licensing', [t2.行政许可]],
    ['penalty', [t2.行政处罚]],
    ['compulsion', [t2.行政强制]],
    ['fees', [t2.行政事业性收费]],
  ];
  const label = (table: TableId, id: string) => TABLES[table].rows.find((r) => r.id === id)?.label ?? id;
  return {
    table2: { columns: TABLES.table2.columns.map((c) => c.label), rows: rows2.map(([id, cells]) => ({ id, label: label('table2', id), cells })) },
    table3: { sixSingle: truth.sixSingle, columns: truth.table3.columns, rows: truth.table3.rows.map((r) => ({ id: r.id, label: r.label, cells: r.cells })) },
    table4: {
      columns: truth.table4.columns,
      rows: (['review', 'direct', 'after'] as const).map((id) => ({ id, label: label('table4', id), cells: truth.table4[id] })),
    },
  };
}

/** A column's name for messages: c1… as in the CSV, and the format's label. */
function columnName(table: TableId, rowId: string, index: number): string {
  const spec = TABLES[table].rows.find((r) => r.id === rowId);
  // Row 'r6' (（六）其他处理 as one row) is a group row in the schema; it has table 三's columns.
  const columnId = spec && spec.columns.length > 0 ? spec.columns[index] : TABLES[table].columns[index]?.id;
  const label = TABLES[table].columns.find((c) => c.id === columnId)?.label ?? '?';
  return `c${index + 1} ${label}`;
}

const show = (v: number | null | undefined) => (v === undefined ? '(none)' : v === null ? 'null' : String(v));

export interface TablesComparison {
  /** Per table: cells equal to the truth, and the truth's cell count. */
  exact: Record<TableId, [number, number]>;
  /** One line per difference, in table and row order. */
  problems: string[];
}

/**
 * Tables 二, 三, 四, sixSingle and format against the truth. A table on `allowedUnreadable` must be absent (null):
 * its cells then count as not exact but are no problem.
 */
export function compareTables(truth: Truth, got: Extracted, allowedUnreadable: TableId[]): TablesComparison {
  const expected = truthTables(truth);
  const exact = {} as Record<TableId, [number, number]>;
  const problems: string[] = [];
  if (got.format !== truth.format) problems.push(`format: expected ${truth.format}, got ${got.format}`);
  for (const id of TABLE_IDS) {
    const want = expected[id];
    const have = got.tables[id];
    const total = want.rows.reduce((n, r) => n + r.cells.length, 0);
    if (allowedUnreadable.includes(id)) {
      exact[id] = [0, total];
      if (have) problems.push(`${id} ${TABLE_NAMES[id]}: on UNREADABLE_TABLES but read; take it off the list if it reads right`);
      continue;
    }
    if (!have) {
      exact[id] = [0, total];
      problems.push(`${id} ${TABLE_NAMES[id]}: not read (null), expected ${want.rows.length} rows, ${total} cells`);
      continue;
    }
    if (id === 'table3' && have.sixSingle !== truth.sixSingle) problems.push(`table3 sixSingle: expected ${truth.sixSingle}, got ${String(have.sixSingle)}`);
    let equal = 0;
    const haveIds = new Set(have.rows.map((r) => r.id));
    const wantIds = new Set(want.rows.map((r) => r.id));
    const missing = want.rows.filter((r) => !haveIds.has(r.id)).map((r) => r.id);
    const extra = have.rows.filter((r) => !wantIds.has(r.id)).map((r) => `${r.id} [${r.cells.map(show).join(' ')}]`);
    if (missing.length > 0) problems.push(`${id}: missing rows ${missing.join(', ')}`);
    if (extra.length > 0) problems.push(`${id}: extra rows ${extra.join(', ')}`);
    for (const row of want.rows) {
      const mine = have.rows.find((r) => r.id === row.id);
      if (!mine) continue;
      const width = Math.max(row.cells.length, mine.cells.length);
      const diffs: string[] = [];
      for (let i = 0; i < width; i++) {
        const w = row.cells[i];
        const h = mine.cells[i];
        if (w === h) {
          if (i < row.cells.length) equal++;
        } else {
          diffs.push(`${columnName(id, row.id, i)}: expected ${show(w)}, got ${show(h)}`);
        }
      }
      // One line per row, so a shifted row reads as one problem with all its cells.
      if (diffs.length > 0) problems.push(`${id} ${row.id} ${row.label}: ${diffs.join('; ')}`);
    }
    exact[id] = [equal, total];
  }
  return { exact, problems };
}

/** A finding as both the model and the CLI's JSON can give it. */
export interface FindingLite {
  code: string;
  severity: string;
  /** 1-based line of the finding's start. */
  line: number;
  message: string;
  /** For table.unreadable: the table it declares unreadable, where known. */
  table?: TableId;
}

export interface FindingsComparison {
  /** Non-minor defects matched, and their number. */
  defects: [number, number];
  falseFindings: FindingLite[];
  problems: string[];
}

/** The defect's lines in this text; null (any line) for the report as a whole, or a text the truth gives no lines for. */
function linesOf(defect: TruthDefect, file: string): [number, number] | null {
  const lines = defect.lines?.[file];
  if (lines === undefined) return null;
  return typeof lines === 'number' ? [lines, lines] : lines;
}

function matches(defect: TruthDefect, file: string, f: FindingLite): boolean {
  if (f.code !== defect.kind && !(defect.alsoAccept ?? []).includes(f.code)) return false;
  const range = linesOf(defect, file);
  return range === null || (f.line >= range[0] && f.line <= range[1]);
}

function describeDefect(defect: TruthDefect, file: string): string {
  const range = linesOf(defect, file);
  const at = range === null ? 'any line' : range[0] === range[1] ? `line ${range[0]}` : `lines ${range[0]}–${range[1]}`;
  const codes = [defect.kind, ...(defect.alsoAccept ?? [])].join(' | ');
  return `${codes} at ${at} (${defect.where}: ${defect.what})`;
}

/**
 * The error and warning findings against the truth's defects: every non-minor defect needs a finding of its own
 * (two defects on one line need two findings), and every finding must fit some defect. For a table on
 * `allowedUnreadable`, exactly one table.unreadable finding about it is required, as information (what the checker
 * could not read is not a defect of the report).
 */
export function compareFindings(truth: Truth, file: string, all: FindingLite[], allowedUnreadable: TableId[]): FindingsComparison {
  const problems: string[] = [];
  for (const id of allowedUnreadable) {
    const about = all.filter((f) => f.code === 'table.unreadable' && f.table === id);
    if (about.length !== 1 || about[0].severity !== 'information') {
      problems.push(`${id} ${TABLE_NAMES[id]}: on UNREADABLE_TABLES, expected exactly one table.unreadable information for it, got ${about.map((f) => f.severity).join(', ') || 'none'}`);
    }
  }
  const candidates = all.filter((f) => f.severity === 'error' || f.severity === 'warning');
  // A defect inside a table that cannot be read cannot be found: the one table.unreadable finding stands for it.
  const inUnreadable = (d: TruthDefect) => allowedUnreadable.some((id) => d.where.startsWith(`table ${TABLE_NUMERALS[id]}`));
  const required = truth.defects.filter((d) => !d.minor && !inUnreadable(d));
  // Each required defect its own finding: a maximum bipartite matching (augmenting paths; the sets are small).
  const owner = new Map<FindingLite, TruthDefect>();
  const assign = (defect: TruthDefect, seen: Set<FindingLite>): boolean => {
    for (const f of candidates) {
      if (seen.has(f) || !matches(defect, file, f)) continue;
      seen.add(f);
      const current = owner.get(f);
      if (current === undefined || assign(current, seen)) {
        owner.set(f, defect);
        return true;
      }
    }
    return false;
  };
  let found = 0;
  for (const defect of required) {
    if (assign(defect, new Set())) found++;
    else problems.push(`unmatched defect: ${describeDefect(defect, file)}`);
  }
  const falseFindings = candidates.filter((f) => !truth.defects.some((d) => matches(d, file, f)));
  for (const f of falseFindings) problems.push(`false finding: ${f.code} line ${f.line}${f.table ? ` (${f.table})` : ''}: ${f.message}`);
  return { defects: [found, required.length], falseFindings, problems };
}

const TABLE_NUMERALS: Record<TableId, string> = { table2: '二', table3: '三', table4: '四' };

/** The assertion message: every problem on its own line under the file's name. */
export function report(key: string, problems: string[]): string {
  return `${key}: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`;
}
