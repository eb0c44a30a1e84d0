// What every output of a check run knows besides the files' reports.

import type { Locale } from '../../core/i18n';

export interface RunInfo {
  /** The language of the page's and the log's own words (the findings' messages are already in it). */
  locale: Locale;
  /** The tool's version (package.json). */
  version: string;
  /** The folder the run was started in: paths in the reports are relative to it unless absolute. */
  cwd: string;
  /** When the run started (ISO 8601). */
  startedAt: string;
  /** The arguments after `nianbao`. */
  args: string[];
}
