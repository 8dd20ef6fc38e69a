import type { ReferatSummary } from '../archive/summary';
import { compareDates } from '../model/dates';
import type { NameCatalog, PersonEntry, Udvalg } from './catalog';

/**
 * Names from a folder of old minutes, for a workspace with no referat.yaml: committees from
 * titles and `Sagen afgøres endelig af`, their members from `Mødedeltagere`, people with their
 * titles from `… deltager i mødet`, strategies, laws and the journal numbers in use.
 */
export function harvestCatalog(summaries: Iterable<ReferatSummary>): NameCatalog {
  const udvalg = new Map<string, { navn: string; medlemmer: Set<string>; moedested?: string; latest?: ReferatSummary['date'] }>();
  const personer = new Map<string, PersonEntry>();
  const strategier = new Set<string>();
  const lovgrundlag = new Set<string>();
  const journals = new Map<string, string>();
  const body = (navn: string) => {
    const key = navn.toLowerCase();
    let u = udvalg.get(key);
    if (!u) udvalg.set(key, (u = { navn, medlemmer: new Set() }));
    return u;
  };
  for (const s of summaries) {
    if (s.body) {
      const u = body(s.body);
      for (const n of s.deltagere) u.medlemmer.add(n);
      // The newest meeting's place is the one to propose.
      if (s.moedested && (!u.latest || (s.date && compareDates(s.date, u.latest) > 0))) {
        u.moedested = s.moedested;
        if (s.date) u.latest = s.date;
      }
    }
    for (const n of s.names.udvalg) body(n);
    for (const p of s.names.personer) {
      const old = personer.get(p.navn);
      if (!old || (!old.titel && p.titel)) personer.set(p.navn, p);
    }
    for (const x of s.names.strategier) strategier.add(x);
    for (const x of s.names.lovgrundlag) lovgrundlag.add(x);
    for (const p of s.punkter) if (p.journal && journals.size < 20_000) journals.set(p.journal, p.title);
  }
  const list: Udvalg[] = [...udvalg.values()].map((u) => ({ navn: u.navn, medlemmer: [...u.medlemmer], ...(u.moedested ? { moedested: u.moedested } : {}) }));
  return {
    udvalg: list,
    personer: [...personer.values()],
    strategier: [...strategier],
    lovgrundlag: [...lovgrundlag],
    journalNumbers: [...journals].map(([text, title]) => ({ text, ...(title ? { title } : {}) })),
  };
}
