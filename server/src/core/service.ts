// The language service: documents, their models and findings per URI (computed once per version), over a workspace
// (WorkspaceFiles) and its index of reports. No transport in it: the server hands it the editor's documents and
// publishes what it returns; the command line hands it files; tests hand it memory.

import { applySuppressions, runChecks } from './checks';
import { checkCrossYear } from './checks/crossYear';
import { finding, RULES, type Finding } from './checks/rules';
import { looksMisdecoded, MISDECODED_MESSAGE } from './decode';
import { tr, type Locale } from './i18n';
import { bodyKeyOf, figuresConflict, modelFigures, type ReportFacts } from './index/entry';
import { WorkspaceIndex, type IndexEntry, type IndexOptions } from './index/workspaceIndex';
import type { ReportModel } from './model';
import { parseReport } from './parse';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import type { WorkspaceFiles } from './workspace';


/** What the service needs of a document (a vscode-languageserver TextDocument is one). */
export interface ServiceDocument {
  readonly uri: string;
  readonly languageId: string;
  readonly version: number;
  getText(): string;
}

/**
 * One document version's model and findings: computed once, shared by diagnostics, code actions, hover, inlay
 * hints and the rest. model is null when the document is too large for live checking and was not saved since.
 */
export interface Analysis {
  version: number;
  generation: number;
  model: ReportModel | null;
  /** The findings to publish for this version ([] when the document is not a checked report). */
  findings: Finding[];
  /** The findings of this document alone (cached per version; the cross-year ones are added to them). */
  own: Finding[];
  /** A checked report whose model the features may use (not a text read with the wrong encoding). */
  report: boolean;
  /** The index entries the cross-year findings were computed from (uri#rev …): when it changes they are stale. */
  crossKey: string;
}

export const REPORT_LANGUAGE = 'disclosure-report';
/** Characters above which a document is checked on open and save only (setting disclosureReport.maxLiveSize). */
export const DEFAULT_MAX_LIVE_SIZE = 2 * 1024 * 1024;

export interface ServiceOptions {
  locale?: Locale;
  settings?: Settings;
  maxLiveSize?: number;
}

export class ReportService {
  readonly index: WorkspaceIndex;
  locale: Locale = 'zh';
  settings: Settings = DEFAULT_SETTINGS;
  maxLiveSize = DEFAULT_MAX_LIVE_SIZE;
  /** Bumped when the settings change: findings cached under an older generation are stale. */
  private generation = 0;
  private readonly analyses = new Map<string, Analysis>();
  /** How long the last analysis of each document took (ms): the delay while typing adapts to it. */
  private readonly durations = new Map<string, number>();
  /** Counters for the protocol tests: documents parsed and checked. */
  readonly stats = { parses: 0, checks: 0 };

  constructor(
    readonly files: WorkspaceFiles,
    indexOptions: IndexOptions,
  ) {
    this.index = new WorkspaceIndex(files, indexOptions);
  }

  configure(options: ServiceOptions): void {
    if (options.locale) this.locale = options.locale;
    if (options.settings) this.settings = options.settings;
    if (options.maxLiveSize !== undefined) this.maxLiveSize = options.maxLiveSize;
    this.generation++;
  }

