// The language server: wires LSP requests to the features. Runs under VS Code (IPC) or standalone
// (`node dist/server.js --stdio`) for any LSP client.

import {
  createConnection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  type InitializeParams,
  type Diagnostic,
  type InitializeResult,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { runChecks } from './core/checks';
import { finding, RULES, type Finding } from './core/checks/rules';
import { looksMisdecoded, MISDECODED_MESSAGE } from './core/decode';
import { localeFrom, tr, type Locale } from './core/i18n';
import type { ReportModel } from './core/model';
import { parseReport } from './core/parse';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './core/settings';
import { DIAGNOSTIC_SOURCE, toDiagnostics } from './features/diagnostics';
import { FIX_ALL_KIND, fixAllTitle, provideCodeActions, toWorkspaceEdit } from './features/codeActions';
import { fixAllTotals } from './core/fixAll';
import { newReportText, type NewReport } from './core/template';
import { provideCompletion } from './features/completion';
import { provideFoldingRanges } from './features/folding';
import { provideFormatting } from './features/formatting';
import { provideHover } from './features/hover';
import { provideInlayHints } from './features/inlayHints';
import { provideDocumentSymbols } from './features/symbols';
import { importReport } from './features/importReport';

const connection = createConnection(ProposedFeatures.all);

/**
 * TextDocument with a guard for a bug of vscode-languageserver-textdocument 1.0.12: its incremental update keeps
 * the line index of the text around an edit, so an edit next to a lone `\r` that joins or splits a `\r\n`
 * ("a\rb" + "\n" inserted at 1:0 → lineCount 3 instead of 2) leaves a line index that no longer matches the text,
 * and every later position the client sends lands on the wrong line. Such an edit rebuilds the document from
 * its text (a fresh line index); every other edit stays incremental.
 */
const SyncedTextDocument = {
  create: TextDocument.create,
  update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    for (const change of changes) {
      if (!('range' in change)) {
        document = TextDocument.create(document.uri, document.languageId, version, change.text);
        continue;
      }
      const before = document.getText();
      const start = document.offsetAt(change.range.start);
      const end = Math.max(start, document.offsetAt(change.range.end));
      const joinsOrSplitsCrLf = before.charCodeAt(start - 1) === 13 || (before.charCodeAt(end) === 10 && change.text.endsWith('\r'));
      document = TextDocument.update(document, [change], version);
      if (joinsOrSplitsCrLf) document = TextDocument.create(document.uri, document.languageId, version, document.getText());
    }
    return document;
  },
};
const documents = new TextDocuments(SyncedTextDocument);

/** Checks while typing wait at least this long after a change… */
const MIN_DELAY_MS = 20;
/** …and at most this long after the first change not yet published, so a steady typist sees updates. */
const MAX_WAIT_MS = 300;
const REPORT_LANGUAGE = 'disclosure-report';
const FIX_ALL_COMMAND = 'disclosureReport.server.fixAllTotals';
const NEW_REPORT_COMMAND = 'disclosureReport.server.newReportText';
const IMPORT_COMMAND = 'disclosureReport.server.importReport';
/** Characters above which a document is checked on open and save only (setting disclosureReport.maxLiveSize). */
const DEFAULT_MAX_LIVE_SIZE = 2 * 1024 * 1024;
const SIZE_LIMIT_CODE = 'disclosureReport.maxLiveSize';

let locale: Locale = 'zh';
let settings: Settings = DEFAULT_SETTINGS;
let maxLiveSize = DEFAULT_MAX_LIVE_SIZE;
/** Bumped when the settings change: findings cached under an older generation are stale. */
let generation = 0;
let pullConfiguration = false;
let inlayHintRefresh = false;

/**
 * One document version's model and findings: computed once, shared by diagnostics, code actions, hover, inlay
 * hints and the rest. model is null when the document is too large for live checking and was not saved since.
 */
