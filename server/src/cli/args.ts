// The command line's arguments: subcommands, their options (node:util parseArgs), and the usage text.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { localeFrom, type Locale } from '../core/i18n';
import type { RuleCode, RuleLevel } from '../core/checks/rules';
import { parseRuleOption } from './config';
import { defaultJobs } from './runner';

export type CheckFormat = 'text' | 'json' | 'sarif' | 'html';
export type SummaryFormat = 'text' | 'csv' | 'json';
export type SumFormat = 'md' | 'csv' | 'json';

/** What check, summary and sum share: the files, the rules, the threads. */
export interface RunOptions {
  paths: string[];
  /** --locale; null: the config file's disclosureReport.language, else the environment's LANG. */
  locale: Locale | null;
  rules: Partial<Record<RuleCode, RuleLevel>>;
  jobs: number;
  /** Where the output goes (-o); null: standard output. */
  output: string | null;
  progress: boolean;
  /** Report findings but exit 0 (for demos and pipelines that only collect the output). */
  exitZero: boolean;
}

export type Options =
  | ({ command: 'check'; format: CheckFormat } & RunOptions)
  | ({ command: 'summary'; format: SummaryFormat } & RunOptions)
  | ({ command: 'sum'; format: SumFormat } & RunOptions)
  | { command: 'extract'; format: 'json' | 'csv'; paths: string[] }
  | { command: 'convert'; file: string; output: string | null };

export const USAGE = [
  '用法 / usage:',
  '  nianbao [check] [选项 options] <文件、文件夹或通配符 files, folders or globs>...',
  '      检查报告 / check the reports',
  '      --format text|json|sarif|html   输出格式（html 为一页审查报告）/ output format (html: one review page)',
  '      -o, --output <文件 file>          写入文件而非标准输出 / write to a file instead of standard output',
  '      --rule <规则=级别 CODE=LEVEL>     调整规则级别（error|warning|information|hint|off），可多次 / set a rule’s level, repeatable',
  '      --locale zh|en                    消息语言 / language of the messages',
  '      -j, --jobs <N>                    并行线程数（默认为 CPU 核数）/ worker threads (default: one per core)',
  '      --no-progress                     不显示进度条 / no progress bar',
  '      --exit-zero                       有错误也以 0 退出 / exit 0 even when errors are found',
  '  nianbao summary [--format text|csv|json] [同上 same options] <...>',
  '      每份报告一行：机关、年度、新收、办结、复议、诉讼、错误、警告，及合计 / one line per report, and totals',
  '  nianbao sum [--format md|csv|json] [-o <文件 file>] <...>',
  '      三张表逐项相加，作为汇总表 / the element-wise sum of tables 二, 三, 四 over the reports',
  '  nianbao extract [--format json|csv] <...>',
  '      导出表二、表三、表四的数字 / print the figures of tables 二, 三, 四',
  '  nianbao convert <文件 file> [-o <草稿 draft.nianbao.md>]',
  '      把 Word / PDF / 网页转为可编辑的草稿 / turn a Word file, PDF or web page into an editable draft',
  '  文件：.txt .md .docx .pdf .html .htm .shtml；配置：就近的 .nianbao.json / files: …; config: the nearest .nianbao.json',
  '  退出码 / exit codes: 0 无错误 no errors · 1 有错误 errors found · 2 用法或读写错误 usage or I/O error',
].join('\n');

const RUN_OPTIONS = {
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  rule: { type: 'string', multiple: true },
  locale: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  'no-progress': { type: 'boolean' },
  'exit-zero': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

const FORMATS = {
  check: ['text', 'json', 'sarif', 'html'],
  summary: ['text', 'csv', 'json'],
  sum: ['md', 'csv', 'json'],
  extract: ['json', 'csv'],
} as const;

/** The options, or the message to print (usage, or what is wrong with the arguments) before exiting with 2. */
export function parseCommandLine(argv: string[]): Options | string {
  try {
    return parse(argv);
  } catch (error) {
    // node:util's messages name the option in quotes: said again in both languages.
    const { code, message } = error as NodeJS.ErrnoException;
    const option = /'(-[^']*)'/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `未知选项 / unknown option: ${option}\n${USAGE}`;
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `选项缺少值或值无效 / option needs a value: ${option}\n${USAGE}`;
    return `${message}\n${USAGE}`;
  }
}

function parse(argv: string[]): Options | string {
  const [first, ...rest] = argv;
  if (first === 'convert') return parseConvert(rest);
  if (first === 'extract') {
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help || positionals.length === 0) return USAGE;
    const format = values.format ?? 'json';
    if (!isFormat('extract', format)) return formatOf('extract', format);
    return { command: 'extract', format, paths: positionals };
  }
  const command = first === 'summary' || first === 'sum' || first === 'check' ? first : 'check';
  const args = command === first ? rest : argv;
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: RUN_OPTIONS });
  if (values.help || positionals.length === 0) return USAGE;
  const defaults = { check: 'text', summary: 'text', sum: 'md' } as const;
  const format = values.format ?? defaults[command];
  if (!isFormat(command, format)) return formatOf(command, format);
  const rules: Partial<Record<RuleCode, RuleLevel>> = {};
  for (const option of values.rule ?? []) {
    const rule = parseRuleOption(option);
    if (typeof rule === 'string') return rule;
    rules[rule[0]] = rule[1];
  }
  let jobs = defaultJobs();
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) return `--jobs 应为正整数 / --jobs takes a positive whole number: ${values.jobs}`;
  }
  if (values.locale !== undefined && values.locale !== 'zh' && values.locale !== 'en') return `--locale 只能是 zh 或 en / --locale must be zh or en: ${values.locale}`;
  const run: RunOptions = {
    paths: positionals,
    locale: values.locale === undefined ? null : localeFrom(values.locale),
    rules,
    jobs,
    output: values.output ?? null,
    progress: !values['no-progress'],
    exitZero: values['exit-zero'] === true,
  };
  return { command, format, ...run } as Options;
}

function isFormat<C extends keyof typeof FORMATS>(command: C, format: string): format is (typeof FORMATS)[C][number] {
  return (FORMATS[command] as readonly string[]).includes(format);
}

/** The message for a format the command does not have. */
function formatOf(command: keyof typeof FORMATS, format: string): string {
  const formats: readonly string[] = FORMATS[command];
  const zh = `${formats.slice(0, -1).join('、')} 或 ${formats[formats.length - 1]}`;
  const en = `${formats.slice(0, -1).join(', ')} or ${formats[formats.length - 1]}`;
  return `${command} 的 --format 只能是 ${zh} / ${command} --format must be ${en}: ${format}`;
}

function parseConvert(argv: string[]): Options | string {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help || positionals.length !== 1) return USAGE;
  return { command: 'convert', file: positionals[0], output: values.output ?? null };
}
