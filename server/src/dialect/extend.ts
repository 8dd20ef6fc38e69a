import { detectDialect } from './detect';
import { DIALECTS, type Dialect } from './dialects';
import { SECTION_KINDS, SECTION_NAMES, type CaseNumberScheme, type SectionKind } from './vocabulary';

/**
 * What referat.yaml's `dialekt:` says: the built-in dialect to start from, and what this
 * municipality writes beyond it. Checked when read (config/referatYaml.ts), so only sound values
 * get here.
 */
export interface DialectSettings {
  /** A built-in dialect's id; recognised from each document where not given. */
  readonly navn?: string;
  /** More section headings: the name as written → the kind of section it is. */
  readonly afsnit?: ReadonlyMap<string, SectionKind>;
  /** The municipality's own case-number form, tried before the dialect's. */
  readonly sagsnummer?: CaseNumberScheme;
  readonly nummerering?: Dialect['numbering'];
}

/** Group names a case-number pattern may give its year: `år` (or `aar`, `year`). */
export const YEAR_GROUPS = ['år', 'aar', 'year'] as const;

/**
 * A case-number scheme from a pattern written in referat.yaml (`S-(?<år>\d{4})-\d+`): the whole
 * number must match; the named group `år` is the year the case was opened.
 */
export function customCaseNumberScheme(source: string): CaseNumberScheme | { readonly error: string } {
  let pattern: RegExp;
  try {
    pattern = new RegExp(`^(?:${source})$`, 'du');
  } catch (e) {
    return { error: e instanceof Error ? e.message.replace(/^Invalid regular expression: /, '') : String(e) };
  }
  if (pattern.test('')) return { error: 'the pattern matches an empty line' };
  const yearGroup = YEAR_GROUPS.find((g) => source.includes(`(?<${g}>`));
  return {
    id: 'custom',
    name: { da: 'kommunens sagsnummer (referat.yaml)', en: "the municipality's case number (referat.yaml)" },
    word: { da: 'sagsnummer', en: 'case number' },
    pattern,
    year: (m) => {
      const digits = yearGroup ? m.groups?.[yearGroup] : undefined;
      const at = yearGroup ? m.indices?.groups?.[yearGroup] : undefined;
      // Only a year of two or four digits says when the case was opened.
      return digits !== undefined && at !== undefined && /^(?:\d{2}|\d{4})$/.test(digits) ? { digits, start: at[0] } : undefined;
    },
    example: source,
  };
}

/** The section kinds a name in referat.yaml may point to: a kind's usual title, or any known heading. */
export function sectionKindByName(name: string): SectionKind | undefined {
  const key = name.trim().toLowerCase();
  const known = SECTION_NAMES.find((s) => s.name.toLowerCase() === key);
  if (known) return known.kind;
  const entry = Object.entries(SECTION_KINDS).find(([, title]) => title.toLowerCase() === key);
  return entry?.[0] as SectionKind | undefined;
}

export function builtInDialect(id: string): Dialect | undefined {
  const key = id.trim().toLowerCase();
  return DIALECTS.find((d) => d.id === key || d.name.da.toLowerCase() === key || d.name.en.toLowerCase() === key);
}

/** A dialect with referat.yaml's additions laid over it. */
function extendDialect(base: Dialect, settings: DialectSettings): Dialect {
  if (!settings.afsnit?.size && !settings.sagsnummer && !settings.nummerering) return base;
  const sections = new Map(base.sections);
  const extra: string[] = [...(base.extraSectionNames ?? [])];
  for (const [name, kind] of settings.afsnit ?? []) {
    const key = name.toLowerCase();
    sections.set(key, kind);
    // A heading no built-in vocabulary knows is found after lexing (syntax/structure.ts).
    if (!SECTION_NAMES.some((s) => s.name.toLowerCase() === key)) extra.push(key);
  }
  return {
    ...base,
    id: base.id,
    sections,
    ...(extra.length > 0 ? { extraSectionNames: extra } : {}),
    ...(settings.sagsnummer ? { customCaseNumbers: [settings.sagsnummer, ...(base.customCaseNumbers ?? [])] } : {}),
    ...(settings.nummerering ? { numbering: settings.nummerering } : {}),
  };
}

/**
 * The extended dialects made, per referat.yaml reading and base: the same object for every parse,
 * so what is remembered per dialect (a document's punkter, between edits) stays valid.
 */
const extended = new WeakMap<DialectSettings, Map<Dialect, Dialect>>();

/** The dialect referat.yaml sets for a document: the one it names (else the document's own), extended. */
export function dialectFromSettings(settings: DialectSettings, text: string): Dialect {
  const base = (settings.navn !== undefined ? builtInDialect(settings.navn) : undefined) ?? detectDialect(text);
  let made = extended.get(settings);
  if (!made) extended.set(settings, (made = new Map<Dialect, Dialect>()));
  let dialect = made.get(base);
  if (!dialect) made.set(base, (dialect = extendDialect(base, settings)));
  return dialect;
}
