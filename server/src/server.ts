// The language server: wires LSP requests to the features. Runs under VS Code (IPC) or standalone
// (`node dist/server.js --stdio`) for any LSP client.

import {
  createConnection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  CodeLensRefreshRequest,
  type InitializeParams,
  type Diagnostic,
  type InitializeResult,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from './core/checks/rules';
import { localeFrom, type Locale } from './core/i18n';
import { t } from './core/messages';
import { DEFAULT_MAX_LIVE_SIZE, ReportService, type Analysis } from './core/service';
import { readSettings } from './core/settings';
import { DiskFiles, OverlayFiles } from './core/workspace';
import type { SourceKind } from './readers';
import { DIAGNOSTIC_SOURCE, toDiagnostics } from './features/diagnostics';
import { FIX_ALL_KIND, fixAllTitle, provideCodeActions, toWorkspaceEdit } from './features/codeActions';
import { fixAllTotals } from './core/fixAll';
import { newReportText, type NewReport } from './core/template';
import { provideCompletion } from './features/completion';
import { provideFoldingRanges } from './features/folding';
import { provideFormatting } from './features/formatting';
import { provideHover } from './features/hover';
import { provideCodeLenses } from './features/codeLens';
import { provideInlayHints } from './features/inlayHints';
import { provideDocumentSymbols } from './features/symbols';
import { importReport } from './features/importReport';
import { PREVIEW_REQUEST, providePreview, type PreviewParams } from './features/preview';

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
const FIX_ALL_COMMAND = 'disclosureReport.server.fixAllTotals';
const NEW_REPORT_COMMAND = 'disclosureReport.server.newReportText';
const IMPORT_COMMAND = 'disclosureReport.server.importReport';
/** The report sources whose changes on disk the server wants to hear of. */
const WATCHED_FILES = '**/*.{txt,md,docx,html,htm,shtml}';
const SIZE_LIMIT_CODE = 'disclosureReport.maxLiveSize';

/** The language of messages: disclosureReport.language, or the client's locale when it is auto. */
let locale: Locale = 'zh';
/** The client's display language (initialize), which disclosureReport.language = auto follows. */
let clientLocale: Locale = 'zh';
let codeLensRefresh = false;
let pullConfiguration = false;
let inlayHintRefresh = false;
let watchedFilesRegistration = false;
/** Workspace folders from initialize (file: URIs): the reports in them are indexed for the cross-year rules. */
let workspaceFolders: string[] = [];
let indexStarted = 0;
let indexMillis: number | null = null;

/**
 * The language service: documents, models and findings per version, and the workspace index. It reads files
 * through the editor's open documents first, the disk second. PDFs are not read for the index (seconds each):
 * their converted drafts (`<name>.nianbao.md`) stand for them.
 */
const service = new ReportService(
  new OverlayFiles(new DiskFiles(), (uri) => {
    const document = documents.get(uri);
    return document ? { text: document.getText(), version: document.version } : undefined;
  }),
  { kinds: new Set<SourceKind>(['text', 'docx', 'html']) },
);

/** Typing not yet published: the timer, and when the first unpublished change came. */
const pending = new Map<string, { timer: NodeJS.Timeout; since: number }>();
/** Document version whose diagnostics were last published: never an older one after a newer one. */
const published = new Map<string, number>();
/** Whether the last diagnostics published for a document were the size-limit notice. */
const tooLarge = new Map<string, boolean>();

/** The model of a document the server handles, or null for documents it leaves alone. */
function reportOf(uri: string): Analysis | null {
  return service.reportOf(documents.get(uri));
}

function sizeNotice(document: TextDocument): Diagnostic {
  const size = document.getText().length;
  const message = t(locale)['server.size-limit']({ size, code: SIZE_LIMIT_CODE, limit: service.maxLiveSize });
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
    const large = service.isTooLarge(document);
    // While a large document is edited, its notice (and the findings of its last save) stand: nothing to redo.
    if (large && !force && tooLarge.get(uri) && published.has(uri)) return;
    // A large document that is no report (a log, a big Markdown file) is left alone, without a notice.
    const noticed = large && service.mayBeReport(document);
    const analysis = large && !noticed ? { model: null, findings: [] } : service.analysisOf(document, force);
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
  const last = service.durationOf(uri);
  const delay = Math.max(MIN_DELAY_MS, 2 * last);
  const maxWait = Math.max(MAX_WAIT_MS, 2 * last);
  const wait = Math.max(0, Math.min(delay, since + maxWait - now));
  const timer = setTimeout(() => {
    pending.delete(uri);
    const current = documents.get(uri);
    // A version published already is published again only when the workspace changed under its cross-year findings.
    if (current && (published.get(uri) !== current.version || service.isCrossYearStale(uri))) validate(current);
  }, wait);
  pending.set(uri, { timer, since });
}

/** disclosureReport.maxLiveSize from the raw settings section (readSettings leaves it out). */
function readMaxLiveSize(raw: unknown): number {
  const value = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).maxLiveSize : undefined;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : DEFAULT_MAX_LIVE_SIZE;
}

/** The settings' language (disclosureReport.language): zh or en, or the client's locale for auto. */
function configureWith(section: unknown): void {
  const settings = readSettings(section);
  locale = settings.language === 'auto' ? clientLocale : settings.language;
  service.configure({ settings, maxLiveSize: readMaxLiveSize(section), locale });
}

