// The reviewer's page of `check --format html`: one self-contained HTML file (inline CSS and scripts, nothing
// fetched, opens from file://) with a sortable table of the run's files, and for each report its findings — prose
// findings with their sentence, the finding's text marked — and tables 二, 三 and 四 as published, wrong cells marked.
// The tables are laid out in the page by media/tables.js, the report preview's own layout code, inlined with its
// stylesheet; everything else is written here.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../../core/i18n';
import { describePlace } from '../../readers';
import type { FileReport, FindingRecord, LineRange } from '../analyse';
import type { RunInfo } from './run';
import { countsOf } from './text';

interface Words {
  lang: string;
  title: string;
  startedAt: string;
  files: (n: number) => string;
  totals: (errors: number, warnings: number) => string;
  unreadable: (n: number) => string;
  reportsCaption: string;
  columns: { file: string; body: string; year: string; errors: string; warnings: string; status: string };
  status: Record<Status, string>;
  severity: Record<FindingRecord['severity'], string>;
  counts: (errors: number, warnings: number, notes: number) => string;
  year: (year: number) => string;
  findings: string;
  related: (n: number) => string;
  noFindings: string;
  notReport: string;
  tableAbsent: string;
  sortHint: string;
}

type Status = 'error' | 'warning' | 'pass' | 'unreadable' | 'notReport';

/** The order sorting by status follows: the worst first when sorted descending. */
const STATUS_RANK: Record<Status, number> = { unreadable: 4, error: 3, warning: 2, pass: 1, notReport: 0 };

const WORDS: Record<Locale, Words> = {
  zh: {
    lang: 'zh-CN',
    title: '审查报告',
    startedAt: '检查时间',
    files: (n) => `${n} 个文件`,
    totals: (errors, warnings) => `共 ${errors} 个错误，${warnings} 个警告`,
    unreadable: (n) => `${n} 个文件无法读取`,
    reportsCaption: '各文件检查结果（点击列标题排序）',
    columns: { file: '文件', body: '机关', year: '年度', errors: '错误', warnings: '警告', status: '状态' },
    status: { error: '有错误', warning: '有警告', pass: '通过', unreadable: '无法读取', notReport: '未检查' },
    severity: { error: '错误', warning: '警告', information: '提示', hint: '提示' },
    counts: (errors, warnings, notes) => `${errors} 个错误，${warnings} 个警告，${notes} 条提示`,
    year: (year) => `${year} 年度`,
    findings: '发现的问题',
    related: (n) => `相关位置（${n}）`,
    noFindings: '未发现问题。',
    notReport: '不像政府信息公开年度报告，未检查。',
    tableAbsent: '草稿中还没有这张表。',
    sortHint: '排序',
  },
  en: {
    lang: 'en',
    title: 'Review',
    startedAt: 'Checked at',
    files: (n) => `${n} file(s)`,
    totals: (errors, warnings) => `${errors} error(s), ${warnings} warning(s) in all`,
    unreadable: (n) => `${n} file(s) could not be read`,
    reportsCaption: 'Results by file (click a column heading to sort)',
    columns: { file: 'File', body: 'Body', year: 'Year', errors: 'Errors', warnings: 'Warnings', status: 'Status' },
    status: { error: 'errors', warning: 'warnings', pass: 'passed', unreadable: 'unreadable', notReport: 'not a report' },
    severity: { error: 'error', warning: 'warning', information: 'note', hint: 'hint' },
    counts: (errors, warnings, notes) => `${errors} error(s), ${warnings} warning(s), ${notes} note(s)`,
    year: (year) => String(year),
    findings: 'Findings',
    related: (n) => `Related places (${n})`,
    noFindings: 'No findings.',
    notReport: 'Not recognisably an annual report, not checked.',
    tableAbsent: 'The draft has no such table yet.',
    sortHint: 'sort',
  },
};

