import { expectedLabel, punktLabel } from '../model/numbering';
import { punktRule } from './perPunkt';
import type { Finding, Rule } from './types';

export const punktNumbering: Rule = {
  code: 'punkt-numbering',
  severity: 'error',
  description: {
    da: 'Punkterne er ikke nummereret i rækkefølge, 1..N eller fortløbende fra et tidligere møde (huller, gentagelser)',
    en: 'Items not numbered in order, 1..N or running on from an earlier meeting (gaps, repeats)',
  },
  *check({ referat }) {
    const seen = new Map<string, number>();
    for (const [i, p] of referat.punkter.entries()) {
      const expected = expectedLabel(referat, i);
      const label = punktLabel(p);
      const firstAt = seen.get(label);
      if (!seen.has(label)) seen.set(label, p.headingRange.start.line);
      if (label === expected) continue;
      const fix = { title: { da: `Omnummerér til ${expected}`, en: `Renumber to ${expected}` }, edits: [{ range: p.numberRange, newText: expected }] };
      if (firstAt !== undefined) {
        yield {
          range: p.numberRange,
          message: {
            da: `Punkt ${label} findes allerede (linje ${firstAt + 1}); dette skal være punkt ${expected}.`,
            en: `Item ${label} already exists (line ${firstAt + 1}); this should be item ${expected}.`,
          },
          fixes: [fix],
        };
      } else {
        yield {
          range: p.numberRange,
          message: { da: `Punkt ${label} skulle have nummer ${expected}.`, en: `Item ${label} should be numbered ${expected}.` },
          fixes: [fix],
        };
      }
    }
  },
};

export const missingTitle: Rule = punktRule({
  code: 'missing-title',
  severity: 'error',
  description: { da: 'Et åbent punkt uden titel', en: 'An open item without a title' },
  checkPunkt(p) {
    const out: Finding[] = [];
    if (!p.closed && p.title === '')
      out.push({ range: p.headingRange, message: { da: `Punkt ${punktLabel(p)} har ingen titel.`, en: `Item ${punktLabel(p)} has no title.` } });
    return out;
  },
});

export const agendaOrder: Rule = {
  code: 'agenda-order',
  severity: 'warning',
  description: { da: 'Et åbent punkt efter Eventuelt eller efter et lukket punkt', en: 'An open item after "Eventuelt" or after a closed item' },
  *check({ referat }) {
    // Only where the system keeps that order; First Agenda's minutes may take a punkt after Eventuelt.
    if (!referat.dialect.strictAgendaOrder) return;
    let after: { da: string; en: string } | undefined;
    for (const p of referat.punkter) {
      if (p.closed) {
        after ??= { da: `det lukkede punkt ${punktLabel(p)}`, en: `closed item ${punktLabel(p)}` };
        continue;
      }
      if (after)
        yield {
          range: p.headingRange,
          message: {
            da: `Punkt ${punktLabel(p)} er åbent, men står efter ${after.da}; åbne punkter kommer før Eventuelt og de lukkede punkter.`,
            en: `Item ${punktLabel(p)} is open but comes after ${after.en}; open items come before "Eventuelt" and the closed ones.`,
          },
        };
      if (/^eventuelt\b/i.test(p.title)) after ??= { da: 'Eventuelt', en: '"Eventuelt"' };
    }
  },
};

export const duplicateJournal: Rule = {
  code: 'duplicate-journal-number',
  severity: 'warning',
  description: { da: 'Samme journalnummer på to punkter i samme møde', en: 'The same journal number on two items of one meeting' },
  *check({ referat }) {
    // Where one general case number stands on several standing punkter, sharing it is no mistake.
    if (referat.dialect.sharedCaseNumbers) return;
    const seen = new Map<string, number>();
    for (const p of referat.punkter) {
      if (p.journal?.kind !== 'valid') continue;
      const j = p.journal.journal;
      const other = seen.get(j.text);
      if (other !== undefined)
        yield {
          range: j.range,
          message: {
            da: `Journalnummeret ${j.text} står også på punkt ${other}; er det kopieret fra det punkt?`,
            en: `Journal number ${j.text} is also on item ${other}; was it copied from there?`,
          },
        };
      else seen.set(j.text, p.number);
    }
  },
};

export const PUNKT_RULES: readonly Rule[] = [punktNumbering, missingTitle, agendaOrder, duplicateJournal];
