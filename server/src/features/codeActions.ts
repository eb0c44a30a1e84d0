// Quick fixes for the findings under the cursor, and the fix-all source action 修正全部合计.

import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type Range, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { Finding, TextEdit } from '../core/checks/rules';
import { fixAllTotals } from '../core/fixAll';
import type { Locale } from '../core/i18n';
import { message } from '../core/messages';
import type { ReportModel } from '../core/model';
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
  }
  // Fix-all is offered only when asked for by kind (source actions, editor.codeActionsOnSave).
  if (context.only && wants(context, FIX_ALL_KIND)) {
    const edits = fixAllTotals(model);
    if (edits.length > 0) actions.push({ title: fixAllTitle(locale), kind: FIX_ALL_KIND, edit: toWorkspaceEdit(model, uri, edits) });
  }
  return actions;
}
