import { APPROVAL_WORDS, PUNKT_WORD } from '../dialect/vocabulary';
import { compareSeal, currentSeal, readSeal, type Seal } from '../model/approval';
import type { Approval, CalendarDate, Referat } from '../model/types';
import { compareDates, formatTitleDate, localizedDate } from '../model/dates';
import { meetingDate } from '../model/meeting';
import { punktLabel } from '../model/numbering';
import type { LocalizedText } from '../i18n/locale';
import { lineContent } from '../syntax/content';
import { lineRange, type Range } from '../syntax/range';
import type { Finding, Rule } from './types';

/*
 * After `referat approve`: the text is held up against the seal written in its approval block,
 * punkt by punkt. A punkt changed, added or removed since, or a changed header, is an error on its
 * heading; a seal that cannot be read is an error of its own, never a pass.
 */

const FIX_HINT = {
  da: `Skriv en rettelse under en overskrift "${APPROVAL_WORDS.addition}" til sidst, eller godkend referatet igen.`,
  en: `Write a correction under a "${APPROVAL_WORDS.addition}" heading at the end, or approve the referat again.`,
};

/** The approval block, in Danish, made from its heading's word. */
const BLOCK_DA = `${APPROVAL_WORDS.heading}sblokken`;

/** ` den 14. december 2023` / ` on 14 December 2023`, as the hover says it; the date as written where it is no real day. */
const when = (a: Approval): LocalizedText => {
  if (a.date?.date) {
    const day = localizedDate(a.date.date);
    return { da: ` den ${day.da}`, en: ` on ${day.en}` };
  }
  return a.date?.value ? { da: ` (${a.date.value})`, en: ` (${a.date.value})` } : { da: '', en: '' };
};

/** The approval block itself, whole: who, when, the seal, and nothing else before its additions. */
function* blockProblems(a: Approval, meeting: CalendarDate | undefined): Generator<Finding> {
  if (!a.by || a.by.names.length === 0)
    yield {
      range: a.by?.range ?? a.headingRange,
      message: {
        da: `${BLOCK_DA} siger ikke, hvem der godkendte referatet ("${APPROVAL_WORDS.by}: …").`,
        en: `The approval block does not say who approved the referat ("${APPROVAL_WORDS.by}: …").`,
      },
    };
  if (!a.date)
    yield {
      range: a.headingRange,
      message: {
        da: `${BLOCK_DA} har ingen dato ("${APPROVAL_WORDS.date}: DD-MM-ÅÅÅÅ").`,
        en: `The approval block has no date ("${APPROVAL_WORDS.date}: DD-MM-YYYY").`,
      },
    };
  else if (!a.date.date)
    yield {
      range: a.date.valueRange,
      message: {
        da: `"${a.date.value}" er ikke en dato, der findes, skrevet DD-MM-ÅÅÅÅ.`,
        en: `"${a.date.value}" is not a date that exists, written DD-MM-YYYY.`,
      },
    };
  else if (meeting && compareDates(a.date.date, meeting) < 0)
    yield {
      range: a.date.valueRange,
      message: {
        da: `Godkendelsens dato ${a.date.value} er før mødet (${formatTitleDate(meeting)}): et referat godkendes efter mødet. Godkend referatet igen med den rigtige dato.`,
        en: `The approval's date ${a.date.value} is before the meeting (${formatTitleDate(meeting)}): a referat is approved after its meeting. Approve the referat again with the right date.`,
      },
    };
  for (const l of a.stray)
    yield {
      range: l.range,
      message: {
        da: `Tekst efter godkendelsesblokken skal stå under en overskrift "${APPROVAL_WORDS.addition}"; ellers er den ikke en del af referatet.`,
        en: `Text after the approval block must stand under a "${APPROVAL_WORDS.addition}" heading; otherwise it is not part of the referat.`,
      },
    };
}

/** The lengths of those of the `wanted` lines that stand in a punkt or before the first. */
function lineLengths(referat: Referat, wanted: ReadonlySet<number>): Map<number, number> {
  const out = new Map<number, number>();
  const { syntax } = referat;
  for (const l of [...syntax.leading, ...syntax.header, ...(syntax.toc?.lines ?? []), ...syntax.punkter.flatMap((p) => p.lines)])
    if (wanted.has(l.line)) out.set(l.line, l.text.length);
  return out;
}

