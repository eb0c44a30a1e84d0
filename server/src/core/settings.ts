// The user's settings (disclosureReport.*), read leniently from whatever a client sends.

import { isRuleCode, type RuleCode, type RuleLevel } from './checks/rules';
import { RULE_LEVELS } from './ruleRegistry';

export interface Settings {
  enable: boolean;
  /** Check plain .txt/.md documents that are recognisably a report. */
  autoDetect: boolean;
  inlayHints: boolean;
  /** CodeLens above tables 三 and 四 (disclosureReport.codeLens.enable). */
  codeLens: boolean;
  /** The language of messages: the client's locale (auto), or always zh / en (disclosureReport.language). */
  language: 'auto' | 'zh' | 'en';
  rules: Partial<Record<RuleCode, RuleLevel>>;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, autoDetect: true, inlayHints: true, codeLens: true, language: 'auto', rules: {} };

const LEVELS: ReadonlySet<string> = new Set(RULE_LEVELS);

/**
 * VS Code hands `disclosureReport.rules.table3.row-total` over as nested objects ({ table3: { 'row-total': … } });
 * other clients may send flat keys. Both are flattened back into rule codes.
 */
function flattenRules(value: unknown, prefix: string, into: Partial<Record<RuleCode, RuleLevel>>): void {
  if (typeof value === 'string') {
    if (isRuleCode(prefix) && LEVELS.has(value)) into[prefix] = value as RuleLevel;
    return;
  }
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flattenRules(child, prefix ? `${prefix}.${key}` : key, into);
  }
}

export function readSettings(raw: unknown): Settings {
  const section = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Partial<Record<RuleCode, RuleLevel>> = {};
  flattenRules(section.rules, '', rules);
  const inlay = section.inlayHints as Record<string, unknown> | undefined;
  const lens = section.codeLens as Record<string, unknown> | undefined;
  const language = section.language === 'zh' || section.language === 'en' ? section.language : 'auto';
  return {
    enable: section.enable !== false,
    autoDetect: section.autoDetect !== false,
    inlayHints: inlay?.enable !== false,
    codeLens: lens?.enable !== false,
    language,
    rules,
  };
}
