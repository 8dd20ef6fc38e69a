import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseReferatYaml } from '../../server/src/config/referatYaml';
import SCHEMA from '../../schemas/referat.schema.json';
import { RULES } from '../../server/src/core';
import { repoRoot } from '../helpers';

/*
 * referat.yaml's shape is one JSON Schema: the one the extension ships to VS Code's YAML support
 * is the one the server checks with, and each kind of mistake the schema catches is one finding
 * at its line and column, in Danish and English.
 */

/** Each kind of mistake: the file, and the one finding expected (1-based line and column). */
const MISTAKES: readonly { kind: string; yaml: string; at: [number, number]; da: string; en: string }[] = [
  {
    kind: 'not a map at the top',
    yaml: '- udvalg\n',
    at: [1, 1],
    da: 'referat.yaml skal have nøgler som udvalg:, personer:, strategier:, lovgrundlag:, indstillere: og regler:.',
    en: 'referat.yaml must have keys such as udvalg:, personer:, strategier:, lovgrundlag:, indstillere: and regler:.',
  },
  {
    kind: 'an unknown key, with its nearest known one',
    yaml: 'udvalg: []\nstrategi: []\n',
    at: [2, 1],
    da: 'Ukendt nøgle "strategi" i referat.yaml; mente du "strategier"?',
    en: 'Unknown key "strategi" in referat.yaml; did you mean "strategier"?',
  },
  {
    kind: 'an unknown key, far from every known one',
    yaml: 'personer:\n  - navn: Bo\n    telefonnummer: 12\n',
    at: [3, 5],
    da: 'Ukendt nøgle "telefonnummer" i personer; kendte nøgler: navn, titel',
    en: 'Unknown key "telefonnummer" in personer; known keys: navn, titel',
  },
  {
    kind: 'a name where a list belongs',
    yaml: 'lovgrundlag: Styrelsesloven\n',
    at: [1, 14],
    da: 'Her skal stå en liste af love (linjer der begynder med "- ").',
    en: 'A list of laws belongs here (lines starting with "- ").',
  },
  {
    kind: 'a list where a name belongs',
    yaml: 'udvalg:\n  - navn: [Direktionen]\n',
    at: [2, 11],
    da: 'Her skal stå udvalgets navn.',
    en: "The committee's name belongs here.",
  },
  {
    kind: 'an empty name',
    yaml: 'indstillere:\n  - "  "\n',
    at: [2, 5],
    da: 'Her skal stå et navn.',
    en: 'A name belongs here.',
  },
  {
    kind: 'a committee that is not a map',
    yaml: 'udvalg:\n  - Direktionen\n',
    at: [2, 5],
    da: 'Et udvalg skrives som "navn:", "medlemmer:", "mødested:" og "mødetid:".',
    en: 'A committee is written as "navn:", "medlemmer:", "mødested:" and "mødetid:".',
  },
  {
    kind: 'a committee without navn:',
    yaml: 'udvalg:\n  - medlemmer: [Bo]\n',
    at: [2, 5],
    da: 'Udvalget mangler "navn:".',
    en: 'The committee has no "navn:".',
  },
  {
    kind: 'a time that is not one',
    yaml: 'udvalg:\n  - navn: Direktionen\n    mødetid: om morgenen\n',
    at: [3, 14],
    da: '"om morgenen" er ikke et klokkeslæt som 09:00.',
    en: '"om morgenen" is not a time such as 09:00.',
  },
  {
    kind: 'a person written as a list',
    yaml: 'personer:\n  - [Bo, HR]\n',
    at: [2, 5],
    da: 'En person skrives som "navn:" og "titel:".',
    en: 'A person is written as "navn:" and "titel:".',
  },
  {
    kind: 'an unknown rule',
    yaml: 'regler:\n  journal-yeer: off\n',
    at: [2, 3],
    da: 'Ukendt regel "journal-yeer"; mente du "journal-year"?',
    en: 'Unknown rule "journal-yeer"; did you mean "journal-year"?',
  },
  {
    kind: 'a severity that is not one',
    yaml: 'regler:\n  toc-mismatch: loud\n',
    at: [2, 17],
    da: '"loud" er ikke error, warning, info, hint eller off.',
    en: '"loud" is not error, warning, info, hint or off.',
  },
  {
    kind: 'regler: as a list',
    yaml: 'regler:\n  - lix\n',
    at: [2, 3],
    da: 'Under "regler:" står regelkoder med error, warning, info, hint eller off.',
    en: 'Under "regler:" go rule codes with error, warning, info, hint or off.',
  },
  {
    kind: 'dialekt: as a list',
    yaml: 'dialekt: [edoc]\n',
    at: [1, 10],
    da: 'Under "dialekt:" står navn:, afsnit:, sagsnummer: og nummerering:, eller blot dialektens navn.',
    en: 'Under "dialekt:" go navn:, afsnit:, sagsnummer: and nummerering:, or just the dialect\'s name.',
  },
  {
    kind: 'afsnit: as a name',
    yaml: 'dialekt:\n  afsnit: Baggrund\n',
    at: [2, 11],
    da: 'Under "afsnit:" står overskrifter med det afsnit, de er, fx "Sagens baggrund: Sagsfremstilling".',
    en: 'Under "afsnit:" go headings with the section they are, e.g. "Sagens baggrund: Sagsfremstilling".',
  },
  {
    kind: 'a numbering that is neither',
    yaml: 'dialekt:\n  nummerering: hver gang\n',
    at: [2, 16],
    da: '"hver gang" er ikke fra-1 (punkterne nummereres 1, 2, 3 …) eller løbende (numrene fortsætter gennem året).',
    en: '"hver gang" is not fra-1 (items numbered 1, 2, 3 …) or løbende (numbers that run on through the year).',
  },
  {
    kind: 'a word with two models',
    yaml: 'ordliste:\n  - a: b\n    c: d\n',
    at: [2, 5],
    da: 'Et ord med en model skrives "- mindreforbrug: forbrug": ordet, et kolon og det ord i ordbogen, det bøjes som.',
    en: 'A word with a model is written "- mindreforbrug: forbrug": the word, a colon and the dictionary word it inflects like.',
  },
  {
    kind: 'a model of two words',
    yaml: 'ordliste:\n  - kvarter: to ord\n',
    at: [2, 14],
    da: '"to ord" er ikke ét ord: modellen er det ord i ordbogen, "kvarter" bøjes som, fx forbrug.',
    en: '"to ord" is not one word: the model is the dictionary word "kvarter" inflects like, e.g. forbrug.',
  },
  {
    kind: 'a LIX out of range',
    yaml: 'lix: 150\n',
    at: [1, 6],
    da: 'Under "lix:" står et tal, fx 50: grænsen for en sagsfremstillings LIX.',
    en: 'Under "lix:" goes a number, e.g. 50: the limit for a Sagsfremstilling\'s LIX.',
  },
];

