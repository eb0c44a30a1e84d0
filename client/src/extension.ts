// Thin VS Code client: starts the language server (dist/server.js) over IPC and forwards the commands to it; shows
// the active report's findings in the status bar and the server's reading of its tables in a preview. All checking,
// fixing and template text lives in the server.
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

const CLIENT_NAME = '政府信息公开年度报告';

let client: LanguageClient | undefined;

// Strings through vscode.l10n: the English text is the key, l10n/bundle.l10n.zh-cn.json has the Chinese.
const text = {
  yearPrompt: vscode.l10n.t('Report year (for example 2024)'),
  yearInvalid: vscode.l10n.t('Enter a four-digit year, for example 2024'),
  bodyPrompt: vscode.l10n.t('Full name of the issuing body'),
  bodyPlaceholder: vscode.l10n.t('e.g. 某某区人民政府办公室 (name of the issuing body)'),
  bodyInvalid: vscode.l10n.t('Enter the name of the issuing body'),
  noEditor: vscode.l10n.t('Open an annual report first.'),
  noTemplate: vscode.l10n.t('The language server returned no report template.'),
  importTitle: vscode.l10n.t('Choose the annual report to import (Word / PDF / web page)'),
  importFilter: vscode.l10n.t('Annual report'),
  /** The progress notification while a file is read. */
  importing: (file: string | undefined) => vscode.l10n.t('Reading {0}…', file ?? ''),
  /** Status bar: a report without errors or warnings. */
  statusClean: vscode.l10n.t('✓ Annual report'),
  /** Status bar: a report with errors or warnings. */
  statusProblems: (errors: number, warnings: number) => vscode.l10n.t('✗ {0} errors · {1} warnings', errors, warnings),
  statusName: vscode.l10n.t('Annual report check'),
  statusTooltip: vscode.l10n.t('Show the findings in the Problems panel'),
  /** The preview's tab title. */
  previewTitle: (file: string) => vscode.l10n.t('Preview {0}', file),
  previewNotReport: vscode.l10n.t('This document is not checked as an annual report: no tables to show.'),
  previewTableAbsent: vscode.l10n.t('The draft has no such table yet.'),
};

/** Files the server can import (the same list as its readers). */
const IMPORTABLE = ['docx', 'pdf', 'html', 'htm', 'shtml'];
/** Reading that takes longer than this shows a progress notification. */
const PROGRESS_AFTER_MS = 400;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const documentSelector = ['disclosure-report', 'plaintext', 'markdown'].flatMap((language) =>
    ['file', 'untitled'].map((scheme) => ({ language, scheme })),
  );
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    synchronize: { configurationSection: 'disclosureReport' },
    outputChannelName: CLIENT_NAME,
  };
  client = new LanguageClient('disclosureReport', CLIENT_NAME, serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('disclosureReport.fixAllTotals', fixAllTotals),
    vscode.commands.registerCommand('disclosureReport.newReport', newReport),
    vscode.commands.registerCommand('disclosureReport.importReport', importReport),
    vscode.commands.registerCommand('disclosureReport.preview', (target?: vscode.Uri) => openPreview(context, target)),
  );
  startStatusBar(context);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** Fix all totals of the document a CodeLens names (its URI argument), else of the active editor. */
async function fixAllTotals(target?: string): Promise<void> {
  const uri = typeof target === 'string' ? target : vscode.window.activeTextEditor?.document.uri.toString();
  if (!client || !uri) {
    void vscode.window.showInformationMessage(text.noEditor);
    return;
  }
  // The server computes the edit and applies it itself through workspace/applyEdit.
  await client.sendRequest(ExecuteCommandRequest.type, { command: 'disclosureReport.server.fixAllTotals', arguments: [uri] });
}

