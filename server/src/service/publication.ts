import type { LocalizedText } from '../i18n/locale';
import type { Punkt, Referat } from '../model/types';
import { findCprNumbersIn } from '../privacy/cpr';
import { closedLookalikes } from '../rules/closed';
import { MENDED_BY_APPROVAL, punkterAfterApproval } from '../rules/approval';
import { cprMessage, cprNumbersToPublish } from '../rules/cpr';
import type { Diagnostic } from '../rules/types';
import { lineRange, type Range } from '../syntax/range';

/** Why a public rendering was not made: where the text is that may not be published, and why. */
export interface RenderRefusal {
  readonly range: Range;
  readonly message: LocalizedText;
}

const NOT_MADE: LocalizedText = { da: 'Den offentlige udgave laves ikke.', en: 'The public version is not made.' };

function refusal(range: Range, why: LocalizedText): RenderRefusal {
  return { range, message: { da: `${NOT_MADE.da} ${why.da}`, en: `${NOT_MADE.en} ${why.en}` } };
}

/**
 * Why the public version of a referat may not be made, judged on the source: a CPR number where it
 * would be published, a closed punkt whose end is in doubt, or an error in or at a closed punkt.
 * `errors` are the document's findings of severity error, as the writer sees them.
 */
export function sourceRefusal(referat: Referat, errors: readonly Diagnostic[]): RenderRefusal | undefined {
  // A closed punkt's end in doubt before a number: a number found after it is then a symptom, not the cause.
  // A punkt written after the approval first: it stands after the last closed punkt, whose end it would otherwise be said to put in doubt.
  return afterApprovalRefusal(referat) ?? closedPunktRefusal(referat, errors) ?? lookalikeRefusal(referat) ?? cprRefusal(referat);
}

/** A punkt written after the approval, in its text or an addition's: published whole as that text. */
function afterApprovalRefusal(referat: Referat): RenderRefusal | undefined {
  const first = punkterAfterApproval(referat)[0];
  return first ? refusal(first.range, first.message) : undefined;
}

/** A closed punkt written so that it is read as open (`Lukket Personalesag`, `Punkt 3 (lukket): …`): it would be published whole. */
function lookalikeRefusal(referat: Referat): RenderRefusal | undefined {
  const first = closedLookalikes(referat.punkter)[0];
  return first ? refusal(first.range, first.message) : undefined;
}

function cprRefusal(referat: Referat): RenderRefusal | undefined {
  const found = cprNumbersToPublish(referat);
  const first = found[0];
  if (!first) return undefined;
  const why = cprMessage(first.place);
  const more = found.length - 1;
  return refusal(first.range, {
    da: `${why.da}${more > 0 ? ` (${more} CPR-${more === 1 ? 'nummer' : 'numre'} mere.)` : ''}`,
    en: `${why.en}${more > 0 ? ` (${more} more CPR number${more === 1 ? '' : 's'}.)` : ''}`,
  });
}

/**
 * Closed is closed: a closed punkt ends only where the next real punkt heading begins. A line
 * that the parser took for the next heading but that lacks what this document's headings carry
 * (the next number, a number of its own, an entry in the table of contents, a case number) may
 * be text of the closed punkt shaped like a heading (`Punkt 7: …`, `3. Orientering`); publishing
 * from there would publish that text. Then, and while any error stands in a closed punkt or on
 * the heading after it, the public version is refused, naming the line.
 */
function closedPunktRefusal(referat: Referat, errors: readonly Diagnostic[]): RenderRefusal | undefined {
  const punkter = referat.punkter;
  // What the document's headings carry, worked out once: a referat of hundreds of punkter has many closed ones.
  let facts: HeadingFacts | undefined;
  for (let i = 0; i < punkter.length; i++) {
    const closed = punkter[i]!;
    if (!closed.closed) continue;
    const next = punkter[i + 1];
    const end = next ? next.headingRange.start.line : Number.MAX_SAFE_INTEGER;
    // A CPR number in what is shown of the closed punkt puts no end in doubt: it is refused below, as itself.
    const error = errors.find(
      (d) => d.severity === 'error' && d.code !== 'cpr-number' && d.range.start.line >= closed.headingRange.start.line && d.range.start.line <= end,
    );
    // An approval's own problem (a change since it, its date, its seal) is said as itself: it puts no end in doubt.
    // Lines that only look like an approval (no seal) are the punkt's text: those do put its end in doubt.
    if (error && MENDED_BY_APPROVAL.has(error.code) && !(referat.syntax.unsealedApprovals ?? []).includes(error.range.start.line))
      return refusal(error.range, { da: error.message, en: error.message });
    if (error)
      return refusal(error.range, {
        da: `Der er en fejl i eller lige efter det lukkede punkt ${closed.number}, så det er uvist, hvor punktet slutter: ${error.message}`,
        en: `There is an error in or right after the closed item ${closed.number}, so where it ends is in doubt: ${error.message}`,
      });
    if (!next) continue;
    const doubt = headingDoubt((facts ??= headingFacts(referat)), i + 1, closed);
    if (doubt)
      return refusal(lineRange(next.headingRange.start.line, 0, next.headingRange.end.character), {
        da: `Linjen ligner en punktoverskrift inde i det lukkede punkt ${closed.number}, men ${doubt.da}. Er den teksten i det lukkede punkt, så skriv den om, så den ikke ligner en overskrift.`,
        en: `The line looks like an item heading inside the closed item ${closed.number}, but ${doubt.en}. If it is text of the closed item, reword it so it does not look like a heading.`,
      });
  }
  return undefined;
}