async function refreshSettings(pushed?: unknown): Promise<void> {
  if (pullConfiguration) {
    const section: unknown = await connection.workspace.getConfiguration('disclosureReport');
    configureWith(section);
  } else if (pushed !== undefined) {
    configureWith((pushed as Record<string, unknown> | null)?.disclosureReport ?? pushed);
  } else {
    service.configure({});
  }
  tooLarge.clear();
  for (const document of documents.all()) validate(document);
  // Hints are pulled by the client; after the setting changes it must ask again.
  if (inlayHintRefresh) void connection.languages.inlayHint.refresh().catch(() => undefined);
  // CodeLens too (their language or the setting disclosureReport.codeLens.enable changed).
  if (codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
}

/**
 * The index changed (a report in the workspace was edited, saved, created, deleted or renamed): the open reports
 * whose cross-year findings rested on what changed are checked again and republished. Deferred, so that a burst
 * of changes (a scan, a folder of events) republishes once.
 */
let dependentsScheduled = false;
function refreshDependents(): void {
  if (dependentsScheduled) return;
  dependentsScheduled = true;
  setImmediate(() => {
    dependentsScheduled = false;
    for (const document of documents.all()) {
      // A document waiting for its check (typing) is checked by its timer, which sees the change too.
      if (pending.has(document.uri) || !published.has(document.uri)) continue;
      if (service.isCrossYearStale(document.uri)) validate(document);
    }
  });
}
service.index.onDidChange(() => refreshDependents());

/** Reads every report in the workspace folders into the index (after initialize; open documents are checked meanwhile). */
async function indexWorkspace(): Promise<void> {
  if (workspaceFolders.length === 0) return;
  indexStarted = performance.now();
  try {
    await service.index.scan(workspaceFolders);
  } catch (error) {
    connection.console.error(`nianbao: indexing the workspace failed: ${(error as Error).stack ?? error}`);
  }
  indexMillis = performance.now() - indexStarted;
}

function fileUriOf(folder: { uri: string }): string {
  return folder.uri.replace(/\/$/, '');
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  clientLocale = localeFrom(params.locale);
  locale = clientLocale;
  service.configure({ locale });
  workspaceFolders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : [])).map(fileUriOf).filter((uri) => uri.startsWith('file:'));
  watchedFilesRegistration = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  pullConfiguration = params.capabilities.workspace?.configuration === true;
  inlayHintRefresh = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
  codeLensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
  return {
    capabilities: {
      // didSave: the full check of a document above maxLiveSize, for every client (Neovim, Helix register nothing dynamically).
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      // capabilities: one line per feature
      hoverProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      inlayHintProvider: true,
      codeLensProvider: { resolveProvider: false },
      completionProvider: {},
      documentFormattingProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      executeCommandProvider: { commands: [FIX_ALL_COMMAND, NEW_REPORT_COMMAND, IMPORT_COMMAND] },
    },
    serverInfo: { name: 'nianbao-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  // Created, changed and deleted report sources (a rename arrives as a delete and a create).
  if (watchedFilesRegistration) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED_FILES }] }).catch(() => undefined);
  }
  void indexWorkspace();
  if (pullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'disclosureReport' }).catch(() => undefined);
    void refreshSettings();
  }
});

connection.onDidChangeConfiguration((change) => void refreshSettings(change.settings));

connection.onDidChangeWatchedFiles((params) => {
  for (const change of params.changes) {
    // An open document is the editor's text, not the disk's: it is indexed from the editor until it is closed.
    if (documents.get(change.uri)) continue;
    if (change.type === FileChangeType.Deleted) void service.index.remove(change.uri);
    else void service.index.refresh(change.uri);
  }
});

/** How far the index is: for clients and the protocol tests (nianbao/index). */
connection.onRequest('nianbao/index', async (params: { wait?: boolean } | null) => {
  if (params?.wait) await service.index.idle();
  return { folders: workspaceFolders, ready: indexMillis !== null || workspaceFolders.length === 0, millis: indexMillis, reports: service.index.all().length, ...service.index.stats };
});

documents.onDidOpen((event) => validate(event.document));
documents.onDidChangeContent((event) => scheduleValidation(event.document));
// A document above maxLiveSize is checked in full when saved.
documents.onDidSave((event) => {
  if (service.isTooLarge(event.document) && service.mayBeReport(event.document)) validate(event.document, true);
});
documents.onDidClose((event) => {
  const uri = event.document.uri;
  clearTimeout(pending.get(uri)?.timer);
  pending.delete(uri);
  service.forget(uri);
  published.delete(uri);
  // Back to what the disk says (or out of the index, for a draft never saved).
  void service.index.refresh(uri);
  tooLarge.delete(uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

// Feature handlers: each one parses and checks nothing itself, it asks reportOf() for the cached analysis.

connection.onHover((params) => {
  const uri = params.textDocument.uri;
  const model = reportOf(uri)?.model;
  if (!model) return null;
  // The workspace's last-year report, for the hover on 二、上年结转 (undefined: no workspace to look in).
  const lastYear = service.index.workspaceFolders.length > 0 ? service.lastYearOf(uri, model) : undefined;
  return provideHover(model, params.position, locale, lastYear);
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
  return model && service.settings.inlayHints ? provideInlayHints(model, params.range, locale) : [];
});

connection.onCodeLens((params) => {
  const model = reportOf(params.textDocument.uri)?.model;
  return model && service.settings.codeLens ? provideCodeLenses(model, params.textDocument.uri, locale) : [];
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
  // The cross-year findings have the same shape as the others (their codes are not in rules.ts yet).
  return provideCodeActions(analysis.model, params.textDocument.uri, params.range, params.context, analysis.findings as Finding[], locale);
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

connection.onRequest(PREVIEW_REQUEST, (params: PreviewParams) => providePreview(reportOf(String(params?.uri ?? ''))));
if (process.env.NIANBAO_TEST_STATS) connection.onRequest('nianbao/test/stats', () => ({ ...service.stats }));

documents.listen(connection);
connection.listen();
