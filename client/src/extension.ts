// Thin VS Code client: starts the language server (dist/server.js) over IPC and forwards the two
// commands to it. All checking, fixing and template text lives in the server.
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
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

async function fixAllTotals(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor) {
    void vscode.window.showInformationMessage(text.noEditor);
    return;
  }
  // The server computes the edit and applies it itself through workspace/applyEdit.
  await client.sendRequest(ExecuteCommandRequest.type, {
    command: 'disclosureReport.server.fixAllTotals',
    arguments: [editor.document.uri.toString()],
  });
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