/** preview.css is written for VS Code's theme variables: a light theme gives them values outside the editor. */
const LIGHT_THEME = `:root {
  --vscode-foreground: #3b3b3b;
  --vscode-descriptionForeground: #717171;
  --vscode-editor-background: #ffffff;
  --vscode-font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  --vscode-font-size: 14px;
  --vscode-editor-font-family: ui-monospace, Consolas, "DejaVu Sans Mono", monospace;
  --vscode-panel-border: #c8c8c8;
  --vscode-editorWidget-border: #c8c8c8;
  --vscode-editorWidget-background: #f3f3f3;
  --vscode-sideBar-background: #f8f8f8;
  --vscode-focusBorder: #005fb8;
  --vscode-list-hoverBackground: #f0f0f0;
  --vscode-diffEditor-removedTextBackground: rgba(255, 0, 0, 0.08);
  --vscode-errorForeground: #a1260d;
  --vscode-inputValidation-errorBackground: #f2dede;
  --vscode-inputValidation-errorBorder: #be1100;
  --vscode-editorWarning-foreground: #8a6400;
  --vscode-inputValidation-warningBackground: #f6f5d2;
  --vscode-inputValidation-warningBorder: #b89500;
  --vscode-editorInfo-foreground: #1a85ff;
}`;

/** The page's own layout, after preview.css (which styles the tables, the report table included). */
const PAGE_CSS = `body { max-width: 1400px; margin: 0 auto; line-height: 1.5; }
header { border-bottom: 1px solid var(--vscode-panel-border); margin-bottom: 16px; }
h1 { font-size: 1.6em; margin: 16px 0 4px; }
.meta { color: var(--vscode-descriptionForeground); margin: 4px 0 12px; }
.meta span + span::before { content: " · "; }
#reports caption { text-align: left; color: var(--vscode-descriptionForeground); padding: 4px 0; }
#reports td { padding: 3px 8px; }
#reports td.number { text-align: right; font-family: var(--vscode-editor-font-family); }
#reports th button { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
/* The arrows outside the buttons: generated content would join the buttons' accessible names. */
#reports th::after { content: " ↕"; color: var(--vscode-descriptionForeground); }
#reports th[aria-sort="ascending"]::after { content: " ↑"; color: inherit; }
#reports th[aria-sort="descending"]::after { content: " ↓"; color: inherit; }
#reports th button:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
.status-error { color: var(--vscode-errorForeground); font-weight: 600; }
.status-warning { color: var(--vscode-editorWarning-foreground); }
.status-unreadable { color: var(--vscode-errorForeground); }
.status-notReport { color: var(--vscode-descriptionForeground); }
section.report { border-top: 1px solid var(--vscode-panel-border); margin-top: 24px; }
section.report > h2 { font-size: 1.3em; margin: 16px 0 4px; }
section.report > h2 .title { font-weight: normal; color: var(--vscode-descriptionForeground); margin-left: 0.8em; }
section.report h3 { font-size: 1.1em; margin: 16px 0 6px; }
.error-text { color: var(--vscode-errorForeground); white-space: pre-wrap; }
ol.findings { padding-left: 2em; }
li.finding { margin: 6px 0; padding: 2px 6px; border-left: 3px solid transparent; }
li.finding.sev-error { border-left-color: var(--vscode-errorForeground); }
li.finding.sev-warning { border-left-color: var(--vscode-editorWarning-foreground); }
li.finding.revealed { background: var(--vscode-inputValidation-warningBackground); }
li.finding:focus { outline: 1px solid var(--vscode-focusBorder); }
.severity { font-weight: 600; margin-right: 0.5em; }
.sev-error > .severity { color: var(--vscode-errorForeground); }
.sev-warning > .severity { color: var(--vscode-editorWarning-foreground); }
.where { font-family: var(--vscode-editor-font-family); color: var(--vscode-descriptionForeground); margin-right: 0.5em; }
code.rule { color: var(--vscode-descriptionForeground); margin-left: 0.5em; }
blockquote.sentence { margin: 4px 0 0; padding: 2px 8px; background: var(--vscode-sideBar-background); border-left: 2px solid var(--vscode-panel-border); }
blockquote.sentence mark { background: var(--vscode-inputValidation-errorBackground); color: inherit; outline: 1px solid var(--vscode-inputValidation-errorBorder); }
details.related { margin: 2px 0 0; color: var(--vscode-descriptionForeground); }
details.related summary { cursor: pointer; }
details.related ul { margin: 2px 0; }
td.cell[title] { position: relative; }
td.cell[title]:focus::after {
  content: attr(title); position: absolute; left: 0; top: 100%; z-index: 1; width: 24em; padding: 4px 8px;
  white-space: pre-wrap; text-align: left; font-weight: normal; font-family: var(--vscode-font-family);
  color: var(--vscode-foreground); background: var(--vscode-editor-background); border: 1px solid var(--vscode-panel-border);
}
@media print { #reports th::after { content: none; } }`;

