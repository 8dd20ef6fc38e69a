import { LineCounter, parseDocument, type Document } from 'yaml';
import { lineRange } from '../syntax/range';
import type { RuleSetting, RuleSettings } from '../rules/types';
import type { NameCatalog, PersonEntry, Udvalg } from './catalog';
import { DIALECTS } from '../dialect/dialects';
import { builtInDialect, customCaseNumberScheme, sectionKindByName, YEAR_GROUPS, type DialectSettings } from '../dialect/extend';
import { SECTION_KINDS, type CaseNumberScheme, type SectionKind } from '../dialect/vocabulary';
import { checkAgainstSchema, nearest, pointer, pointerSegments, rangeAt, type ConfigProblem, type Json } from './referatSchema';

export { nearest, type ConfigProblem } from './referatSchema';

/** `referat.yaml`: the workspace's names and rule settings. */
export interface ReferatConfig {
  readonly catalog: NameCatalog;
  readonly regler: RuleSettings;
  /** `dialekt:`: the meeting system's form, and what this municipality adds to it. */
  readonly dialekt?: DialectSettings;
  /** `ordliste:`: the municipality's own words, which the spell checker accepts. */
  readonly ordliste: readonly string[];
  /** `- mindreforbrug: forbrug`: per word of the ordliste (lower case), the dictionary word it inflects like, where the guess would be wrong. */
  readonly ordlisteModeller?: ReadonlyMap<string, string>;
  /** `lix:`: the LIX above which the rule `lix` flags a Sagsfremstilling. */
  readonly lix?: number;
}

const NUMBERING: Readonly<Record<string, DialectSettings['nummerering']>> = { 'fra-1': 'from-one', løbende: 'running' };

type JsonMap = { readonly [key: string]: Json };

/**
 * Reads referat.yaml, reporting every mistake at its line and column; never throws. Its shape is
 * checked by the schema (schemas/referat.schema.json, see referatSchema.ts); what a schema cannot
 * say (a dialect's or a section's name, a case-number pattern that compiles) is checked here.
 */
/**
 * The document's data; null, with a problem on its first line, where the YAML reader refuses to
 * make it (aliases that would expand to more than it makes: a file that names a list a thousand
 * times a thousand times).
 */
function readData(doc: Document, problems: ConfigProblem[]): Json | undefined | null {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Json | undefined;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    problems.push({
      range: lineRange(0, 0, 1),
      message: { da: `YAML-fejl: filen kan ikke læses (${why})`, en: `YAML error: the file cannot be read (${why})` },
    });
    return null;
  }
}

/** How many aliases a referat.yaml may use, as the YAML reader counts them: far above any real file's. */
const MAX_ALIAS_COUNT = 100;

export function parseReferatYaml(text: string): { config: ReferatConfig; problems: ConfigProblem[] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const problems: ConfigProblem[] = [...doc.errors, ...doc.warnings].map((e) => {
    const a = counter.linePos(e.pos[0]);
    const first = e.message.split('\n')[0];
    return { range: lineRange(a.line - 1, a.col - 1, a.col), message: { da: `YAML-fejl: ${first}`, en: `YAML error: ${first}` } };
  });
  const data = doc.errors.length > 0 ? null : readData(doc, problems);
  if (data === null || data === undefined || data === '') return { config: readConfig({}, new Map()), problems };
  const checked = checkAgainstSchema(data, doc, counter);
  problems.push(...checked.problems);
  const bad = new Map(checked.findings.map((f) => [f.path, f.keyword]));
  const config = readConfig(isObject(data) && !bad.has('') ? data : {}, bad);
  const dialekt = isObject(data) && data.dialekt !== undefined && !bad.has('/dialekt') ? readDialekt(data.dialekt, { doc, counter, problems, bad }) : undefined;
  problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { config: { ...config, ...(dialekt ? { dialekt } : {}) }, problems };
}

