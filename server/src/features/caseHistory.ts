import type { ArchiveIndex } from '../archive/index';
import { formatDanishDate, pad2 } from '../model/dates';
import type { CaseHistoryEntry } from '../protocol';
import { PUNKT_WORD } from '../dialect/vocabulary';

/** Sagshistorik: every meeting that handled the case, oldest first, with its decision (never a closed punkt's). */
export function caseHistory(journal: string, archive: ArchiveIndex): CaseHistoryEntry[] {
  return archive.caseHistory(journal).map((h) => ({
    uri: h.uri,
    line: h.punkt.headingRange.start.line,
    udvalg: h.udvalg,
    ...(h.date ? { date: formatDanishDate(h.date), isoDate: `${h.date.year}-${pad2(h.date.month)}-${pad2(h.date.day)}` } : {}),
    number: h.punkt.number,
    title: h.punkt.title,
    heading: `${PUNKT_WORD} ${h.punkt.number}: ${h.punkt.title}`,
    closed: h.punkt.closed,
    ...(h.punkt.beslutning && !h.punkt.closed ? { beslutning: h.punkt.beslutning } : {}),
  }));
}