/** The seal, read; undefined (and the problem said) when it cannot be. */
function readOrSay(a: Approval, out: Finding[]): Seal | undefined {
  if (!a.seal) {
    out.push({
      range: a.headingRange,
      message: {
        da: `${BLOCK_DA} har intet segl ("${APPROVAL_WORDS.seal}: v1 …"): teksten kan ikke holdes op mod den godkendte. Godkend referatet igen.`,
        en: `The approval block has no seal ("${APPROVAL_WORDS.seal}: v1 …"): the text cannot be held against the approved one. Approve the referat again.`,
      },
    });
    return undefined;
  }
  const read = readSeal(a.seal.value);
  if (read.ok) return read.seal;
  out.push({
    range: a.seal.range,
    message: {
      da: `Seglet er beskadiget: ${read.problem.da}. Det kan ikke vise, om teksten er ændret; godkend referatet igen.`,
      en: `The seal is damaged: ${read.problem.en}. It cannot show whether the text has changed; approve the referat again.`,
    },
  });
  return undefined;
}

export const damagedApproval: Rule = {
  code: 'damaged-approval',
  severity: 'error',
  description: {
    da: 'Et godkendt referats godkendelsesblok er beskadiget: segl, navne eller dato mangler eller passer ikke',
    en: "An approved referat's approval block is damaged: its seal, names or date are missing or do not match",
  },
  *check({ referat }) {
    const unsealed = referat.syntax.unsealedApprovals ?? [];
    const lengths = unsealed.length > 0 ? lineLengths(referat, new Set(unsealed)) : new Map<number, number>();
    for (const line of unsealed)
      yield {
        range: lineRange(line, 0, lengths.get(line) ?? 0),
        message: {
          da: `Linjerne her ligner en godkendelse ("${APPROVAL_WORDS.heading}", "${APPROVAL_WORDS.by}: …"), men der er intet segl ("${APPROVAL_WORDS.seal}: v1 …"): de læses som tekst i punktet, ikke som godkendelsen. Godkend referatet med Referat: Godkend referat (eller referat approve), så skrives godkendelsen til sidst.`,
          en: `These lines look like an approval ("${APPROVAL_WORDS.heading}", "${APPROVAL_WORDS.by}: …"), but there is no seal ("${APPROVAL_WORDS.seal}: v1 …"): they are read as the item's text, not as the approval. Approve the referat with Referat: Approve Minutes (or referat approve), and the approval is written at the end.`,
        },
      };
    const a = referat.approval;
    if (!a) return;
    yield* blockProblems(a, meetingDate(referat));
    const out: Finding[] = [];
    const seal = readOrSay(a, out);
    yield* out;
    if (!seal || !a.by || a.by.names.length === 0 || !a.date) return;
    const now = currentSeal(
      referat.syntax,
      a.by.names.map((n) => n.name),
      a.date.value,
    );
    if (now.approval !== seal.approval)
      yield {
        range: a.by.range,
        message: {
          da: 'Navnene eller datoen i godkendelsesblokken er ændret efter seglet blev sat: seglet passer ikke til dem.',
          en: 'The names or the date of the approval block have changed since the seal was made: the seal does not match them.',
        },
      };
  },
};

export const changedAfterApproval: Rule = {
  code: 'changed-after-approval',
  severity: 'error',
  description: {
    da: 'Et punkt (eller referatets hoved) er ændret, tilføjet eller fjernet efter referatet blev godkendt',
    en: "An item (or the referat's header) changed, added or removed after the referat was approved",
  },
  *check({ referat }) {
    const a = referat.approval;
    if (!a?.seal) return;
    const read = readSeal(a.seal.value);
    if (!read.ok) return;
    yield* changes(referat, a, read.seal);
  },
};

