import { compareDates, localizedDate } from '../model/dates';
import { meetingDate } from '../model/meeting';
import { punktRule } from './perPunkt';
import type { Finding, Rule } from './types';

export const referenceDate: Rule = punktRule({
  code: 'reference-date',
  severity: 'error',
  description: {
    da: 'En tidligere beslutning dateret på eller efter dette møde, eller en behandling i sagsforløbet dateret efter det',
    en: 'An earlier decision dated on or after this meeting, or a handling in the case history dated after it',
  },
  applies: ({ referat }) => meetingDate(referat) !== undefined,
  checkPunkt(p, { referat }) {
    const out: Finding[] = [];
    const today = meetingDate(referat);
    if (!today) return out;
    for (const s of p.sections) {
      const d = s.earlier?.date;
      if (d?.date && s.earlier?.form === 'dated' && compareDates(d.date, today) > 0)
        // A dated heading after the meeting is this meeting's decision with a mistyped date.
        out.push({
          range: d.range,
          message: {
            da: `Beslutningen er dateret ${localizedDate(d.date).da}, men mødet er ${localizedDate(today).da}.`,
            en: `The decision is dated ${localizedDate(d.date).en}, but the meeting is on ${localizedDate(today).en}.`,
          },
        });
      else if (d?.date && compareDates(d.date, today) >= 0)
        out.push({
          range: d.range,
          message: {
            da: `Den tidligere beslutning er dateret ${localizedDate(d.date).da}, men mødet er ${localizedDate(today).da}; en tidligere beslutning skal ligge før mødet.`,
            en: `The earlier decision is dated ${localizedDate(d.date).en}, but the meeting is on ${localizedDate(today).en}; an earlier decision must come before the meeting.`,
          },
        });
      // A case's history may end with this meeting's own handling, so only a later date is wrong;
      // and a handling still to come (`Beslutning ikke frigivet`) is the case's way ahead, not its past.
      for (const e of s.entries ?? []) {
        if (e.planned || !e.date?.date || compareDates(e.date.date, today) <= 0) continue;
        out.push({
          range: e.date.range,
          message: {
            da: `Sagsforløbet har en behandling dateret ${localizedDate(e.date.date).da}, efter dette møde (${localizedDate(today).da}).`,
            en: `The case history has a handling dated ${localizedDate(e.date.date).en}, after this meeting (${localizedDate(today).en}).`,
          },
        });
      }
    }
    return out;
  },
});

export const referenceFormat: Rule = punktRule({
  code: 'reference-format',
  severity: 'warning',
  description: { da: 'En tidligere beslutning uden læsbar dato eller punktnummer', en: 'An earlier decision without a readable date or item number' },
  checkPunkt(p) {
    const out: Finding[] = [];
    for (const s of p.sections) {
      const e = s.earlier;
      // Lemvig's `Beslutning fra …` names its date and punkt; other forms need not name a punkt.
      if (!e || e.form !== 'beslutning-fra' || (e.date && e.punktNumber !== undefined)) continue;
      out.push({
        range: e.range,
        message: {
          da: 'Skriv den tidligere beslutning som "Beslutning fra Direktionens møde den 28. august 2024, pkt. 1:", så dato og punkt kan læses.',
          en: 'Write the earlier decision as "Beslutning fra Direktionens møde den 28. august 2024, pkt. 1:" so its date and item number can be read.',
        },
      });
    }
    return out;
  },
});

export const referenceMismatch: Rule = {
  code: 'reference-mismatch',
  severity: 'warning',
  description: {
    da: 'Det henviste møde findes i arkivet, men har ikke det punkt, eller punktet har et andet journalnummer',
    en: 'The referenced meeting is in the archive but has no such item, or that item has another journal number',
  },
  *check({ referat, archive }) {
    if (!archive) return;
    for (const p of referat.punkter) {
      const own = p.journal?.kind === 'valid' ? p.journal.journal.text : undefined;
      for (const s of p.sections) {
        const e = s.earlier;
        if (!e?.date?.date || e.punktNumber === undefined || !e.udvalg) continue;
        const meeting = archive.meeting(e.udvalg, e.date.date);
        if (!meeting) continue;
        const when = localizedDate(e.date.date);
        const target = meeting.punkter.find((q) => q.number === e.punktNumber);
        const at = e.punktRange ?? e.range;
        if (!target) {
          yield {
            range: at,
            message: {
              da: `${meeting.udvalg}s møde ${when.da} har intet punkt ${e.punktNumber}.`,
              en: `The ${meeting.udvalg} meeting of ${when.en} has no item ${e.punktNumber}.`,
            },
          };
          continue;
        }
        const theirs = target.journal;
        if (own && theirs && own !== theirs) {
          yield {
            range: at,
            message: {
              da: `Punkt ${e.punktNumber} på ${meeting.udvalg}s møde ${when.da} har journalnummer ${theirs}, ikke ${own}: er det den rigtige sag?`,
              en: `Item ${e.punktNumber} of the ${meeting.udvalg} meeting of ${when.en} has journal number ${theirs}, not ${own}: is it the right case?`,
            },
          };
        }
      }
    }
  },
};

export const REFERENCE_RULES: readonly Rule[] = [referenceDate, referenceFormat, referenceMismatch];
