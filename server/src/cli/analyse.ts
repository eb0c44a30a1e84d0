// What the command line does with one file, in a worker thread or in the main one: read it (any encoding; Word,
// PDF and web pages through their readers), parse it, check it against the reports of the run, and keep what the
// outputs print — as plain data that crosses a thread boundary.

import { readFileSync } from 'node:fs';
import { DecodeError, type EncodingName } from '../core/decode';
import { extractTables, type Extracted } from '../core/extract';
import type { Locale } from '../core/i18n';
import type { Finding, Related, Severity } from '../core/checks/rules';
import type { ReportFacts } from '../core/index/entry';
import { factsOf } from '../core/index/entry';
import type { ReportModel, Span } from '../core/model';
import { parseReport } from '../core/parse';
import { rowSpec } from '../core/schema';
import { ReportService } from '../core/service';
import type { Settings } from '../core/settings';
import { codePointSpan, lineOf, positionOf } from '../core/text';
import { DiskFiles, pathOfUri, uriOfPath } from '../core/workspace';
import { providePreview, type PreviewTable } from '../features/preview';
import { readFailure, readSource, type SourcePlace, type SourceText } from '../readers';

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based, in UTF-16 code units (as LSP and SARIF's utf16CodeUnits). */
  character: number;
}

export interface LineRange {
  start: Position;
  end: Position;
}

export interface RelatedRecord {
  message: string;
  /** Another file (last year's report): as named in the run when it is one of its files. */
  file?: string;
  range: LineRange;
}

/** A finding as every output prints it: positions in lines, the text it is on, its line and sentence. */
export interface FindingRecord {
  /** For a converted file (Word, PDF, web page): where the finding is in the source. */
  place?: SourcePlace;
  code: string;
  severity: Severity;
  message: string;
  range: LineRange;
  /** The text of the range. */
  text: string;
  related: RelatedRecord[];
  /** The whole line the finding starts on (text output shows it under the message). */
  line: string;
  /** The sentence of prose the finding is in, or its table line (the HTML page shows it). */
  sentence: string;
}

/** Figures of the summary line (null when the table or cell was not read). */
export interface KeyFigures {
  received: number | null;
  handled: number | null;
  review: number | null;
  litigation: number | null;
}

/** One file of the run, checked. */
export interface FileReport {
  file: string;
  encoding?: EncodingName;
  /** Why the file could not be read, decoded or checked (exit code 2). */
  error?: string;
  isReport: boolean;
  title: { body: string | null; year: number | null } | null;
  findings: FindingRecord[];
  figures: KeyFigures;
  /** Tables read as plain figures (blank cells as 0): what `sum` adds up. */
  counts?: Extracted;
  /** Tables that could not be read with certainty (table.unreadable). */
  unreadable?: string[];
  /** The tables with wrong cells marked, as the report preview has them (only for the HTML page). */
  tables?: PreviewTable[];
}

export interface CheckTask {
  file: string;
  /** A converted file's draft, kept from the first pass (PDFs are slow to read twice). */
  draft?: SourceText;
  settings: Settings;
  locale: Locale;
  /** tables: for the HTML page; counts: for sum; facts: for the run's index (when it has several files). */
  want: { tables: boolean; counts: boolean; facts: boolean };
  /** The reports of the run the cross-year rules compare this file with (RunIndex.partnersOf); none: checked alone. */
  partners?: IndexedFile[];
}

/** A file checked, and what the run's index keeps of it (with a converted file's draft, so that it is not read twice). */
export interface CheckedFile {
  report: FileReport;
  facts: ReportFacts | null;
  draft?: SourceText;
}

/** A file's facts in the run's index (null: not a report, or not read). */
export interface IndexedFile {
  file: string;
  facts: ReportFacts | null;
}

/** One file read (decoded, or converted by its reader), or the message naming it when it cannot be read. */
export async function readOne(file: string): Promise<SourceText | string> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return `无法读取 / cannot read: ${file}（${(error as Error).message}）`;
  }
  try {
    return await readSource(bytes, file);
  } catch (error) {
    if (error instanceof DecodeError) return `无法解码 / cannot decode: ${file}（${error.message}）`;
    const failure = readFailure(error, 'both');
    if (failure !== null) return `无法读取 / cannot read: ${file}（${failure}）`;
    throw error;
  }
}

/** What went wrong inside the checker for one file: never a finding, always exit code 2. */
export function internalError(file: string, error: unknown): string {
  return `内部错误 / internal error: ${file}（${error instanceof Error ? (error.stack ?? error.message) : String(error)}）`;
}

const ALL_KINDS = new Set(['text', 'docx', 'pdf', 'html'] as const);

/** A service whose index holds the given files (their names kept: related places in other files are said by them). */
function serviceWith(files: readonly IndexedFile[]): { service: ReportService; names: Map<string, string> } {
  const service = new ReportService(new DiskFiles(), { kinds: ALL_KINDS });
  const names = new Map<string, string>();
  for (const { file, facts } of files) {
    const uri = uriOfPath(file);
    names.set(uri, file);
    if (facts) service.index.setFacts(uri, 'cli', facts);
  }
  return { service, names };
}

/** The run's index (main thread): which files the cross-year rules pair with others, and with which. */
export class RunIndex {
  private readonly service: ReportService;
  private readonly names: Map<string, string>;

  constructor(files: readonly IndexedFile[]) {
    ({ service: this.service, names: this.names } = serviceWith(files));
  }

