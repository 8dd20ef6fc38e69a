import type { ReferatSummary } from '../archive/summary';
import { compareDates } from '../model/dates';
import type { CalendarDate } from '../model/types';
import { isPersonName, type DecisionPhrase, type NameCatalog, type PersonEntry, type Udvalg } from './catalog';

/** Journal numbers kept for completion: enough for any archive's cases, bounded for a huge one. */
const MAX_JOURNALS = 20_000;
/** A decision this long or short is written for its case, or is no phrase: only a short usual one is offered. */
const LONGEST_PHRASE = 90;
const SHORTEST_PHRASE = 3;
/** A phrase is usual once an udvalg has used it this often; the most used are offered, this many per udvalg. */
const PHRASE_USES = 2;
const PHRASES_PER_UDVALG = 12;
/** A phrase written under one punkt title this often of its uses belongs to that punkt (`Intet.` to `Eventuelt`). */
const PHRASE_UNDER_SHARE = 0.8;
/** Titles a phrase's uses are counted under: a phrase of many titles belongs to none. */
const PHRASE_TITLES = 16;

/** How often a phrase is written, and under which punkt titles. */
interface PhraseCount {
  count: number;
  readonly titles: Map<string, number>;
}

interface UdvalgDraft {
  navn: string;
  latest?: CalendarDate;
  medlemmer: readonly string[];
  moedested?: string;
  moedetid?: string;
  /** The archive has a meeting of it. */
  meets?: boolean;
}

/**
 * Names from a folder of old minutes, for a workspace with no referat.yaml: committees from
 * titles and `Sagen afgøres endelig af`, their members, place and time from their newest
 * meeting, people with their titles from `Mødedeltagere` and `… deltager i mødet`, strategies,
 * laws, who recommends, and the journal numbers in use. Only what reads as a name is a person.
 */
export function harvestCatalog(summaries: Iterable<ReferatSummary>): NameCatalog {
  const udvalg = new Map<string, UdvalgDraft>();
  const personer = new Map<string, PersonEntry>();
  const strategier = new Set<string>();
  const lovgrundlag = new Set<string>();
  const indstillere = new Map<string, number>();
  const journals = new Map<string, string>();
  // body → decision → how often: the house's phrases (`Godkendt.`, `Taget til efterretning.`).
  const decisions = new Map<string, Map<string, PhraseCount>>();
  const udvalgDraft = (navn: string): UdvalgDraft => {
    const k = navn.toLowerCase();
    let u = udvalg.get(k);
    if (!u) udvalg.set(k, (u = { navn, medlemmer: [] }));
    return u;
  };
  const person = (p: PersonEntry): void => {
    if (!isPersonName(p.navn)) return;
    const old = personer.get(p.navn);
    if (!old || (!old.titel && p.titel)) personer.set(p.navn, p);
  };
  for (const s of summaries) {
    if (s.udvalg) {
      const u = udvalgDraft(s.udvalg);
      u.meets = true;
      // The newest meeting says who sits on the udvalg now, where and when it meets.
      if (!u.latest || (s.date && compareDates(s.date, u.latest) > 0)) {
        const members = s.deltagere.filter(isPersonName);
        if (members.length > 0 || !u.latest) u.medlemmer = members;
        if (s.moedested) u.moedested = s.moedested;
        if (s.time) u.moedetid = s.time;
        if (s.date) u.latest = s.date;
      }
    }
    for (const n of s.deltagere) person({ navn: n });
    for (const n of s.names.udvalg) udvalgDraft(n);
    for (const p of s.names.personer) person(p);
    for (const x of s.names.strategier) strategier.add(x);
    for (const x of s.names.lovgrundlag) lovgrundlag.add(x);
    for (const x of s.names.indstillere) indstillere.set(x, (indstillere.get(x) ?? 0) + 1);
    for (const p of s.punkter) if (p.journal && journals.size < MAX_JOURNALS) journals.set(p.journal, p.title);
    if (s.udvalg) {
      const key = s.udvalg.toLocaleLowerCase('da-DK');
      let counts = decisions.get(key);
      if (!counts) decisions.set(key, (counts = new Map<string, PhraseCount>()));
      for (const p of s.punkter) {
        // A phrase is a short decision (the summary keeps a decision's lines joined); one written for its case is not one.
        const first = p.beslutning?.trim();
        if (!first || first.length > LONGEST_PHRASE || first.length < SHORTEST_PHRASE || p.closed) continue;
        let c = counts.get(first);
        if (!c) counts.set(first, (c = { count: 0, titles: new Map<string, number>() }));
        c.count++;
        const title = p.title.trim().toLocaleLowerCase('da-DK');
        if (c.titles.has(title) || c.titles.size < PHRASE_TITLES) c.titles.set(title, (c.titles.get(title) ?? 0) + 1);
      }
    }
  }
  const list: Udvalg[] = [...udvalg.values()].map((u) => ({
    navn: u.navn,
    medlemmer: u.medlemmer,
    ...(u.moedested ? { moedested: u.moedested } : {}),
    ...(u.moedetid ? { moedetid: u.moedetid } : {}),
    ...(u.meets ? { meets: true } : {}),
  }));
  return {
    udvalg: list,
    personer: [...personer.values()],
    strategier: [...strategier],
    lovgrundlag: [...lovgrundlag],
    indstillere: [...indstillere].sort((a, b) => b[1] - a[1]).map(([n]) => n),
    journalNumbers: [...journals].map(([text, title]) => ({ text, ...(title ? { title } : {}) })),
    beslutninger: new Map(
      [...decisions].map(([b, counts]) => [
        b,
        [...counts]
          .filter(([, c]) => c.count >= PHRASE_USES)
          .sort((x, y) => y[1].count - x[1].count || x[0].localeCompare(y[0], 'da'))
          .slice(0, PHRASES_PER_UDVALG)
          .map(([text, c]): DecisionPhrase => {
            const [title, n] = [...c.titles].sort((x, y) => y[1] - x[1])[0] ?? ['', 0];
            return { text, count: c.count, ...(n >= c.count * PHRASE_UNDER_SHARE ? { under: title } : {}) };
          }),
      ]),
    ),
  };
}
