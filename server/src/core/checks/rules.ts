// What a finding carries; the rules themselves (codes, default severities, descriptions) are ../ruleRegistry.ts.

import type { Span } from '../model';
import { RULES, type RuleCode, type Severity } from '../ruleRegistry';

export { RULE_REGISTRY, RULES, ruleDocs, type RuleCode, type RuleFamily, type RuleLevel, type RuleSpec, type Severity } from '../ruleRegistry';

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
  /**
   * Offsets in the finding's own document; or, with `uri`, in another file (last year's report), whose text is not
   * at hand: `range` then gives the place as line and character.
   */
  span: Span;
  message: string;
  uri?: string;
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
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
