import { meetingDate } from '../model/meeting';
import { CLOSED_TITLE_MARKER } from '../dialect/vocabulary';
import { schemesOf } from '../model/journal';
import { journalPlaceholder } from '../model/placeholders';
import type { JournalProblem } from '../model/types';
import type { LocalizedText } from '../i18n/locale';
import { punktRule } from './perPunkt';
import type { Finding, Rule } from './types';

export const missingJournalNumber: Rule = punktRule({
  code: 'missing-journal-number',
  severity: 'error',
  description: {
    da: 'Et punkt uden journal- eller sagsnummer på linjen efter overskriften (hvor systemet skriver et)',
    en: 'An item without a journal or case number on the line after its heading (where the system writes one)',
  },
  checkPunkt(p, { referat }) {
    const out: Finding[] = [];
    const dialect = referat.dialect;
    // `Eventuelt` and the like may go without, where the system leaves it out.
    if (p.journal || journalPlaceholder(p) || (dialect.withoutCaseNumber?.test(p.title.replace(CLOSED_TITLE_MARKER, '')) ?? false)) return out;
    // A template's word where the number belongs is the placeholder rule's to report.
    const scheme = schemesOf(dialect)[0];
    const example = scheme?.example ?? '00.01.00I00-3-23';
    // The system's own word: a KLE number is the journalnummer the rest of Referat speaks of.
    const word = scheme?.word ?? { da: 'journalnummer', en: 'journal number' };
    out.push({
      range: p.headingRange,
      message: {
        da: `Punkt ${p.number} mangler ${word.da} (fx ${example}) på linjen efter overskriften.`,
        en: `Item ${p.number} has no ${word.en} (e.g. ${example}) on the line after its heading.`,
      },
    });
    return out;
  },
});

/** The year of the examples (`00.01.00I00-3-23`), where the meeting's day is not known. */
const EXAMPLE_YEAR = '23';

/** Why a KLE number is mistyped; the year's example is the meeting's own year (`-23` for 2023). */
function problemText(problem: Exclude<JournalProblem, 'scheme'>, year: string): LocalizedText {
  switch (problem) {
    case 'emne':
      return {
        da: 'emnet skal være tre tocifrede tal med punktum imellem (00.01.00)',
        en: 'the KLE subject must be three two-digit numbers with dots (00.01.00)',
      };
    case 'facet':
      return {
        da: 'handlingsfacetten skal være ét stort bogstav og to cifre (I00, G01, P20)',
        en: 'the action facet must be one capital letter and two digits (I00, G01, P20)',
      };
    case 'serial':
      return { da: 'løbenummeret skal være et tal efter en bindestreg (-3)', en: 'the serial must be a number after a hyphen (-3)' };
    case 'year':
      return { da: `året skal være to cifre til sidst (-${year})`, en: `the year must be two digits at the end (-${year})` };
    case 'separators':
      return {
        da: 'delene skal stå, som formen har dem: uden mellemrum, og med bindestreg før løbenummer og år',
        en: 'its parts must stand as the form has them: no spaces, and a hyphen before the serial and the year',
      };
    case 'shape':
      return { da: 'formen skal være 00.01.00I00-3-23 eller 00.16.00-P20-1-16', en: 'the form must be 00.01.00I00-3-23 or 00.16.00-P20-1-16' };
  }
}

export const journalFormat: Rule = punktRule({
  code: 'journal-format',
  severity: 'error',
  description: { da: 'Et sagsnummer, der ikke har systemets form (KLE, EMN-…, …)', en: "A case number that does not have the system's form (KLE, EMN-…, …)" },
  checkPunkt(p, { referat }) {
    const out: Finding[] = [];
    const j = p.journal;
    if (j?.kind !== 'malformed') return out;
    if (j.problem === 'scheme') {
      const forms = schemesOf(referat.dialect)
        .map((s) => s.example)
        .join(', ');
      out.push({
        range: j.range,
        message: { da: `Sagsnummeret "${j.text}" har ikke en kendt form (${forms}).`, en: `The case number "${j.text}" has no known form (${forms}).` },
      });
      return out;
    }
    const meeting = meetingDate(referat);
    const year = meeting ? String(meeting.year % 100).padStart(2, '0') : EXAMPLE_YEAR;
    const fix = j.correction;
    // Where the fix names the year (`-2023` is `-23`), the example is that year, not the meeting's: one year in one message.
    const why = problemText(j.problem, j.problem === 'year' && fix ? fix.slice(-2) : year);
    out.push({
      range: j.range,
      message: fix
        ? {
            da: `Journalnummeret "${j.text}" er skrevet forkert: ${why.da}. Skal det være ${fix}?`,
            en: `The journal number "${j.text}" is mistyped: ${why.en}. Should it be ${fix}?`,
          }
        : { da: `Journalnummeret "${j.text}" er skrevet forkert: ${why.da}.`, en: `The journal number "${j.text}" is mistyped: ${why.en}.` },
      ...(fix ? { fixes: [{ title: { da: `Ret til ${fix}`, en: `Change to ${fix}` }, edits: [{ range: j.range, newText: fix }], preferred: true }] } : {}),
    });
    return out;
  },
});

export const journalYear: Rule = punktRule({
  code: 'journal-year',
  severity: 'warning',
  description: { da: 'Sagens år ligger efter mødet', en: 'The case year is after the meeting' },
  applies: ({ referat }) => meetingDate(referat) !== undefined,
  checkPunkt(p, { referat }) {
    const out: Finding[] = [];
    const d = meetingDate(referat);
    if (!d || p.journal?.kind !== 'valid') return out;
    const j = p.journal.journal;
    if (j.caseYear > d.year)
      out.push({
        range: j.yearRange,
        message: {
          da: `Sagen er oprettet i ${j.caseYear}, efter mødet i ${d.year}; er året skrevet forkert?`,
          en: `The case was opened in ${j.caseYear}, after the meeting in ${d.year}; is the year mistyped?`,
        },
      });
    return out;
  },
});

export const unknownEmne: Rule = punktRule({
  code: 'unknown-emne',
  severity: 'warning',
  description: { da: 'Journalnummerets KLE-emne findes ikke', en: "The journal number's KLE subject does not exist" },
  checkPunkt(p, { kle }) {
    const out: Finding[] = [];
    if (p.journal?.kind !== 'valid') return out;
    const k = p.journal.journal.kle;
    if (k && !kle.hasEmne(k.emne))
      out.push({
        range: k.parts.emne,
        message: {
          da: `KLE-emnet ${k.emne} findes ikke; er journalnummeret tastet forkert?`,
          en: `KLE subject ${k.emne} does not exist; is the journal number mistyped?`,
        },
      });
    return out;
  },
});

export const JOURNAL_RULES: readonly Rule[] = [missingJournalNumber, journalFormat, journalYear, unknownEmne];