interface Analysis {
  version: number;
  generation: number;
  model: ReportModel | null;
  /** The findings published for this version ([] when the document is not a checked report). */
  findings: Finding[];
  /** A checked report whose model the features may use (not a text read with the wrong encoding). */
  report: boolean;
}

const analyses = new Map<string, Analysis>();
/** Typing not yet published: the timer, and when the first unpublished change came. */
const pending = new Map<string, { timer: NodeJS.Timeout; since: number }>();
/** How long the last analysis of each document took (ms): the delay while typing adapts to it. */
const durations = new Map<string, number>();
/** Document version whose diagnostics were last published: never an older one after a newer one. */
const published = new Map<string, number>();
/** Whether the last diagnostics published for a document were the size-limit notice. */
const tooLarge = new Map<string, boolean>();
/** Counters for the protocol tests (request nianbao/test/stats, only with NIANBAO_TEST_STATS set). */
const stats = { parses: 0, checks: 0 };

/** Files of the report language always; plain text and Markdown only when they read as a report. */
function isChecked(document: TextDocument, model: ReportModel): boolean {
  if (!settings.enable) return false;
  if (document.languageId === REPORT_LANGUAGE) return true;
  return settings.autoDetect && model.isReport;
}

/** A document that should be a report: the report language, *.nianbao.*, or a .txt/.md named like one. */
function expectsReport(document: TextDocument): boolean {
  if (document.languageId === REPORT_LANGUAGE) return true;
  let uri = document.uri;
  try {
    uri = decodeURIComponent(uri);
  } catch {
    // keep the encoded form
  }
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  return /\.nianbao\.(md|txt)$/i.test(name) || (/\.(md|txt)$/i.test(name) && /年度报告|年报|信息公开|nianbao/i.test(name));
}

/** Without parsing it: a document that is, or may well be, a report (for the notice on a large document). */
function mayBeReport(document: TextDocument): boolean {
  if (!settings.enable) return false;
  if (expectsReport(document)) return true;
  return settings.autoDetect && document.getText().slice(0, 8192).includes('政府信息公开');
}

function isTooLarge(document: TextDocument): boolean {
  return document.getText().length > maxLiveSize;
}

/**
 * The analysis of the document's current version, from the cache when it has one. A document above
 * maxLiveSize is analysed only when forced (open of a saved file is not, save is).
 */
function analysisOf(document: TextDocument, force = false): Analysis {
  const cached = analyses.get(document.uri);
  const sameVersion = cached?.version === document.version;
  if (cached && sameVersion && cached.generation === generation && (cached.model || !force)) return cached;
  if (!force && isTooLarge(document)) {
    const analysis: Analysis = { version: document.version, generation, model: null, findings: [], report: false };
    analyses.set(document.uri, analysis);
    return analysis;
  }
  const started = performance.now();
  const text = document.getText();
  let model = sameVersion ? cached?.model : null;
  if (!model) {
    model = parseReport(text);
    stats.parses++;
  }
  let findings: Finding[] = [];
  let report = false;
  if (settings.enable && !model.isReport && expectsReport(document) && looksMisdecoded(text)) {
    // One clear note instead of a page of warnings about text that is not what the author wrote.
    const level = settings.rules['encoding.mojibake'] ?? RULES['encoding.mojibake'];
    if (level !== 'off') findings = [{ ...finding('encoding.mojibake', firstLine(text), tr(locale, MISDECODED_MESSAGE)), severity: level }];
  } else if (isChecked(document, model)) {
    findings = runChecks(model, { locale, rules: settings.rules });
    report = true;
    stats.checks++;
  }
  durations.set(document.uri, performance.now() - started);
  const analysis: Analysis = { version: document.version, generation, model, findings, report };
  analyses.set(document.uri, analysis);
  return analysis;
}

function firstLine(text: string): { start: number; end: number } {
  const end = text.search(/[\r\n]/);
  return { start: 0, end: end < 0 ? text.length : end };
}

