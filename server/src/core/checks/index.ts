// All rules over one model, then the user's severities and the draft's disable comments.

import type { ReportModel } from '../model';
import type { Locale } from '../i18n';
import { lineOf } from '../text';
import { checkCells } from './cells';
import { checkNarrative } from './narrative';
import { isRuleCode, type Finding, type RuleCode, type RuleLevel } from './rules';
import { checkStructure } from './structure';
import { checkTable3 } from './table3';
import { checkTable4 } from './table4';

export interface CheckOptions {
  locale: Locale;
  /** Per-rule level from the settings; absent rules keep their default. */
  rules?: Partial<Record<RuleCode, RuleLevel>>;
}

export function runChecks(model: ReportModel, options: CheckOptions): Finding[] {
  const { locale } = options;
  const all = [
    ...checkCells(model, locale),
    ...checkTable3(model, locale),
    ...checkTable4(model, locale),
    ...checkNarrative(model, locale),
    ...checkStructure(model, locale),
  ];
  return applySuppressions(applyLevels(all, options.rules ?? {}), model).sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
}

function applyLevels(findings: Finding[], rules: Partial<Record<RuleCode, RuleLevel>>): Finding[] {
  const result: Finding[] = [];
  for (const f of findings) {
    const level = rules[f.code];
    if (level === 'off') continue;
    result.push(level ? { ...f, severity: level } : f);
  }
  return result;
}

/** `nianbao-disable-next-line [codes]` drops findings that start on the next line; `nianbao-disable-file [codes]`, everywhere. */
export function applySuppressions(findings: Finding[], model: ReportModel): Finding[] {
  if (model.suppressions.length === 0) return findings;
  // Words that cannot name a rule (the "--" of a closing "-->") are not codes: "<!-- nianbao-disable-file -->" means every rule.
  const scopes = model.suppressions.map((s) => ({ ...s, codes: s.codes.filter((c) => /^[a-z]/i.test(c)) }));
  return findings.filter((f) => {
    const line = lineOf(model.lineStarts, f.span.start);
    return !scopes.some((s) => (s.scope === 'file' || s.line === line) && (s.codes.length === 0 || s.codes.some((c) => c === f.code || (!isRuleCode(c) && f.code.startsWith(`${c}.`)))));
  });
}