  /** A document that should be a report: the report language, *.nianbao.*, or a .txt/.md named like one. */
  expectsReport(document: ServiceDocument): boolean {
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
  mayBeReport(document: ServiceDocument): boolean {
    if (!this.settings.enable) return false;
    if (this.expectsReport(document)) return true;
    return this.settings.autoDetect && document.getText().slice(0, 8192).includes('政府信息公开');
  }

  isTooLarge(document: ServiceDocument): boolean {
    return document.getText().length > this.maxLiveSize;
  }

  /** Files of the report language always; plain text and Markdown only when they read as a report. */
  private isChecked(document: ServiceDocument, model: ReportModel): boolean {
    if (!this.settings.enable) return false;
    if (document.languageId === REPORT_LANGUAGE) return true;
    return this.settings.autoDetect && model.isReport;
  }

  durationOf(uri: string): number {
    return this.durations.get(uri) ?? 0;
  }

  /**
   * The analysis of the document's current version, from the cache when it has one. A document above
   * maxLiveSize is analysed only when forced (open of a saved file is not, save is). The cross-year findings are
   * redone when the index entries they rest on changed (last year's file edited), the rest only per version.
   */
  analysisOf(document: ServiceDocument, force = false): Analysis {
    const cached = this.analyses.get(document.uri);
    const sameVersion = cached?.version === document.version;
    if (cached && sameVersion && cached.generation === this.generation && (cached.model || !force)) {
      if (!cached.report || !cached.model || this.crossKeyOf(document.uri, cached.model) === cached.crossKey) return cached;
      return this.store(document.uri, { ...cached, ...this.withCrossYear(document.uri, cached.model, cached.own) });
    }
    if (!force && this.isTooLarge(document)) {
      return this.store(document.uri, { version: document.version, generation: this.generation, model: null, findings: [], own: [], report: false, crossKey: '' });
    }
    const started = performance.now();
    const text = document.getText();
    let model = sameVersion ? cached?.model : null;
    if (!model) {
      model = parseReport(text);
      this.stats.parses++;
    }
    let own: Finding[] = [];
    let report = false;
    if (this.settings.enable && !model.isReport && this.expectsReport(document) && looksMisdecoded(text)) {
      // One clear note instead of a page of warnings about text that is not what the author wrote.
      const level = this.settings.rules['encoding.mojibake'] ?? RULES['encoding.mojibake'];
      if (level !== 'off') own = [{ ...finding('encoding.mojibake', firstLine(text), tr(this.locale, MISDECODED_MESSAGE)), severity: level }];
    } else if (this.isChecked(document, model)) {
      own = runChecks(model, { locale: this.locale, rules: this.settings.rules });
      report = true;
      this.stats.checks++;
    }
    // The editor's text wins over the disk: the index sees this version (it notifies the reports that depend on it).
    this.index.setOpen(document.uri, document.version, model);
    const cross = report ? this.withCrossYear(document.uri, model, own) : { findings: own, crossKey: '' };
    this.durations.set(document.uri, performance.now() - started);
    return this.store(document.uri, { version: document.version, generation: this.generation, model, own, report, ...cross });
  }

  /** The analysis when the document is a checked report with a model, else null (features leave it alone). */
  reportOf(document: ServiceDocument | undefined): Analysis | null {
    if (!document) return null;
    const analysis = this.analysisOf(document);
    return analysis.report && analysis.model ? analysis : null;
  }

  /** Whether the published findings of this analysis are stale because the index changed under them. */
  isCrossYearStale(uri: string): boolean {
    const cached = this.analyses.get(uri);
    return !!cached?.report && !!cached.model && this.crossKeyOf(uri, cached.model) !== cached.crossKey;
  }

  forget(uri: string): void {
    this.analyses.delete(uri);
    this.durations.delete(uri);
  }

  /** Last year's report of the same body in the workspace, for a model (null when there is none). */
  lastYearOf(uri: string, model: ReportModel): IndexEntry | null {
    return this.lastYearByKey(uri, bodyKeyOf(model.title?.body), model.title?.year ?? null);
  }

  /**
   * Other files claiming this model's body and year with other figures (copies that agree are no conflict; a
   * converted draft and its source are one report).
   */
  sameYearOf(uri: string, model: ReportModel): IndexEntry[] {
    return this.sameYearByKey(uri, { bodyKey: bodyKeyOf(model.title?.body), year: model.title?.year ?? null, figures: modelFigures(model), draftOf: draftSourceOf(model) });
  }

  /**
   * The entries the cross-year rules compare a report with (by its index facts): last year's report and the
   * conflicting ones of its year. None: its findings are its own (the command line then checks it without the
   * index); an index holding just these gives the same findings as the whole.
   */
  crossYearPartners(uri: string, facts: ReportFacts): IndexEntry[] {
    const lastYear = this.lastYearByKey(uri, facts.bodyKey, facts.year);
    return [...(lastYear ? [lastYear] : []), ...this.sameYearByKey(uri, facts)];
  }

  private lastYearByKey(uri: string, bodyKey: string | null, year: number | null): IndexEntry | null {
    if (!bodyKey || !year) return null;
    return this.index.reportsOf(bodyKey, year - 1).find((e) => e.uri !== uri) ?? null;
  }

  private sameYearByKey(uri: string, report: Pick<ReportFacts, 'bodyKey' | 'year' | 'figures' | 'draftOf'>): IndexEntry[] {
    if (!report.bodyKey || !report.year) return [];
    const self = { uri, draftOf: report.draftOf };
    return this.index.reportsOf(report.bodyKey, report.year).filter((e) => e.uri !== uri && !this.index.sameReport(self, e) && figuresConflict(e.figures, report.figures));
  }

  /**
   * A whole file checked at once (the command line): own findings and the cross-year ones, sorted as runChecks
   * sorts. Nothing is cached.
   */
  checkModel(uri: string, model: ReportModel): Finding[] {
    const own = runChecks(model, { locale: this.locale, rules: this.settings.rules });
    return this.withCrossYear(uri, model, own).findings;
  }

  private crossKeyOf(uri: string, model: ReportModel): string {
    const entries = [this.lastYearOf(uri, model), ...this.sameYearOf(uri, model)];
    return entries.map((e) => (e ? `${e.uri}#${e.rev}` : '-')).join('|');
  }

  private withCrossYear(uri: string, model: ReportModel, own: Finding[]): { findings: Finding[]; crossKey: string } {
    const lastYear = this.lastYearOf(uri, model);
    const sameYear = this.sameYearOf(uri, model);
    const crossKey = [lastYear, ...sameYear].map((e) => (e ? `${e.uri}#${e.rev}` : '-')).join('|');
    if (!lastYear && sameYear.length === 0) return { findings: own, crossKey };
    const cross = checkCrossYear(model, { lastYear, sameYear, levels: this.settings.rules }, this.locale);
    // The draft's disable comments apply to these rules too (`nianbao-disable-next-line crossyear.carry-over`, or `crossyear`).
    const kept = applySuppressions(cross, model);
    const findings: Finding[] = [...own, ...kept].sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
    return { findings, crossKey };
  }

  private store(uri: string, analysis: Analysis): Analysis {
    this.analyses.set(uri, analysis);
    return analysis;
  }
}

function draftSourceOf(model: ReportModel): string | null {
  return /^<!-- 来源：(.+?)（由 nianbao 转换/.exec(model.text.slice(0, 400))?.[1] ?? null;
}

function firstLine(text: string): { start: number; end: number } {
  const end = text.search(/[\r\n]/);
  return { start: 0, end: end < 0 ? text.length : end };
}
