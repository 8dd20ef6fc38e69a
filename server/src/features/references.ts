import type { Location } from 'vscode-languageserver-types';
import type { ArchiveIndex } from '../archive/index';
import type { Referat } from '../model/types';
import { containsPosition, type Position } from '../syntax/range';
import { locate } from './locate';

/** The journal number under the cursor, when it is a valid one. */
export function journalAt(referat: Referat, position: Position): string | undefined {
  const j = locate(referat, position.line).punkt?.journal;
  return j?.kind === 'valid' && containsPosition(j.journal.range, position) ? j.journal.text : undefined;
}

/** Find all references on a journal number: every punkt of the case, in every meeting of the archive. */
/** What references are asked for. */
export interface ReferenceOptions {
  /** The punkt the case number is written in, as well as the other meetings'. */
  readonly includeDeclaration: boolean;
}

export function references(referat: Referat, uri: string, position: Position, archive: ArchiveIndex, { includeDeclaration }: ReferenceOptions): Location[] {
  const journal = journalAt(referat, position);
  if (!journal) return [];
  const seen = new Set<string>();
  const out: Location[] = [];
  for (const h of archive.caseHistory(journal)) {
    if (!includeDeclaration && h.uri === uri) continue;
    const key = `${h.uri}#${h.punkt.headingRange.start.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ uri: h.uri, range: h.punkt.headingRange });
  }
  return out;
}
