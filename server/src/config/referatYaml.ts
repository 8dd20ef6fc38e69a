import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { LocalizedText } from '../i18n/locale';
import { lineRange, type Range } from '../syntax/range';
import { RULE_CODES } from '../rules/index';
import { SEVERITIES, type RuleSetting, type RuleSettings } from '../rules/types';
import type { NameCatalog, PersonEntry, Udvalg } from './catalog';
import { DIALECTS } from '../dialect/dialects';
import { builtInDialect, customCaseNumberScheme, sectionKindByName, YEAR_GROUPS, type DialectSettings } from '../dialect/extend';
import { SECTION_KINDS, type CaseNumberScheme, type SectionKind } from '../dialect/vocabulary';

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

export interface ConfigProblem {
  readonly range: Range;
  readonly message: LocalizedText;
}

const TOP_KEYS = ['udvalg', 'personer', 'strategier', 'lovgrundlag', 'indstillere', 'regler', 'dialekt', 'ordliste', 'lix'] as const;
const DIALEKT_KEYS = ['navn', 'afsnit', 'sagsnummer', 'nummerering'] as const;
const NUMBERING: Readonly<Record<string, DialectSettings['nummerering']>> = { 'fra-1': 'from-one', løbende: 'running' };
const UDVALG_KEYS = ['navn', 'medlemmer', 'mødested', 'mødetid'] as const;
const PERSON_KEYS = ['navn', 'titel'] as const;

