import { expectedLabels, punktLabel } from '../model/numbering';
import type { Punkt, Referat } from '../model/types';
import { punktRule } from './perPunkt';
import { tocEdit } from './toc';
import type { Finding, Rule, TextEdit } from './types';
import type { Position } from '../syntax/range';

/** Fewest shifted punkter folded into one finding: one inserted or removed punkt shifts every punkt after it. */
const SHIFTED_RUN_MIN = 2;

/** A punkt's own number at its level: an item's number, a sub-item's number under its item. */
const ownNumber = (p: Punkt): number => p.subNumber ?? p.number;
const ownExpected = (label: string): number => Number(label.slice(label.lastIndexOf('.') + 1));

/**
 * From the i-th punkt, which is numbered wrong: the end (exclusive) of the run of punkter at its
 * level shifted by as much as it is (an item's run takes the sub-items under each of its items
 * along), and how many punkter at that level the run holds.
 */
function shiftedRun(punkter: readonly Punkt[], expected: readonly string[], i: number): { end: number; count: number } {
  const first = punkter[i]!;
  const sub = first.subNumber !== undefined;
  const shift = ownNumber(first) - ownExpected(expected[i]!);
  let end = i + 1;
  let count = 1;
  let item = first.number;
  while (end < punkter.length) {
    const q = punkter[end]!;
    const wrong = punktLabel(q) !== expected[end];
    if (sub) {
      // A sub-item's run: the sub-items after it under the same item, shifted alike.
      if (q.subNumber === undefined || q.number !== item || !wrong || ownNumber(q) - ownExpected(expected[end]!) !== shift) break;
      count++;
    } else if (q.subNumber !== undefined) {
      // An item's sub-items go with it.
      if (q.number !== item) break;
    } else {
      if (!wrong || q.number - ownExpected(expected[end]!) !== shift) break;
      item = q.number;
      count++;
    }
    end++;
  }
  return { end, count };
}

/** The edits that give the punkter from `from` to `to` their expected numbers. */
function renumberEdits(punkter: readonly Punkt[], expected: readonly string[], from: number, to: number): TextEdit[] {
  const edits: TextEdit[] = [];
  for (let j = from; j < to; j++) if (expected[j] !== punktLabel(punkter[j]!)) edits.push({ range: punkter[j]!.numberRange, newText: expected[j]! });
  return edits;
}