/**
 * The page's script: sorts the report table (numbers numerically, text as Chinese; a second click reverses), lays out
 * each report's tables with NianbaoTables, and a click on a cell shows the findings on it in the list above.
 */
const PAGE_JS = `(function () {
  const data = JSON.parse(document.getElementById('nianbao-data').textContent);

  const reports = document.getElementById('reports');
  const headers = Array.from(reports.tHead.rows[0].cells);
  headers.forEach((header, column) => {
    const numeric = header.dataset.type === 'number';
    header.querySelector('button').addEventListener('click', () => {
      const sorted = header.getAttribute('aria-sort');
      // Numbers (year, errors, warnings, status) first sort with the largest on top, text from A.
      const descending = sorted === 'none' ? numeric : sorted === 'ascending';
      const value = (row) => row.cells[column].dataset.value;
      const compare = numeric ? (a, b) => Number(value(a)) - Number(value(b)) : (a, b) => value(a).localeCompare(value(b), 'zh');
      // Ties stay in the run's order whatever was sorted before.
      const order = (a, b) => (descending ? compare(b, a) : compare(a, b)) || Number(a.dataset.index) - Number(b.dataset.index);
      const body = reports.tBodies[0];
      const rows = Array.from(body.rows).sort(order);
      for (const other of headers) other.setAttribute('aria-sort', 'none');
      header.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      body.append(...rows);
    });
  });

  const before = (a, b) => a.line < b.line || (a.line === b.line && a.character < b.character);
  const overlaps = (a, b) => !before(a.end, b.start) && !before(b.end, a.start);
  data.reports.forEach((report, index) => {
    if (!report.tables) return;
    const section = document.getElementById('report-' + index);
    NianbaoTables.renderTables(section.querySelector('.tables'), report.tables, {
      strings: data.strings,
      idPrefix: 'report-' + index + '-',
      headingTag: 'h3',
      onReveal: (range) => {
        const items = report.findings.flatMap((finding, at) => (overlaps(finding, range) ? [document.getElementById('report-' + index + '-finding-' + at)] : []));
        if (items.length === 0) return;
        for (const old of document.querySelectorAll('.finding.revealed')) old.classList.remove('revealed');
        for (const item of items) item.classList.add('revealed');
        items[0].scrollIntoView({ block: 'center' });
        items[0].focus({ preventScroll: true });
      },
    });
  });
})();`;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function statusOf(report: FileReport): Status {
  if (report.error !== undefined) return 'unreadable';
  if (!report.isReport) return 'notReport';
  const { errors, warnings } = countsOf(report);
  return errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'pass';
}

/** A cell of the report table: what it shows and the value it sorts by. */
function cell(shown: string, value: string | number, className?: string): string {
  return `<td${className ? ` class="${className}"` : ''} data-value="${escapeHtml(String(value))}">${shown}</td>`;
}

