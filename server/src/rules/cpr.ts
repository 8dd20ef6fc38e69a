import type { LocalizedText } from '../i18n/locale';
import { publicDecision } from '../model/decision';
import { PunktMemo } from '../model/moved';
import type { Referat } from '../model/types';
import { CPR_LABEL_SOURCE, findCprNumbersInLines, LineRuns, mayHoldCpr, type NumberedLine } from '../privacy/cpr';
import type { PunktSyntax } from '../syntax/tree';
import type { Range } from '../syntax/range';
import type { Rule } from './types';

/** What the quick fix writes instead of the number. */
export const CPR_REMOVED = '[CPR-nr. fjernet]';

/** Where in the referat a CPR number would be published. */
export type CprPlace = 'beforeTitle' | 'header' | 'openPunkt' | 'closedHeading' | 'publicDecision' | 'approval';

export interface CprNumber {
  readonly range: Range;
  readonly place: CprPlace;
  /** The number with the label written before it on its line (`CPR-nr.: 010203-1234`): what the fix replaces. */
  readonly labelled?: Range;
  /** The number stands in a web address (a link's destination): its replacement keeps the link whole. */
  readonly inAddress?: boolean;
}

/** A CPR label right before a number (`CPR-nr.: `, `personnummer `, `cpr `): the fix's text says the same. */
const LABEL_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}])(${CPR_LABEL_SOURCE}\.?[ \t]*[:\-=#]?[ \t]*)$`, 'iu');
/** Text before a number inside a web address: a link's destination, an autolink, a bare address. */
const IN_ADDRESS = /(?:\]\([^)\s]*|<[a-z][a-z0-9+.-]*:[^>\s]*|\b(?:https?:\/\/|www\.)\S*)$/i;
/** What a number in a web address is replaced by: no space or bracket, so the link stays a link. */
export const CPR_REMOVED_IN_ADDRESS = 'CPR-nr-fjernet';
/** A label is only looked for this far before the number. */
const LABEL_WINDOW = 32;

/** The number's range widened to the label before it on its line, where there is one. */
function withLabel(l: NumberedLine, range: Range): Range | undefined {
  const at = range.start.character - (l.offset ?? 0);
  if (at <= 0 || at > l.text.length) return undefined;
  const m = LABEL_BEFORE.exec(l.text.slice(Math.max(0, at - LABEL_WINDOW), at));
  if (!m) return undefined;
  return { start: { line: range.start.line, character: range.start.character - m[1]!.length }, end: range.end };
}

/**
 * Which lines of an open punkt may hold a CPR number (`mayHoldCpr`), as indices with its heading at 0,
 * by the punkt object: a later reading keeps the object while the punkt's lines are as they were,
 * so an edit tests again only the lines of the punkter it touched. The indices count from the
 * heading: a punkt moved by an added line keeps them as they are.
 */
const candidatesOf = new PunktMemo<readonly number[]>((found) => found);

function candidatesIn(syntax: PunktSyntax): number[] {
  const found: number[] = [];
  if (mayHoldCpr(syntax.heading.text)) found.push(0);
  for (let i = 0; i < syntax.lines.length; i++) if (mayHoldCpr(syntax.lines[i]!.text)) found.push(i + 1);
  return found;
}

/**
 * Whether a line outside the punkter (the header, the table of contents, the approval) may hold a
 * CPR number, by the line object: the syntax keeps a line that an edit left where it was, so a long
 * referat's table of contents is not tested again at every check. Weak: a line's text is a piece of
 * its document's text, which a memory by text would keep alive.
 */
const outsideMemo = new WeakMap<NumberedLine, boolean>();

function mayHoldCprRemembered(line: NumberedLine): boolean {
  let may = outsideMemo.get(line);
  if (may === undefined) {
    may = mayHoldCpr(line.text);
    outsideMemo.set(line, may);
  }
  return may;
}

/**
 * Every CPR number in the text that a public version shows: everything but a closed punkt's body.
 * An open punkt's lines are read where the syntax keeps them, and only around the lines that may
 * hold a number: a check after an edit does work by the punkter, not by the lines.
 */
export function cprNumbersToPublish(referat: Referat): CprNumber[] {
  const lines = new LineRuns();
  const candidates: number[] = [];
  // The lines read apart from the one before: a closed punkt's body, never published, stands between.
  const apart: number[] = [];
  // Where each run of lines of one place begins: a place is kept per run, not per line (a long
  // referat's hundreds of thousands of lines), and looked up only for a number found.
  const runs: { readonly from: number; readonly place: CprPlace }[] = [];
  const start = (place: CprPlace): void => {
    if (runs[runs.length - 1]?.place !== place) runs.push({ from: lines.length, place });
  };
  const add = (l: NumberedLine, place: CprPlace): void => {
    start(place);
    if (mayHoldCprRemembered(l)) candidates.push(lines.length);
    lines.push(l);
  };
  const addAll = (ls: readonly NumberedLine[], place: CprPlace): void => {
    for (let i = 0; i < ls.length; i++) add(ls[i]!, place);
  };
  const s = referat.syntax;
  addAll(s.leading, 'beforeTitle');
  if (s.title) add(s.title, 'header');
  addAll(s.header, 'header');
  if (s.toc) {
    add(s.toc.heading, 'header');
    addAll(s.toc.lines, 'header');
  }
  s.punkter.forEach((p, i) => {
    const punkt = referat.punkter[i];
    if (!punkt?.closed) {
      start('openPunkt');
      let found = punkt && candidatesOf.get(punkt);
      if (!found) {
        found = candidatesIn(p);
        if (punkt) candidatesOf.set(punkt, found);
      }
      const base = lines.length;
      for (const k of found) candidates.push(base + k);
      lines.push(p.heading);
      lines.pushAll(p.lines);
      return;
    }
    add(p.heading, 'closedHeading');
    const journal = punkt.journal?.kind === 'valid' ? punkt.journal.journal : undefined;
    if (journal) add({ text: journal.text, line: journal.range.start.line, offset: journal.range.start.character }, 'closedHeading');
    const decision = publicDecision(punkt, referat.dialect);
    apart.push(lines.length);
    addAll(decision?.lines ?? [], 'publicDecision');
    apart.push(lines.length);
  });
  if (s.approval) addAll([s.approval.heading, ...s.approval.lines, ...s.approval.additions.flatMap((x) => [x.heading, ...x.lines])], 'approval');
  return findCprNumbersInLines(lines, { candidates, apart }).map((found) => {
    const line = lines.at(found.index)!;
    const labelled = withLabel(line, found.range);
    const inAddress = found.range.start.line === line.line && IN_ADDRESS.test(line.text.slice(0, found.range.start.character - (line.offset ?? 0)));
    return { range: found.range, place: placeAt(runs, found.index), ...(labelled ? { labelled } : {}), ...(inAddress ? { inAddress } : {}) };
  });
}

/** The place of the line at `index`: the last run that begins at or before it. */
function placeAt(runs: readonly { readonly from: number; readonly place: CprPlace }[], index: number): CprPlace {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[mid]!.from <= index) lo = mid;
    else hi = mid - 1;
  }
  return runs[lo]!.place;
}

