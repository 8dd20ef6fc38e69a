import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { LocalizedText } from '../i18n/locale';
import type { Range } from '../syntax/range';
import SCHEMA from '../../../schemas/referat.schema.json';

/*
 * referat.yaml's shape is described once, in schemas/referat.schema.json: VS Code's YAML support
 * reads it from the extension's manifest (contributes.yamlValidation), and the server checks with
 * it here. Each of ajv's errors becomes one finding at its YAML node's line and column, said in
 * Danish and English by what belongs at that place of the file.
 */

/** A YAML document's value as plain data, as the schema checks it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface ConfigProblem {
  readonly range: Range;
  readonly message: LocalizedText;
}

/** What the schema found wrong at a place: its JSON pointer (an unknown key's own) and ajv's keyword. */
export interface SchemaFinding {
  readonly path: string;
  readonly keyword: string;
}

/** What belongs at a place of referat.yaml, in words, for the messages. */
interface Place {
  /** "Her skal stå …": a single value. */
  readonly what?: LocalizedText;
  /** "Her skal stå en liste af …": a list. */
  readonly list?: LocalizedText;
  /** The whole message when the place holds a map or list it should not, or a map of the wrong form. */
  readonly shape?: LocalizedText;
  /** The message for a value of the right kind that is not one of the allowed ones. */
  readonly invalid?: (value: string, key: string) => LocalizedText;
  /** An unknown key here: "Ukendt nøgle … i <where>". */
  readonly where?: string;
  /** The message for a map of the wrong size (a word with its model is one pair). */
  readonly form?: LocalizedText;
  /** The message when `navn:` is missing. */
  readonly missing?: LocalizedText;
}

const NAME: LocalizedText = { da: 'et navn', en: 'A name' };
const SEVERITY_WORDS = 'error, warning, info, hint eller off';

