// Sections present, once, in order; row labels as the format writes them; the 2019 trial format;
// the duties a people's government must report on; the report year used consistently.

import type { ReportModel, Row, SectionNumber } from '../model';
import { numeral, type Locale } from '../i18n';
import { FORMAT_2021_FIRST_YEAR, OUTDATED_LABELS, SECTIONS, TABLES, TRIAL_TABLE2_TERMS } from '../schema';
import { message } from '../messages';
import { lineEndOf, lineOf, normalizeLabel } from '../text';
import { finding, type Finding, type Fix } from './rules';
import { sectionSkeleton } from '../template';

const sectionTitle = (n: SectionNumber): string => `${numeral(n)}、${SECTIONS[n - 1].title}`;

/** Inserts the heading (written like the draft's other headings) and, for 二–四, the empty table. */
function insertSection(model: ReportModel, number: SectionNumber, at: number, locale: Locale): Fix {
  const first = model.sections[0];
  const headingPrefix = first ? model.text.slice(model.lineStarts[lineOf(model.lineStarts, first.headingSpan.start)], first.headingSpan.start) : '## ';
  const needsBreak = at > 0 && model.text[at - 1] !== '\n';
  const newText = `${needsBreak ? '\n\n' : ''}${sectionSkeleton(number, headingPrefix).join('\n')}\n`;
  return {
    title: message(locale, 'fix.insert-section', { title: sectionTitle(number) }),
    edits: [{ span: { start: at, end: at }, newText }],
    preferred: true,
  };
}

/**
 * A line read as a section's heading without its numeral (其他需要报告的事项, ## 存在的问题): the fix writes the format's
 * heading in the draft's style — the Markdown marks of its other headings (## ), or, when it has none, the line's own.
 */
function nearHeading(model: ReportModel, number: SectionNumber, span: { start: number; end: number }, locale: Locale): Finding {
  const heading = sectionTitle(number);
  const line = lineOf(model.lineStarts, span.start);
  const lineStart = model.lineStarts[line];
  const content = model.text.slice(lineStart, span.end);
  const from = lineStart + (content.length - content.trimStart().length);
  const proper = model.sections.find((s) => s.number !== number && !model.sectionIssues.some((i) => i.kind === 'heading' && i.span.start === s.headingSpan.start));
  const prefix = proper
    ? model.text.slice(model.lineStarts[lineOf(model.lineStarts, proper.headingSpan.start)], proper.headingSpan.start).trimStart()
    : model.text.slice(from, span.start);
  return finding(
    'structure.section-heading',
    span,
    message(locale, 'structure.section-heading', { number, written: model.text.slice(span.start, span.end), heading }),
    { fixes: [{ title: message(locale, 'fix.section-heading', { heading }), edits: [{ span: { start: from, end: span.end }, newText: `${prefix}${heading}` }], preferred: true }] },
  );
}

function checkSections(model: ReportModel, locale: Locale): Finding[] {
  return model.sectionIssues.map((issue) => {
    const title = sectionTitle(issue.number);
    switch (issue.kind) {
      case 'missing':
        return finding(
          'structure.missing-section',
          issue.span,
          message(locale, 'structure.missing-section', { number: issue.number, title }),
          { fixes: [insertSection(model, issue.number, issue.span.start, locale)] },
        );
      case 'duplicate':
        return finding(
          'structure.duplicate-section',
          issue.span,
          message(locale, 'structure.duplicate-section', { number: issue.number, title }),
        );
      case 'order':
        return finding(
          'structure.section-order',
          issue.span,
          message(locale, 'structure.section-order', { number: issue.number, title }),
        );
      case 'heading':
        return nearHeading(model, issue.number, issue.span, locale);
    }
  });
}

function checkRowLabels(model: ReportModel, locale: Locale): Finding[] {
  const findings: Finding[] = [];
  for (const table of [model.tables.table2, model.tables.table3]) {
    if (!table) continue;
    for (const row of table.rows) {
      // Numbering written （1） instead of 1. is the same label.
      const written = normalizeLabel(row.labelText).replace(/^（(\d{1,2})）/, '$1.');
      if (written === normalizeLabel(row.canonicalLabel) || written === TABLES[table.id].rows.find((r) => r.id === row.rowId)?.trialLabel) continue;
      findings.push(
        finding(
          'structure.row-label',
          row.labelSpan,
          message(locale, 'structure.row-label', { expected: row.canonicalLabel, written: row.labelText }),
          { fixes: [{ title: message(locale, 'fix.row-label', { label: row.canonicalLabel }), edits: [{ span: row.labelSpan, newText: row.canonicalLabel }], preferred: true }] },
        ),
      );
    }
  }
  return findings;
}

/**
 * A whole report in the 2019 trial format: one finding for the report, on table 二's first trial-format term (the
 * title when there is none), instead of one per trial label and the （六） row.
 */
