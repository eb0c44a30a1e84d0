// Command line: the same checks over files and folders, for reviewers. Exit code 1 when any error is found.
//   nianbao [check] [--format text|json] [--locale zh|en] [--exit-zero] <file-or-folder>...
//   nianbao extract [--format json|csv] <file-or-folder>...

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runChecks } from './core/checks';
import type { Finding } from './core/checks/rules';
import { extractTables } from './core/extract';
import { localeFrom, type Locale } from './core/i18n';
import type { ReportModel, TableId } from './core/model';
import { parseReport } from './core/parse';
import { positionOf } from './core/text';

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

type Options = CheckOptions | ExtractOptions;

const USAGE = [
  '用法 / usage:',
  '  nianbao [check] [--format text|json] [--locale zh|en] [--exit-zero] <文件或文件夹 file-or-folder>...',
  '      检查报告 / check the reports',
  '  nianbao extract [--format json|csv] <文件或文件夹 file-or-folder>...',
  '      导出表二、表三、表四的数字 / print the figures of tables 二, 三, 四',
].join('\n');

function parseArgs(argv: string[]): Options | string {
  // The subcommand, when given, comes first; without one the command is check (as before subcommands existed).
  if (argv[0] === 'extract') return parseExtractArgs(argv.slice(1));
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

/** Files to check: the files named, and every .txt/.md file under the folders named, in name order. */
function collectFiles(path: string): string[] {
  const stat = statSync(path);
  if (!stat.isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => {
      const child = join(path, name);
      if (statSync(child).isDirectory()) return name === 'node_modules' || name.startsWith('.') ? [] : collectFiles(child);
      return /\.(txt|md)$/i.test(name) ? [child] : [];
    });
}

/** Every file's text, or the message naming the path that could not be read. */
function readAll(paths: string[]): { file: string; text: string }[] | string {
  const result: { file: string; text: string }[] = [];
  for (const path of paths) {
    let files: string[];
    try {
      files = collectFiles(path);
    } catch (error) {
      return `无法读取 / cannot read: ${path}（${(error as Error).message}）`;
    }
    for (const file of files) {
      try {
        result.push({ file, text: readFileSync(file, 'utf8') });
      } catch (error) {
        return `无法读取 / cannot read: ${file}（${(error as Error).message}）`;
      }
    }
  }
  return result;
}

function findingJson(f: Finding, model: ReportModel) {
  const range = (span: { start: number; end: number }) => ({ start: positionOf(model.lineStarts, span.start), end: positionOf(model.lineStarts, span.end) });
  return {
    code: f.code,
    severity: f.severity,
    message: f.message,
    range: range(f.span),
    text: model.text.slice(f.span.start, f.span.end),
    related: f.related.map((r) => ({ message: r.message, range: range(r.span) })),
  };
}

function main(): number {
  const options = parseArgs(process.argv.slice(2));
  if (typeof options === 'string') {
    console.error(options);
    return 2;
  }
  const inputs = readAll(options.paths);
  if (typeof inputs === 'string') {
    console.error(inputs);
    return 2;
  }
  return options.command === 'extract' ? extract(options, inputs) : check(options, inputs);
}

function check(options: CheckOptions, inputs: { file: string; text: string }[]): number {
  const results = inputs.map(({ file, text }) => {
    const model = parseReport(text);
    return { file, model, findings: model.isReport || /\.nianbao\.(txt|md)$/.test(file) ? runChecks(model, { locale: options.locale }) : null };
  });
  if (options.format === 'json') {
    const json = results.map(({ file, model, findings }) => ({
      file,
      isReport: findings !== null,
      title: model.title ? { body: model.title.body, year: model.title.year } : null,
      findings: (findings ?? []).map((f) => findingJson(f, model)),
    }));
    console.log(JSON.stringify(json, null, 2));
  } else {
    for (const { file, model, findings } of results) {
      if (findings === null) {
        console.log(options.locale === 'zh' ? `${file}：不像政府信息公开年度报告，未检查` : `${file}: not recognisably an annual report, not checked`);
        continue;
      }
      for (const f of findings) {
        const at = positionOf(model.lineStarts, f.span.start);
        console.log(`${file}:${at.line + 1}:${at.character + 1}: ${f.severity} [${f.code}] ${f.message}`);
      }
      const errors = findings.filter((f) => f.severity === 'error').length;
      const warnings = findings.filter((f) => f.severity === 'warning').length;
      console.log(options.locale === 'zh' ? `${file}：${errors} 个错误，${warnings} 个警告，${findings.length - errors - warnings} 条提示` : `${file}: ${errors} error(s), ${warnings} warning(s), ${findings.length - errors - warnings} note(s)`);
    }
  }
  return !options.exitZero && results.some((r) => r.findings?.some((f) => f.severity === 'error')) ? 1 : 0;
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

function extract(options: ExtractOptions, inputs: { file: string; text: string }[]): number {
  const results = inputs.map(({ file, text }) => ({ file, ...extractTables(parseReport(text)) }));
  if (options.format === 'json') {
    console.log(JSON.stringify(results, null, 2));
    return 0;
  }
  const lines = [CSV_HEADER.join(',')];
  for (const result of results) {
    for (const id of TABLE_IDS) {
      for (const row of result.tables[id]?.rows ?? []) {
        const cells = Array.from({ length: CSV_CELLS }, (_, i) => row.cells[i] ?? null);
        lines.push([result.file, result.body, result.year, result.format, id, row.id, row.label, ...cells].map(csvField).join(','));
      }
    }
  }
  // RFC 4180 ends records with CRLF; most readers take either, so lines end as the rest of the output does.
  console.log(lines.join('\n'));
  return 0;
}

process.exitCode = main();