for (const m of MISTAKES)
  test(`referat.yaml with ${m.kind}: one finding at its line and column, in Danish and English`, () => {
    const { problems } = parseReferatYaml(m.yaml);
    assert.deepEqual(
      problems.map((p) => [p.range.start.line + 1, p.range.start.character + 1, p.message.da, p.message.en]),
      [[...m.at, m.da, m.en]],
    );
  });

test('what the schema passes is read; what it does not is left out, and the rest of the file still counts', () => {
  const { config, problems } = parseReferatYaml(
    'udvalg:\n  - navn: Direktionen\n    medlemmer: [Bo, 42]\n    mødetid: 9.30\n  - medlemmer: [Ib]\npersoner:\n  - Ditte\n  - navn: Bo\n    titel: HR\nregler:\n  lix: warning\n  journal-yeer: off\nlix: 48\n',
  );
  assert.equal(problems.length, 3);
  assert.deepEqual(config.catalog.udvalg, [{ navn: 'Direktionen', medlemmer: ['Bo', '42'], meets: true }]);
  assert.deepEqual(config.catalog.personer, [{ navn: 'Ditte' }, { navn: 'Bo', titel: 'HR' }]);
  assert.deepEqual(config.regler, { lix: 'warning' });
  assert.equal(config.lix, 48);
});

test("the manifest's yamlValidation points at the schema the server checks with, and the package carries it", () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    contributes: { yamlValidation?: { fileMatch: string; url: string }[] };
  };
  const entry = manifest.contributes.yamlValidation?.find((v) => v.fileMatch === 'referat.yaml');
  assert.ok(entry, 'package.json contributes no yamlValidation for referat.yaml');
  const shipped = JSON.parse(readFileSync(join(repoRoot, entry.url), 'utf8')) as unknown;
  assert.deepEqual(shipped, SCHEMA);
  assert.match(readFileSync(join(repoRoot, '.vscodeignore'), 'utf8'), /^!schemas\/\*\*$/m);
});

test("the schema's regler: are the rules, with their own descriptions", () => {
  const regler = (SCHEMA.properties.regler as { properties: Record<string, { description: string }> }).properties;
  assert.deepEqual(
    Object.keys(regler),
    RULES.map((r) => r.code),
  );
  for (const r of RULES) assert.ok(regler[r.code]!.description.startsWith(r.description.en), r.code);
});

test("the README's rule table and the schema's rule codes are what the rules say of themselves (scripts/build/rules-table.mjs)", () => {
  const r = spawnSync(process.execPath, [join(repoRoot, 'scripts/build/rules-table.mjs'), '--check'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test("referat.yaml's reader is a bundle of its own, loaded on the first referat.yaml: the CLI and the server start without the yaml library and ajv, and the .vsix ships it", () => {
  const dist = (name: string) => readFileSync(join(repoRoot, 'dist', name), 'utf8');
  for (const bundle of ['cli-main.js', 'server-main.js', 'checkWorker-main.js', 'pdfWorker-main.js']) {
    assert.doesNotMatch(dist(bundle), /sufficiently indented/, `${bundle} holds the yaml library`);
    assert.match(dist(bundle), /require\(["']\.\/config\.js["']\)/, `${bundle} loads dist/config.js`);
  }
  // One of the yaml library's own messages, which survives minifying.
  assert.match(dist('config.js'), /sufficiently indented/);
  assert.match(readFileSync(join(repoRoot, '.vscodeignore'), 'utf8'), /^!dist\/config\.js$/m);
});

test('aliases that would expand beyond any real file are one problem on the first line, never an exception', () => {
  const levels = ['l1: &l1 [x,x,x,x,x,x,x,x,x,x]'];
  for (let i = 2; i <= 9; i++) levels.push(`l${i}: &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(',')}]`);
  const { problems } = parseReferatYaml(`${levels.join('\n')}\n`);
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.range.start.line, 0);
  assert.match(problems[0]!.message.en, /^YAML error: the file cannot be read/);
});
