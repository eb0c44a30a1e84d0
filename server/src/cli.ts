// Command line: the same checks over files and folders, for reviewers. Exit code 1 when any error is found; 2 on
// bad arguments, or a file that cannot be read or decoded, or an internal error (never mistaken for findings).
// Files are read (text in UTF-8, UTF-16, GBK/GB18030, Big5; Word, PDF and web pages through their readers:
// readers/index.ts), checked and printed one at a time.
//   nianbao [check] [--format text|json] [--locale zh|en] [--exit-zero] <file-or-folder>...
//   nianbao extract [--format json|csv] <file-or-folder>...
//   nianbao convert <file> [-o <draft.nianbao.md>]

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DecodeError, type EncodingName } from './core/decode';
import { extractTables } from './core/extract';
import { localeFrom, type Locale } from './core/i18n';
import type { Finding, Related } from './core/checks/rules';
import type { ReportModel, TableId } from './core/model';
import { parseReport } from './core/parse';
import { ReportService } from './core/service';
import { DiskFiles, pathOfUri, uriOfPath } from './core/workspace';
import { lineOf, positionOf } from './core/text';
import { describePlace, draftPath, readFailure, readSource, sourceKind, type SourcePlace, type SourceText } from './readers';

interface CheckOptions {
  command: 'check';
  format: 'text' | 'json';
  locale: Locale;
  /** Report findings but exit 0 (for demos and pipelines that only collect the output). */
  exitZero: boolean;
  paths: string[];
}

interface ExtractOptions {
  command: 'extract';
  format: 'json' | 'csv';
  paths: string[];
}

interface ConvertOptions {
  command: 'convert';
  file: string;
  /** Where the draft is written; by default `<name>.nianbao.md` beside the source. */
  out: string | null;
}

type Options = CheckOptions | ExtractOptions | ConvertOptions;

const USAGE = [
  '用法 / usage:',
  '  nianbao [check] [--format text|json] [--locale zh|en] [--exit-zero] <文件或文件夹 file-or-folder>...',
  '      检查报告 / check the reports',
  '  nianbao extract [--format json|csv] <文件或文件夹 file-or-folder>...',
  '      导出表二、表三、表四的数字 / print the figures of tables 二, 三, 四',
  '  nianbao convert <文件 file> [-o <草稿 draft.nianbao.md>]',
  '      把 Word / PDF / 网页转为可编辑的草稿 / turn a Word file, PDF or web page into an editable draft',
  '  文件：.txt .md .docx .pdf .html .htm .shtml / files: .txt .md .docx .pdf .html .htm .shtml',
].join('\n');

function parseArgs(argv: string[]): Options | string {
  // The subcommand, when given, comes first; without one the command is check (as before subcommands existed).
  if (argv[0] === 'extract') return parseExtractArgs(argv.slice(1));
  if (argv[0] === 'convert') return parseConvertArgs(argv.slice(1));
  return parseCheckArgs(argv[0] === 'check' ? argv.slice(1) : argv);
}

function parseCheckArgs(argv: string[]): CheckOptions | string {
  const options: CheckOptions = { command: 'check', format: 'text', locale: localeFrom(process.env.LANG), exitZero: false, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--format') {
      const value = argv[++i];
      if (value !== 'text' && value !== 'json') return `--format 只能是 text 或 json / must be text or json`;
      options.format = value;
    } else if (arg === '--locale') {
      options.locale = localeFrom(argv[++i]);
    } else if (arg === '--exit-zero') {
      options.exitZero = true;
    } else if (arg === '--help' || arg === '-h') {
      return USAGE;
    } else if (arg.startsWith('--')) {
      return `未知选项 / unknown option: ${arg}\n${USAGE}`;
    } else {
      options.paths.push(arg);
    }
  }
  return options.paths.length > 0 ? options : USAGE;
}

