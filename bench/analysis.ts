// In-process analysis times (the bundled core, as the server and the CLI run it): parse, parse + checks, and one
// plain regex pass over the same text (the floor any reader of the text pays). Medians after a warm-up.

import { runChecks } from '../server/src/core/checks';
import { parseReport } from '../server/src/core/parse';
import { timeInterleaved } from './stats';

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
  // A 1 MB text takes about half a second per parse: 2 warm-up calls, then 9 rounds of one sample each.
  const big = text.length > 200_000;
  const [parseMs, checkMs, regexMs] = timeInterleaved(
    [() => parseReport(text), () => runChecks(parseReport(text), { locale: 'zh' }), () => regexPass(text)],
    big ? 9 : 5,
    big ? 0 : 60,
    big ? 2 : 10,
  );
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
export function checkTime(text: string, roundMs = 60): { ms: number; findings: AnalysisRow['findings'] } {
  return { ms: timeInterleaved([() => runChecks(parseReport(text), { locale: 'zh' })], 5, roundMs, roundMs ? 10 : 0)[0], findings: countFindings(text) };
}