function reportRow(report: FileReport, index: number, words: Words): string {
  const status = statusOf(report);
  const checked = report.isReport && report.error === undefined;
  const { errors, warnings } = countsOf(report);
  const body = report.title?.body ?? '';
  const year = report.title?.year ?? null;
  // Files that were not checked have no counts: '—', and they sort below every report.
  const count = (n: number) => (checked ? cell(String(n), n, 'number') : cell('—', -1, 'number'));
  return [
    `<tr data-file="${escapeHtml(report.file)}" data-status="${status}" data-index="${index}">`,
    cell(`<a href="#report-${index}">${escapeHtml(report.file)}</a>`, report.file),
    cell(body ? escapeHtml(body) : '—', body),
    cell(year === null ? '—' : String(year), year ?? -1, 'number'),
    count(errors),
    count(warnings),
    cell(`<span class="status-${status}">${escapeHtml(words.status[status])}</span>`, STATUS_RANK[status]),
    '</tr>',
  ].join('');
}

function reportTable(reports: readonly FileReport[], words: Words): string {
  const c = words.columns;
  const columns: [string, 'text' | 'number'][] = [[c.file, 'text'], [c.body, 'text'], [c.year, 'number'], [c.errors, 'number'], [c.warnings, 'number'], [c.status, 'number']];
  const head = columns
    .map(([label, type]) => `<th scope="col" data-type="${type}" aria-sort="none"><button type="button" title="${escapeHtml(words.sortHint)}">${escapeHtml(label)}</button></th>`)
    .join('');
  const rows = reports.map((report, index) => reportRow(report, index, words)).join('\n');
  return `<table id="reports">\n<caption>${escapeHtml(words.reportsCaption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
}

/** Whether a finding is on a table line (the draft's tables are pipe rows, converted files' tables too). */
function inTable(finding: FindingRecord): boolean {
  return /^\s*\|/.test(finding.line);
}

/**
 * The finding's sentence with its text marked. The sentence lies within the finding's first line: its place there
 * is the occurrence that holds the finding's start (a line may repeat a sentence).
 */
function markedSentence(finding: FindingRecord): string {
  const { sentence, line, text } = finding;
  const start = finding.range.start.character;
  for (let at = line.indexOf(sentence); at >= 0; at = line.indexOf(sentence, at + 1)) {
    const offset = start - at;
    if (offset < 0 || offset > sentence.length) continue;
    if (text === '' || sentence.slice(offset, offset + text.length) !== text) break;
    return `${escapeHtml(sentence.slice(0, offset))}<mark>${escapeHtml(text)}</mark>${escapeHtml(sentence.slice(offset + text.length))}`;
  }
  return escapeHtml(sentence);
}

function where(finding: FindingRecord, locale: Locale): string {
  return describePlace(finding.place, locale) ?? `${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
}

function findingItem(finding: FindingRecord, id: string, locale: Locale, words: Words): string {
  const related = finding.related.map((r) => {
    const place = `${r.file ? `${r.file}:` : ''}${r.range.start.line + 1}:${r.range.start.character + 1}`;
    return `<li><span class="where">${escapeHtml(place)}</span>${escapeHtml(r.message)}</li>`;
  });
  return [
    `<li class="finding sev-${finding.severity}" id="${id}" tabindex="-1" data-code="${escapeHtml(finding.code)}">`,
    `<span class="severity">${escapeHtml(words.severity[finding.severity])}</span>`,
    `<span class="where">${escapeHtml(where(finding, locale))}</span>`,
    `<span class="message">${escapeHtml(finding.message)}</span>`,
    `<code class="rule">${escapeHtml(finding.code)}</code>`,
    inTable(finding) ? '' : `<blockquote class="sentence">${markedSentence(finding)}</blockquote>`,
    // Related places (the addends of a total, last year's figure) can be many: folded.
    related.length > 0 ? `<details class="related"><summary>${escapeHtml(words.related(related.length))}</summary><ul>${related.join('')}</ul></details>` : '',
    '</li>',
  ].join('');
}

function reportSection(report: FileReport, index: number, locale: Locale, words: Words): string {
  const id = `report-${index}`;
  const title = [report.title?.body, report.title?.year ? words.year(report.title.year) : null].filter(Boolean).join(' ');
  const lines = [`<section class="report" id="${id}" data-file="${escapeHtml(report.file)}">`, `<h2>${escapeHtml(report.file)}${title ? `<span class="title">${escapeHtml(title)}</span>` : ''}</h2>`];
  if (report.error !== undefined) {
    lines.push(`<p class="error-text">${escapeHtml(report.error)}</p>`);
  } else if (!report.isReport) {
    lines.push(`<p class="status">${escapeHtml(words.notReport)}</p>`);
  } else {
    const { errors, warnings, notes } = countsOf(report);
    lines.push(`<p class="counts">${escapeHtml(words.counts(errors, warnings, notes))}</p>`, `<h3>${escapeHtml(words.findings)}</h3>`);
    if (report.findings.length === 0) lines.push(`<p class="status">${escapeHtml(words.noFindings)}</p>`);
    else lines.push('<ol class="findings">', ...report.findings.map((f, at) => findingItem(f, `${id}-finding-${at}`, locale, words)), '</ol>');
    lines.push('<div class="tables"></div>');
  }
  lines.push('</section>');
  return lines.join('\n');
}

/** The data the page's script needs: each report's tables, and its findings' ranges to find them from a cell. */
function pageData(reports: readonly FileReport[], words: Words): string {
  const data = {
    strings: { tableAbsent: words.tableAbsent },
    reports: reports.map((r) => ({ findings: r.findings.map((f): LineRange => f.range), ...(r.tables ? { tables: r.tables } : {}) })),
  };
  // No '<' in the script element's text: '</script>' or '<!--' in a message would end or disturb it.
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/** A file that ships in media/ (the CLI runs as dist/cli.js; media/ is beside dist/ in the repository and the .vsix). */
function media(name: string): string {
  return readFileSync(join(__dirname, '..', 'media', name), 'utf8');
}

export function reviewHtml(reports: readonly FileReport[], run: RunInfo): string {
  const words = WORDS[run.locale];
  const totals = reports
    .filter((r) => r.isReport)
    .map(countsOf)
    .reduce((a, b) => ({ errors: a.errors + b.errors, warnings: a.warnings + b.warnings }), { errors: 0, warnings: 0 });
  const unreadable = reports.filter((r) => r.error !== undefined).length;
  const meta = [
    `<span>${escapeHtml(words.startedAt)} <time datetime="${escapeHtml(run.startedAt)}">${escapeHtml(run.startedAt)}</time></span>`,
    `<span>${escapeHtml(words.files(reports.length))}</span>`,
    `<span id="totals">${escapeHtml(words.totals(totals.errors, totals.warnings))}</span>`,
    unreadable > 0 ? `<span class="status-unreadable">${escapeHtml(words.unreadable(unreadable))}</span>` : '',
    `<span>nianbao ${escapeHtml(run.version)}</span>`,
  ].join('');
  return `<!DOCTYPE html>
<html lang="${words.lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(words.title)} — ${escapeHtml(words.files(reports.length))}</title>
<style>
${LIGHT_THEME}
</style>
<style>
${media('preview.css')}
</style>
<style>
${PAGE_CSS}
</style>
</head>
<body>
<header>
<h1>${escapeHtml(words.title)}</h1>
<p class="meta">${meta}</p>
</header>
<main>
${reportTable(reports, words)}
${reports.map((report, index) => reportSection(report, index, run.locale, words)).join('\n')}
</main>
<script type="application/json" id="nianbao-data">${pageData(reports, words)}</script>
<script>
${media('tables.js')}
</script>
<script>
${PAGE_JS}
</script>
</body>
</html>
`;
}
