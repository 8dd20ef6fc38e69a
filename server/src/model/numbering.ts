import type { Punkt, Referat } from './types';

/**
 * The number the i-th punkt should have: 1..N, or where numbers run on through the year (Acadre's
 * `715.`), on from the first punkt's number. Sub-items (`1.2`) are not counted: an item's number
 * follows the item before it.
 */
export function expectedNumber(referat: Referat, i: number): number {
  const base = referat.dialect.numbering === 'running' ? (referat.punkter[0]?.number ?? 1) : 1;
  let items = 0;
  for (let j = 0; j < i; j++) if (referat.punkter[j]!.subNumber === undefined) items++;
  return base + items;
}

/**
 * What the i-th punkt's number should be written as: its item's number, and for a sub-item the
 * number after the sub-item before it in the same item (`1.1`, `1.2`, … under `1`).
 */
export function expectedLabel(referat: Referat, i: number): string {
  const p = referat.punkter[i]!;
  if (p.subNumber === undefined) return String(expectedNumber(referat, i));
  let j = i - 1;
  while (j >= 0 && referat.punkter[j]!.subNumber !== undefined) j--;
  const item = j >= 0 ? referat.punkter[j]!.number : expectedNumber(referat, i) - 1;
  const previous = i > 0 ? referat.punkter[i - 1]! : undefined;
  const sub = previous?.subNumber !== undefined && previous.number === item ? previous.subNumber + 1 : 1;
  return `${item}.${sub}`;
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
