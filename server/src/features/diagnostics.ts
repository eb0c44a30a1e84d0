// Findings → LSP diagnostics.

import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Related, Severity } from '../core/checks/rules';
import type { ReportModel } from '../core/model';
import { toRange } from './convert';

export const DIAGNOSTIC_SOURCE = 'nianbao';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Related information in this document is placed from its span; in another file (`uri` set) from the range the
 * finding carries (that file's text is not at hand).
 */
function relatedLocation(related: Related, model: ReportModel, uri: string) {
  if (related.uri !== undefined && related.uri !== uri && related.range) return { uri: related.uri, range: related.range };
  return { uri, range: toRange(model, related.span) };
}

export function toDiagnostics(findings: readonly Finding[], model: ReportModel, uri: string): Diagnostic[] {
  return findings.map((f) => ({
    range: toRange(model, f.span),
    severity: SEVERITIES[f.severity],
    code: f.code,
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
    relatedInformation: f.related.length > 0 ? f.related.map((r) => ({ location: relatedLocation(r, model, uri), message: r.message })) : undefined,
  }));
}
