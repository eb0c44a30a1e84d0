// Command line: the same checks over files, folders and globs, for reviewers (`nianbao --help` for the commands).
// Exit code 1 when any error is found; 2 on bad arguments, a path or config file that cannot be read, a file that
// cannot be read or decoded, or an internal error (never mistaken for findings). The per-file work runs on worker
// threads (this same script, started with workerData); output comes in the files' order whatever the threads do.

import { createWriteStream, openSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import manifest from '../../package.json';
import { extractTables } from './core/extract';
import { localeFrom, type Locale } from './core/i18n';
import { TABLE_IDS } from './core/model';
import { parseReport } from './core/parse';
import { DEFAULT_SETTINGS, type Settings } from './core/settings';
import { internalError, RunIndex, readOne, type CheckedFile, type CheckTask, type FileReport } from './cli/analyse';
import { parseCommandLine, USAGE, type Options, type RunOptions } from './cli/args';
import { ConfigError, ConfigResolver } from './cli/config';
import { listFiles } from './cli/files';
import { reviewHtml } from './cli/output/html';
import type { RunInfo } from './cli/output/run';
import { sarifLog } from './cli/output/sarif';
import { sumCsv, sumJson, sumMarkdown, sumReports } from './cli/output/sum';
import { CSV_CELLS, csvField } from './cli/output/csv';
import { summarise, summaryCsv, summaryJson, summaryText } from './cli/output/summary';
import { colorsFor, countsOf, fileBlock, runTotals } from './cli/output/text';
import { Progress } from './cli/progress';
import { createRunner, serveWorker } from './cli/runner';
import { draftPath } from './readers';

/** Output written as it is made, waiting when the stream is full: memory stays flat however many files there are. */
class Output {
  private items = 0;
  constructor(readonly stream: NodeJS.WritableStream & { isTTY?: boolean }) {}

  async write(chunk: string): Promise<void> {
    if (!this.stream.write(chunk)) await new Promise<void>((done) => this.stream.once('drain', done));
  }
  /** One element of a JSON array, formatted as JSON.stringify(array, null, 2) would. */
  async item(value: unknown): Promise<void> {
    const json = JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
    await this.write(`${this.items++ === 0 ? '[\n' : ',\n'}  ${json}`);
  }
  async endArray(): Promise<void> {
    await this.write(this.items === 0 ? '[]\n' : '\n]\n');
  }
  /** Flushes and closes a file; standard output stays open. */
  async close(): Promise<void> {
    if (this.stream === process.stdout) return;
    await new Promise<void>((done, fail) => {
      this.stream.once('error', fail);
      this.stream.end(done);
    });
  }
}

/** The output of -o, opened before any work so that a path that cannot be written fails at once; else stdout. */
function openOutput(path: string | null): Output | string {
  if (path === null) return new Output(process.stdout);
  try {
    const fd = openSync(path, 'w');
    return new Output(createWriteStream('', { fd }));
  } catch (error) {
    return `无法写入 / cannot write: ${path}（${(error as Error).message}）`;
  }
}

/** A report as `--format json` has it (schemas/check-output.schema.json): the finding's line and sentence are the text output's. */
function reportJson(report: FileReport): unknown {
  if (report.error !== undefined) return { file: report.file, error: report.error };
  return {
    file: report.file,
    ...(report.encoding ? { encoding: report.encoding } : {}),
    isReport: report.isReport,
    title: report.title,
    findings: report.findings.map(({ line: _line, sentence: _sentence, ...finding }) => finding),
  };
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const options = parseCommandLine(argv);
  if (typeof options === 'string') {
    const help = options === USAGE && (argv.includes('--help') || argv.includes('-h'));
    (help ? console.log : console.error)(options);
    return help ? 0 : 2;
  }
  if (options.command === 'convert') return convert(options.file, options.output);
  const files = listFiles(options.paths);
  if (typeof files === 'string') {
    console.error(files);
    return 2;
  }
  if (options.command === 'extract') return extract(options.format, files);
  return run(options, files);
}

/** A file's locale: --locale, else its config's disclosureReport.language, else the environment's LANG. */
function localeOf(options: RunOptions, language: Settings['language']): Locale {
  return options.locale ?? (language === 'auto' ? localeFrom(process.env.LANG) : language);
}

/** The locale of the output's own words: as a file's, when every file's config agrees on the language. */
function runLocale(options: RunOptions, settings: Settings[]): Locale {
  const languages = new Set(settings.map((s) => s.language));
  return localeOf(options, languages.size === 1 ? [...languages][0] : 'auto');
}

async function run(options: Extract<Options, RunOptions>, files: string[]): Promise<number> {
  let settings: Settings[];
  try {
    const resolver = new ConfigResolver(DEFAULT_SETTINGS, options.rules);
    settings = files.map((file) => resolver.settingsFor(file).settings);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 2;
  }
  const locale = runLocale(options, settings);
  const out = openOutput(options.output);
  if (typeof out === 'string') {
    console.error(out);
    return 2;
  }
  const info: RunInfo = { locale, version: manifest.version, cwd: process.cwd(), startedAt: new Date().toISOString(), args: process.argv.slice(2) };
  const progress = new Progress(options.progress && Progress.available(), locale);
  const runner = createRunner(options.jobs, files.length, __filename);
  // Several files: each is checked against the others (last year's report of the same body, copies) through an
  // index of their facts. Every file is checked once on its own, giving its facts; only those the index then pairs
  // with another file are checked again, with just the reports they are paired with.
  const indexed = files.length > 1 && options.command !== 'sum';
  let checked: CheckedFile[];
  try {
    const tasks = files.map(
      (file, i): CheckTask => ({
        file,
        settings: settings[i],
        locale: localeOf(options, settings[i].language),
        want: { tables: options.command === 'check' && options.format === 'html', counts: options.command === 'sum', facts: indexed },
      }),
    );
    progress.start(files.length, 'check');
    checked = await runner.check(tasks, () => progress.tick());
    if (indexed) {
      const index = new RunIndex(checked.map((c, i) => ({ file: files[i], facts: c.facts })));
      const again = checked.flatMap((c, i) => {
        const partners = c.facts ? index.partnersOf(files[i], c.facts) : null;
        return partners ? [{ i, task: { ...tasks[i], partners, ...(c.draft ? { draft: c.draft } : {}) } }] : [];
      });
      if (again.length > 0) {
        progress.start(again.length, 'cross');
        const rechecked = await runner.check(
          again.map((a) => a.task),
          () => progress.tick(),
        );
        again.forEach((a, k) => (checked[a.i] = rechecked[k]));
      }
    }
  } finally {
    progress.stop();
    await runner.close();
  }
  const reports: FileReport[] = [];
  let failed = false;
  let errorsFound = false;
  const colors = colorsFor(out.stream);
  const streamed = options.command === 'check' && (options.format === 'text' || options.format === 'json');
  for (const { report } of checked) {
    if (report.error !== undefined) {
      failed = true;
      console.error(report.error);
    }
    if (countsOf(report).errors > 0) errorsFound = true;
    reports.push(report);
    if (!streamed) continue;
    if (options.format === 'json') await out.item(reportJson(report));
    else if (report.error === undefined) await out.write(fileBlock(report, locale, colors));
  }
  const written = await finish(options, out, reports, info, colors);
  await out.close();
  if (written !== null) {
    console.error(written);
    return 2;
  }
  if (options.output !== null) console.log(options.output);
  // A file that could not be read, decoded or checked is never a pass, and never looks like "errors found".
  if (failed) return 2;
  return options.command !== 'sum' && !options.exitZero && errorsFound ? 1 : 0;
}

/** Writes what comes after the last file (or the whole output of the collected formats); a refusal of sum as a message. */
async function finish(options: Extract<Options, RunOptions>, out: Output, reports: FileReport[], info: RunInfo, colors: ReturnType<typeof colorsFor>): Promise<string | null> {
  const locale = info.locale;
  switch (options.command) {
    case 'check':
      if (options.format === 'json') await out.endArray();
      else if (options.format === 'text' && reports.length > 1) await out.write(runTotals(reports, locale, colors));
      else if (options.format === 'sarif') await out.write(`${JSON.stringify(sarifLog(reports, info), null, 2)}\n`);
      else if (options.format === 'html') await out.write(reviewHtml(reports, info));
      return null;
    case 'summary': {
      const summary = summarise(reports);
      await out.write(options.format === 'csv' ? summaryCsv(summary) : options.format === 'json' ? summaryJson(summary) : summaryText(summary, locale, colors));
      return null;
    }
    case 'sum': {
      if (reports.some((r) => r.error !== undefined)) return locale === 'zh' ? '有文件无法读取，未汇总' : 'not added up: some files could not be read';
      const result = sumReports(reports, locale);
      if (typeof result === 'string') return result;
      for (const note of result.notes) console.error(note);
      await out.write(options.format === 'csv' ? sumCsv(result) : options.format === 'json' ? sumJson(result) : sumMarkdown(result, locale));
      return null;
    }
  }
}

const CSV_HEADER = ['file', 'body', 'year', 'format', 'table', 'row_id', 'row_label', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'];

async function extract(format: 'json' | 'csv', files: string[]): Promise<number> {
  const out = new Output(process.stdout);
  let failed = false;
  // RFC 4180 ends records with CRLF; most readers take either, so lines end as the rest of the output does.
  if (format === 'csv') await out.write(`${CSV_HEADER.join(',')}\n`);
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
      if (format === 'json') await out.item({ file, error: message });
      continue;
    }
    if (format === 'json') {
      const encoding = decoded.encoding === undefined || decoded.encoding === 'UTF-8' ? {} : { encoding: decoded.encoding };
      await out.item({ file, ...encoding, ...result });
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
  if (format === 'json') await out.endArray();
  return failed ? 2 : 0;
}

/** Writes a file's draft (`<name>.nianbao.md` beside it, never over an existing one, unless -o says where) and prints where. */
async function convert(file: string, output: string | null): Promise<number> {
  const source = await readOne(file);
  if (typeof source === 'string') {
    console.error(source);
    return 2;
  }
  const out = output ?? draftPath(file);
  if (resolve(out) === resolve(file)) {
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

if (!isMainThread && workerData?.nianbaoWorker) {
  serveWorker(parentPort!);
} else {
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
}
