import { punktNumberText } from './punkt';
import type { Referat } from './types';

/**
 * The number the i-th punkt should have: 1..N, or where numbers run on through the year (Acadre's
 * `715.`), on from the first punkt's number. Sub-items (`1.2`) are not counted: see `expectedNumberText`.
 */
export function expectedNumber(referat: Referat, i: number): number {
  const base = referat.dialect.numbering === 'running' ? (referat.punkter[0]?.number ?? 1) : 1;
  let top = 0;
  for (let k = 0; k < i; k++) if (!referat.punkter[k]!.subNumbers) top++;
  return base + top;
}

/**
 * The number each punkt should have, as written: the top-level punkter as `expectedNumber` says, and
 * each sub-item (`1.2`, GetOrganized) numbered from 1 under the punkt before it, level by level.
 */
export function expectedNumberTexts(referat: Referat): string[] {
  const base = referat.dialect.numbering === 'running' ? (referat.punkter[0]?.number ?? 1) : 1;
  const out: string[] = [];
  // The expected number of the last punkt seen at each level; a level is counted afresh under a new parent.
  let path: number[] = [];
  for (const p of referat.punkter) {
    const depth = 1 + (p.subNumbers?.length ?? 0);
    if (depth === 1) path = [path.length > 0 ? path[0]! + 1 : base];
    else {
      // A sub-item with no parent above it keeps the parent's numbers it is written with.
      const written = [p.number, ...p.subNumbers!];
      const parent = path.length >= depth - 1 ? path.slice(0, depth - 1) : written.slice(0, depth - 1);
      const next = path.length >= depth ? path[depth - 1]! + 1 : 1;
      path = [...parent, next];
    }
    out.push(path.join('.'));
  }
  return out;
}

/** Whether the punkt is numbered as `expectedNumberTexts` says. */
export function numberedAsExpected(referat: Referat, i: number, expected: readonly string[]): boolean {
  return punktNumberText(referat.punkter[i]!) === expected[i];
}