async function newReport(): Promise<void> {
  if (!client) return;
  const yearText = await vscode.window.showInputBox({
    prompt: text.yearPrompt,
    value: String(new Date().getFullYear() - 1),
    validateInput: (value) => (/^\d{4}$/.test(value.trim()) ? undefined : text.yearInvalid),
  });
  if (yearText === undefined) return;
  const body = await vscode.window.showInputBox({
    prompt: text.bodyPrompt,
    placeHolder: text.bodyPlaceholder,
    validateInput: (value) => (value.trim() ? undefined : text.bodyInvalid),
  });
  if (body === undefined) return;
  const content: unknown = await client.sendRequest(ExecuteCommandRequest.type, {
    command: 'disclosureReport.server.newReportText',
    arguments: [{ year: Number(yearText.trim()), body: body.trim() }],
  });
  if (typeof content !== 'string') {
    void vscode.window.showErrorMessage(text.noTemplate);
    return;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'disclosure-report', content });
  await vscode.window.showTextDocument(document);
}

/** Asks the server to turn a Word file, PDF or web page into a draft beside it, then opens the draft. */
async function importReport(target?: vscode.Uri): Promise<void> {
  if (!client) return;
  const uri =
    target ??
    (await vscode.window.showOpenDialog({ canSelectMany: false, title: text.importTitle, filters: { [text.importFilter]: IMPORTABLE } }))?.[0];
  if (!uri) return;
  const request = client.sendRequest(ExecuteCommandRequest.type, { command: 'disclosureReport.server.importReport', arguments: [uri.toString()] });
  // A notification only when reading takes longer than a moment (a large PDF), never a flash for a small file.
  const timer = setTimeout(() => {
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: text.importing(uri.path.split('/').pop()) }, () => request);
  }, PROGRESS_AFTER_MS);
  const result: unknown = await request.finally(() => clearTimeout(timer));
  const draft = result as { uri?: string; error?: string } | null;
  if (!draft?.uri) {
    void vscode.window.showErrorMessage(draft?.error ?? text.noTemplate);
    return;
  }
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(draft.uri));
  await vscode.window.showTextDocument(document);
}

// ---------------------------------------------------------------------------------------------------------------
// Status bar: the active report's errors and warnings (from the diagnostics the server published; counting them is
// presentation). Shown for a document of the report language, or a .txt/.md the server published findings for.

const DIAGNOSTIC_SOURCE = 'nianbao';
const REPORT_LANGUAGE = 'disclosure-report';

function nianbaoDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

function isReport(document: vscode.TextDocument): boolean {
  return document.languageId === REPORT_LANGUAGE || nianbaoDiagnostics(document.uri).length > 0;
}

function startStatusBar(context: vscode.ExtensionContext): void {
  const item = vscode.window.createStatusBarItem('disclosureReport.status', vscode.StatusBarAlignment.Left, 50);
  item.name = text.statusName;
  item.command = 'workbench.actions.view.problems';
  item.tooltip = text.statusTooltip;
  /** The report last active: it stays shown while the focus is in its preview or a panel. */
  let current: vscode.TextDocument | undefined;
  const update = () => {
    const editor = vscode.window.activeTextEditor;
    if (editor) current = editor.document;
    else if (current && !vscode.window.visibleTextEditors.some((e) => e.document === current)) current = undefined;
    if (!current || current.isClosed || !isReport(current)) {
      item.hide();
      return;
    }
    const diagnostics = nianbaoDiagnostics(current.uri);
    const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    item.text = errors + warnings === 0 ? text.statusClean : text.statusProblems(errors, warnings);
    item.backgroundColor = errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : warnings > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.window.onDidChangeVisibleTextEditors(update),
    vscode.languages.onDidChangeDiagnostics((event) => {
      if (current && event.uris.some((uri) => uri.toString() === current?.uri.toString())) update();
      else if (!current) update();
    }),
    vscode.workspace.onDidOpenTextDocument(update),
    vscode.workspace.onDidCloseTextDocument(update),
  );
  update();
}

