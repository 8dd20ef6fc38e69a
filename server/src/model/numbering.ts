import type { Referat } from './types';

/**
 * The number the i-th punkt should have: 1..N, or where numbers run on through the year (Acadre's
 * `715.`), on from the first punkt's number.
 */
export function expectedNumber(referat: Referat, i: number): number {
  const base = referat.dialect.numbering === 'running' ? (referat.punkter[0]?.number ?? 1) : 1;
  return base + i;
}
