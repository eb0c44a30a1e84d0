// The command line's settings for each file: the nearest `.nianbao.json` found by walking up from the file's folder
// (the keys of the VS Code settings, `"disclosureReport.rules.table3.row-total": "warning"`, comments allowed as in
// settings.json), then `--rule CODE=SEVERITY` over it. The valid keys and values are the extension's own
// configuration (package.json), so the file and the editor's settings cannot drift apart.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import manifest from '../../../package.json';
import { isRuleCode, type RuleCode, type RuleLevel } from '../core/checks/rules';
import { RULE_LEVELS } from '../core/ruleRegistry';
import { readSettings, type Settings } from '../core/settings';

export const CONFIG_FILE = '.nianbao.json';
const SECTION = 'disclosureReport.';

interface PropertySchema {
  type?: string;
  enum?: readonly unknown[];
  minimum?: number;
}

const PROPERTIES = manifest.contributes.configuration.properties as Record<string, PropertySchema>;

export class ConfigError extends Error {}

/** Why a value does not fit its setting, or null when it does. */
function invalidValue(schema: PropertySchema, value: unknown): string | null {
  if (schema.enum && !schema.enum.includes(value)) return `应为 / must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if (schema.type && typeof value !== schema.type) return `应为 / must be a ${schema.type}`;
  if (schema.minimum !== undefined && typeof value === 'number' && value < schema.minimum) return `应不小于 / must be at least ${schema.minimum}`;
  return null;
}

/**
 * A config file's settings. Keys are written flat as in settings.json, or nested under "disclosureReport"; an
 * unknown key or a wrong value is an error naming the file (a typo must not silently do nothing).
 */
export function readConfigFile(path: string): Settings {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`无法读取配置文件 / cannot read the config file: ${path}（${(error as Error).message}）`);
  }
  const errors: ParseError[] = [];
  const raw: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
  if (errors.length > 0 || !raw || typeof raw !== 'object' || Array.isArray(raw)) {
    const why = errors.length > 0 ? `${printParseErrorCode(errors[0].error)} at offset ${errors[0].offset}` : 'not an object';
    throw new ConfigError(`配置文件不是有效的 JSON 对象 / the config file is not a JSON object: ${path}（${why}）`);
  }
  const flat = new Map<string, unknown>();
  flatten(raw as Record<string, unknown>, '', flat);
  const section: Record<string, unknown> = {};
  for (const [key, value] of flat) {
    const schema = PROPERTIES[key];
    if (!schema) throw new ConfigError(`配置文件中有未知的设置 / unknown setting in the config file: ${path}: ${key}`);
    const invalid = invalidValue(schema, value);
    if (invalid) throw new ConfigError(`配置文件中的设置值无效 / invalid value in the config file: ${path}: ${key} = ${JSON.stringify(value)}（${invalid}）`);
    setPath(section, key.slice(SECTION.length), value);
  }
  return readSettings(section);
}

/** Nested objects to the flat keys of settings.json: {"disclosureReport": {"rules": {"table3.row-total": …}}}. */
function flatten(value: Record<string, unknown>, prefix: string, into: Map<string, unknown>): void {
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (child && typeof child === 'object' && !Array.isArray(child) && !PROPERTIES[path]) flatten(child as Record<string, unknown>, path, into);
    else into.set(path, child);
  }
}

/** `rules.table3.row-total` sets rules['table3.row-total'] (a rule code keeps its dot); other keys nest by dots. */
function setPath(section: Record<string, unknown>, key: string, value: unknown): void {
  if (key.startsWith('rules.')) {
    const rules = (section.rules ??= {}) as Record<string, unknown>;
    rules[key.slice('rules.'.length)] = value;
    return;
  }
  const parts = key.split('.');
  let node = section;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]] = value;
}

/** `--rule CODE=SEVERITY`, checked against the rule registry. */
export function parseRuleOption(option: string): [RuleCode, RuleLevel] | string {
  const match = /^([^=]+)=(.+)$/.exec(option);
  if (!match) return `--rule 应写作 CODE=SEVERITY / --rule takes CODE=SEVERITY: ${option}`;
  const [, code, level] = match;
  if (!isRuleCode(code)) return `未知的规则 / unknown rule: ${code}（见 / see README.md#what-it-checks）`;
  if (!RULE_LEVELS.includes(level as RuleLevel)) return `规则级别应为 / the level must be one of ${RULE_LEVELS.join(', ')}: ${option}`;
  return [code, level as RuleLevel];
}

/** The settings of each file: its nearest config file (read once per folder), then the command line's --rule. */
export class ConfigResolver {
  private readonly byFolder = new Map<string, { path: string | null; settings: Settings }>();

  constructor(
    private readonly base: Settings,
    private readonly ruleOverrides: Partial<Record<RuleCode, RuleLevel>>,
  ) {}

  /** The settings for a file, and the config file they came from (null: none found). Throws ConfigError. */
  settingsFor(file: string): { path: string | null; settings: Settings } {
    return this.forFolder(dirname(resolve(file)));
  }

  private forFolder(folder: string): { path: string | null; settings: Settings } {
    const known = this.byFolder.get(folder);
    if (known) return known;
    const candidate = join(folder, CONFIG_FILE);
    let found: { path: string | null; settings: Settings };
    if (existsSync(candidate)) {
      const settings = readConfigFile(candidate);
      found = { path: candidate, settings: { ...settings, rules: { ...settings.rules, ...this.ruleOverrides } } };
    } else {
      const parent = dirname(folder);
      found = parent === folder ? { path: null, settings: { ...this.base, rules: { ...this.base.rules, ...this.ruleOverrides } } } : this.forFolder(parent);
    }
    this.byFolder.set(folder, found);
    return found;
  }
}
