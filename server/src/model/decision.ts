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
  // Asked of every section by several rules: a plain loop, which stops at the first line of text.
  for (const b of s.body) if (!b.blank && !isEmptyBullet(b)) return true;
  for (const r of s.recommendations) if (r.bullets.length > 0) return true;
  return false;
}

/**
 * `-`, `*` or `•` with nothing after it: a list item left empty. (`6.` alone is not one: in text
 * laid out from a PDF it ends a sentence that wrapped.) Every body line is asked, so the answer
 * comes from a few characters, not a regular expression.
 */
export function isEmptyBullet(l: Pick<BodyLine, 'text'>): boolean {
  const t = l.text;
  let i = 0;
  while (i < t.length && (t.charCodeAt(i) === 32 || t.charCodeAt(i) === 9)) i++;
  if (i === t.length) return false;
  const c = t.charCodeAt(i);
  // - * • –
  if (c !== 45 && c !== 42 && c !== 0x2022 && c !== 0x2013) return false;
  i++;
  while (i < t.length && (t.charCodeAt(i) === 32 || t.charCodeAt(i) === 9)) i++;
  return i === t.length;
}

/** Today's decision of a punkt: its Beslutning sections in the last handling, and whether one has text. */
export interface TodaysDecision {
  readonly sections: readonly Section[];
  readonly written: boolean;
}

export function todaysDecision(p: Punkt): TodaysDecision {
  // Today's handling is what follows the last earlier decision: read from the end, no copies.
  const sections: Section[] = [];
  for (let i = p.sections.length - 1; i >= 0; i--) {
    const s = p.sections[i]!;
    if (s.kind === 'tidligereBeslutning') break;
    if (s.kind === 'beslutning') sections.unshift(s);
  }
  // Greve's decision published without its heading: the text before the first section (one handling only).
  const written = sections.some(hasText) || (sections.length === 0 && p.introDecision === true && !p.sections.some((s) => s.kind === 'tidligereBeslutning'));
  return { sections, written };
}
