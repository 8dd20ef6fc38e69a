import type { Punkt, Referat } from './types';

/**
 * The label each punkt should have, in one pass: an item's number is 1..N, or where numbers run on
 * through the year (Acadre's `715.`), on from the first punkt's number; sub-items (`1.2`) are not
 * counted. A sub-item is numbered 1, 2, … under its item's number as it should be (renumbering `5`
 * to `2` makes its `5.1` a `2.1`).
 */
export function expectedLabels(referat: Referat): string[] {
  const base = referat.dialect.numbering === 'running' ? (referat.punkter[0]?.number ?? 1) : 1;
  const out: string[] = [];
  let items = 0;
  let subs = 0;
  for (const p of referat.punkter) {
    if (p.subNumber === undefined) {
      out.push(String(base + items));
      items++;
      subs = 0;
    } else {
      // Before any item, under the number the item before the first would have.
      subs++;
      out.push(`${base + items - 1}.${subs}`);
    }
  }
  return out;
}

/** A punkt's number as written: `3`, or a sub-item's `1.2`. */
export function punktLabel(p: Punkt): string {
  return p.subNumber === undefined ? String(p.number) : `${p.number}.${p.subNumber}`;
}

/**
 * The punkt heads a group of sub-items and holds nothing of its own (GetOrganized's `1  First
 * Agenda` right above `1.1  Status siden sidst`): nothing is decided under it but in its sub-items.
 * Told by the punkt after it: a per-punkt rule that asks knows the punkter's numbers as a fact of
 * the document (rules/perPunkt.ts).
 */
export function isGroupHeading(referat: Referat, p: Punkt): boolean {
  if (p.subNumber !== undefined || p.sections.length > 0 || !p.intro.every((l) => l.blank)) return false;
  const next = referat.punkter[referat.punkter.indexOf(p) + 1];
  return next !== undefined && next.subNumber !== undefined && next.number === p.number;
}