/** Every place of referat.yaml by its JSON pointer, `*` for any list index or map key. */
const PLACES: Readonly<Record<string, Place>> = {
  '': {
    shape: {
      da: 'referat.yaml skal have nøgler som udvalg:, personer:, strategier:, lovgrundlag:, indstillere: og regler:.',
      en: 'referat.yaml must have keys such as udvalg:, personer:, strategier:, lovgrundlag:, indstillere: and regler:.',
    },
    where: 'referat.yaml',
  },
  '/udvalg': { list: { da: 'udvalg', en: 'committees' } },
  '/udvalg/*': {
    shape: {
      da: 'Et udvalg skrives som "navn:", "medlemmer:", "mødested:" og "mødetid:".',
      en: 'A committee is written as "navn:", "medlemmer:", "mødested:" and "mødetid:".',
    },
    where: 'udvalg',
    missing: { da: 'Udvalget mangler "navn:".', en: 'The committee has no "navn:".' },
  },
  '/udvalg/*/navn': { what: { da: 'udvalgets navn', en: "The committee's name" } },
  '/udvalg/*/mødested': { what: { da: 'et mødested', en: 'A meeting place' } },
  '/udvalg/*/mødetid': {
    what: { da: 'et klokkeslæt som 09:00', en: 'A time such as 09:00' },
    invalid: (t) => ({ da: `"${t}" er ikke et klokkeslæt som 09:00.`, en: `"${t}" is not a time such as 09:00.` }),
  },
  '/udvalg/*/medlemmer': { list: { da: 'navne', en: 'names' } },
  '/udvalg/*/medlemmer/*': { what: NAME },
  '/personer': { list: { da: 'personer', en: 'people' } },
  '/personer/*': {
    what: NAME,
    shape: { da: 'En person skrives som "navn:" og "titel:".', en: 'A person is written as "navn:" and "titel:".' },
    where: 'personer',
    missing: { da: 'Personen mangler "navn:".', en: 'The person has no "navn:".' },
  },
  '/personer/*/navn': { what: { da: 'personens navn', en: "The person's name" } },
  '/personer/*/titel': { what: { da: 'en titel', en: 'A title' } },
  '/strategier': { list: { da: 'strategier', en: 'strategies' } },
  '/lovgrundlag': { list: { da: 'love', en: 'laws' } },
  '/indstillere': { list: { da: 'dem, der indstiller', en: 'those who recommend' } },
  '/strategier/*': { what: NAME },
  '/lovgrundlag/*': { what: NAME },
  '/indstillere/*': { what: NAME },
  '/regler': {
    shape: {
      da: `Under "regler:" står regelkoder med ${SEVERITY_WORDS}.`,
      en: 'Under "regler:" go rule codes with error, warning, info, hint or off.',
    },
  },
  '/regler/*': { invalid: (v) => ({ da: `"${v}" er ikke ${SEVERITY_WORDS}.`, en: `"${v}" is not error, warning, info, hint or off.` }) },
  '/dialekt': {
    what: { da: 'en dialekts navn', en: "A dialect's name" },
    shape: {
      da: 'Under "dialekt:" står navn:, afsnit:, sagsnummer: og nummerering:, eller blot dialektens navn.',
      en: 'Under "dialekt:" go navn:, afsnit:, sagsnummer: and nummerering:, or just the dialect\'s name.',
    },
    where: 'dialekt',
  },
  '/dialekt/navn': { what: { da: 'en dialekts navn', en: "A dialect's name" } },
  '/dialekt/afsnit': {
    shape: {
      da: 'Under "afsnit:" står overskrifter med det afsnit, de er, fx "Sagens baggrund: Sagsfremstilling".',
      en: 'Under "afsnit:" go headings with the section they are, e.g. "Sagens baggrund: Sagsfremstilling".',
    },
  },
  '/dialekt/afsnit/*': { what: { da: 'et kendt afsnit, fx Sagsfremstilling', en: 'A known section, e.g. Sagsfremstilling' } },
  '/dialekt/sagsnummer': { what: { da: 'et mønster (regulært udtryk)', en: 'A pattern (regular expression)' } },
  '/dialekt/nummerering': {
    what: { da: 'fra-1 eller løbende', en: 'fra-1 or løbende' },
    invalid: (v) => ({
      da: `"${v}" er ikke fra-1 (punkterne nummereres 1, 2, 3 …) eller løbende (numrene fortsætter gennem året).`,
      en: `"${v}" is not fra-1 (items numbered 1, 2, 3 …) or løbende (numbers that run on through the year).`,
    }),
  },
  '/ordliste': { list: { da: 'ord', en: 'words' } },
  '/ordliste/*': {
    what: { da: 'et ord', en: 'A word' },
    form: {
      da: 'Et ord med en model skrives "- mindreforbrug: forbrug": ordet, et kolon og det ord i ordbogen, det bøjes som.',
      en: 'A word with a model is written "- mindreforbrug: forbrug": the word, a colon and the dictionary word it inflects like.',
    },
  },
  '/ordliste/*/*': {
    what: { da: 'et ord fra ordbogen, som ordet bøjes som (fx forbrug)', en: 'A dictionary word it inflects like (e.g. forbrug)' },
    invalid: (model, word) => ({
      da: `"${model}" er ikke ét ord: modellen er det ord i ordbogen, "${word}" bøjes som, fx forbrug.`,
      en: `"${model}" is not one word: the model is the dictionary word "${word}" inflects like, e.g. forbrug.`,
    }),
  },
  '/lix': {
    shape: {
      da: 'Under "lix:" står et tal, fx 50: grænsen for en sagsfremstillings LIX.',
      en: 'Under "lix:" goes a number, e.g. 50: the limit for a Sagsfremstilling\'s LIX.',
    },
  },
};

let compiled: ValidateFunction | undefined;

/** The schema compiled once, on the first referat.yaml read (ajv compiles to code). */
function validator(): ValidateFunction {
  if (compiled) return compiled;
  // allErrors: every mistake at once; verbose: each error carries the value and its schema.
  const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true, strictTypes: false });
  ajv.addKeyword('markdownDescription');
  compiled = ajv.compile(SCHEMA);
  return compiled;
}

/** The schema's checks of a document's value: one finding per mistake, said at its place. */
export function checkAgainstSchema(
  data: Json,
  doc: Document,
  counter: LineCounter,
): { readonly problems: ConfigProblem[]; readonly findings: readonly SchemaFinding[] } {
  const validate = validator();
  if (validate(data)) return { problems: [], findings: [] };
  const problems: ConfigProblem[] = [];
  const findings: SchemaFinding[] = [];
  const said = new Set<string>();
  for (const e of validate.errors ?? []) {
    // `if` only says which branch applied; the branch's own errors say what is wrong.
    if (e.keyword === 'if') continue;
    const segments = pointerSegments(e.instancePath);
    const key = e.keyword === 'additionalProperties' ? String((e.params as { additionalProperty: string }).additionalProperty) : undefined;
    const message = messageFor(e, segments, key);
    const at = key !== undefined ? [...segments, key] : segments;
    const once = `${JSON.stringify(at)} ${message.da}`;
    if (said.has(once)) continue;
    said.add(once);
    findings.push({ path: pointer(at), keyword: e.keyword });
    problems.push({ range: rangeAt(doc, counter, segments, key), message });
  }
  return { problems, findings };
}

