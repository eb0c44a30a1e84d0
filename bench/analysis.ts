// In-process analysis times (the bundled core, as the server and the CLI run it): parse, parse + checks, and one
// plain regex pass over the same text (the floor any reader of the text pays). Medians after a warm-up.

import { runChecks } from '../server/src/core/checks';
import { parseReport } from '../server/src/core/parse';
import { timeMedian } from './stats';

/** One regex pass that touches every number and every line, as a baseline. */
export function regexPass(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(/\d+|\n/g)) count++;
  return count;
}

export interface AnalysisRow {
  name: string;
  chars: number;
  bytes: number;
  parseMs: number;
  checkMs: number;
  regexMs: number;
  findings: { error: number; warning: number; other: number };
}

export function analyse(name: string, text: string, bytes: number): AnalysisRow {
  const big = text.length > 200_000;
  // A 1 MB text takes about a second per parse + checks: fewer warm-up calls, at least 5 samples each.
  const target = big ? 0 : 300;
  const warmup = big ? 0 : 150;
  const parseMs = timeMedian(() => parseReport(text), target, warmup).ms;
  const checkMs = timeMedian(() => runChecks(parseReport(text), { locale: 'zh' }), target, warmup).ms;
  const regexMs = timeMedian(() => regexPass(text), 300, 150).ms;
  return { name, chars: text.length, bytes, parseMs, checkMs, regexMs, findings: countFindings(text) };
}

/** Findings of text by severity. */
export function countFindings(text: string): AnalysisRow['findings'] {
  const findings = { error: 0, warning: 0, other: 0 };
  for (const f of runChecks(parseReport(text), { locale: 'zh' })) {
    if (f.severity === 'error') findings.error++;
    else if (f.severity === 'warning') findings.warning++;
    else findings.other++;
  }
  return findings;
}

/** Median parse + checks time of text (ms) and its findings. */
export function checkTime(text: string): { ms: number; findings: AnalysisRow['findings'] } {
  return { ms: timeMedian(() => runChecks(parseReport(text), { locale: 'zh' }), 300, 150).ms, findings: countFindings(text) };
}
