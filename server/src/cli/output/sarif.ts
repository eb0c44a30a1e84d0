// `check --format sarif`: the findings as one SARIF 2.1.0 run, as GitHub code scanning takes it. Paths are
// relative to the folder the run was started in (%SRCROOT%), so that a log made in a checkout names the files as
// the repository does and carries no other absolute path.

import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Location, Log, Notification, Region, ReportingDescriptor, Result } from 'sarif';
import type { Locale } from '../../core/i18n';
import { RULE_REGISTRY, ruleDocs, type RuleSpec, type Severity } from '../../core/ruleRegistry';
import { describePlace, sourceKind } from '../../readers';
import type { FileReport, FindingRecord, LineRange } from '../analyse';
import type { RunInfo } from './run';

const SRCROOT = '%SRCROOT%';

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** The language of the run's own words and of the findings' messages (SARIF's run.language). */
const LANGUAGES: Record<Locale, string> = { zh: 'zh-CN', en: 'en-US' };

const RULE_INDEX = new Map<string, number>(RULE_REGISTRY.map((rule, index) => [rule.code, index]));

export function sarifLog(reports: readonly FileReport[], run: RunInfo): Log {
  const failed = reports.flatMap((report) => (report.error === undefined ? [] : [{ file: report.file, error: report.error }]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'nianbao',
            version: run.version,
            semanticVersion: run.version,
            rules: RULE_REGISTRY.map((rule) => ruleOf(rule, run.locale)),
          },
        },
        invocations: [
          {
            executionSuccessful: failed.length === 0,
            startTimeUtc: run.startedAt,
            toolExecutionNotifications: failed.map((failure) => notificationOf(failure, run.cwd)),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(run.cwd) } },
        language: LANGUAGES[run.locale],
        columnKind: 'utf16CodeUnits',
        results: reports.flatMap((report) => resultsOf(report, run)),
      },
    ],
  };
}

function ruleOf(rule: RuleSpec, locale: Locale): ReportingDescriptor {
  const description = rule.description[locale];
  return {
    id: rule.code,
    shortDescription: { text: description },
    fullDescription: { text: description },
    // The README's rule table is the rule's documentation; the project publishes no web address for it.
    help: { text: `${rule.summary}\n${locale === 'zh' ? '说明见' : 'See'} ${ruleDocs(rule.code)}` },
    defaultConfiguration: { level: LEVELS[rule.severity] },
    properties: { tags: [rule.family] },
  };
}

function notificationOf(failure: { file: string; error: string }, cwd: string): Notification {
  return { level: 'error', message: { text: failure.error }, locations: [{ physicalLocation: { artifactLocation: artifactOf(failure.file, cwd) } }] };
}

function resultsOf(report: FileReport, run: RunInfo): Result[] {
  const artifactLocation = artifactOf(report.file, run.cwd);
  // Findings with the same fingerprint in one file are told apart by their order (as GitHub's own line hashes are).
  const seen = new Map<string, number>();
  return report.findings.map((finding) => {
    const ruleIndex = RULE_INDEX.get(finding.code);
    if (ruleIndex === undefined) throw new Error(`finding of an unregistered rule: ${finding.code}`);
    const hash = fingerprint(finding, artifactLocation.uri);
    const occurrence = seen.get(hash) ?? 0;
    seen.set(hash, occurrence + 1);
    return {
      ruleId: finding.code,
      ruleIndex,
      level: LEVELS[finding.severity],
      message: { text: finding.message },
      locations: [locationOf(finding, report.file, artifactLocation, run.locale)],
      ...(finding.related.length > 0
        ? {
            relatedLocations: finding.related.map((related, index) => {
              const file = related.file ?? report.file;
              return {
                id: index + 1,
                message: { text: related.message },
                physicalLocation: isConverted(file)
                  ? { artifactLocation: artifactOf(file, run.cwd) }
                  : { artifactLocation: artifactOf(file, run.cwd), region: regionOf(related.range) },
              };
            }),
          }
        : {}),
      partialFingerprints: { 'nianbao/v1': `${hash}:${occurrence}` },
    };
  });
}

/**
 * Where a finding is. In a text file: its line and columns. In a converted file (Word, PDF, web page) the lines
 * are the draft's, not the file's, so there is no region: the place in the source (page, table, row, column) is
 * said in the location's message and kept as data in its properties.
 */
function locationOf(finding: FindingRecord, file: string, artifactLocation: ArtifactLocation, locale: Locale): Location {
  if (!isConverted(file)) return { physicalLocation: { artifactLocation, region: { ...regionOf(finding.range), snippet: { text: finding.text } } } };
  const place = describePlace(finding.place, locale);
  return {
    physicalLocation: { artifactLocation },
    ...(place !== null ? { message: { text: place } } : {}),
    properties: { ...(finding.place ? { place: finding.place } : {}), text: finding.text },
  };
}

/** A 0-based LSP range as a 1-based SARIF region (columns in UTF-16 code units, as the run's columnKind says). */
function regionOf(range: LineRange): Region {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

function isConverted(file: string): boolean {
  const kind = sourceKind(file);
  return kind !== null && kind !== 'text';
}

/** The file relative to the run's folder, with forward slashes and each segment URI-encoded (Chinese names too). */
function artifactOf(file: string, cwd: string): ArtifactLocation & { uri: string } {
  const absolute = resolve(cwd, file);
  const path = relative(cwd, absolute);
  // A file outside the run's folder cannot be named from %SRCROOT%: its own file URI is the only honest name.
  if (path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) return { uri: pathToFileURL(absolute).href };
  return { uri: path.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function folderUri(folder: string): string {
  const uri = pathToFileURL(folder).href;
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/** What identifies a finding across runs without its line number or message: the rule, the file, its line's text and its own. */
function fingerprint(finding: FindingRecord, uri: string): string {
  return createHash('sha256').update(JSON.stringify([finding.code, uri, finding.line.trim(), finding.text])).digest('hex').slice(0, 32);
}
