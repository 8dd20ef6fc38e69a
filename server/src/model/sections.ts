import type { SectionKind } from './types';

/** The sections of an open punkt, in their usual order, with their canonical Danish titles. */
export const SECTION_ORDER: readonly { readonly kind: SectionKind; readonly title: string }[] = [
  { kind: 'resume', title: 'Resume' },
  { kind: 'sagsfremstilling', title: 'Sagsfremstilling' },
  { kind: 'sagenAfgoeres', title: 'Sagen afgøres endelig af' },
  { kind: 'lovgrundlag', title: 'Lovgrundlag' },
  { kind: 'vision', title: 'Vision, politikker og strategier' },
  { kind: 'oekonomi', title: 'Økonomi' },
  { kind: 'andreKonsekvenser', title: 'Andre konsekvenser' },
  { kind: 'indstilling', title: 'Indstilling' },
  { kind: 'beslutning', title: 'Beslutning' },
  { kind: 'bilag', title: 'Bilag' },
];

const KIND_BY_TITLE = new Map<string, SectionKind>([
  ...SECTION_ORDER.map((s) => [s.title.toLowerCase(), s.kind] as const),
  ['resumé', 'resume'],
  ['supplerende sagsfremstilling', 'supplerendeSagsfremstilling'],
  ['supplerende indstilling', 'indstilling'],
]);

/** The kind of a section heading from its content (`Beslutning`, `Vision, politikker og strategier:`). */
export function sectionKindOf(content: string): SectionKind | undefined {
  if (content.length > 80) return undefined;
  // Most headings are written plainly; normalise only what needs it (this runs on every heading).
  let key = content.includes('*') ? content.replace(/\*\*/g, '') : content;
  let end = key.length;
  while (end > 0 && (key.charCodeAt(end - 1) <= 32 || key.charCodeAt(end - 1) === 58 || key.charCodeAt(end - 1) === 0xa0)) end--;
  let start = 0;
  while (start < end && key.charCodeAt(start) <= 32) start++;
  key = key.slice(start, end);
  if (/\s\s|[\t\u00a0]/.test(key)) key = key.replace(/\s+/g, ' ');
  return KIND_BY_TITLE.get(key.toLowerCase());
}

/** Could a line starting with these letters be a section heading? A cheap filter before the real test. */
export function mayBeSectionHeading(firstFour: string): boolean {
  return SECTION_PREFIXES.has(firstFour.toLowerCase());
}
const SECTION_PREFIXES = new Set([...KIND_BY_TITLE.keys()].map((k) => k.slice(0, 4)));

/** Position in the usual order; a supplementary account stands where the account does. */
export function orderIndex(kind: SectionKind): number {
  if (kind === 'supplerendeSagsfremstilling') return 1;
  return SECTION_ORDER.findIndex((s) => s.kind === kind);
}

export function canonicalTitle(kind: SectionKind): string {
  if (kind === 'supplerendeSagsfremstilling') return 'Supplerende sagsfremstilling';
  if (kind === 'tidligereBeslutning') return 'Beslutning fra';
  return SECTION_ORDER.find((s) => s.kind === kind)?.title ?? kind;
}
