import { capitalize, formatTitleDate, localizedDate, localizedWeekday, sameDate, weekdayIndex, weekdayName } from '../model/dates';
import type { DateValue, Referat } from '../model/types';
import type { Finding, Rule } from './types';
import { lineRange, type Range } from '../syntax/range';
import { HEADER_LABELS, headerLabel, type HeaderRole } from '../dialect/vocabulary';
import { lineContent } from '../syntax/content';
import { editDistance } from '../spelling/distance';

export const missingHeader: Rule = {
  code: 'missing-header',
  severity: 'error',
  description: {
    da: 'Titel, Mødedato eller Mødested mangler eller kan ikke læses',
    en: 'The title, the "Mødedato" or the "Mødested" field is missing or unreadable',
  },
  *check({ referat }) {
    // A new, empty file is a referat not yet begun: completion offers its header, not errors.
    if (isBlankDocument(referat)) return;
    const h = referat.header;
    const top = lineRange(0, 0, 0);
    if (!h.title) {
      yield {
        range: top,
        message: {
          da: 'Titellinjen mangler: referatet skal begynde med "REFERAT <udvalg> d. DD-MM-ÅÅÅÅ".',
          en: 'The title line is missing: the minutes must begin with "REFERAT <body> d. DD-MM-YYYY".',
        },
      };
    } else {
      if (!h.title.udvalg)
        yield {
          range: h.title.range,
          message: {
            da: 'Titlen nævner ikke udvalget (fx "REFERAT Direktionen d. 07-12-2023").',
            en: 'The title does not name the body (e.g. "REFERAT Direktionen d. 07-12-2023").',
          },
        };
      // A title that is the word alone (`Referat`, eDoc and Acadre) has its date on a line of its own.
      const bare = !h.title.udvalgRange || h.title.udvalgRange.start.line !== h.title.range.start.line;
      if (!h.title.date && !(bare && h.moedeDato?.date))
        yield {
          range: h.title.range,
          message: { da: 'Titlen har ingen dato, der kan læses (DD-MM-ÅÅÅÅ).', en: 'The title has no readable date (DD-MM-YYYY).' },
        };
    }
    // Where a field should be: the line with its damaged label (`Mødedto`), or the line after the title.
    const missing = (role: HeaderRole, label: string): Finding => {
      const damaged = damagedLabel(referat, role);
      if (damaged)
        return {
          range: damaged.range,
          message: {
            da: `Feltet "${label}" mangler i hovedet: er "${damaged.written}" skrevet for "${damaged.label}"?`,
            en: `The "${label}" field is missing from the header: is "${damaged.written}" meant to be "${damaged.label}"?`,
          },
          fixes: [
            {
              title: { da: `Ret til "${damaged.label}"`, en: `Change to "${damaged.label}"` },
              edits: [{ range: damaged.range, newText: damaged.label }],
              preferred: true,
            },
          ],
        };
      const after = h.title ? h.title.range.end.line + 1 : 0;
      return {
        range: h.title ? lineRange(after, 0, 0) : top,
        message: { da: `Feltet "${label}" mangler i hovedet.`, en: `The "${label}" field is missing from the header.` },
      };
    };
    if (!h.moedeDato) {
      yield missing('moedeDato', headerLabel('moedeDato'));
    } else if (h.moedeDato.date && !h.moedeDato.time && /\b(?:kl\.?|klokken)[ \t]*$/i.test(lineOf(referat, h.moedeDato.range.start.line))) {
      // `… kl.` and nothing after it: the header's time was left to fill in.
      yield {
        range: h.moedeDato.valueRange,
        message: { da: 'Mødets klokkeslæt mangler efter "kl.".', en: 'The meeting\'s time is missing after "kl.".' },
      };
    } else if (!h.moedeDato.date) {
      yield {
        range: h.moedeDato.valueRange,
        message: {
          da: 'Mødedatoen kan ikke læses; skriv fx "Torsdag d. 07. december 2023 kl. 09:00".',
          en: 'The meeting date cannot be read; write e.g. "Torsdag d. 07. december 2023 kl. 09:00".',
        },
      };
    }
    if (!h.moedested) {
      const damaged = damagedLabel(referat, 'moedested');
      yield damaged || !h.moedeDato
        ? missing('moedested', headerLabel('moedested'))
        : {
            range: h.moedeDato.range,
            message: { da: 'Feltet "Mødested" mangler i hovedet.', en: 'The "Mødested" field is missing from the header.' },
          };
    } else if (!h.moedested.value) {
      yield { range: h.moedested.range, message: { da: 'Mødestedet er tomt.', en: 'The meeting place is empty.' } };
    }
  },
};

export const dateMismatch: Rule = {
  code: 'date-mismatch',
  severity: 'error',
  description: { da: 'Titlens dato og Mødedato er ikke samme dag', en: 'The title\'s date and the meeting date ("Mødedato") are not the same day' },
  *check({ referat }) {
    const t = referat.header.title?.date;
    const m = referat.header.moedeDato?.date;
    if (!t?.date || !m?.date || sameDate(t.date, m.date)) return;
    const fixed = formatTitleDate(m.date);
    yield {
      range: t.range,
      message: {
        da: `Titlens dato ${localizedDate(t.date).da} er ikke mødedatoen ${localizedDate(m.date).da}.`,
        en: `The title's date, ${localizedDate(t.date).en}, is not the meeting date, ${localizedDate(m.date).en}.`,
      },
      fixes: [{ title: { da: `Ret titlens dato til ${fixed}`, en: `Change the title's date to ${fixed}` }, edits: [{ range: t.range, newText: fixed }] }],
    };
  },
};