/** The CPR numbers in one line, as a reader of the public version would see them. */
export function cprNumbersInLine(text: string, line: number): Range[] {
  return findCprNumbersInLines([{ text, line }]).map((found) => found.range);
}

const WHERE: Readonly<Record<CprPlace, LocalizedText>> = {
  beforeTitle: { da: 'før titlen', en: 'before the title' },
  header: { da: 'i mødets oplysninger', en: "in the meeting's header" },
  openPunkt: { da: 'i et åbent punkt', en: 'in an open item' },
  closedHeading: { da: 'i et lukket punkts overskrift eller journalnummer', en: "in a closed item's heading or journal number" },
  publicDecision: { da: 'i et lukket punkts offentlige beslutning', en: "in a closed item's public decision" },
  approval: { da: 'efter punkterne, hvor referatet blev godkendt eller tilføjet til', en: 'after the items, where the referat was approved or added to' },
};

/** Why a number may not stand where it stands; the number itself is never repeated (logs, terminals). */
export function cprMessage(place: CprPlace): LocalizedText {
  // In a closed punkt it is already where it belongs: what is published of it (heading, journal number, public decision) is what to move it out of.
  const inClosed = place === 'closedHeading' || place === 'publicDecision';
  return inClosed
    ? {
        da: `Et CPR-nummer ${WHERE[place].da} bliver offentliggjort (det er den del af et lukket punkt, der vises): fjern det, eller flyt oplysningen ned i punktets tekst.`,
        en: `A CPR number ${WHERE[place].en} would be published (that part of a closed item is shown): remove it, or move it down into the item's text.`,
      }
    : {
        da: `Et CPR-nummer ${WHERE[place].da} bliver offentliggjort: fjern det, eller flyt oplysningen til et lukket punkt.`,
        en: `A CPR number ${WHERE[place].en} would be published: remove it, or move it to a closed item.`,
      };
}

export const cprNumber: Rule = {
  code: 'cpr-number',
  severity: 'error',
  description: {
    da: 'Et CPR-nummer i et åbent punkt eller i mødets oplysninger, hvor det bliver offentliggjort',
    en: "A CPR number in an open item or the meeting's header, where it would be published",
  },
  *check({ referat }) {
    for (const found of cprNumbersToPublish(referat))
      yield {
        range: found.range,
        message: cprMessage(found.place),
        // The one fix that removes the writer's text: a CPR number must not be published at all.
        fixes: [
          {
            title: { da: `Erstat CPR-nummeret med ${CPR_REMOVED}`, en: `Replace the CPR number with ${CPR_REMOVED}` },
            // Its label goes with it: `CPR-nr.: [CPR-nr. fjernet]` would say it twice.
            edits: [found.inAddress ? { range: found.range, newText: CPR_REMOVED_IN_ADDRESS } : { range: found.labelled ?? found.range, newText: CPR_REMOVED }],
            preferred: true,
          },
        ],
      };
  },
};

export const CPR_RULES: readonly Rule[] = [cprNumber];