function* changes(referat: Referat, a: Approval, sealed: Seal): Generator<Finding> {
  const since = compareSeal(referat, sealed);
  if (since.header) {
    const range: Range = referat.header.title?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    yield {
      range,
      message: {
        da: `Referatets hoved (titel, mødeoplysninger, deltagere, indholdsfortegnelse) er ændret efter referatet blev godkendt${when(a).da}. ${FIX_HINT.da}`,
        en: `The referat's header (title, meeting details, attendees, table of contents) has changed since the referat was approved${when(a).en}. ${FIX_HINT.en}`,
      },
    };
  }
  const added = new Set(since.added);
  for (const i of [...since.changed, ...since.added].sort((x, y) => x - y)) {
    const punkt = referat.punkter[i]!;
    const named = punkt.title ? `${PUNKT_WORD} ${punkt.number} (${punkt.title})` : `${PUNKT_WORD} ${punkt.number}`;
    const namedEn = punkt.title ? `Item ${punkt.number} (${punkt.title})` : `Item ${punkt.number}`;
    yield {
      range: punkt.headingRange,
      message: added.has(i)
        ? {
            da: `${named} er tilføjet efter referatet blev godkendt${when(a).da}. ${FIX_HINT.da}`,
            en: `${namedEn} was added after the referat was approved${when(a).en}. ${FIX_HINT.en}`,
          }
        : {
            da: `${named} er ændret efter referatet blev godkendt${when(a).da}: teksten passer ikke til seglet. ${FIX_HINT.da}`,
            en: `${namedEn} has changed since the referat was approved${when(a).en}: its text does not match the seal. ${FIX_HINT.en}`,
          },
    };
  }
  for (const number of since.removed)
    yield {
      range: a.headingRange,
      message: {
        da: `${PUNKT_WORD} ${number} er fjernet efter referatet blev godkendt${when(a).da}. ${FIX_HINT.da}`,
        en: `Item ${number} was removed after the referat was approved${when(a).en}. ${FIX_HINT.en}`,
      },
    };
}

/**
 * A punkt's heading among the approval's lines or an addition's (`Tilføjelse …` and then `Punkt 4:
 * Lukket: …`): everything after the approval is the approval's or its additions' text, published
 * whole, so a closed punkt written there would be published. So would a closed punkt's own text
 * where the approval stands inside it (an approval block copied into a closed punkt, its sections
 * below it): after an approval that follows a closed punkt, the first section heading is named too.
 * What the public version is refused for.
 */
export function punkterAfterApproval(referat: Referat): Finding[] {
  const a = referat.syntax.approval;
  if (!a) return [];
  const last = referat.punkter[referat.punkter.length - 1];
  const out: Finding[] = [];
  let punktOrSection = false;
  for (const l of [...a.lines, ...a.additions.flatMap((x) => [x.heading, ...x.lines])]) {
    if (l.kind === 'punktHeading') {
      punktOrSection = true;
      out.push({
        range: lineRange(l.line, 0, l.text.length),
        message: {
          da: `En punktoverskrift står efter godkendelsen: alt efter godkendelsen er dens eller en tilføjelses tekst og bliver offentliggjort. Skriv punktet før godkendelsen, og godkend referatet igen.`,
          en: `An item heading stands after the approval: everything after the approval is its text or an addition's and would be published. Write the item before the approval, and approve the referat again.`,
        },
      });
    } else if (!punktOrSection && last?.closed && (l.kind === 'sectionHeading' || l.kind === 'decisionHeading')) {
      // Under the first punkt heading its sections are that punkt's, named with it.
      punktOrSection = true;
      const title = lineContent(l.text).content;
      out.push({
        range: lineRange(l.line, 0, l.text.length),
        message: {
          da: `Afsnittet "${title}" står efter godkendelsen, som følger det lukkede punkt ${punktLabel(last)}: alt efter godkendelsen er dens eller en tilføjelses tekst og bliver offentliggjort. Hører afsnittet til det lukkede punkt, så slet godkendelsen, og godkend referatet igen: den skrives da til sidst i filen.`,
          en: `The section "${title}" stands after the approval, which follows the closed item ${punktLabel(last)}: everything after the approval is its text or an addition's and would be published. If the section belongs to the closed item, delete the approval, and approve the referat again: it is then written at the end of the file.`,
        },
      });
    }
  }
  return out;
}

export const punktAfterApproval: Rule = {
  code: 'punkt-after-approval',
  severity: 'error',
  description: {
    da: 'En punktoverskrift efter godkendelsen eller i en tilføjelse, eller et afsnit efter en godkendelse, der følger et lukket punkt: teksten læses som tilføjelsens og bliver offentliggjort',
    en: "An item heading after the approval or in an addition, or a section after an approval that follows a closed item: the text is read as the addition's and would be published",
  },
  *check({ referat }) {
    yield* punkterAfterApproval(referat);
  },
};

export const APPROVAL_RULES: readonly Rule[] = [damagedApproval, changedAfterApproval];

/** The findings a new approval mends, since it seals the text as it is now: a change since the last one, or its damaged seal. */
export const MENDED_BY_APPROVAL: ReadonlySet<string> = new Set(APPROVAL_RULES.map((r) => r.code));
