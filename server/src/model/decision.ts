import type { BodyLine, Punkt, Section } from './types';

/**
 * A punkt's handlings: the sections before the first earlier decision, then those after each
 * `Beslutning fra …` heading. Today's handling is the last one; only its decision is today's.
 */
export function handlings(p: Punkt): Section[][] {
  const out: Section[][] = [[]];
  for (const s of p.sections) {
    if (s.kind === 'tidligereBeslutning') out.push([]);
    else out[out.length - 1]!.push(s);
  }
  return out;
}

/** Does the section say anything: a non-blank line that is not an empty bullet, or a recommendation? */
export function hasText(s: Section): boolean {
  return s.body.some((b) => !b.blank && !isEmptyBullet(b)) || s.recommendations.some((r) => r.bullets.length > 0);
}

/** `-`, `*`, `•` or `1.` with nothing after it: a list item left empty. */
export function isEmptyBullet(l: Pick<BodyLine, 'text'>): boolean {
  return EMPTY_BULLET.test(l.text);
}
const EMPTY_BULLET = /^[ \t]*(?:[-*•–]|\d{1,3}[.)])[ \t]*$/;

/** Today's decision of a punkt: its Beslutning sections in the last handling, and whether one has text. */
export interface TodaysDecision {
  readonly sections: readonly Section[];
  readonly written: boolean;
}

export function todaysDecision(p: Punkt): TodaysDecision {
  const all = handlings(p);
  const sections = all[all.length - 1]!.filter((s) => s.kind === 'beslutning');
  return { sections, written: sections.some(hasText) };
}
