import type { Dialect } from '../dialect/dialects';
import { capitalize } from '../i18n/locale';
import { SBSYS } from '../dialect/dialects';
import { SECTION_KINDS, SECTION_NAMES, type SectionKind } from '../dialect/vocabulary';
import type { Punkt, Section } from './types';

/** A section heading completion or a new punkt writes: its kind and its name. */
export interface SectionChoice {
  readonly kind: SectionKind;
  readonly title: string;
}

/** The dialect's own word for a kind: the first name it lists for it, as the vocabulary spells it; undefined where it lists none. */
function ownTitle(dialect: Dialect, kind: SectionKind): string | undefined {
  const own = [...dialect.sections].find(([, k]) => k === kind)?.[0];
  if (own === undefined) return undefined;
  return SECTION_NAMES.find((s) => s.name.toLowerCase() === own)?.name ?? SECTION_KINDS[kind];
}

/** The sections of an open punkt in the dialect's usual order, with the names a new heading is written with. */
export function sectionOrder(dialect: Dialect): SectionChoice[] {
  const kinds = dialect.order ?? [...new Set(dialect.sections.values())];
  return kinds.map((kind) => ({ kind, title: ownTitle(dialect, kind) ?? SECTION_KINDS[kind] }));
}

/**
 * The section headings completion offers in a dialect: one per kind in the dialect's order where it
 * has one; else every heading it uses, as it lists them (Greve writes `Fremstilling` and
 * `Sagsbeskrivelse`, both accounts of the case).
 */
export function sectionChoices(dialect: Dialect): readonly SectionChoice[] {
  let choices = CHOICES.get(dialect);
  if (!choices) {
    choices = dialect.order
      ? withSupplement(sectionOrder(dialect), dialect)
      : [...dialect.sections].map(([name, kind]) => ({ kind, title: SECTION_NAMES.find((s) => s.name.toLowerCase() === name)?.name ?? capitalize(name) }));
    CHOICES.set(dialect, choices);
  }
  return choices;
}

/**
 * A fixed order names no place of its own for the supplementary account (it stands where the account
 * does, `orderIndex`): among the choices it comes right after the account, where the dialect knows it.
 */
function withSupplement(order: SectionChoice[], dialect: Dialect): SectionChoice[] {
  const title = ownTitle(dialect, 'supplerendeSagsfremstilling');
  const at = order.findIndex((c) => c.kind === 'sagsfremstilling');
  if (title === undefined || at < 0 || order.some((c) => c.kind === 'supplerendeSagsfremstilling')) return order;
  return [...order.slice(0, at + 1), { kind: 'supplerendeSagsfremstilling', title }, ...order.slice(at + 1)];
}

/** Section headings are short: a longer line is text, and is not normalised for nothing. */
const LONGEST_SECTION_HEADING = 80;

const CHOICES = new WeakMap<Dialect, readonly SectionChoice[]>();

/** Lemvig's order: what a new referat is written in when nothing says otherwise. */
export const SECTION_ORDER = sectionOrder(SBSYS);

/**
 * The kind of a section heading from its content (`Beslutning`, `Vision, politikker og strategier:`),
 * in the dialect: a name another system uses is no section here (a sub-heading of the text).
 */
export function sectionKindOf(content: string, dialect: Dialect = SBSYS): SectionKind | undefined {
  if (content.length > LONGEST_SECTION_HEADING) return undefined;
  // Most headings are written plainly; normalise only what needs it (this runs on every heading).
  let key = content.includes('*') ? content.replace(/\*\*/g, '') : content;
  let end = key.length;
  while (end > 0 && (key.charCodeAt(end - 1) <= 32 || key.charCodeAt(end - 1) === 58 || key.charCodeAt(end - 1) === 0xa0)) end--;
  let start = 0;
  while (start < end && key.charCodeAt(start) <= 32) start++;
  key = key.slice(start, end);
  if (/\s\s|[\t\u00a0]/.test(key)) key = key.replace(/\s+/g, ' ');
  return dialect.sections.get(key.toLowerCase());
}

/** Could a line starting with these letters be a section heading of the dialect? A cheap filter before the real test. */
export function mayBeSectionHeading(firstFour: string, dialect: Dialect = SBSYS): boolean {
  let prefixes = PREFIXES.get(dialect);
  if (!prefixes) PREFIXES.set(dialect, (prefixes = new Set([...dialect.sections.keys()].map((k) => k.slice(0, 4)))));
  return prefixes.has(firstFour.toLowerCase());
}
const PREFIXES = new WeakMap<Dialect, Set<string>>();

/** Position in the dialect's usual order; a supplementary account stands where the account does. */
export function orderIndex(kind: SectionKind, dialect: Dialect = SBSYS): number {
  const order = dialect.order ?? [];
  if (kind === 'supplerendeSagsfremstilling') return order.indexOf('sagsfremstilling');
  return order.indexOf(kind);
}

/**
 * The sections of one handling out of the dialect's order, each with the section above it that
 * normally comes after it: what section-order reports, and what completion keeps a new heading from
 * causing. A section out of place does not move the place the next is measured against; a kind the
 * order does not name has none.
 */
export function outOfOrder<S extends { readonly kind: SectionKind }>(handling: readonly S[], dialect: Dialect): { readonly section: S; readonly after: S }[] {
  const out: { section: S; after: S }[] = [];
  let latest: S | undefined;
  let latestAt = -1;
  for (const s of handling) {
    const at = orderIndex(s.kind, dialect);
    if (at < 0) continue;
    if (latest && at < latestAt) out.push({ section: s, after: latest });
    else {
      latest = s;
      latestAt = at;
    }
  }
  return out;
}

export function canonicalTitle(kind: SectionKind): string {
  return SECTION_KINDS[kind];
}

/**
 * Whether a punkt's headings stand apart from their text by a blank line (Lemvig), or right above it
 * (eDoc, SBSYS, Aarhus): as most of its sections with text stand, `except` (the one being written)
 * left out; where none has text yet, as the punkt's own heading stands above what follows it. What
 * writes a heading or a decision into a punkt (a quick fix, Create Referat) follows it.
 */
export function spacedHeadings(p: Punkt, options: { readonly except?: Section } = {}): boolean {
  let spaced = 0;
  let tight = 0;
  for (const s of p.sections) {
    const first = s.body.find((b) => !b.blank);
    if (s === options.except || s.implicit || !first) continue;
    if (first.line > s.headingRange.start.line + 1) spaced++;
    else tight++;
  }
  if (spaced + tight > 0) return spaced >= tight;
  const journal = p.journal?.kind === 'valid' ? p.journal.journal.range : p.journal?.range;
  const next = journal?.start.line ?? p.intro.find((b) => !b.blank)?.line ?? p.sections.find((s) => !s.implicit)?.headingRange.start.line;
  return next === undefined || next > p.headingRange.start.line + 1;
}