export const weekdayMismatch: Rule = {
  code: 'weekday-mismatch',
  severity: 'error',
  description: { da: 'Ugedagen passer ikke til datoen', en: "The weekday is not that date's weekday" },
  *check({ referat }) {
    const md = referat.header.moedeDato;
    const wd = md?.weekday;
    const d = md?.date?.date;
    if (!wd || !d) return;
    const right = weekdayName(d);
    const rightIndex = weekdayIndex(d);
    if (wd.index === rightIndex) return;
    // Made for a finding only: its English names are asked of Intl, which loads ICU's calendar data.
    const date = localizedDate(d);
    if (wd.index === undefined) {
      yield {
        range: wd.range,
        message: {
          da: `"${wd.text}" er ikke en ugedag; ${date.da} er en ${right}.`,
          en: `"${wd.text}" is not a Danish weekday; ${date.en} is a ${localizedWeekday(rightIndex).en}.`,
        },
        fixes: [fixWeekday(wd.text, wd.range, right)],
      };
      return;
    }
    yield {
      range: wd.range,
      message: {
        da: `${date.da} er en ${right}, ikke en ${wd.text.toLowerCase()}.`,
        en: `${date.en} is a ${localizedWeekday(rightIndex).en}, not a ${localizedWeekday(wd.index).en}.`,
      },
      fixes: [fixWeekday(wd.text, wd.range, right)],
    };
  },
};

function fixWeekday(written: string, range: Finding['range'], right: string) {
  const text = written.charAt(0) === written.charAt(0).toUpperCase() ? capitalize(right) : right;
  return { title: { da: `Ret ugedagen til ${text}`, en: `Change the weekday to "${text}"` }, edits: [{ range, newText: text }] };
}

function isBlankDocument(referat: Referat): boolean {
  const s = referat.syntax;
  return s.punkter.length === 0 && !s.title && !s.toc && [...s.leading, ...s.header].every((l) => l.kind === 'blank');
}

/** Every date in a structured place: title, Mødedato, earlier-decision headings. */
function* structuredDates(referat: Parameters<Rule['check']>[0]['referat']): Iterable<DateValue> {
  if (referat.header.title?.date) yield referat.header.title.date;
  if (referat.header.moedeDato?.date) yield referat.header.moedeDato.date;
  for (const p of referat.punkter) for (const s of p.sections) if (s.earlier?.date) yield s.earlier.date;
}

export const invalidDate: Rule = {
  code: 'invalid-date',
  severity: 'error',
  description: { da: 'En dato, der ikke findes (31. november), eller en ukendt måned', en: 'A date that does not exist (31 November), or an unknown month' },
  *check({ referat }) {
    for (const d of structuredDates(referat)) {
      if (d.problem === 'unknown-month')
        yield {
          range: d.range,
          message: {
            da: `"${d.text}" har ikke et dansk månedsnavn (januar … december).`,
            en: `"${d.text}" has no Danish month name (such as "januar" or "december").`,
          },
        };
      else if (d.problem === 'no-such-day')
        yield { range: d.range, message: { da: `Datoen "${d.text}" findes ikke.`, en: `The date "${d.text}" does not exist.` } };
    }
  },
};

export const invalidTime: Rule = {
  code: 'invalid-time',
  severity: 'error',
  description: { da: 'Et klokkeslæt, der ikke findes (25:00, 10:75)', en: 'A time of day that does not exist (25:00, 10:75)' },
  *check({ referat }) {
    const times = [referat.header.moedeDato?.time, ...referat.punkter.flatMap((p) => p.attendees.map((a) => a.time))];
    for (const t of times) {
      if (t && !t.valid) yield { range: t.range, message: { da: `Klokkeslættet "${t.text}" findes ikke.`, en: `The time "${t.text}" does not exist.` } };
    }
  },
};

export const strayText: Rule = {
  code: 'stray-text',
  severity: 'warning',
  description: { da: 'Tekst før titellinjen', en: 'Text before the title line' },
  *check({ referat }) {
    if (!referat.header.title) return;
    for (const l of referat.stray) {
      yield {
        range: l.range,
        message: { da: 'Tekst før titellinjen kommer ikke med i referatet.', en: 'Text before the title line is not part of the minutes.' },
      };
    }
  },
};

export const HEADER_RULES: readonly Rule[] = [missingHeader, dateMismatch, weekdayMismatch, invalidDate, invalidTime, strayText];

/** How far a written word may be from a label (letters changed, left out, added or swapped) to be that label, damaged. */
const LABEL_DISTANCE = 2;
/** Labels shorter than this are too close to ordinary words to be guessed at. */
const LABEL_MIN_LENGTH = 5;

/** A header line that begins with a label of this role, mistyped: `Mødedto Torsdag d. …`. */
function damagedLabel(referat: Referat, role: HeaderRole): { range: Range; written: string; label: string } | undefined {
  const labels = HEADER_LABELS.filter((l) => l.role === role && l.label.length >= LABEL_MIN_LENGTH && !l.label.includes(' '));
  for (const l of referat.syntax.header) {
    if (l.kind === 'blank' || l.kind === 'field') continue;
    const c = lineContent(l.text);
    const m = /^(?:\*\*)?(\p{L}+)/u.exec(c.content);
    if (!m) continue;
    const written = m[1]!;
    const start = c.start + m[0].length - written.length;
    for (const { label } of labels) {
      const d = editDistance(written.toLocaleLowerCase('da-DK'), label.toLocaleLowerCase('da-DK'));
      if (d > 0 && d <= LABEL_DISTANCE) return { range: lineRange(l.line, start, start + written.length), written, label };
    }
  }
  return undefined;
}

function lineOf(referat: Referat, line: number): string {
  return [...referat.syntax.leading, ...referat.syntax.header].find((l) => l.line === line)?.text ?? '';
}
