import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type * as TS from 'typescript';
import { repoRoot } from '../helpers';
import { vocabularyWords } from '../../server/src/dialect/vocabulary';

/*
 * ARCHITECTURE.md's invariant "the format's words are written once, in dialect/vocabulary.ts",
 * enforced: every string, template and regular-expression literal in server/src and client/src
 * outside server/src/dialect is read with the TypeScript compiler, and one that holds a word of
 * the vocabulary (a header label, a section heading, a document word, an attendance phrase, a
 * standard decision, a case-number label, the closed-punkt marker), as a whole word, fails the
 * test. Messages written as `{ da, en }` (LocalizedText) and comments are not code's words.
 */

// The compiler is loaded from node_modules at run time, not bundled into the test.
const ts = createRequire(__filename)('typescript') as typeof TS;

/** A literal that names a word of the vocabulary. */
export interface VocabularyHit {
  readonly file: string;
  readonly line: number;
  readonly word: string;
  readonly literal: string;
}

/** Literals whose words are not the format's but something else spelt the same: file, words, and why. */
const NOT_THE_FORMATS: readonly { readonly file: string; readonly words: readonly string[]; readonly why: string }[] = [
  { file: 'client/src/extension.ts', words: ['Referat'], why: "the product's name (output channel, language client)" },
  { file: 'client/src/preview.ts', words: ['Referat'], why: "the product's name (the preview panel's title)" },
  { file: 'client/src/status.ts', words: ['Referat'], why: "the product's name (the status bar item's text and name)" },
  { file: 'client/src/extension.ts', words: ['Dagsorden'], why: "a file dialog's filter, translated by vscode.l10n" },
  { file: 'server/src/render/pdf.ts', words: ['Referat'], why: "the product's name as the PDF's Creator" },
  { file: 'server/src/node/launch.ts', words: ['REFERAT'], why: "the product's name in its environment variable (REFERAT_CODE_CACHE)" },
  { file: 'server/src/cli/commands.ts', words: ['DAGSORDEN'], why: "the usage line's name for create-referat's operand" },
  {
    file: 'server/src/protocol.ts',
    words: ['DAGSORDEN', 'Dagsorden', 'REFERAT', 'Referat'],
    why: 'file names (`…dagsorden…` → `…referat…`); protocol.ts imports nothing, the client shares it',
  },
  {
    file: 'server/src/render/labels.ts',
    words: ['Indholdsfortegnelse', 'Mødedato', 'Mødested', 'Mødedeltagere', 'Medlemmer', 'Afbud', 'Lukket', 'Journalnr', 'Indstilling', 'Beslutning'],
    why: "the published rendering's labels, one table per document language, as a `{ da, en }` message is one text per language",
  },
  {
    file: 'server/src/import/sbsysXml.ts',
    words: ['REFERAT', 'Referat', 'Afbud'],
    why: "SBSYS's own values (publication type, participation status) read from its XML",
  },
  {
    file: 'server/src/import/firstAgendaJson.ts',
    words: ['Udvalg', 'Dato', 'Sted', 'Bilag'],
    why: "First Agenda's JSON field names, in the paths of fields the import could not read (`Moede.Sted (list)`)",
  },
  {
    file: 'server/src/privacy/cpr.ts',
    words: ['Sagsnummer', 'Sagsid'],
    why: 'words before a number that say it is no CPR number, wider than the labels (tlf., dok.nr.)',
  },
  { file: 'server/src/model/people.ts', words: ['Sekretær'], why: "a person's title in a sentence, not the header label" },
  { file: 'server/src/features/completion.ts', words: ['Udvalg'], why: "words that make a file name read as an udvalg's name, not the header label" },
  { file: 'server/src/archive/summary.ts', words: ['Bilag'], why: "a section's text that names no one (`se bilag`), not the heading" },
];

/** A regular expression's or a regex source's way of writing a blank, read as a blank. */
function plain(text: string): string {
  return text
    .replace(/\\\\/g, '\\')
    .replace(/\t/g, '\\t')
    .replace(/\[ ?\\t ?\][+*?]?|\\s[+*?]?|\\t/g, ' ')
    .replace(/\\(.)/g, '$1')
    .replace(/ {2,}/g, ' ');
}

function wordPattern(word: string, caseInsensitive: boolean): RegExp {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, ' +');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, caseInsensitive ? 'iu' : 'u');
}

/** Is the node inside the value of a `da:` or `en:` property of an object that has both (LocalizedText)? */
function inLocalizedText(node: TS.Node): boolean {
  for (let n: TS.Node | undefined = node; n; n = n.parent) {
    if (!ts.isPropertyAssignment(n) || !ts.isObjectLiteralExpression(n.parent)) continue;
    const name = n.name.getText();
    if (name !== 'da' && name !== 'en') continue;
    const names = new Set(n.parent.properties.map((p) => p.name?.getText()));
    if (names.has('da') && names.has('en')) return true;
  }
  return false;
}

/** Is the node part of the pattern of a `new RegExp(pattern, flags)` whose flags say `i`? */
function inCaseInsensitiveRegExp(node: TS.Node): boolean {
  for (let n: TS.Node = node; n.parent; n = n.parent) {
    const p = n.parent;
    if ((ts.isNewExpression(p) || ts.isCallExpression(p)) && p.expression.getText() === 'RegExp' && p.arguments?.[0] === n) {
      const flags = p.arguments[1];
      return flags !== undefined && ts.isStringLiteralLike(flags) && flags.text.includes('i');
    }
  }
  return false;
}

