import { compareDates, formatDanishDate } from '../model/dates';
import { normalizeBody } from '../model/build';
import type { CalendarDate } from '../model/types';
import type { Range } from '../syntax/range';
import { PUNKT_WORD } from '../dialect/vocabulary';
import { summarizeReferat, type PunktSummary, type ReferatSummary } from './summary';

/** A meeting is identified by its udvalg and its date, never by its file name. */
export function meetingKey(udvalg: string, date: CalendarDate): string {
  // Danish lower case is Unicode lower case, and much cheaper than asking for the locale's.
  return `${normalizeBody(udvalg).toLowerCase()}|${date.year}-${date.month}-${date.day}`;
}

export interface ArchivedMeeting {
  readonly uri: string;
  readonly udvalg: string;
  readonly date: CalendarDate;
  readonly punkter: readonly PunktSummary[];
}

/** One punkt of one meeting, as found by a journal-number or symbol search. */
export interface ArchivedPunkt {
  readonly uri: string;
  readonly udvalg: string;
  readonly date?: CalendarDate;
  readonly punkt: PunktSummary;
}

export interface SymbolHit {
  readonly name: string;
  readonly detail: string;
  readonly uri: string;
  readonly range: Range;
}

/**
 * Every referat of a workspace, by meeting and by journal number. Holds summaries only (no body
 * text but a short decision), so thousands of meetings fit in little memory.
 */
export class ArchiveIndex {
  private readonly files = new Map<string, ReferatSummary>();
  private readonly meetings = new Map<string, string[]>();
  private readonly byJournal = new Map<string, Set<string>>();
  private readonly searchKeys = new WeakMap<PunktSummary, string>();

  /** Adds or replaces a file from its text. */
  setText(uri: string, text: string): ReferatSummary {
    const summary = summarizeReferat(text);
    this.set(uri, summary);
    return summary;
  }

  set(uri: string, summary: ReferatSummary): void {
    this.delete(uri);
    this.files.set(uri, summary);
    if (summary.udvalg && summary.date) push(this.meetings, meetingKey(summary.udvalg, summary.date), uri);
    for (const p of summary.punkter) {
      if (p.journal) {
        const key = p.journal;
        let set = this.byJournal.get(key);
        if (!set) this.byJournal.set(key, (set = new Set()));
        set.add(uri);
      }
    }
  }

  delete(uri: string): void {
    const old = this.files.get(uri);
    if (!old) return;
    this.files.delete(uri);
    if (old.udvalg && old.date) {
      const key = meetingKey(old.udvalg, old.date);
      const list = this.meetings.get(key)?.filter((u) => u !== uri);
      if (list && list.length > 0) this.meetings.set(key, list);
      else this.meetings.delete(key);
    }
    for (const p of old.punkter) {
      if (!p.journal) continue;
      const set = this.byJournal.get(p.journal);
      set?.delete(uri);
      if (set?.size === 0) this.byJournal.delete(p.journal);
    }
  }

  rename(from: string, to: string): void {
    const s = this.files.get(from);
    if (!s) return;
    this.delete(from);
    this.set(to, s);
  }

  get(uri: string): ReferatSummary | undefined {
    return this.files.get(uri);
  }

  get size(): number {
    return this.files.size;
  }

  uris(): IterableIterator<string> {
    return this.files.keys();
  }

  meeting(udvalg: string, date: CalendarDate): ArchivedMeeting | undefined {
    // Two files with the same header: the first in name order answers, stably.
    const uri = this.meetings.get(meetingKey(udvalg, date))?.slice().sort()[0];
    const s = uri ? this.files.get(uri) : undefined;
    if (!uri || !s?.udvalg || !s.date) return undefined;
    return { uri, udvalg: s.udvalg, date: s.date, punkter: s.punkter };
  }

  /** Every punkt of a case, in every meeting, oldest first. */
  caseHistory(journal: string): ArchivedPunkt[] {
    const out: ArchivedPunkt[] = [];
    for (const uri of this.byJournal.get(journal) ?? []) {
      const s = this.files.get(uri)!;
      for (const p of s.punkter) {
        if (p.journal === journal) out.push({ uri, udvalg: s.udvalg ?? '', ...(s.date ? { date: s.date } : {}), punkt: p });
      }
    }
    return out.sort((a, b) => (a.date && b.date ? compareDates(a.date, b.date) : 0) || a.uri.localeCompare(b.uri) || a.punkt.number - b.punkt.number);
  }

  /** Punkt titles and journal numbers that contain the query (case-insensitive), at most `limit`. */
  symbols(query: string, limit = 500): SymbolHit[] {
    // Unicode lower case is Danish lower case (Æ Ø Å included), and much cheaper than the locale's.
    const q = query.trim().toLowerCase();
    const out: SymbolHit[] = [];
    for (const [uri, s] of this.files) {
      let when: string | undefined;
      for (const p of s.punkter) {
        if (q && !this.searchKey(p).includes(q)) continue;
        const journal = p.journal ?? '';
        when ??= s.date ? formatDanishDate(s.date) : '';
        out.push({ name: `${PUNKT_WORD} ${p.number}: ${p.title}`, detail: [journal, s.udvalg, when].filter(Boolean).join(' · '), uri, range: p.headingRange });
        if (out.length >= limit) return out;
      }
    }
    return out;
  }

  /** What a symbol query is matched against, lower-cased once per punkt rather than once per query. */
  private searchKey(p: PunktSummary): string {
    let key = this.searchKeys.get(p);
    if (key === undefined) {
      key = `punkt ${p.number}: ${p.title}\n${p.journal ?? ''}`.toLowerCase();
      this.searchKeys.set(p, key);
    }
    return key;
  }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
