import type { Dialect } from '../dialect/dialects';
import { SECTION_NAMES } from '../dialect/vocabulary';
import { isGroupHeading } from './numbering';
import type { BodyLine, Punkt, Referat, Section } from './types';

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

/** Whether a rendering looks for this punkt's decision: not in a dagsorden, nor under a group heading, whose decisions are its sub-items'. */
export type DecisionExpected = 'expected' | 'none';
export function decisionExpected(referat: Referat, p: Punkt): DecisionExpected {
  return referat.kind === 'dagsorden' || isGroupHeading(referat, p) ? 'none' : 'expected';
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

/** A closed punkt's public decision: what of it may be published, and where it was written. */
export interface PublicDecision {
  readonly lines: readonly BodyLine[];
  /** The `Offentlig beslutning` section it comes from; none where the dialect writes it under the heading (Greve). */
  readonly section?: Section;
}

/**
 * What of a closed punkt the public may read besides its heading and case number: its
 * `Offentlig beslutning` section, or where the system publishes the decision under the heading
 * before any section (Greve's, Aarhus'), that text. It ends at the first line that could be
 * a heading of anything else (a sub-heading, a bold line alone, a section name of any system):
 * text that only looks like part of it stays closed.
 */
export function publicDecision(p: Punkt, dialect: Pick<Dialect, 'closedIntroIsPublic'>): PublicDecision | undefined {
  const section = p.sections.find((s) => s.kind === 'offentligBeslutning');
  if (section) {
    const lines = upToHeading(section.body);
    return lines.some((l) => !l.blank) ? { lines, section } : { lines: [], section };
  }
  if (!p.closed || !dialect.closedIntroIsPublic) return undefined;
  const lines = upToHeading(afterCaseNumberRest(p, { sectionsFollow: p.sections.length > 0 }));
  return lines.some((l) => !l.blank) ? { lines } : undefined;
}

/**
 * Lines written right under the case number and ended by a blank line or a section heading are the
 * rest of the case-number field (`24-001234` / `(tidl. 23-000111)`), not the public decision: that
 * follows a blank line, as Greve publishes it. A closed punkt of a PDF's text (Aarhus), which runs
 * from the case number to the next punkt without a break or a section, is all public decision.
 */
function afterCaseNumberRest(p: Punkt, opts: { sectionsFollow: boolean }): readonly BodyLine[] {
  const intro = p.intro;
  const journal = p.journal ? (p.journal.kind === 'valid' ? p.journal.journal.range : p.journal.range) : p.headingRange;
  const under = journal.end.line + 1;
  const first = intro.findIndex((l) => !l.blank);
  if (first < 0 || intro[first]!.line !== under) return intro;
  const blank = intro.findIndex((l, i) => i > first && l.blank);
  if (blank >= 0) return intro.slice(blank);
  return opts.sectionsFollow ? [] : intro;
}

function upToHeading(lines: readonly BodyLine[]): BodyLine[] {
  const out: BodyLine[] = [];
  for (const l of lines) {
    if (l.subHeadingLevel !== undefined || mayHeadSomething(l.text)) break;
    out.push(l);
  }
  while (out.length > 0 && out[out.length - 1]!.blank) out.pop();
  return out;
}

/** A line that could head another part: `**Baggrund**`, `# …`, or a section name any system uses. */
function mayHeadSomething(text: string): boolean {
  const t = text.trim();
  if (/^#{1,6}[ \t]/.test(t) || /^\*\*[^*]+\*\*:?$/.test(t) || /^__[^_]+__:?$/.test(t)) return true;
  const key = t.replace(/[:\s]+$/, '').toLowerCase();
  return key.length > 0 && key.length <= SECTION_NAME_MAX && SECTION_NAME_KEYS.has(key);
}

const SECTION_NAME_KEYS: ReadonlySet<string> = new Set(SECTION_NAMES.map((s) => s.name.toLowerCase()));
const SECTION_NAME_MAX = Math.max(...SECTION_NAMES.map((s) => s.name.length));