// ---------------------------------------------------------------------------------------------------------------
// Report preview: a webview beside the draft with tables 二, 三 and 四 laid out as in the format. The figures, ranges
// and messages come from the server (request nianbao/preview); the page (media/preview.js, with the table layout of
// media/tables.js, which the command line's review page shares) only lays them out.

const PREVIEW_REQUEST = 'nianbao/preview';
/** Typing re-requests the preview this long after the last change. */
const PREVIEW_DEBOUNCE_MS = 250;

interface Position {
  line: number;
  character: number;
}
interface PreviewRange {
  start: Position;
  end: Position;
}

const previews = new Map<string, vscode.WebviewPanel>();

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let value = '';
  for (let i = 0; i < 32; i++) value += chars.charAt(Math.floor(Math.random() * chars.length));
  return value;
}

function previewHtml(webview: vscode.Webview, media: vscode.Uri): string {
  const n = nonce();
  const css = webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css'));
  const tables = webview.asWebviewUri(vscode.Uri.joinPath(media, 'tables.js'));
  const js = webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js'));
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${webview.cspSource}; style-src ${webview.cspSource}; font-src ${webview.cspSource}; script-src 'nonce-${n}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${css}">
</head>
<body>
<div id="root"></div>
<script nonce="${n}" src="${tables}"></script>
<script nonce="${n}" src="${js}"></script>
</body>
</html>`;
}

async function openPreview(context: vscode.ExtensionContext, target?: vscode.Uri): Promise<void> {
  const document = target
    ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString()) ?? (await vscode.workspace.openTextDocument(target))
    : vscode.window.activeTextEditor?.document;
  if (!client || !document) {
    void vscode.window.showInformationMessage(text.noEditor);
    return;
  }
  const key = document.uri.toString();
  const existing = previews.get(key);
  if (existing) {
    existing.reveal(vscode.ViewColumn.Beside, true);
    return;
  }
  const media = vscode.Uri.joinPath(context.extensionUri, 'media');
  const name = document.uri.path.split('/').pop() ?? key;
  const panel = vscode.window.createWebviewPanel('disclosureReport.preview', text.previewTitle(name), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
    enableScripts: true,
    localResourceRoots: [media],
    retainContextWhenHidden: false,
  });
  previews.set(key, panel);
  panel.webview.html = previewHtml(panel.webview, media);

  let sequence = 0;
  let timer: NodeJS.Timeout | undefined;
  const refresh = async () => {
    const asked = ++sequence;
    let data: unknown;
    try {
      data = await client?.sendRequest(PREVIEW_REQUEST, { uri: key });
    } catch {
      return; // the server stopping or restarting: the next change asks again
    }
    // An answer overtaken by a later request is dropped.
    if (asked !== sequence) return;
    void panel.webview.postMessage({ type: 'update', data, strings: { notReport: text.previewNotReport, tableAbsent: text.previewTableAbsent } });
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), PREVIEW_DEBOUNCE_MS);
  };

  const subscriptions = [
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document.uri.toString() === key && event.contentChanges.length > 0) schedule();
    }),
    // The findings arrive after the figures (checks, cross-year rules): the marks follow them.
    vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((uri) => uri.toString() === key)) schedule();
    }),
    panel.webview.onDidReceiveMessage((message: { type?: string; range?: PreviewRange }) => {
      if (message?.type === 'ready') void refresh();
      else if (message?.type === 'reveal' && message.range) void revealInDraft(document.uri, message.range);
    }),
  ];
  panel.onDidDispose(() => {
    clearTimeout(timer);
    previews.delete(key);
    for (const subscription of subscriptions) subscription.dispose();
  });
  context.subscriptions.push(panel);
}

/** Puts the selection on a cell's range in the draft (its editor, or a new one in the first column). */
async function revealInDraft(uri: vscode.Uri, range: PreviewRange): Promise<void> {
  const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const editor = await vscode.window.showTextDocument(visible?.document.uri ?? uri, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection, preserveFocus: false });
  editor.selection = new vscode.Selection(selection.start, selection.end);
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