/** The model of a document the server handles, or null for documents it leaves alone. */
function reportOf(uri: string): Analysis | null {
  const document = documents.get(uri);
  if (!document) return null;
  const analysis = analysisOf(document);
  return analysis.report && analysis.model ? analysis : null;
}

function sizeNotice(document: TextDocument): Diagnostic {
  const size = document.getText().length;
  const message =
    locale === 'zh'
      ? `此文件有 ${size} 个字符，超过 ${SIZE_LIMIT_CODE}（${maxLiveSize}）：输入时不检查，保存时检查全文`
      : `This file has ${size} characters, more than ${SIZE_LIMIT_CODE} (${maxLiveSize}): it is not checked while typing, only on save`;
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, code: SIZE_LIMIT_CODE, source: DIAGNOSTIC_SOURCE, message };
}

/** Checks the document's current version (from the cache when it can) and publishes its diagnostics. */
function validate(document: TextDocument, force = false): void {
  const uri = document.uri;
  const entry = pending.get(uri);
  if (entry) clearTimeout(entry.timer);
  pending.delete(uri);
  // A newer version was published already (versions only grow): nothing computed now may replace it.
  if ((published.get(uri) ?? -Infinity) > document.version) return;
  try {
    const large = isTooLarge(document);
    // While a large document is edited, its notice (and the findings of its last save) stand: nothing to redo.
    if (large && !force && tooLarge.get(uri) && published.has(uri)) return;
    // A large document that is no report (a log, a big Markdown file) is left alone, without a notice.
    const noticed = large && mayBeReport(document);
    const analysis = large && !noticed ? { model: null, findings: [] } : analysisOf(document, force);
    const diagnostics = analysis.model ? toDiagnostics(analysis.findings, analysis.model, uri) : [];
    if (noticed) diagnostics.unshift(sizeNotice(document));
    tooLarge.set(uri, large);
    published.set(uri, document.version);
    void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
  } catch (error) {
    // Checks run from a timer, where an exception would end the process: report it and keep serving.
    connection.console.error(`nianbao: checking ${uri} failed: ${(error as Error).stack ?? error}`);
  }
}

/**
 * Publishes soon after typing: the delay adapts to how long the document takes to check (twice the last
 * analysis, at least MIN_DELAY_MS), and a steady typist still gets an update every MAX_WAIT_MS or so (or twice
 * the analysis time for a slow document, so that checking never takes more than about half the time).
 */
function scheduleValidation(document: TextDocument): void {
  const uri = document.uri;
  const now = Date.now();
  const entry = pending.get(uri);
  if (entry) clearTimeout(entry.timer);
  const since = entry?.since ?? now;
  const last = durations.get(uri) ?? 0;
  const delay = Math.max(MIN_DELAY_MS, 2 * last);
  const maxWait = Math.max(MAX_WAIT_MS, 2 * last);
  const wait = Math.max(0, Math.min(delay, since + maxWait - now));
  const timer = setTimeout(() => {
    pending.delete(uri);
    const current = documents.get(uri);
    if (current && published.get(uri) !== current.version) validate(current);
  }, wait);
  pending.set(uri, { timer, since });
}

/** disclosureReport.maxLiveSize from the raw settings section (readSettings leaves it out). */
function readMaxLiveSize(raw: unknown): number {
  const value = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).maxLiveSize : undefined;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : DEFAULT_MAX_LIVE_SIZE;
}