export const punktNumbering: Rule = {
  code: 'punkt-numbering',
  severity: 'error',
  description: {
    da: 'Punkterne er ikke nummereret i rækkefølge, 1..N eller fortløbende fra et tidligere møde (huller, gentagelser)',
    en: 'Items not numbered in order, 1..N or running on from an earlier meeting (gaps, repeats)',
  },
  *check({ referat }) {
    const { punkter } = referat;
    const expected = expectedLabels(referat);
    // Where each number is first written: a repeated one is named as such.
    const seen = new Map<string, number>();
    const note = (from: number, to: number): void => {
      for (let j = from; j < to; j++) {
        const label = punktLabel(punkter[j]!);
        if (!seen.has(label)) seen.set(label, punkter[j]!.headingRange.start.line);
      }
    };
    for (let i = 0; i < punkter.length;) {
      const p = punkter[i]!;
      const label = punktLabel(p);
      const firstAt = seen.get(label);
      const should = expected[i]!;
      if (label === should) {
        note(i, i + 1);
        i++;
        continue;
      }
      const run = shiftedRun(punkter, expected, i);
      const edits = renumberEdits(punkter, expected, i, run.end);
      note(i, run.end);
      if (run.count >= SHIFTED_RUN_MIN) {
        // One punkt inserted or removed shifts every punkt after it: one finding, and one fix for them all.
        let last = run.end - 1;
        while (p.subNumber === undefined && punkter[last]!.subNumber !== undefined) last--;
        const written = `${label}–${punktLabel(punkter[last]!)}`;
        const wanted = `${should}–${expected[last]!}`;
        const message =
          firstAt !== undefined
            ? {
                da: `Punkt ${label} findes allerede (linje ${firstAt + 1}); punkterne herfra, ${written}, skal have numrene ${wanted}.`,
                en: `Item ${label} already exists (line ${firstAt + 1}); the items from here, ${written}, should be numbered ${wanted}.`,
              }
            : ownNumber(p) > ownExpected(should)
              ? {
                  da: `Nummer ${should} er sprunget over: punkterne ${written} skal have numrene ${wanted}.`,
                  en: `Number ${should} is skipped: items ${written} should be numbered ${wanted}.`,
                }
              : {
                  da: `Punkterne ${written} skal have numrene ${wanted}.`,
                  en: `Items ${written} should be numbered ${wanted}.`,
                };
        yield {
          range: p.numberRange,
          message,
          fixes: [{ title: { da: `Omnummerér ${written} til ${wanted}`, en: `Renumber ${written} to ${wanted}` }, edits }],
        };
      } else {
        // The sub-items under a renumbered item go with it.
        yield {
          range: p.numberRange,
          message:
            firstAt !== undefined
              ? {
                  da: `Punkt ${label} findes allerede (linje ${firstAt + 1}); dette skal være punkt ${should}.`,
                  en: `Item ${label} already exists (line ${firstAt + 1}); this should be item ${should}.`,
                }
              : { da: `Punkt ${label} skulle have nummer ${should}.`, en: `Item ${label} should be numbered ${should}.` },
          fixes: [{ title: { da: `Omnummerér til ${should}`, en: `Renumber to ${should}` }, edits }],
        };
      }
      i = run.end;
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
    let after: { readonly da: string; readonly en: string; readonly at: number } | undefined;
    referat.punkter.forEach((p, i) => {
      if (p.closed) after ??= { da: `det lukkede punkt ${punktLabel(p)}`, en: `closed item ${punktLabel(p)}`, at: i };
      else if (/^eventuelt\b/i.test(p.title)) after ??= { da: 'Eventuelt', en: '"Eventuelt"', at: i };
    });
    let fixed = 0;
    for (let i = (after?.at ?? referat.punkter.length) + 1; after && i < referat.punkter.length; i++) {
      const p = referat.punkter[i]!;
      if (p.closed) continue;
      // Each move reads the punkter between and the table of contents: past a few, a text is no agenda to mend by hand.
      const move = fixed < MOVE_FIXES_AT_MOST ? movedUp(referat, i, after.at) : undefined;
      if (move) fixed++;
      yield {
        range: p.headingRange,
        message: {
          da: `Punkt ${punktLabel(p)} er åbent, men står efter ${after.da}; åbne punkter kommer før Eventuelt og de lukkede punkter.`,
          en: `Item ${punktLabel(p)} is open but comes after ${after.en}; open items come before "Eventuelt" and the closed ones.`,
        },
        ...(move
          ? {
              fixes: [
                {
                  title: { da: `Flyt punkt ${punktLabel(p)} op før ${after.da}`, en: `Move item ${punktLabel(p)} up before ${after.en}` },
                  edits: move.edits,
                  cursor: move.cursor,
                },
              ],
            }
          : {}),
      };
    }
  },
};

/** The open punkter after Eventuelt that are offered a move; a long text of thousands would cost a reading of them all for each. */
const MOVE_FIXES_AT_MOST = 20;

/**
 * The edits that move the punkt at `from` (its heading to the line before the next punkt or the
 * approval) up before the punkt at `to`, with a blank line after it. Where the punkter between are
 * numbered one after another, the moved punkt takes the number of the one it now stands before,
 * and those after it move one up; a table of contents is put in the new order. Undefined where its
 * lines are not known (a sub-item, which moves with its item).
 */
function movedUp(referat: Referat, from: number, to: number): { edits: TextEdit[]; cursor: Position } | undefined {
  const { punkter, syntax } = referat;
  const moved = punkter[from]!;
  const target = punkter[to]!;
  const lines = syntax.punkter[from];
  if (!lines || moved.subNumber !== undefined || punkter[from + 1]?.subNumber !== undefined) return undefined;
  const first = moved.headingRange.start.line;
  const next = punkter[from + 1]?.headingRange.start.line ?? syntax.approval?.heading.line ?? syntax.lineCount;
  const text = new Map([lines.heading, ...lines.lines].map((l) => [l.line, l.text]));
  const between = punkter.slice(to, from);
  const renumbered = between.every((q, k) => q.subNumber === undefined && q.number === target.number + k) && moved.number === target.number + between.length;
  const block: string[] = [];
  for (let line = first; line < next; line++) block.push(text.get(line) ?? '');
  if (renumbered) {
    const { start, end } = moved.numberRange;
    block[0] = block[0]!.slice(0, start.character) + String(target.number) + block[0]!.slice(end.character);
  }
  if (block[block.length - 1]!.trim() !== '') block.push('');
  // Taken out with its lines' breaks; the last punkt of a text without a final break takes the break before it.
  const last = next - 1;
  const removed =
    next < syntax.lineCount
      ? { start: { line: first, character: 0 }, end: { line: next, character: 0 } }
      : { start: { line: first, character: 0 }, end: { line: last, character: (text.get(last) ?? '').length } };
  // The table of contents in the new order too, where it has one: else toc-mismatch would ask for a second step.
  const toc = tocEdit({ ...referat, punkter: [...punkter.slice(0, to), moved, ...between, ...punkter.slice(from + 1)] });
  // She goes on at the moved punkt's heading, where its target's was (moved by a table of contents that changed its length), not where the edit left her.
  const tocGrowth = toc ? toc.newText.split('\n').length - 1 - (toc.range.end.line - toc.range.start.line) : 0;
  return {
    edits: [
      ...(toc ? [toc] : []),
      {
        range: { start: { line: target.headingRange.start.line, character: 0 }, end: { line: target.headingRange.start.line, character: 0 } },
        newText: `${block.join('\n')}\n`,
      },
      ...(renumbered ? between.map((q) => ({ range: q.numberRange, newText: String(q.number + 1) })) : []),
      { range: removed, newText: '' },
    ],
    cursor: { line: target.headingRange.start.line + tocGrowth, character: 0 },
  };
}

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
