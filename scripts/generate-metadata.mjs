// Writes what the rule registry (server/src/core/ruleRegistry.ts) decides into the files that cannot import it:
//   - package.json: contributes.configuration.properties["disclosureReport.rules.<code>"] for every rule, in the
//     registry's order after the other settings (a string enum error|warning|information|hint|off, the rule's
//     default severity, description %config.rules.<code>%);
//   - package.nls.json / package.nls.zh-cn.json: the config.rules.<code> descriptions (en / zh);
//   - README.md: the rule table between <!-- rules:begin --> and <!-- rules:end -->.
// Everything else in these files is kept as it is.
//
//   node scripts/generate-metadata.mjs            rewrite the files that differ (npm run generate)
//   node scripts/generate-metadata.mjs --check    change nothing; exit 1, naming each file and its first
//                                                  differing line, when a file differs from the registry
//   --root <dir>                                   the repository to read and write (default: this one)
//
// The registry is bundled on the fly with esbuild (as scripts/corpus-report.mjs does), so no build is needed first.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const HERE = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const rootAt = args.indexOf('--root');
const ROOT = rootAt >= 0 ? resolve(args[rootAt + 1] ?? '.') : HERE;
const unknown = args.filter((a, i) => a !== '--check' && a !== '--root' && !(rootAt >= 0 && i === rootAt + 1));
if (unknown.length > 0) {
  console.error(`generate-metadata: unknown argument ${unknown[0]}\nusage: node scripts/generate-metadata.mjs [--check] [--root <dir>]`);
  process.exit(2);
}

const SETTING_PREFIX = 'disclosureReport.rules.';
const NLS_PREFIX = 'config.rules.';
const BEGIN = '<!-- rules:begin -->';
const END = '<!-- rules:end -->';

/** server/src/core/ruleRegistry.ts (always this repository's), bundled and loaded. */
async function loadRegistry() {
  const built = await esbuild.build({ entryPoints: [join(HERE, 'server', 'src', 'core', 'ruleRegistry.ts')], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'warning' });
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-metadata-'));
  try {
    const file = join(dir, 'ruleRegistry.cjs');
    writeFileSync(file, built.outputFiles[0].text);
    return createRequire(file)(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const { RULE_REGISTRY, RULE_LEVELS: LEVELS, ruleAnchor } = await loadRegistry();

for (const rule of RULE_REGISTRY) {
  if (!rule.code.startsWith(`${rule.family}.`)) throw new Error(`rule ${rule.code}: its code does not start with its family ${rule.family}`);
  for (const text of [rule.description.zh, rule.description.en, rule.summary]) {
    if (/[\r\n|]/.test(text)) throw new Error(`rule ${rule.code}: a description is one line without "|": ${text}`);
  }
}
if (new Set(RULE_REGISTRY.map((r) => r.code)).size !== RULE_REGISTRY.length) throw new Error('the registry lists a code twice');

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

/** One rule's setting, in the shape package.json has always had. */
function setting(rule) {
  return {
    type: 'string',
    enum: LEVELS,
    enumDescriptions: LEVELS.map((l) => `%severity.${l}%`),
    default: rule.severity,
    description: `%${NLS_PREFIX}${rule.code}%`,
  };
}

function packageJson(text) {
  const manifest = JSON.parse(text);
  const configuration = manifest.contributes.configuration;
  const properties = {};
  for (const [key, value] of Object.entries(configuration.properties)) if (!key.startsWith(SETTING_PREFIX)) properties[key] = value;
  for (const rule of RULE_REGISTRY) properties[`${SETTING_PREFIX}${rule.code}`] = setting(rule);
  configuration.properties = properties;
  return json(manifest);
}

/** The rule descriptions in place of the old ones (where the first of them was; at the end if there was none). */
function nls(text, describe) {
  const entries = Object.entries(JSON.parse(text));
  const rules = RULE_REGISTRY.map((r) => [`${NLS_PREFIX}${r.code}`, describe(r)]);
  const first = entries.findIndex(([key]) => key.startsWith(NLS_PREFIX));
  const kept = entries.filter(([key]) => !key.startsWith(NLS_PREFIX));
  const at = first < 0 ? kept.length : entries.slice(0, first).filter(([key]) => !key.startsWith(NLS_PREFIX)).length;
  return json(Object.fromEntries([...kept.slice(0, at), ...rules, ...kept.slice(at)]));
}

function defaultOf(rule) {
  return rule.severityNote ? `${rule.severity} (${rule.severityNote})` : rule.severity;
}

function ruleTable() {
  const rows = RULE_REGISTRY.map((r) => `| <a id="${ruleAnchor(r.code)}"></a>\`${r.code}\` | ${defaultOf(r)} | ${r.summary} |`);
  return [BEGIN, '| code | default | what |', '|---|---|---|', ...rows, END].join('\n');
}

function readme(text) {
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`README.md: the rule table must stand between ${BEGIN} and ${END}`);
  return text.slice(0, begin) + ruleTable() + text.slice(end + END.length);
}

const FILES = [
  ['package.json', packageJson],
  ['package.nls.json', (text) => nls(text, (r) => `Severity of rule ${r.code}: ${r.description.en}`)],
  ['package.nls.zh-cn.json', (text) => nls(text, (r) => `规则 ${r.code} 的提示级别：${r.description.zh}`)],
  ['README.md', readme],
];

/** "line N: - old / + new" for the first line that differs. */
function firstDifference(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}:\n  - ${a[i] ?? '(end of file)'}\n  + ${b[i] ?? '(end of file)'}`;
  }
  return '';
}

const stale = [];
for (const [name, generate] of FILES) {
  const path = join(ROOT, name);
  const before = readFileSync(path, 'utf8');
  const after = generate(before);
  if (after === before) continue;
  stale.push(name);
  if (check) console.error(`${name} differs from the rule registry, ${firstDifference(before, after)}`);
  else writeFileSync(path, after);
}

if (check) {
  if (stale.length > 0) {
    console.error(`${stale.length} file(s) out of date with server/src/core/ruleRegistry.ts: run npm run generate`);
    process.exit(1);
  }
  console.log('package.json, package.nls.json, package.nls.zh-cn.json and README.md agree with the rule registry');
} else {
  console.log(stale.length > 0 ? `rewrote ${stale.join(', ')}` : 'nothing to rewrite');
}