function parseExtractArgs(argv: string[]): ExtractOptions | string {
  const options: ExtractOptions = { command: 'extract', format: 'json', paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--format') {
      const value = argv[++i];
      if (value !== 'json' && value !== 'csv') return `extract 的 --format 只能是 json 或 csv / must be json or csv`;
      options.format = value;
    } else if (arg === '--help' || arg === '-h') {
      return USAGE;
    } else if (arg.startsWith('--')) {
      return `未知选项 / unknown option: ${arg}\n${USAGE}`;
    } else {
      options.paths.push(arg);
    }
  }
  return options.paths.length > 0 ? options : USAGE;
}

function parseConvertArgs(argv: string[]): ConvertOptions | string {
  let file: string | null = null;
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-o' || arg === '--output') {
      out = argv[++i] ?? null;
      if (out === null) return `${arg} 后应有文件名 / ${arg} needs a file name\n${USAGE}`;
    } else if (arg === '--help' || arg === '-h' || arg.startsWith('-') || file !== null) {
      return arg.startsWith('-') && arg !== '--help' && arg !== '-h' ? `未知选项 / unknown option: ${arg}\n${USAGE}` : USAGE;
    } else {
      file = arg;
    }
  }
  return file === null ? USAGE : { command: 'convert', file, out };
}

/** Files to check: the files named, and every report source (.txt .md .docx .pdf .html …) under the folders named, in name order. */
function collectFiles(path: string): string[] {
  const stat = statSync(path);
  if (!stat.isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => {
      const child = join(path, name);
      if (statSync(child).isDirectory()) return name === 'node_modules' || name.startsWith('.') ? [] : collectFiles(child);
      return sourceKind(name) !== null ? [child] : [];
    });
}

/** Every file under the paths named, or the message naming the path that could not be read (before any output). */
function listAll(paths: string[]): string[] | string {
  const result: string[] = [];
  for (const path of paths) {
    try {
      for (const file of collectFiles(path)) result.push(file);
    } catch (error) {
      return `无法读取 / cannot read: ${path}（${(error as Error).message}）`;
    }
  }
  return result;
}

