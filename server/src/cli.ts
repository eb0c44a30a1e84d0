// Command line: the same checks over files and folders, for reviewers. Exit code 1 when any error is found.
//   nianbao [--format text|json] [--locale zh|en] [--exit-zero] <file-or-folder>...

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runChecks } from './core/checks';
import type { Finding } from './core/checks/rules';
import { localeFrom, type Locale } from './core/i18n';
import type { ReportModel } from './core/model';
import { parseReport } from './core/parse';
import { positionOf } from './core/text';

interface Options {
  format: 'text' | 'json';
  locale: Locale;
  /** Report findings but exit 0 (for demos and pipelines that only collect the output). */
  exitZero: boolean;
  paths: string[];
}

const USAGE = `用法 / usage: nianbao [--format text|json] [--locale zh|en] [--exit-zero] <文件或文件夹 file-or-folder>...`;

function parseArgs(argv: string[]): Options | string {
  const options: Options = { format: 'text', locale: localeFrom(process.env.LANG), exitZero: false, paths: [] };
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
  let files: string[];
  try {
    files = options.paths.flatMap(collectFiles);
  } catch (error) {
    console.error(`无法读取 / cannot read: ${(error as Error).message}`);
    return 2;
  }
  const results = files.map((file) => {
    const model = parseReport(readFileSync(file, 'utf8'));
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

process.exitCode = main();
