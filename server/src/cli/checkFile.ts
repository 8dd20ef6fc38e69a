import type { Locale } from '../i18n/locale';
import { parseReferat } from '../model/parse';
import { checkReferat } from '../rules/index';
import type { Severity } from '../rules/types';
import { readReferatFile } from './io';

/** One finding as the CLI prints it: 1-based line and column. */
export interface Finding {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
}

/** One file checked, or why it could not be. Plain data: it crosses from a worker thread. */
export type FileCheck = { readonly path: string; readonly problem: string } | { readonly path: string; readonly findings: readonly Finding[] };

/** Reads and checks one file; never throws. */
export function checkFile(path: string, locale: Locale): FileCheck {
  const read = readReferatFile(path);
  if (!read.ok) return { path, problem: read.problem };
  try {
    const findings = checkReferat(parseReferat(read.text), { locale }).map((d) => ({
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      severity: d.severity,
      code: d.code,
      message: d.message,
    }));
    return { path, findings };
  } catch (e) {
    // The parser and the rules are total by design; one odd file must still not stop the run.
    return { path, problem: `internal error / intern fejl: ${e instanceof Error ? e.message : String(e)}` };
  }
}
