// Quick fixes for the findings under the cursor, and the fix-all source action 修正全部合计.

import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type Range, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { Finding, TextEdit } from '../core/checks/rules';
import { fixAllTotals } from '../core/fixAll';
import type { Locale } from '../core/i18n';
import { message } from '../core/messages';
import type { ReportModel } from '../core/model';
import { lineOf } from '../core/text';
import { spansOverlap, toOffset, toRange } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.disclosureReport`;

export function fixAllTitle(locale: Locale): string {
  return message(locale, 'fix.all-totals');
}

export function toWorkspaceEdit(model: ReportModel, uri: string, edits: TextEdit[]): WorkspaceEdit {
  const lspEdits: LspTextEdit[] = edits.map((e) => ({ range: toRange(model, e.span), newText: e.newText }));
  return { changes: { [uri]: lspEdits } };
}

function wants(context: CodeActionContext, kind: string): boolean {
  return !context.only || context.only.some((only) => kind === only || kind.startsWith(`${only}.`));
}

/** The client's diagnostic for a finding, so that the editor links the fix to the squiggle. */
function diagnosticOf(finding: Finding, model: ReportModel, context: CodeActionContext): Diagnostic[] {
  const range = toRange(model, finding.span);
  return context.diagnostics.filter(
    (d) => d.code === finding.code && d.range.start.line === range.start.line && d.range.start.character === range.start.character && d.range.end.line === range.end.line && d.range.end.character === range.end.character,
  );
}

/**
 * The draft's own comment style: Markdown (`<!-- … -->`) for a .md file or a text with Markdown headings or pipe
 * tables, plain text (`// …`) otherwise.
 */
export function isMarkdownDraft(model: ReportModel, uri: string): boolean {
  let path = uri;
  try {
    path = decodeURIComponent(uri);
  } catch {
    // keep the encoded form
  }
  return /\.(md|markdown)$/i.test(path.replace(/[?#].*$/, '')) || /^[ \t]*(#{1,6}[ \t]|\|.*\|[ \t]*$)/m.test(model.text);
}

function disableComment(markdown: boolean, directive: string): string {
  return markdown ? `<!-- ${directive} -->` : `// ${directive}`;
}

/**
 * Where `nianbao-disable-file` goes: on the line after the title, so that the title stays the first line; without a
 * title, at the top (after the `<!-- 来源：… -->` line of a converted draft, which must stay first).
 */
function fileCommentAt(model: ReportModel): number {
  const lineAfter = (offset: number): number => {
    const line = lineOf(model.lineStarts, offset);
    return line + 1 < model.lineStarts.length ? model.lineStarts[line + 1] : model.text.length;
  };
  if (model.title) return lineAfter(Math.max(model.title.span.start, model.title.span.end - 1));
  return /^<!-- 来源：/.test(model.text) ? lineAfter(0) : 0;
}

/**
 * 在此行停用规则 X / 在此文件停用规则 X for every finding under the cursor (once per rule and line, the file action once
 * per rule): never preferred, after the quick fixes. The comment is written in the draft's style.
 */
function disableActions(model: ReportModel, uri: string, span: { start: number; end: number }, context: CodeActionContext, findings: Finding[], locale: Locale): CodeAction[] {
  const markdown = isMarkdownDraft(model, uri);
  const eol = model.text.includes('\r\n') ? '\r\n' : '\n';
  const lines = new Set<string>();
  const files = new Set<string>();
  const actions: CodeAction[] = [];
  for (const finding of findings) {
    if (!spansOverlap(finding.span, span)) continue;
    const line = lineOf(model.lineStarts, finding.span.start);
    const diagnostics = diagnosticOf(finding, model, context);
    if (!lines.has(`${finding.code}@${line}`)) {
      lines.add(`${finding.code}@${line}`);
      const at = model.lineStarts[line];
      const indent = /^[ \t]*/.exec(model.text.slice(at, at + 200))![0];
      actions.push({
        title: message(locale, 'action.disable-line', { code: finding.code }),
        kind: CodeActionKind.QuickFix,
        diagnostics,
        isPreferred: false,
        edit: toWorkspaceEdit(model, uri, [{ span: { start: at, end: at }, newText: `${indent}${disableComment(markdown, `nianbao-disable-next-line ${finding.code}`)}${eol}` }]),
      });
    }
    if (!files.has(finding.code)) {
      files.add(finding.code);
      const at = fileCommentAt(model);
      const needsBreak = at > 0 && model.text[at - 1] !== '\n';
      actions.push({
        title: message(locale, 'action.disable-file', { code: finding.code }),
        kind: CodeActionKind.QuickFix,
        diagnostics,
        isPreferred: false,
        edit: toWorkspaceEdit(model, uri, [{ span: { start: at, end: at }, newText: `${needsBreak ? eol : ''}${disableComment(markdown, `nianbao-disable-file ${finding.code}`)}${eol}` }]),
      });
    }
  }
  // Per rule: its line action, then its file action — grouped by rule as the findings come.
  return actions;
}

export function provideCodeActions(model: ReportModel, uri: string, range: Range, context: CodeActionContext, findings: Finding[], locale: Locale): CodeAction[] {
  const actions: CodeAction[] = [];
  if (wants(context, CodeActionKind.QuickFix)) {
    const span = { start: toOffset(model, range.start), end: toOffset(model, range.end) };
    // A total cell can fail two checks that propose the same edit; it is offered once.
    const offered = new Set<string>();
    for (const finding of findings) {
      if (!spansOverlap(finding.span, span)) continue;
      for (const fix of finding.fixes) {
        const identity = JSON.stringify([fix.title, fix.edits]);
        if (offered.has(identity)) continue;
        offered.add(identity);
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: diagnosticOf(finding, model, context),
          isPreferred: fix.preferred,
          edit: toWorkspaceEdit(model, uri, fix.edits),
        });
      }
    }
    actions.push(...disableActions(model, uri, span, context, findings, locale));
  }
  // Fix-all is offered only when asked for by kind (source actions, editor.codeActionsOnSave).
  if (context.only && wants(context, FIX_ALL_KIND)) {
    const edits = fixAllTotals(model);
    if (edits.length > 0) actions.push({ title: fixAllTitle(locale), kind: FIX_ALL_KIND, edit: toWorkspaceEdit(model, uri, edits) });
  }
  return actions;
}
