import { createLanguageService, type ReferatLanguageService, type ReferatDocument } from '../../server/src/service/languageService';
import { MemoryWorkspace } from '../../server/src/workspace/memoryWorkspace';
import { defaultPaths } from '../../server/src/service/paths';
import type { Position } from '../../server/src/syntax/range';

/*
 * Per-feature tests: inline documents with a cursor marker, answered by the language service over
 * a workspace in memory, as the language server would answer them, without a process or a disk.
 */

export const ROOT = '/ws';
/** Where the cursor is in a test document. */
export const CURSOR = '‸';

/** The text without its cursor marker, and the marker's position. */
export function at(marked: string): { text: string; position: Position } {
  const i = marked.indexOf(CURSOR);
  if (i < 0) throw new Error('the test document has no cursor marker ‸');
  const text = marked.slice(0, i) + marked.slice(i + CURSOR.length);
  const before = text.slice(0, i).split('\n');
  return { text, position: { line: before.length - 1, character: before[before.length - 1]!.length } };
}

export function lineAt(text: string, line: number): string {
  return text.split('\n')[line] ?? '';
}

let version = 0;
export function documentOf(path: string, text: string): ReferatDocument {
  return { uri: defaultPaths.toUri(path), version: ++version, getText: () => text };
}

/** A service over these files (paths below /ws), with its archive indexed. */
export async function serviceWith(files: Readonly<Record<string, string>> = {}, locale: 'da' | 'en' = 'da'): Promise<ReferatLanguageService> {
  const workspace = new MemoryWorkspace(Object.fromEntries(Object.entries(files).map(([name, text]) => [`${ROOT}/${name}`, text])));
  const service = createLanguageService({ workspace, locale, today: () => ({ year: 2026, month: 11, day: 26 }) });
  service.setRoots([ROOT]);
  await service.indexed();
  return service;
}

/** Edits applied to a text, last first, as an editor applies a workspace edit. */
export function applyEdits(text: string, edits: readonly { range: { start: Position; end: Position }; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: Position): number => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)))
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** A small correct referat to vary. */
export const BASE = `REFERAT Direktionen d. 07-12-2023

Mødedato Torsdag d. 07. december 2023 kl. 09:00

Mødested Udvalgsværelse 1, Lemvig Rådhus

Mødedeltagere Claus Borg, Lars Borst Hansen og Søren Søndergaard Kjær

Punkt 1: Deltagerkreds, Lederforum

81.39.15G01-4-23

Sagsfremstilling

HR-konsulent Ditte Ågård deltager i mødet kl. 10:00.

Beslutning

Deltagerkredsen fastholdes.
`;
