import type { LocalizedText } from '../i18n/locale';
import type { DocumentInfo } from '../protocol';
import type { Severity } from '../rules/types';
import type { ReferatLanguageService } from '../service/languageService';
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

/** One file checked (its findings, and the dialect it was read in), or why it could not be. Plain data: it crosses from a worker thread. */
export type FileCheck =
  { readonly path: string; readonly problem: LocalizedText } | { readonly path: string; readonly findings: readonly Finding[]; readonly info: DocumentInfo };

/**
 * Reads and checks one file through the language service, so referat.yaml applies exactly as in
 * the editor; never throws.
 */
export async function checkFile(path: string, service: ReferatLanguageService): Promise<FileCheck> {
  const read = readReferatFile(path);
  if (!read.ok) return { path, problem: read.problem };
  try {
    const doc = { uri: service.uriOf(path), version: 1, getText: () => read.text };
    const found = await service.findings(doc);
    // Read from the parse the findings were made of: no second reading.
    const info = await service.documentInfo(doc);
    // The file is checked once: nothing of it is kept for later.
    service.forget(doc.uri);
    const findings = found.map((d) => ({
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      severity: d.severity,
      code: d.code,
      message: d.message,
    }));
    return { path, findings, info };
  } catch (e) {
    // The parser and the rules are total by design; one odd file must still not stop the run.
    const why = e instanceof Error ? e.message : String(e);
    return { path, problem: { da: `intern fejl: ${why}`, en: `internal error: ${why}` } };
  }
}
