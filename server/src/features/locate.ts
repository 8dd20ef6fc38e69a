import type { Punkt, Referat, Section } from '../model/types';

/** The punkt and section a line belongs to; binary search, so it is cheap on every keystroke. */
export function locate(referat: Referat, line: number): { punkt?: Punkt; section?: Section } {
  const ps = referat.punkter;
  let lo = 0;
  let hi = ps.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ps[mid]!.headingRange.start.line <= line) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return {};
  const punkt = ps[found]!;
  let section: Section | undefined;
  for (const s of punkt.sections) {
    if (s.headingRange.start.line <= line) section = s;
    else break;
  }
  return { punkt, ...(section ? { section } : {}) };
}