  /** What a file's cross-year rules read (last year's report, conflicting ones of its year), or null when nothing. */
  partnersOf(file: string, facts: ReportFacts): IndexedFile[] | null {
    const entries = this.service.crossYearPartners(uriOfPath(file), facts);
    if (entries.length === 0) return null;
    // Of the reports of its own year the rules read only the title (crossyear.duplicate-report): their sentences,
    // the bulk of the facts, stay here.
    return entries.map(({ uri, stamp: _stamp, rev: _rev, ...entryFacts }) => ({
      file: this.names.get(uri)!,
      facts: entryFacts.year === facts.year ? { ...entryFacts, sentences: new Map() } : entryFacts,
    }));
  }
}

/** The checker of one thread: each file alone, or with the reports its task names as partners. */
export class FileChecker {
  private readonly alone = serviceWith([]);

  /** Reads and checks a file against the index this checker has (none in the first pass). */
  async check(task: CheckTask): Promise<CheckedFile> {
    const { file } = task;
    const empty = { file, isReport: false, title: null, findings: [], figures: NO_FIGURES };
    let encoding = {};
    let draft: SourceText | undefined;
    try {
      const source = task.draft ?? (await readOne(file));
      if (typeof source === 'string') return { report: { ...empty, error: source }, facts: null };
      encoding = source.encoding === undefined || source.encoding === 'UTF-8' ? {} : { encoding: source.encoding };
      draft = task.want.facts && source.kind !== 'text' ? source : undefined;
      const model = parseReport(source.text);
      const facts = task.want.facts && model.isReport ? factsOf(model) : null;
      const title = model.title ? { body: model.title.body, year: model.title.year } : null;
      const checked = task.settings.enable && ((task.settings.autoDetect && model.isReport) || /\.nianbao\.(txt|md)$/i.test(file));
      if (!checked) return { report: { ...empty, ...encoding, title }, facts, draft };
      const { service, names } = task.partners ? serviceWith(task.partners) : this.alone;
      service.configure({ locale: task.locale, settings: task.settings });
      const findings = service.checkModel(uriOfPath(file), model);
      const report: FileReport = {
        file,
        ...encoding,
        isReport: true,
        title,
        findings: findings.map((f) => record(f, model, source, names)),
        figures: keyFigures(model),
        ...(task.want.counts ? { counts: extractTables(model, { blankAsZero: true }) } : {}),
        unreadable: model.unreadable.flatMap((u) => (u.table ? [u.table] : [])),
        ...(task.want.tables ? { tables: providePreview({ version: 0, model, findings }).tables } : {}),
      };
      return { report, facts, draft };
    } catch (error) {
      return { report: { ...empty, ...encoding, error: internalError(file, error) }, facts: null, draft };
    }
  }
}

/** A finding as the outputs print it; related places in other files named as the run names them. */
function record(f: Finding, model: ReportModel, source: SourceText, names: ReadonlyMap<string, string>): FindingRecord {
  const range = (span: Span): LineRange => {
    const whole = codePointSpan(model.text, span);
    return { start: positionOf(model.lineStarts, whole.start), end: positionOf(model.lineStarts, whole.end) };
  };
  const related = (r: Related): RelatedRecord => {
    if (r.uri !== undefined && r.range) return { message: r.message, file: names.get(r.uri) ?? pathOfUri(r.uri) ?? r.uri, range: r.range };
    return { message: r.message, range: range(r.span) };
  };
  const place = placeOf(source, model, f.span.start);
  const lineIndex = lineOf(model.lineStarts, f.span.start);
  return {
    ...(place ? { place } : {}),
    code: f.code,
    severity: f.severity,
    message: f.message,
    range: range(f.span),
    text: model.text.slice(f.span.start, f.span.end),
    related: f.related.map(related),
    line: lineText(model, lineIndex),
    sentence: sentenceAt(model.text, f.span),
  };
}

const NO_FIGURES: KeyFigures = { received: null, handled: null, review: null, litigation: null };

function lineText(model: ReportModel, line: number): string {
  const start = model.lineStarts[line];
  const end = line + 1 < model.lineStarts.length ? model.lineStarts[line + 1] : model.text.length;
  return model.text.slice(start, end).replace(/\r?\n$|\r$/, '');
}

/** The sentence around a span: from the last 。！？ or line break before it to the next one after it. */
function sentenceAt(text: string, span: Span): string {
  const stops = /[。！？!?；;\r\n]/;
  let start = span.start;
  while (start > 0 && !stops.test(text[start - 1])) start--;
  let end = span.end;
  while (end < text.length && !stops.test(text[end])) end++;
  if (end < text.length && /[。！？!?；;]/.test(text[end])) end++;
  return text.slice(start, end).trim();
}

/** The source place of a draft line, with the column of a table cell: the draft's pipe rows keep the source's cells. */
function placeOf(source: SourceText, model: ReportModel, offset: number): SourcePlace | null {
  const line = lineOf(model.lineStarts, offset);
  const place = source.places?.[line] ?? null;
  if (!place?.table) return place;
  const before = model.text.slice(model.lineStarts[line], offset);
  const column = before.split('|').length - 1;
  return column > 0 ? { ...place, column } : place;
}

/** 新收 (表三 一、总计), 办结 (（七）总计 / 总计), 复议 (表四 行政复议 总计), 诉讼 (直接起诉 + 复议后起诉 总计). */
function keyFigures(model: ReportModel): KeyFigures {
  const { tables } = extractTables(model, { blankAsZero: true });
  const at = (table: 'table3' | 'table4', rowId: string, columnId: string): number | null => {
    const column = rowSpec(table, rowId).columns.indexOf(columnId);
    return tables[table]?.rows.find((r) => r.id === rowId)?.cells[column] ?? null;
  };
  const direct = at('table4', 'direct', 'total');
  const after = at('table4', 'after', 'total');
  return {
    received: at('table3', 'new', 'total'),
    handled: at('table3', 'r7', 'total'),
    review: at('table4', 'review', 'total'),
    litigation: direct === null || after === null ? null : direct + after,
  };
}