function trialFormatReport(model: ReportModel, year: number, locale: Locale): Finding[] {
  const first = model.outdated.find((o) => TRIAL_TABLE2_TERMS[o.label] !== undefined);
  const span = first?.span ?? model.title?.span;
  if (!span) return [];
  const sixSingle = model.tables.table3?.sixSingle === true;
  return [finding('structure.outdated-format', span, message(locale, 'structure.trial-format-report', { year, sixSingle }))];
}

function checkOutdated(model: ReportModel, locale: Locale): Finding[] {
  const year = model.title?.year;
  if (year === undefined || year === null || year < FORMAT_2021_FIRST_YEAR) return [];
  if (model.format === '2019') return trialFormatReport(model, year, locale);
  const findings: Finding[] = model.outdated.map((o) => {
    const replacement = OUTDATED_LABELS.find((l) => l.label === o.label)!.replacement;
    return finding(
      'structure.outdated-format',
      o.span,
      message(locale, 'structure.outdated-label', { label: o.label, year, replacement: replacement[locale] }),
    );
  });
  const six = model.tables.table3?.sixSingle ? model.tables.table3.rows.find((r) => r.rowId === 'r6') : undefined;
  if (six) {
    const subRows = TABLES.table3.rows.filter((r) => r.group === 'r6');
    const fix = sixSubRowsFix(model, six, locale);
    findings.push(
      finding(
        'structure.outdated-format',
        six.labelSpan,
        message(locale, 'structure.six-single-row', { year, rows: subRows.map((r) => r.label) }),
        { fixes: fix ? [fix] : [] },
      ),
    );
  }
  for (const row of model.tables.table2?.rows ?? []) {
    const trial = TABLES.table2.rows.find((r) => r.id === row.rowId)?.trialLabel;
    if (trial && normalizeLabel(row.labelText) === trial) {
      findings.push(
        finding(
          'structure.outdated-format',
          row.labelSpan,
          message(locale, 'structure.trial-row-label', { trial, label: row.canonicalLabel }),
        ),
      );
    }
  }
  return findings;
}

/**
 * Replaces the single （六）其他处理 row with the format's three sub-rows in the row's own layout: the first two
 * with 0 in every cell, 3.其他 with the figures as written. Only for a row written on one line.
 */
function sixSubRowsFix(model: ReportModel, six: Row, locale: Locale): Fix | null {
  const cells = [...six.cells, ...six.extraCells];
  const line = lineOf(model.lineStarts, six.labelSpan.start);
  if (cells.some((c) => lineOf(model.lineStarts, c.span.start) !== line)) return null;
  const start = model.lineStarts[line];
  const end = lineEndOf(model.text, model.lineStarts, line);
  const original = model.text.slice(start, end);
  const rewrite = (label: string, zero: boolean): string => {
    const edits = [{ span: six.labelSpan, text: label }, ...(zero ? cells.map((c) => ({ span: c.span, text: '0' })) : [])].sort((a, b) => b.span.start - a.span.start);
    return edits.reduce((t, e) => t.slice(0, e.span.start - start) + e.text + t.slice(e.span.end - start), original);
  };
  const separator = original.includes('\t') && !original.includes('|') ? '\t' : ' ';
  const [first, second, third] = TABLES.table3.rows.filter((r) => r.group === 'r6').map((r) => r.label);
  const lines = [rewrite(`（六）其他处理${separator}${first}`, true), rewrite(second, true), rewrite(third, false)];
  const eol = model.text.slice(end, end + 2) === '\r\n' ? '\r\n' : '\n';
  return {
    title: message(locale, 'fix.split-six'),
    edits: [{ span: { start, end }, newText: lines.join(eol) }],
    preferred: true,
  };
}

/** 人民政府 itself, not its 办公室 or a department. */
function isPeoplesGovernment(body: string): boolean {
  return body.endsWith('人民政府');
}

function checkGovernmentDuties(model: ReportModel, locale: Locale): Finding[] {
  const title = model.title;
  if (!title?.body || !isPeoplesGovernment(title.body)) return [];
  const missing = ['考核', '评议', '责任追究'].filter((w) => !model.text.includes(w));
  if (missing.length === 0) return [];
  return [
    finding(
      'structure.government-duties',
      title.span,
      message(locale, 'structure.government-duties', { missing }),
    ),
  ];
}

function checkYears(model: ReportModel, locale: Locale): Finding[] {
  const year = model.title?.year;
  if (!year) return [];
  return model.years
    .filter((y) => y.year !== year)
    .map((y) =>
      finding(
        'year.mismatch',
        y.span,
        message(locale, 'year.mismatch', { year, written: y.year }),
        { fixes: [{ title: message(locale, 'fix.year', { year }), edits: [{ span: y.span, newText: String(year) }], preferred: true }] },
      ),
    );
}

export function checkStructure(model: ReportModel, locale: Locale): Finding[] {
  return [...checkSections(model, locale), ...checkRowLabels(model, locale), ...checkOutdated(model, locale), ...checkGovernmentDuties(model, locale), ...checkYears(model, locale)];
}