/**
 * The literals of one source file that hold a word of `words`. Strings and templates are matched
 * as written (a label is capitalised as the document writes it; `'beslutning'` is a kind's code
 * name), a regular expression with the `i` flag, and the pattern of a `new RegExp(…, 'i')`, without
 * regard to case.
 */
export function scanSource(file: string, source: string, words: readonly string[]): VocabularyHit[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const exact = words.map((w) => [w, wordPattern(w, false)] as const);
  const anyCase = words.map((w) => [w, wordPattern(w, true)] as const);
  const out: VocabularyHit[] = [];
  const visit = (node: TS.Node): void => {
    let text: string | undefined;
    let caseInsensitive = false;
    if (ts.isStringLiteral(node)) {
      text = node.text;
      caseInsensitive = inCaseInsensitiveRegExp(node);
    } else if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      // As written: `String.raw` and a plain template alike.
      text = node.rawText ?? node.text;
      caseInsensitive = inCaseInsensitiveRegExp(node);
    } else if (ts.isRegularExpressionLiteral(node)) {
      const last = node.text.lastIndexOf('/');
      text = node.text.slice(1, last);
      caseInsensitive = node.text.slice(last + 1).includes('i');
    }
    if (text !== undefined && !ts.isImportDeclaration(node.parent) && !ts.isExportDeclaration(node.parent) && !inLocalizedText(node)) {
      const read = plain(text);
      for (const [word, pattern] of caseInsensitive ? anyCase : exact) {
        if (!pattern.test(read)) continue;
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        out.push({ file, line, word, literal: node.getText(sf) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

const WORDS = vocabularyWords();

test('the scanner finds a planted label, heading, phrase and marker, and passes over messages and comments', () => {
  const planted = [
    'const a = /^\\W*(Mødedeltagere|Afbud)\\b/;',
    "const b = 'Sagsfremstilling';",
    'const c = `Punkt ${n}: Lukket: ${title}`;',
    "const d = new RegExp(`^Beslutning[ \\\\t]+fra[ \\\\t]`, 'i');",
    'const e = /deltager[ \\t]+i[ \\t]+mødet/;',
    'const f = /^sagsnr\\.?:/i;',
    "const g = { da: 'Punktet mangler Beslutning', en: 'The item has no decision' };",
    '// Mødedeltagere and Afbud in a comment',
    "const h = 'beslutning'; // a kind's code name",
    "const i = 'Afbudsliste';",
    "const j = new RegExp(`^(?:pkt|punkt)\\.?`, 'iu');",
    'const k = new RegExp(String.raw`^Beslutning[ \\t]+fra[ \\t]`);',
  ].join('\n');
  const hits = scanSource('planted.ts', planted, WORDS);
  const found = (line: number, word: string): boolean => hits.some((h) => h.line === line && h.word === word);
  assert.ok(found(1, 'Mødedeltagere'), 'a header label in a regular expression');
  assert.ok(found(1, 'Afbud'), 'a second label in the same alternation');
  assert.ok(found(2, 'Sagsfremstilling'), 'a section heading in a string');
  assert.ok(found(3, 'Lukket'), 'the closed marker in a template');
  assert.ok(found(4, 'Beslutning fra'), 'a heading in a regex source with blanks written [ \\t]+');
  assert.ok(found(5, 'deltager i mødet'), 'an attendance phrase in a regular expression');
  assert.ok(
    hits.some((h) => h.line === 6 && /^Sagsnr/.test(h.word)),
    'a case-number label in a case-insensitive regular expression',
  );
  assert.ok(found(11, 'Punkt'), "a word in lower case in the pattern of a new RegExp(…, 'i')");
  assert.ok(found(12, 'Beslutning fra'), 'a heading in a String.raw pattern');
  assert.deepEqual(
    hits.filter((h) => h.line >= 7 && h.line <= 10),
    [],
    'messages, comments, code names and longer words are not the format',
  );
});

test("the vocabulary's words are taken from the vocabulary itself", () => {
  for (const w of [
    'Mødedeltagere',
    'Afbud/Fraværende',
    'Tilstede',
    'Sagsfremstilling',
    'Beslutning',
    'REFERAT',
    'Dagsorden',
    'Lukket',
    'Punkt',
    'deltager i mødet',
    'Godkendt',
  ])
    assert.ok(WORDS.includes(w), `${w} is a word of the vocabulary`);
  assert.ok(WORDS.some((w) => /^Sagsnr/.test(w)) && WORDS.some((w) => /^Journalnr/.test(w)), 'the case-number labels are words of the vocabulary');
});

test('no literal outside server/src/dialect names a word of the format', () => {
  const files = [...sourceFiles(join(repoRoot, 'server/src')), ...sourceFiles(join(repoRoot, 'client/src'))]
    .map((f) => relative(repoRoot, f).split('\\').join('/'))
    .filter((f) => !f.startsWith('server/src/dialect/'));
  assert.ok(files.length > 100, 'the source files are found');
  const hits = files.flatMap((f) => scanSource(f, readFileSync(join(repoRoot, f), 'utf8'), WORDS));
  const allowed = (h: VocabularyHit): boolean => NOT_THE_FORMATS.some((a) => a.file === h.file && a.words.includes(h.word));
  const wrong = hits.filter((h) => !allowed(h)).map((h) => `${h.file}:${h.line} ${h.word} in ${h.literal.slice(0, 80)}`);
  assert.deepEqual(wrong, [], "the format's words belong in server/src/dialect/vocabulary.ts");
  const unused = NOT_THE_FORMATS.flatMap((a) => a.words.filter((w) => !hits.some((h) => h.file === a.file && h.word === w)).map((w) => `${a.file} ${w}`));
  assert.deepEqual(unused, [], 'every exception still names a literal');
});
