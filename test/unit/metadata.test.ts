// The rule registry is the one list of rules: package.json's settings, their descriptions in the nls files and
// the README's rule table are generated from it (npm run generate) and must not drift. The message catalog is
// typed so that a locale missing a message does not compile.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { RULE_REGISTRY, RULES } from '../../server/src/core/checks/rules';
import { message, t } from '../../server/src/core/messages';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const generator = path.join(repoRoot, 'scripts', 'generate-metadata.mjs');
const GENERATED = ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'README.md'];

function generate(...args: string[]) {
  return spawnSync(process.execPath, [generator, ...args], { cwd: repoRoot, encoding: 'utf8' });
}

test('package.json, package.nls*.json and the README rule table agree with the rule registry (npm run generate)', () => {
  const result = generate('--check');
  assert.equal(result.status, 0, `generate-metadata --check failed:\n${result.stderr}${result.stdout}`);
});

test('generate-metadata --check fails, naming the file, when a generated file drifts; without --check it repairs it', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'nianbao-metadata-'));
  try {
    for (const name of GENERATED) cpSync(path.join(repoRoot, name), path.join(root, name));
    // A default changed by hand, a description edited, a README row dropped.
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    manifest.contributes.configuration.properties['disclosureReport.rules.table3.row-total'].default = 'warning';
    writeFileSync(path.join(root, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const zh = JSON.parse(readFileSync(path.join(root, 'package.nls.zh-cn.json'), 'utf8'));
    zh['config.rules.year.mismatch'] = '改过的说明';
    writeFileSync(path.join(root, 'package.nls.zh-cn.json'), `${JSON.stringify(zh, null, 2)}\n`);
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    writeFileSync(path.join(root, 'README.md'), readme.split('\n').filter((l) => !l.includes('`narrative.fee`')).join('\n'));

    const drift = generate('--check', '--root', root);
    assert.equal(drift.status, 1, drift.stderr);
    for (const name of ['package.json', 'package.nls.zh-cn.json', 'README.md']) assert.match(drift.stderr, new RegExp(`^${name.replace(/\./g, '\\.')} differs from the rule registry`, 'm'));
    assert.doesNotMatch(drift.stderr, /^package\.nls\.json differs/m);
    assert.match(drift.stderr, /3 file\(s\) out of date/);

    const repair = generate('--root', root);
    assert.equal(repair.status, 0, repair.stderr);
    for (const name of GENERATED) assert.equal(readFileSync(path.join(root, name), 'utf8'), readFileSync(path.join(repoRoot, name), 'utf8'), name);
    assert.equal(generate('--check', '--root', root).status, 0);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the README rule table has one row per rule, with its anchor and default', () => {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('<!-- rules:begin -->'), readme.indexOf('<!-- rules:end -->'));
  const rows = table.split('\n').filter((l) => l.startsWith('| <a id='));
  assert.deepEqual(rows.map((r) => /`([^`]+)`/.exec(r)![1]), RULE_REGISTRY.map((r) => r.code));
  for (const rule of RULE_REGISTRY) assert.ok(table.includes(`<a id="rule-${rule.code}"></a>\`${rule.code}\` | ${rule.severity}`), rule.code);
});

test('RULES is derived from the registry: every code once, with its default severity', () => {
  assert.deepEqual(Object.entries(RULES), RULE_REGISTRY.map((r) => [r.code, r.severity]));
  for (const rule of RULE_REGISTRY) assert.ok(rule.code.startsWith(`${rule.family}.`), rule.code);
});

test('the catalogs have the same messages in both locales, and message() and t() agree', () => {
  assert.deepEqual(Object.keys(t('en')).sort(), Object.keys(t('zh')).sort());
  assert.equal(message('zh', 'fix.total', { value: 5 }), '将总计改为 5');
  assert.equal(message('en', 'fix.total', { value: 5 }), t('en')['fix.total']({ value: 5 }));
  assert.equal(message('en', 'fix.all-totals'), 'Fix all totals');
});

test('a locale missing one message does not compile (test/types/catalog-missing-key.ts: TS2741)', () => {
  const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(repoRoot, 'test', 'types', 'tsconfig.json')], { cwd: repoRoot, encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`;
  assert.notEqual(result.status, 0, 'catalog-missing-key.ts compiled, but its catalog lacks a message');
  assert.match(output, /catalog-missing-key\.ts\(\d+,\d+\): error TS2741: Property ''fix\.total'' is missing/);
  // That error and no other: messages.ts itself compiles.
  assert.equal(output.split('\n').filter((l) => /error TS\d+/.test(l)).length, 1, output);
});

test('every vscode.l10n.t string of the client has its Chinese in l10n/bundle.l10n.zh-cn.json, and no other', () => {
  const client = readFileSync(path.join(repoRoot, 'client', 'src', 'extension.ts'), 'utf8');
  const keys = [...client.matchAll(/vscode\.l10n\.t\('((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\(.)/g, '$1'));
  assert.ok(keys.length >= 10, `${keys.length} strings found`);
  const bundle = JSON.parse(readFileSync(path.join(repoRoot, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  assert.deepEqual(Object.keys(bundle).sort(), [...new Set(keys)].sort());
  for (const [en, zh] of Object.entries(bundle)) assert.equal((en.match(/\{\d\}/g) ?? []).join(), (zh.match(/\{\d\}/g) ?? []).join(), en);
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  assert.equal(manifest.l10n, './l10n');
});