async function refreshSettings(pushed?: unknown): Promise<void> {
  if (pullConfiguration) {
    const section: unknown = await connection.workspace.getConfiguration('disclosureReport');
    settings = readSettings(section);
    maxLiveSize = readMaxLiveSize(section);
  } else if (pushed !== undefined) {
    const section = (pushed as Record<string, unknown> | null)?.disclosureReport;
    settings = readSettings(section ?? pushed);
    maxLiveSize = readMaxLiveSize(section ?? pushed);
  }
  generation++;
  tooLarge.clear();
  for (const document of documents.all()) validate(document);
  // Hints are pulled by the client; after the setting changes it must ask again.
  if (inlayHintRefresh) void connection.languages.inlayHint.refresh().catch(() => undefined);
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  locale = localeFrom(params.locale);
  pullConfiguration = params.capabilities.workspace?.configuration === true;
  inlayHintRefresh = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
  return {
    capabilities: {
      // didSave: the full check of a document above maxLiveSize, for every client (Neovim, Helix register nothing dynamically).
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      // capabilities: one line per feature
      hoverProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      inlayHintProvider: true,
      completionProvider: {},
      documentFormattingProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      executeCommandProvider: { commands: [FIX_ALL_COMMAND, NEW_REPORT_COMMAND, IMPORT_COMMAND] },
    },
    serverInfo: { name: 'nianbao-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (pullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'disclosureReport' }).catch(() => undefined);
    void refreshSettings();
  }
});

connection.onDidChangeConfiguration((change) => void refreshSettings(change.settings));

documents.onDidOpen((event) => validate(event.document));
documents.onDidChangeContent((event) => scheduleValidation(event.document));
// A document above maxLiveSize is checked in full when saved.
documents.onDidSave((event) => {
  if (isTooLarge(event.document) && mayBeReport(event.document)) validate(event.document, true);
});
documents.onDidClose((event) => {
  const uri = event.document.uri;
  clearTimeout(pending.get(uri)?.timer);
  pending.delete(uri);
  analyses.delete(uri);
  durations.delete(uri);
  published.delete(uri);
  tooLarge.delete(uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

// Feature handlers: each one parses and checks nothing itself, it asks reportOf() for the cached analysis.

connection.onHover((params) => {
  const model = reportOf(params.textDocument.uri)?.model;
  return model ? provideHover(model, params.position, locale) : null;
});

connection.onDocumentSymbol((params) => {
  const model = reportOf(params.textDocument.uri)?.model;
  return model ? provideDocumentSymbols(model, locale) : [];
});

connection.onFoldingRanges((params) => {
  const model = reportOf(params.textDocument.uri)?.model;
  return model ? provideFoldingRanges(model) : [];
});

connection.languages.inlayHint.on((params) => {
  const model = reportOf(params.textDocument.uri)?.model;
  return model && settings.inlayHints ? provideInlayHints(model, params.range, locale) : [];
});

connection.onCompletion((params) => {
  const model = reportOf(params.textDocument.uri)?.model;
  return model ? provideCompletion(model, params.position, locale) : [];
});

connection.onDocumentFormatting((params) => {
  const model = reportOf(params.textDocument.uri)?.model;
  return model ? provideFormatting(model) : [];
});

connection.onCodeAction((params) => {
  // The findings of this version, as published: checks run once per version, not once per request.
  const analysis = reportOf(params.textDocument.uri);
  if (!analysis?.model) return [];
  return provideCodeActions(analysis.model, params.textDocument.uri, params.range, params.context, analysis.findings, locale);
});

connection.onExecuteCommand(async (params) => {
  if (params.command === FIX_ALL_COMMAND) {
    const uri = String(params.arguments?.[0] ?? '');
    const model = reportOf(uri)?.model;
    if (!model) return { applied: false };
    const edits = fixAllTotals(model);
    if (edits.length === 0) return { applied: true, changes: 0 };
    const result = await connection.workspace.applyEdit({ label: fixAllTitle(locale), edit: toWorkspaceEdit(model, uri, edits) });
    return { applied: result.applied, changes: edits.length };
  }
  if (params.command === NEW_REPORT_COMMAND) {
    const request = params.arguments?.[0] as Partial<NewReport> | undefined;
    return typeof request?.year === 'number' && typeof request.body === 'string' ? newReportText({ year: request.year, body: request.body }) : null;
  }
  if (params.command === IMPORT_COMMAND) return importReport(String(params.arguments?.[0] ?? ''), locale);
  return null;
});

if (process.env.NIANBAO_TEST_STATS) connection.onRequest('nianbao/test/stats', () => ({ ...stats }));

documents.listen(connection);
connection.listen();
