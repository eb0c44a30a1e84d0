// The rules: stable codes, default severities, and what a finding carries.

import type { Span } from '../model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type RuleLevel = Severity | 'off';

export const RULES = {
  'table3.row-total': 'error',
  'table3.result-total': 'error',
  'table3.balance': 'error',
  'table3.suspect-cell': 'error',
  'table4.group-total': 'error',
  'table.not-a-number': 'error',
  'table.negative': 'error',
  'table.not-integer': 'error',
  'table.missing-row': 'error',
  'table.missing-cell': 'error',
  'table.extra-cells': 'error',
  'table.blank-cells': 'information',
  'table.unreadable': 'warning',
  'narrative.count-mismatch': 'warning',
  'narrative.ambiguous-count': 'warning',
  'narrative.percent': 'warning',
  'narrative.fee': 'warning',
  'structure.missing-section': 'warning',
  'structure.section-order': 'warning',
  'structure.duplicate-section': 'warning',
  'structure.row-label': 'warning',
  'structure.outdated-format': 'warning',
  'structure.government-duties': 'warning',
  'year.mismatch': 'warning',
  'encoding.mojibake': 'information',
} as const satisfies Record<string, Severity>;

export type RuleCode = keyof typeof RULES;

export function isRuleCode(code: string): code is RuleCode {
  return Object.prototype.hasOwnProperty.call(RULES, code);
}

export interface TextEdit {
  span: Span;
  newText: string;
}

/** What a quick fix does; code actions present it, fix-all collects the total fixes. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  preferred: boolean;
}

export interface Related {
  span: Span;
  message: string;
}

export interface Finding {
  code: RuleCode;
  /** The rule's default, or stronger where the finding is unambiguous. */
  severity: Severity;
  span: Span;
  message: string;
  related: Related[];
  fixes: Fix[];
}

export function finding(code: RuleCode, span: Span, message: string, extra: Partial<Omit<Finding, 'code' | 'span' | 'message'>> = {}): Finding {
  return { code, severity: RULES[code], span, message, related: [], fixes: [], ...extra };
}