function isObject(x: Json | undefined): x is JsonMap {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A name as written: text trimmed, a number or a yes/no as its text. */
function text(x: Json | undefined): string | undefined {
  if (typeof x === 'string') return x.trim() || undefined;
  if (typeof x === 'number' || typeof x === 'boolean') return String(x);
  return undefined;
}

/** The items of a list the schema passed, with their pointers, leaving out those it did not. */
function goodItems(x: Json | undefined, at: string, bad: ReadonlyMap<string, string>): { value: Json; at: string }[] {
  if (!Array.isArray(x) || bad.has(at)) return [];
  return x.map((value, i) => ({ value, at: `${at}/${i}` })).filter((item) => !bad.has(item.at));
}

function goodNames(x: Json | undefined, at: string, bad: ReadonlyMap<string, string>): string[] {
  return goodItems(x, at, bad)
    .map((item) => text(item.value))
    .filter((s): s is string => s !== undefined);
}

/** The configuration from the parts of the file the schema passed (the dialect aside). */
function readConfig(data: JsonMap, bad: ReadonlyMap<string, string>): Omit<ReferatConfig, 'dialekt'> {
  const good = (at: string): boolean => !bad.has(at);
  const udvalg: Udvalg[] = [];
  for (const { value, at } of goodItems(data.udvalg, '/udvalg', bad)) {
    if (!isObject(value)) continue;
    const navn = good(`${at}/navn`) ? text(value.navn) : undefined;
    if (!navn) continue;
    const moedested = good(`${at}/mødested`) ? text(value['mødested']) : undefined;
    const moedetid = good(`${at}/mødetid`) ? text(value['mødetid']) : undefined;
    udvalg.push({
      navn,
      medlemmer: goodNames(value.medlemmer, `${at}/medlemmer`, bad),
      ...(moedested ? { moedested } : {}),
      ...(moedetid ? { moedetid } : {}),
      meets: true,
    });
  }
  const personer: PersonEntry[] = [];
  for (const { value, at } of goodItems(data.personer, '/personer', bad)) {
    const navn = isObject(value) ? (good(`${at}/navn`) ? text(value.navn) : undefined) : text(value);
    const titel = isObject(value) && good(`${at}/titel`) ? text(value.titel) : undefined;
    if (navn) personer.push({ navn, ...(titel ? { titel } : {}) });
  }
  const regler: Record<string, RuleSetting> = {};
  if (isObject(data.regler) && good('/regler'))
    for (const [code, setting] of Object.entries(data.regler))
      if (good(pointer(['regler', code])) && typeof setting === 'string') regler[code] = setting as RuleSetting;
  const { ordliste, ordlisteModeller } = readOrdliste(data.ordliste, bad);
  const lix = typeof data.lix === 'number' && good('/lix') ? data.lix : undefined;
  const catalog: NameCatalog = {
    udvalg,
    personer,
    strategier: goodNames(data.strategier, '/strategier', bad),
    lovgrundlag: goodNames(data.lovgrundlag, '/lovgrundlag', bad),
    indstillere: goodNames(data.indstillere, '/indstillere', bad),
    journalNumbers: [],
  };
  return { catalog, regler, ordliste, ...(ordlisteModeller.size > 0 ? { ordlisteModeller } : {}), ...(lix !== undefined ? { lix } : {}) };
}

/**
 * `- mindreforbrug` and `- mindreforbrug: forbrug`: the words, and the dictionary word each named
 * one inflects like. A model that is not one word leaves the word in the list without it.
 */
function readOrdliste(x: Json | undefined, bad: ReadonlyMap<string, string>): { ordliste: string[]; ordlisteModeller: Map<string, string> } {
  const ordliste: string[] = [];
  const ordlisteModeller = new Map<string, string>();
  for (const { value, at } of goodItems(x, '/ordliste', bad)) {
    if (!isObject(value)) {
      const word = text(value);
      if (word) ordliste.push(word);
      continue;
    }
    for (const [key, model] of Object.entries(value)) {
      const word = key.trim();
      const problem = bad.get(pointer([...pointerSegments(at), key]));
      if (!word || (problem !== undefined && problem !== 'pattern')) continue;
      ordliste.push(word);
      if (problem === undefined && typeof model === 'string') ordlisteModeller.set(word.toLowerCase(), model.trim().toLowerCase());
    }
  }
  return { ordliste, ordlisteModeller };
}

interface Reading {
  readonly doc: Document;
  readonly counter: LineCounter;
  readonly problems: ConfigProblem[];
  readonly bad: ReadonlyMap<string, string>;
}

/** `dialekt:`, which the schema has passed in shape: the names it gives must be known, its pattern must compile. */
function readDialekt(x: Json, r: Reading): DialectSettings | undefined {
  // `dialekt: edoc` names a built-in dialect and nothing more.
  if (!isObject(x)) {
    const navn = dialectName(x, ['dialekt'], r);
    return navn ? { navn } : undefined;
  }
  const navn = x.navn !== undefined && !r.bad.has('/dialekt/navn') ? dialectName(x.navn, ['dialekt', 'navn'], r) : undefined;
  const afsnit = isObject(x.afsnit) && !r.bad.has('/dialekt/afsnit') ? readAfsnit(x.afsnit, r) : new Map<string, SectionKind>();
  const sagsnummer = x.sagsnummer !== undefined && !r.bad.has('/dialekt/sagsnummer') ? readSagsnummer(x.sagsnummer, r) : undefined;
  const numbering = text(x.nummerering);
  const nummerering = numbering !== undefined && !r.bad.has('/dialekt/nummerering') ? NUMBERING[numbering.toLowerCase()] : undefined;
  return {
    ...(navn ? { navn } : {}),
    ...(afsnit.size > 0 ? { afsnit } : {}),
    ...(sagsnummer ? { sagsnummer } : {}),
    ...(nummerering ? { nummerering } : {}),
  };
}

function dialectName(x: Json, at: readonly string[], r: Reading): string | undefined {
  const v = text(x);
  if (!v) return undefined;
  const d = builtInDialect(v);
  if (d) return d.id;
  const ids = DIALECTS.map((y) => y.id);
  const near = nearest(v, ids);
  r.problems.push({
    range: rangeAt(r.doc, r.counter, at),
    message: {
      da: `Ukendt dialekt "${v}"${near ? `; mente du "${near}"?` : '.'} Kendte: ${ids.join(', ')}.`,
      en: `Unknown dialect "${v}"${near ? `; did you mean "${near}"?` : '.'} Known: ${ids.join(', ')}.`,
    },
  });
  return undefined;
}

const SECTION_NAMES_FOR_HINT: readonly string[] = [...new Set(Object.values(SECTION_KINDS))];

/** `afsnit:`: each heading with the known section it is. */
function readAfsnit(x: JsonMap, r: Reading): Map<string, SectionKind> {
  const afsnit = new Map<string, SectionKind>();
  for (const [key, value] of Object.entries(x)) {
    const heading = key.trim();
    const target = r.bad.has(pointer(['dialekt', 'afsnit', key])) ? undefined : text(value);
    if (!heading || !target) continue;
    const kind = sectionKindByName(target);
    if (kind) {
      afsnit.set(heading, kind);
      continue;
    }
    const near = nearest(target, SECTION_NAMES_FOR_HINT);
    r.problems.push({
      range: rangeAt(r.doc, r.counter, ['dialekt', 'afsnit', key]),
      message: {
        da: `"${target}" er ikke et kendt afsnit${near ? `; mente du "${near}"?` : ''}`,
        en: `"${target}" is not a known section${near ? `; did you mean "${near}"?` : ''}`,
      },
    });
  }
  return afsnit;
}

/** `sagsnummer:`: a pattern that compiles, and whose year group journal-year can read. */
function readSagsnummer(x: Json, r: Reading): CaseNumberScheme | undefined {
  const source = text(x);
  if (!source) return undefined;
  const range = rangeAt(r.doc, r.counter, ['dialekt', 'sagsnummer']);
  const scheme = customCaseNumberScheme(source);
  if ('error' in scheme) {
    r.problems.push({ range, message: { da: `Mønsteret kan ikke bruges: ${scheme.error}.`, en: `The pattern cannot be used: ${scheme.error}.` } });
    return undefined;
  }
  if (!YEAR_GROUPS.some((g) => source.includes(`(?<${g}>`)))
    r.problems.push({
      range,
      message: {
        da: 'Mønsteret har ingen gruppe (?<år>…): sagens år kan ikke læses, så journal-year tjekker ikke disse sagsnumre.',
        en: "The pattern has no (?<år>…) group: the case's year cannot be read, so journal-year does not check these case numbers.",
      },
    });
  return scheme;
}