/** One file read (decoded, or converted by its reader), or the message naming it when it cannot be read. */
async function readOne(file: string): Promise<SourceText | string> {
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

/** Output written as it is made, waiting when the pipe is full: memory stays flat however many files there are. */
class Output {
  private items = 0;
  async write(chunk: string): Promise<void> {
    if (!process.stdout.write(chunk)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  }
  /** One element of a JSON array, formatted as JSON.stringify(array, null, 2) would. */
  async item(value: unknown): Promise<void> {
    const json = JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
    await this.write(`${this.items++ === 0 ? '[\n' : ',\n'}  ${json}`);
  }
  async endArray(): Promise<void> {
    await this.write(this.items === 0 ? '[]\n' : '\n]\n');
  }
}

/** The encoding, named only when it is not plain UTF-8 (the default every tool assumes). */
function notedEncoding(source: SourceText): { encoding?: EncodingName } {
  return source.encoding === undefined || source.encoding === 'UTF-8' ? {} : { encoding: source.encoding };
}

/** Where a finding is, for a converted file: the place in its source (page, table, row), else none. */
function placeOf(source: SourceText, model: ReportModel, offset: number, locale: Locale): string | null {
  return source.places ? describePlace(cellPlace(source, model, offset), locale) : null;
}

/** The source place of a draft line, with the column of a table cell: the draft's pipe rows keep the source's cells. */
function cellPlace(source: SourceText, model: ReportModel, offset: number): SourcePlace | null {
  const line = lineOf(model.lineStarts, offset);
  const place = source.places?.[line] ?? null;
  if (!place?.table) return place;
  const before = model.text.slice(model.lineStarts[line], offset);
  const column = before.split('|').length - 1;
  return column > 0 ? { ...place, column } : place;
}

/** What went wrong inside the checker for one file: never a finding, always exit code 2. */
function internalError(file: string, error: unknown): string {
  return `内部错误 / internal error: ${file}（${error instanceof Error ? (error.stack ?? error.message) : String(error)}）`;
}

/** Related information in another file: that file as named on the command line, and the range there. */
function relatedJson(r: Related, range: (span: { start: number; end: number }) => unknown, files: Map<string, string>) {
  if (r.uri !== undefined && r.range) return { message: r.message, file: files.get(r.uri) ?? pathOfUri(r.uri) ?? r.uri, range: r.range };
  return { message: r.message, range: range(r.span) };
}

function findingJson(f: Finding, model: ReportModel, source: SourceText, files: Map<string, string>) {
  const range = (span: { start: number; end: number }) => ({ start: positionOf(model.lineStarts, span.start), end: positionOf(model.lineStarts, span.end) });
  const place = cellPlace(source, model, f.span.start);
  return {
    ...(place ? { place } : {}),
    code: f.code,
    severity: f.severity,
    message: f.message,
    range: range(f.span),
    text: model.text.slice(f.span.start, f.span.end),
    related: f.related.map((r: Related) => relatedJson(r, range, files)),
  };
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if (typeof options === 'string') {
    console.error(options);
    return 2;
  }
  const files = listAll(options.command === 'convert' ? [options.file] : options.paths);
  if (typeof files === 'string') {
    console.error(files);
    return 2;
  }
  if (options.command === 'convert') return convert(options);
  return options.command === 'extract' ? extract(options, files) : check(options, files);
}

/**
 * The workspace of a check over several files: each report sees the others (last year's report of the same body,
 * another file of the same year). Every file is read once for it, keeping only its facts (a few figures and
 * sentence hashes); the drafts of converted files (Word, PDF, web pages: slow to read, small once read) are kept
 * for the check, plain text is read again, and a file that cannot be read is not tried twice.
 */
async function indexFiles(service: ReportService, files: string[], uris: Map<string, string>): Promise<Map<string, SourceText | string>> {
  const kept = new Map<string, SourceText | string>();
  if (files.length < 2) return kept;
  for (const file of files) {
    const decoded = await readOne(file);
    if (typeof decoded === 'string' || decoded.kind !== 'text') kept.set(file, decoded);
    if (typeof decoded === 'string') continue;
    try {
      service.index.setModel(uris.get(file)!, 'cli', parseReport(decoded.text));
    } catch {
      // The check of the file reports it as an internal error.
    }
  }
  return kept;
}

async function check(options: CheckOptions, files: string[]): Promise<number> {
  const out = new Output();
  let errorsFound = false;
  let failed = false;
  const service = new ReportService(new DiskFiles(), { kinds: new Set(['text', 'docx', 'pdf', 'html']) });
  service.configure({ locale: options.locale });
  const uris = new Map(files.map((file) => [file, uriOfPath(resolve(file))]));
  const names = new Map(files.map((file) => [uris.get(file)!, file]));
  const kept = await indexFiles(service, files, uris);
  for (const file of files) {
    const decoded = kept.get(file) ?? (await readOne(file));
    kept.delete(file);
    if (typeof decoded === 'string') {
      failed = true;
      console.error(decoded);
      if (options.format === 'json') await out.item({ file, error: decoded });
      continue;
    }
    let model: ReportModel;
    let findings: Finding[] | null;
    try {
      model = parseReport(decoded.text);
      findings = model.isReport || /\.nianbao\.(txt|md)$/.test(file) ? service.checkModel(uris.get(file)!, model) : null;
    } catch (error) {
      failed = true;
      const message = internalError(file, error);
      console.error(message);
      if (options.format === 'json') await out.item({ file, error: message });
      continue;
    }
    if (findings?.some((f) => f.severity === 'error')) errorsFound = true;
    const encoding = decoded.encoding === undefined || decoded.encoding === 'UTF-8' ? '' : options.locale === 'zh' ? `（${decoded.encoding}）` : ` (${decoded.encoding})`;
    if (options.format === 'json') {
      await out.item({
        file,
        ...notedEncoding(decoded),
        isReport: findings !== null,
        title: model.title ? { body: model.title.body, year: model.title.year } : null,
        findings: (findings ?? []).map((f) => findingJson(f, model, decoded, names)),
      });
      continue;
    }
    if (findings === null) {
      await out.write(options.locale === 'zh' ? `${file}：不像政府信息公开年度报告，未检查${encoding}\n` : `${file}: not recognisably an annual report, not checked${encoding}\n`);
      continue;
    }
    const lines: string[] = [];
    for (const f of findings) {
      const at = positionOf(model.lineStarts, f.span.start);
      const place = placeOf(decoded, model, f.span.start, options.locale);
      lines.push(`${file}:${place ?? `${at.line + 1}:${at.character + 1}`}: ${f.severity} [${f.code}] ${f.message}`);
    }
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    lines.push(
      options.locale === 'zh'
        ? `${file}：${errors} 个错误，${warnings} 个警告，${findings.length - errors - warnings} 条提示${encoding}`
        : `${file}: ${errors} error(s), ${warnings} warning(s), ${findings.length - errors - warnings} note(s)${encoding}`,
    );
    await out.write(`${lines.join('\n')}\n`);
  }
  if (options.format === 'json') await out.endArray();
  // A file that could not be read, decoded or checked is never a pass, and never looks like "errors found".
  if (failed) return 2;
  return !options.exitZero && errorsFound ? 1 : 0;
}

const TABLE_IDS: TableId[] = ['table2', 'table3', 'table4'];

const CSV_HEADER = ['file', 'body', 'year', 'format', 'table', 'row_id', 'row_label', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'];
/** Widest row of any table (table 三: six applicant columns and the total). */
const CSV_CELLS = 7;

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function extract(options: ExtractOptions, files: string[]): Promise<number> {
  const out = new Output();
  let failed = false;
  // RFC 4180 ends records with CRLF; most readers take either, so lines end as the rest of the output does.
  if (options.format === 'csv') await out.write(`${CSV_HEADER.join(',')}\n`);
  for (const file of files) {
    const decoded = await readOne(file);
    let result: ReturnType<typeof extractTables>;
    try {
      if (typeof decoded === 'string') throw decoded;
      result = extractTables(parseReport(decoded.text));
    } catch (error) {
      failed = true;
      const message = typeof error === 'string' ? error : internalError(file, error);
      console.error(message);
      if (options.format === 'json') await out.item({ file, error: message });
      continue;
    }
    if (options.format === 'json') {
      await out.item({ file, ...notedEncoding(decoded as SourceText), ...result });
      continue;
    }
    const lines: string[] = [];
    for (const id of TABLE_IDS) {
      for (const row of result.tables[id]?.rows ?? []) {
        const cells = Array.from({ length: CSV_CELLS }, (_, i) => row.cells[i] ?? null);
        lines.push(`${[file, result.body, result.year, result.format, id, row.id, row.label, ...cells].map(csvField).join(',')}\n`);
      }
    }
    await out.write(lines.join(''));
  }
  if (options.format === 'json') await out.endArray();
  return failed ? 2 : 0;
}

/** Writes a file's draft (`<name>.nianbao.md` beside it, never over an existing one, unless -o says where) and prints where. */
async function convert(options: ConvertOptions): Promise<number> {
  const source = await readOne(options.file);
  if (typeof source === 'string') {
    console.error(source);
    return 2;
  }
  const out = options.out ?? draftPath(options.file);
  if (resolve(out) === resolve(options.file)) {
    console.error(`草稿不能写在原文件上 / the draft cannot replace its source: ${out}`);
    return 2;
  }
  try {
    writeFileSync(out, source.text);
  } catch (error) {
    console.error(`无法写入 / cannot write: ${out}（${(error as Error).message}）`);
    return 2;
  }
  console.log(out);
  return 0;
}

// Exit code 2, with a message, for anything unexpected: an exception must never read as "errors found" (1).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // A reader that went away (`nianbao … | head`): stop quietly; not every file was checked, so not a pass.
  if (error.code === 'EPIPE') process.exit(2);
  console.error(`内部错误 / internal error: ${error.message}`);
  process.exit(2);
});
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(internalError('nianbao', error));
    process.exitCode = 2;
  },
);