/** Reads referat.yaml, reporting every mistake at its line and column; never throws. */
export function parseReferatYaml(text: string): { config: ReferatConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const rangeOf = (node: { range?: [number, number, number?] | null } | null | undefined): Range => {
    const [start, end] = node?.range ?? [0, 0];
    const a = counter.linePos(start);
    const b = counter.linePos(Math.max(start, end));
    return { start: { line: a.line - 1, character: a.col - 1 }, end: { line: b.line - 1, character: b.col - 1 } };
  };
  for (const e of [...doc.errors, ...doc.warnings]) {
    const a = counter.linePos(e.pos[0]);
    problems.push({
      range: lineRange(a.line - 1, a.col - 1, a.col),
      message: { da: `YAML-fejl: ${e.message.split('\n')[0]}`, en: `YAML error: ${e.message.split('\n')[0]}` },
    });
  }
  const udvalg: Udvalg[] = [];
  const personer: PersonEntry[] = [];
  const strategier: string[] = [];
  const lovgrundlag: string[] = [];
  const indstillere: string[] = [];
  const regler: Record<string, RuleSetting> = {};
  let dialekt: DialectSettings | undefined;
  const ordliste: string[] = [];
  const ordlisteModeller = new Map<string, string>();
  let lix: number | undefined;
  const empty = { config: { catalog: { udvalg, personer, strategier, lovgrundlag, indstillere, journalNumbers: [] }, regler, ordliste }, problems };
  if (doc.errors.length > 0) return empty;
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return empty;
  if (!isMap(root)) {
    problems.push({
      range: rangeOf(root),
      message: {
        da: 'referat.yaml skal have nøgler som udvalg:, personer:, strategier:, lovgrundlag:, indstillere: og regler:.',
        en: 'referat.yaml must have keys such as udvalg:, personer:, strategier:, lovgrundlag:, indstillere: and regler:.',
      },
    });
    return empty;
  }

  const unknownKey = (pair: Pair, known: readonly string[], where: string): void => {
    const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const near = nearest(key, known);
    problems.push({
      range: rangeOf(pair.key as Node),
      message: {
        da: `Ukendt nøgle "${key}" i ${where}${near ? `; mente du "${near}"?` : `; kendte nøgler: ${known.join(', ')}`}`,
        en: `Unknown key "${key}" in ${where}${near ? `; did you mean "${near}"?` : `; known keys: ${known.join(', ')}`}`,
      },
    });
  };
  const string = (node: unknown, what: LocalizedText): string | undefined => {
    if (isScalar(node) && typeof node.value === 'string' && node.value.trim()) return node.value.trim();
    if (isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'boolean')) return String(node.value);
    problems.push({ range: rangeOf(node as Node), message: { da: `Her skal stå ${what.da}.`, en: `${what.en} belongs here.` } });
    return undefined;
  };
  const list = (node: unknown, what: LocalizedText): unknown[] => {
    if (isSeq(node)) return node.items;
    problems.push({
      range: rangeOf(node as Node),
      message: {
        da: `Her skal stå en liste af ${what.da} (linjer der begynder med "- ").`,
        en: `A list of ${what.en} belongs here (lines starting with "- ").`,
      },
    });
    return [];
  };

  for (const pair of (root as YAMLMap).items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    switch (key) {
      case 'udvalg':
        for (const item of list(pair.value, { da: 'udvalg', en: 'committees' })) {
          if (!isMap(item)) {
            problems.push({
              range: rangeOf(item as Node),
              message: {
                da: 'Et udvalg skrives som "navn:", "medlemmer:", "mødested:" og "mødetid:".',
                en: 'A committee is written as "navn:", "medlemmer:", "mødested:" and "mødetid:".',
              },
            });
            continue;
          }
          let navn: string | undefined;
          const medlemmer: string[] = [];
          let moedested: string | undefined;
          let moedetid: string | undefined;
          for (const p of item.items) {
            const k = isScalar(p.key) ? String(p.key.value) : '';
            if (k === 'navn') navn = string(p.value, { da: 'udvalgets navn', en: "The committee's name" });
            else if (k === 'mødested') moedested = string(p.value, { da: 'et mødested', en: 'A meeting place' });
            else if (k === 'mødetid') {
              const t = string(p.value, { da: 'et klokkeslæt som 09:00', en: 'A time such as 09:00' });
              if (t && /^\d{1,2}[:.]\d{2}$/.test(t)) moedetid = t;
              else if (t)
                problems.push({
                  range: rangeOf(p.value as Node),
                  message: { da: `"${t}" er ikke et klokkeslæt som 09:00.`, en: `"${t}" is not a time such as 09:00.` },
                });
            } else if (k === 'medlemmer')
              for (const m of list(p.value, { da: 'navne', en: 'names' })) {
                const n = string(m, { da: 'et navn', en: 'A name' });
                if (n) medlemmer.push(n);
              }
            else unknownKey(p, UDVALG_KEYS, 'udvalg');
          }
          if (!navn) problems.push({ range: rangeOf(item), message: { da: 'Udvalget mangler "navn:".', en: 'The committee has no "navn:".' } });
          else udvalg.push({ navn, medlemmer, ...(moedested ? { moedested } : {}), ...(moedetid ? { moedetid } : {}) });
        }
        break;
      case 'personer':
        for (const item of list(pair.value, { da: 'personer', en: 'people' })) {
          if (isScalar(item)) {
            const n = string(item, { da: 'et navn', en: 'A name' });
            if (n) personer.push({ navn: n });
            continue;
          }
          if (!isMap(item)) {
            problems.push({
              range: rangeOf(item as Node),
              message: { da: 'En person skrives som "navn:" og "titel:".', en: 'A person is written as "navn:" and "titel:".' },
            });
            continue;
          }
          let navn: string | undefined;
          let titel: string | undefined;
          for (const p of item.items) {
            const k = isScalar(p.key) ? String(p.key.value) : '';
            if (k === 'navn') navn = string(p.value, { da: 'personens navn', en: "The person's name" });
            else if (k === 'titel') titel = string(p.value, { da: 'en titel', en: 'A title' });
            else unknownKey(p, PERSON_KEYS, 'personer');
          }
          if (!navn) problems.push({ range: rangeOf(item), message: { da: 'Personen mangler "navn:".', en: 'The person has no "navn:".' } });
          else personer.push({ navn, ...(titel ? { titel } : {}) });
        }
        break;
      case 'strategier':
      case 'lovgrundlag':
      case 'indstillere': {
        const target = key === 'strategier' ? strategier : key === 'lovgrundlag' ? lovgrundlag : indstillere;
        const what =
          key === 'strategier'
            ? { da: 'strategier', en: 'strategies' }
            : key === 'lovgrundlag'
              ? { da: 'love', en: 'laws' }
              : { da: 'dem, der indstiller', en: 'those who recommend' };
        for (const item of list(pair.value, what)) {
          const s = string(item, { da: 'et navn', en: 'A name' });
          if (s) target.push(s);
        }
        break;
      }
      case 'regler':
        if (!isMap(pair.value)) {
          problems.push({
            range: rangeOf(pair.value as Node),
            message: {
              da: 'Under "regler:" står regelkoder med error, warning, info, hint eller off.',
              en: 'Under "regler:" go rule codes with error, warning, info, hint or off.',
            },
          });
          break;
        }
        for (const p of pair.value.items) {
          const code = isScalar(p.key) ? String(p.key.value) : '';
          if (!RULE_CODES.has(code)) {
            const near = nearest(code, [...RULE_CODES]);
            problems.push({
              range: rangeOf(p.key as Node),
              message: {
                da: `Ukendt regel "${code}"${near ? `; mente du "${near}"?` : ''}`,
                en: `Unknown rule "${code}"${near ? `; did you mean "${near}"?` : ''}`,
              },
            });
            continue;
          }
          const v = isScalar(p.value) ? String(p.value.value) : '';
          if (v === 'off' || (SEVERITIES as readonly string[]).includes(v)) regler[code] = v as RuleSetting;
          else
            problems.push({
              range: rangeOf(p.value as Node),
              message: { da: `"${v}" er ikke error, warning, info, hint eller off.`, en: `"${v}" is not error, warning, info, hint or off.` },
            });
        }
        break;
      case 'dialekt':
        dialekt = readDialekt(pair.value);
        break;
      case 'ordliste':
        for (const item of list(pair.value, { da: 'ord', en: 'words' })) {
          if (isMap(item)) {
            readModel(item);
            continue;
          }
          const w = string(item, { da: 'et ord', en: 'A word' });
          if (w) ordliste.push(w);
        }
        break;
      case 'lix': {
        const v = isScalar(pair.value) ? pair.value.value : undefined;
        if (typeof v === 'number' && v > 0 && v < 100) lix = v;
        else
          problems.push({
            range: rangeOf(pair.value as Node),
            message: {
              da: 'Under "lix:" står et tal, fx 50: grænsen for en sagsfremstillings LIX.',
              en: 'Under "lix:" goes a number, e.g. 50: the limit for a Sagsfremstilling\'s LIX.',
            },
          });
        break;
      }
      default:
        unknownKey(pair, TOP_KEYS, 'referat.yaml');
    }
  }
  return {
    config: {
      catalog: { udvalg, personer, strategier, lovgrundlag, indstillere, journalNumbers: [] },
      regler,
      ordliste,
      ...(ordlisteModeller.size > 0 ? { ordlisteModeller } : {}),
      ...(dialekt ? { dialekt } : {}),
      ...(lix !== undefined ? { lix } : {}),
    },
    problems,
  };

  /** `- mindreforbrug: forbrug`: a word of the ordliste and the dictionary word whose endings it takes. */
  function readModel(item: YAMLMap): void {
    const pair = item.items[0];
    if (item.items.length !== 1 || !pair) {
      problems.push({
        range: rangeOf(item),
        message: {
          da: 'Et ord med en model skrives "- mindreforbrug: forbrug": ordet, et kolon og det ord i ordbogen, det bøjes som.',
          en: 'A word with a model is written "- mindreforbrug: forbrug": the word, a colon and the dictionary word it inflects like.',
        },
      });
      return;
    }
    const word = string(pair.key, { da: 'et ord', en: 'A word' });
    const model = string(pair.value, { da: 'et ord fra ordbogen, som ordet bøjes som (fx forbrug)', en: 'A dictionary word it inflects like (e.g. forbrug)' });
    if (!word || !model) return;
    if (!SINGLE_WORD.test(model)) {
      problems.push({
        range: rangeOf(pair.value as Node),
        message: {
          da: `"${model}" er ikke ét ord: modellen er det ord i ordbogen, "${word}" bøjes som, fx forbrug.`,
          en: `"${model}" is not one word: the model is the dictionary word "${word}" inflects like, e.g. forbrug.`,
        },
      });
      ordliste.push(word);
      return;
    }
    ordliste.push(word);
    ordlisteModeller.set(word.toLowerCase(), model.toLowerCase());
  }

  function readDialekt(node: unknown): DialectSettings | undefined {
    // `dialekt: edoc` names a built-in dialect and nothing more.
    if (isScalar(node)) {
      const navn = dialectName(node);
      return navn ? { navn } : undefined;
    }
    if (!isMap(node)) {
      problems.push({
        range: rangeOf(node as Node),
        message: {
          da: 'Under "dialekt:" står navn:, afsnit:, sagsnummer: og nummerering:, eller blot dialektens navn.',
          en: 'Under "dialekt:" go navn:, afsnit:, sagsnummer: and nummerering:, or just the dialect\'s name.',
        },
      });
      return undefined;
    }
    let navn: string | undefined;
    const afsnit = new Map<string, SectionKind>();
    let sagsnummer: CaseNumberScheme | undefined;
    let nummerering: DialectSettings['nummerering'];
    for (const p of node.items) {
      const k = isScalar(p.key) ? String(p.key.value) : '';
      if (k === 'navn') navn = dialectName(p.value);
      else if (k === 'afsnit') {
        if (!isMap(p.value)) {
          problems.push({
            range: rangeOf(p.value as Node),
            message: {
              da: 'Under "afsnit:" står overskrifter med det afsnit, de er, fx "Sagens baggrund: Sagsfremstilling".',
              en: 'Under "afsnit:" go headings with the section they are, e.g. "Sagens baggrund: Sagsfremstilling".',
            },
          });
          continue;
        }
        for (const a of p.value.items) {
          const heading = isScalar(a.key) ? String(a.key.value).trim() : '';
          const target = string(a.value, { da: 'et kendt afsnit, fx Sagsfremstilling', en: 'A known section, e.g. Sagsfremstilling' });
          if (!heading || !target) continue;
          const kind = sectionKindByName(target);
          if (kind) afsnit.set(heading, kind);
          else {
            const near = nearest(target, SECTION_NAMES_FOR_HINT);
            problems.push({
              range: rangeOf(a.value as Node),
              message: {
                da: `"${target}" er ikke et kendt afsnit${near ? `; mente du "${near}"?` : ''}`,
                en: `"${target}" is not a known section${near ? `; did you mean "${near}"?` : ''}`,
              },
            });
          }
        }
      } else if (k === 'sagsnummer') {
        const source = string(p.value, { da: 'et mønster (regulært udtryk)', en: 'A pattern (regular expression)' });
        if (!source) continue;
        const scheme = customCaseNumberScheme(source);
        if ('error' in scheme)
          problems.push({
            range: rangeOf(p.value as Node),
            message: { da: `Mønsteret kan ikke bruges: ${scheme.error}.`, en: `The pattern cannot be used: ${scheme.error}.` },
          });
        else {
          if (!YEAR_GROUPS.some((g) => source.includes(`(?<${g}>`)))
            problems.push({
              range: rangeOf(p.value as Node),
              message: {
                da: 'Mønsteret har ingen gruppe (?<år>…): sagens år kan ikke læses, så journal-year tjekker ikke disse sagsnumre.',
                en: "The pattern has no (?<år>…) group: the case's year cannot be read, so journal-year does not check these case numbers.",
              },
            });
          sagsnummer = scheme;
        }
      } else if (k === 'nummerering') {
        const v = string(p.value, { da: 'fra-1 eller løbende', en: 'fra-1 or løbende' });
        if (!v) continue;
        const n = NUMBERING[v.toLowerCase()];
        if (n) nummerering = n;
        else
          problems.push({
            range: rangeOf(p.value as Node),
            message: {
              da: `"${v}" er ikke fra-1 (punkterne nummereres 1, 2, 3 …) eller løbende (numrene fortsætter gennem året).`,
              en: `"${v}" is not fra-1 (items numbered 1, 2, 3 …) or løbende (numbers that run on through the year).`,
            },
          });
      } else unknownKey(p, DIALEKT_KEYS, 'dialekt');
    }
    return {
      ...(navn ? { navn } : {}),
      ...(afsnit.size > 0 ? { afsnit } : {}),
      ...(sagsnummer ? { sagsnummer } : {}),
      ...(nummerering ? { nummerering } : {}),
    };
  }

  function dialectName(node: unknown): string | undefined {
    const v = string(node, { da: 'en dialekts navn', en: "A dialect's name" });
    if (!v) return undefined;
    const d = builtInDialect(v);
    if (d) return d.id;
    const ids = DIALECTS.map((x) => x.id);
    const near = nearest(v, ids);
    problems.push({
      range: rangeOf(node as Node),
      message: {
        da: `Ukendt dialekt "${v}"${near ? `; mente du "${near}"?` : '.'} Kendte: ${ids.join(', ')}.`,
        en: `Unknown dialect "${v}"${near ? `; did you mean "${near}"?` : '.'} Known: ${ids.join(', ')}.`,
      },
    });
    return undefined;
  }
}

/** A model word of the ordliste: one word of letters, as the dictionary has it. */
const SINGLE_WORD = /^[\p{L}][\p{L}'-]*$/u;

const SECTION_NAMES_FOR_HINT: readonly string[] = [...new Set(Object.values(SECTION_KINDS))];

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
