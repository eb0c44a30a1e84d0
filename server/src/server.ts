// The language server: wires LSP requests to the features. Runs under VS Code (IPC) or standalone
// (`node dist/server.js --stdio`) for any LSP client.

import {
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { runChecks } from './core/checks';
import { localeFrom, type Locale } from './core/i18n';
import type { ReportModel } from './core/model';
import { parseReport } from './core/parse';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './core/settings';
import { toDiagnostics } from './features/diagnostics';
import { FIX_ALL_KIND, fixAllTitle, provideCodeActions, toWorkspaceEdit } from './features/codeActions';
import { fixAllTotals } from './core/fixAll';
import { newReportText, type NewReport } from './core/template';
import { provideCompletion } from './features/completion';
import { provideFoldingRanges } from './features/folding';
import { provideFormatting } from './features/formatting';
import { provideHover } from './features/hover';
import { provideInlayHints } from './features/inlayHints';
import { provideDocumentSymbols } from './features/symbols';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

/** Typing pauses shorter than this do not trigger a check. */
const DEBOUNCE_MS = 150;
const REPORT_LANGUAGE = 'disclosure-report';
const FIX_ALL_COMMAND = 'disclosureReport.server.fixAllTotals';
const NEW_REPORT_COMMAND = 'disclosureReport.server.newReportText';

let locale: Locale = 'zh';
let settings: Settings = DEFAULT_SETTINGS;
let pullConfiguration = false;
let inlayHintRefresh = false;

const models = new Map<string, { version: number; model: ReportModel }>();
const timers = new Map<string, NodeJS.Timeout>();
/** Document version whose diagnostics were last published: opening a document fires both open and change. */
const published = new Map<string, number>();

/** The model of a document, parsed once per version. */
function modelOf(document: TextDocument): ReportModel {
  const cached = models.get(document.uri);
  if (cached && cached.version === document.version) return cached.model;
  const model = parseReport(document.getText());
  models.set(document.uri, { version: document.version, model });
  return model;
}

/** Files of the report language always; plain text and Markdown only when they read as a report. */
function isChecked(document: TextDocument, model: ReportModel): boolean {
  if (!settings.enable) return false;
  if (document.languageId === REPORT_LANGUAGE) return true;
  return settings.autoDetect && model.isReport;
}

/** The model of a document the server handles, or null for documents it leaves alone. */
function reportOf(uri: string): ReportModel | null {
  const document = documents.get(uri);
  if (!document) return null;
  const model = modelOf(document);
  return isChecked(document, model) ? model : null;
}

function validate(document: TextDocument): void {
  published.set(document.uri, document.version);
  try {
    const model = modelOf(document);
    const findings = isChecked(document, model) ? runChecks(model, { locale, rules: settings.rules }) : [];
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: toDiagnostics(findings, model, document.uri) });
  } catch (error) {
    // Checks run from a timer, where an exception would end the process: report it and keep serving.
    connection.console.error(`nianbao: checking ${document.uri} failed: ${(error as Error).stack ?? error}`);
  }
}

function scheduleValidation(document: TextDocument): void {
  clearTimeout(timers.get(document.uri));
  timers.set(
    document.uri,
    setTimeout(() => {
      timers.delete(document.uri);
      const current = documents.get(document.uri);
      if (current && published.get(current.uri) !== current.version) validate(current);
    }, DEBOUNCE_MS),
  );
}

async function refreshSettings(pushed?: unknown): Promise<void> {
  if (pullConfiguration) {
    settings = readSettings(await connection.workspace.getConfiguration('disclosureReport'));
  } else if (pushed !== undefined) {
    const section = (pushed as Record<string, unknown> | null)?.disclosureReport;
    settings = readSettings(section ?? pushed);
  }
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
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      // capabilities: one line per feature
      hoverProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      inlayHintProvider: true,
      completionProvider: {},
      documentFormattingProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      executeCommandProvider: { commands: [FIX_ALL_COMMAND, NEW_REPORT_COMMAND] },
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
documents.onDidClose((event) => {
  clearTimeout(timers.get(event.document.uri));
  timers.delete(event.document.uri);
  models.delete(event.document.uri);
  published.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

// Feature handlers: each one parses nothing itself, it asks reportOf() for the cached model.

connection.onHover((params) => {
  const model = reportOf(params.textDocument.uri);
  return model ? provideHover(model, params.position, locale) : null;
});

connection.onDocumentSymbol((params) => {
  const model = reportOf(params.textDocument.uri);
  return model ? provideDocumentSymbols(model, locale) : [];
});

connection.onFoldingRanges((params) => {
  const model = reportOf(params.textDocument.uri);
  return model ? provideFoldingRanges(model) : [];
});

connection.languages.inlayHint.on((params) => {
  const model = reportOf(params.textDocument.uri);
  return model && settings.inlayHints ? provideInlayHints(model, params.range, locale) : [];
});

connection.onCompletion((params) => {
  const model = reportOf(params.textDocument.uri);
  return model ? provideCompletion(model, params.position, locale) : [];
});

connection.onDocumentFormatting((params) => {
  const model = reportOf(params.textDocument.uri);
  return model ? provideFormatting(model) : [];
});

connection.onCodeAction((params) => {
  const model = reportOf(params.textDocument.uri);
  if (!model) return [];
  const findings = runChecks(model, { locale, rules: settings.rules });
  return provideCodeActions(model, params.textDocument.uri, params.range, params.context, findings, locale);
});

connection.onExecuteCommand(async (params) => {
  if (params.command === FIX_ALL_COMMAND) {
    const uri = String(params.arguments?.[0] ?? '');
    const model = reportOf(uri);
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
  return null;
});

documents.listen(connection);
connection.listen();