/** Per punkt (by index): whether the table of contents lists it; and how many times each number occurs. */
interface HeadingFacts {
  readonly punkter: readonly Punkt[];
  readonly count: ReadonlyMap<number, number>;
  readonly hasToc: boolean;
  readonly inToc: readonly boolean[];
  readonly missingFromToc: number;
  readonly withoutJournal: number;
}

function headingFacts(referat: Referat): HeadingFacts {
  const punkter = referat.punkter;
  const count = new Map<number, number>();
  for (const p of punkter) count.set(p.number, (count.get(p.number) ?? 0) + 1);
  const toc = referat.toc?.entries ?? [];
  const tocNumbers = new Set(toc.flatMap((e) => (e.number !== undefined ? [e.number] : [])));
  const tocTitles = new Set(toc.flatMap((e) => (e.number === undefined ? [titleKey(e.title)] : [])));
  const inToc = punkter.map((p) => tocNumbers.has(p.number) || tocTitles.has(titleKey(p.title)));
  return {
    punkter,
    count,
    hasToc: toc.length > 0,
    inToc,
    missingFromToc: inToc.filter((x) => !x).length,
    withoutJournal: punkter.filter((p) => !p.journal).length,
  };
}

/** What the heading after a closed punkt lacks of what this document's headings carry, or undefined. */
function headingDoubt(facts: HeadingFacts, at: number, closed: Punkt): LocalizedText | undefined {
  const next = facts.punkter[at]!;
  if (next.number !== closed.number + 1)
    return {
      da: `den har nummer ${next.number}, hvor det næste punkt er ${closed.number + 1}`,
      en: `it is numbered ${next.number} where the next item is ${closed.number + 1}`,
    };
  if ((facts.count.get(next.number) ?? 0) > 1) return { da: `nummer ${next.number} findes flere gange`, en: `number ${next.number} occurs more than once` };
  const others = facts.punkter.length - 1;
  // Every other punkt is in the table of contents, and this one is not.
  if (facts.hasToc && others > 0 && !facts.inToc[at] && facts.missingFromToc === 1)
    return { da: 'den står ikke i indholdsfortegnelsen, som alle de andre punkter gør', en: 'it is not in the table of contents, where every other item is' };
  // Every other punkt has a case number, and this one has none.
  if (others >= 2 && !next.journal && facts.withoutJournal === 1)
    return { da: 'den har intet sagsnummer, som alle de andre punkter har', en: 'it has no case number, which every other item has' };
  return undefined;
}

/** A title as the table of contents and the heading are compared: bold and spacing aside, any case. */
function titleKey(s: string): string {
  return s
    .replace(/[\s*]+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * The check that removal really happened (Datatilsynet asks for one): the finished rendering, read
 * as its reader reads it, holds no CPR number. `text` is a rendered HTML page, or what a PDF shows
 * (its text, title, bookmarks and metadata). Where the page says which source line a block came
 * from (`data-line`), the refusal names that line.
 */
export function outputRefusal(text: string, kind: 'html' | 'markdown'): RenderRefusal | undefined {
  const first = findCprNumbersIn(text, kind)[0];
  if (!first) return undefined;
  const marker = kind === 'html' ? text.lastIndexOf('data-line="', first.from) : -1;
  const line = marker < 0 ? 0 : Number(/^data-line="(\d+)"/.exec(text.slice(marker))?.[1] ?? 0);
  return refusal(lineRange(line, 0, 0), {
    da: 'Den færdige udgave ville vise et CPR-nummer: fjern det fra teksten, eller flyt oplysningen til et lukket punkt.',
    en: 'The finished version would show a CPR number: remove it from the text, or move it to a closed item.',
  });
}