function messageFor(e: ErrorObject, segments: readonly string[], key: string | undefined): LocalizedText {
  const place = placeOf(segments);
  if (key !== undefined) return unknownKey(key, e, segments, place);
  if (e.keyword === 'required')
    return place.missing ?? { da: `Her mangler "${e.params.missingProperty}:".`, en: `"${e.params.missingProperty}:" is missing here.` };
  if (e.keyword === 'minProperties' || e.keyword === 'maxProperties') return place.form ?? wrongHere(place);
  const value = e.data as Json;
  const blank = value === null || (typeof value === 'string' && value.trim() === '');
  const scalar = value !== null && typeof value !== 'object';
  if (!blank && !scalar && place.shape) return place.shape;
  if (!blank && scalar && place.invalid) return place.invalid(String(value).trim(), segments[segments.length - 1] ?? '');
  return wrongHere(place);
}

function wrongHere(place: Place): LocalizedText {
  if (place.list)
    return {
      da: `Her skal stå en liste af ${place.list.da} (linjer der begynder med "- ").`,
      en: `A list of ${place.list.en} belongs here (lines starting with "- ").`,
    };
  if (place.what) return { da: `Her skal stå ${place.what.da}.`, en: `${place.what.en} belongs here.` };
  return place.shape ?? place.invalid?.('', '') ?? { da: 'Her står noget, der ikke hører til.', en: 'Something that does not belong here.' };
}

function unknownKey(key: string, e: ErrorObject, segments: readonly string[], place: Place): LocalizedText {
  const known = Object.keys((e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {});
  const near = nearest(key, known);
  if (segments.join('/') === 'regler')
    return {
      da: `Ukendt regel "${key}"${near ? `; mente du "${near}"?` : ''}`,
      en: `Unknown rule "${key}"${near ? `; did you mean "${near}"?` : ''}`,
    };
  const where = place.where ?? segments.join('/');
  return {
    da: `Ukendt nøgle "${key}" i ${where}${near ? `; mente du "${near}"?` : `; kendte nøgler: ${known.join(', ')}`}`,
    en: `Unknown key "${key}" in ${where}${near ? `; did you mean "${near}"?` : `; known keys: ${known.join(', ')}`}`,
  };
}

/** The place a pointer names: the pattern with the fewest wildcards that fits it. */
function placeOf(segments: readonly string[]): Place {
  let best: { place: Place; wild: number } | undefined;
  for (const [pattern, place] of Object.entries(PLACES)) {
    const parts = pattern === '' ? [] : pattern.slice(1).split('/');
    if (parts.length !== segments.length || !parts.every((p, i) => p === '*' || p === segments[i])) continue;
    const wild = parts.filter((p) => p === '*').length;
    if (!best || wild < best.wild) best = { place, wild };
  }
  return best?.place ?? {};
}

/** `/udvalg/0/m~1t` → ['udvalg', '0', 'm/t'] (RFC 6901). */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `['udvalg', '0', 'm/t']` → `/udvalg/0/m~1t`. */
export function pointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * The range of the YAML node a pointer names (with `key`: of that key in the map the pointer
 * names), found by walking the document as written; where a step cannot be followed, the range
 * of the last node reached.
 */
export function rangeAt(doc: Document, counter: LineCounter, segments: readonly string[], key?: string): Range {
  let node: unknown = doc.contents;
  let keyNode: unknown;
  const steps = key !== undefined ? [...segments, key] : segments;
  for (const [i, step] of steps.entries()) {
    const isKeyStep = key !== undefined && i === steps.length - 1;
    let next: unknown;
    let nextKey: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === step);
      nextKey = pair?.key;
      next = pair?.value ?? pair?.key;
    } else if (isSeq(node)) next = node.items[Number(step)];
    if (next === undefined || next === null) break;
    if (isKeyStep) {
      keyNode = nextKey;
      break;
    }
    node = next;
  }
  return nodeRange(counter, (keyNode ?? node) as Node | null | undefined);
}

function nodeRange(counter: LineCounter, node: { range?: [number, number, number?] | null } | null | undefined): Range {
  const [start, end] = node?.range ?? [0, 0];
  const a = counter.linePos(start);
  const b = counter.linePos(Math.max(start, end));
  return { start: { line: a.line - 1, character: a.col - 1 }, end: { line: b.line - 1, character: b.col - 1 } };
}

/** The known word closest to a typo, if it is close enough to be what was meant. */
export function nearest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(word.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
