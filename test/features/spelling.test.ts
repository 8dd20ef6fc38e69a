import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction } from 'vscode-languageserver-types';
import { loadSpeller } from '../../server/src/node/speller';
import { createLanguageService, type LanguageService } from '../../server/src/service/languageService';
import { MemoryWorkspace } from '../../server/src/workspace/memoryWorkspace';
import { words } from '../../server/src/spelling/words';
import { parseReferat } from '../../server/src/core';
import { corpusFiles, repoRoot } from '../helpers';
import { applyEdits, documentOf, ROOT } from './helpers';

/*
 * The rule `spelling` through the language service, as the editor and `referat check --spelling`
 * have it: the real minutes of the corpus and of the other municipalities checked as one folder,
 * so the archive's own words are there.
 */

interface Minutes {
  readonly name: string;
  readonly text: string;
}

function minutes(): Minutes[] {
  const external = join(repoRoot, 'test/fixtures/external');
  const dialects = join(repoRoot, 'test/fixtures/dialects');
  return [
    ...corpusFiles().map((c) => ({ name: c.name, text: c.text })),
    // The PDF texts once their page furniture is removed: the cleaned eDoc and Acadre texts stand in for theirs.
    ...readdirSync(external)
      .filter((f) => f.startsWith('aarhus'))
      .map((f) => ({ name: f.replace(/\.txt$/, '.referat'), text: readFileSync(join(external, f), 'utf8') })),
    ...readdirSync(dialects)
      .filter((f) => f.endsWith('.referat'))
      .map((f) => ({ name: f, text: readFileSync(join(dialects, f), 'utf8') })),
  ];
}

async function serviceOver(files: Readonly<Record<string, string>>): Promise<LanguageService> {
  const workspace = new MemoryWorkspace(Object.fromEntries(Object.entries(files).map(([name, text]) => [`${ROOT}/${name}`, text])));
  const service = createLanguageService({ workspace, locale: 'da', speller: () => loadSpeller() });
  service.setRoots([ROOT]);
  await service.indexed();
  await service.spellingReady();
  return service;
}

const spellingFindings = async (service: LanguageService, name: string, text: string) =>
  (await service.findings(documentOf(`${ROOT}/${name}`, text))).filter((d) => d.code === 'spelling');

/** Debian's hunspell-da (installed by the test command's system packages): the words it accepts. */
function debianAccepts(list: readonly string[]): Set<string> {
  const r = spawnSync('hunspell', ['-d', 'da_DK', '-G'], { input: list.join('\n'), encoding: 'utf8' });
  assert.equal(r.status, 0, `hunspell with the da_DK dictionary is needed for this test (scripts/test/system-deps.mjs installs it): ${r.stderr}`);
  return new Set(r.stdout.split('\n').filter((w) => w.length > 0));
}

test('the real minutes, checked as one folder: at most 2 false alarms per 1,000 words', async (t) => {
  const all = minutes();
  const files = Object.fromEntries(all.map((m) => [m.name, m.text]));
  const service = await serviceOver(files);
  let wordCount = 0;
  const flagged: { word: string; file: string }[] = [];
  for (const m of all) {
    for (const line of m.text.split('\n')) wordCount += [...words(line)].length;
    const lines = m.text.split('\n');
    for (const d of await spellingFindings(service, m.name, m.text))
      flagged.push({ word: lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character), file: m.name });
  }
  // A false alarm: a word Debian's dictionary accepts, or one written in three or more of the minutes.
  const accepted = debianAccepts([...new Set(flagged.map((f) => f.word))]);
  const inFiles = (w: string): number => all.filter((m) => m.text.toLowerCase().includes(w.toLowerCase())).length;
  const falseAlarms = flagged.filter((f) => accepted.has(f.word) || inFiles(f.word) >= 3);
  const rate = (1000 * falseAlarms.length) / wordCount;
  t.diagnostic(
    `${wordCount} words, ${flagged.length} flagged, ${falseAlarms.length} false alarms (${rate.toFixed(2)} per 1,000): ${falseAlarms.map((f) => f.word).join(', ')}`,
  );
  assert.ok(wordCount > 30_000, `${wordCount} words`);
  assert.ok(rate <= 2, `${falseAlarms.length} false alarms in ${wordCount} words (${rate.toFixed(2)}/1000): ${falseAlarms.map((f) => f.word).join(', ')}`);
  // And real typos the published minutes hold are still caught.
  assert.ok(flagged.length > 20, `${flagged.length} flagged`);
});

/** A seeded generator, so the same typos are made on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The lines of a referat's prose: its punkter's text, not headings, case numbers, contents or attachment lists. */
const proseCache = new Map<string, Set<number>>();
function prose(m: Minutes): Set<number> {
  let hit = proseCache.get(m.name);
  if (!hit) {
    const r = parseReferat(m.text);
    hit = new Set(
      r.punkter
        .flatMap((p) => [...p.intro, ...p.sections.filter((s) => s.kind !== 'bilag').flatMap((s) => s.body)])
        .filter((b) => !b.blank)
        .map((b) => b.line),
    );
    proseCache.set(m.name, hit);
  }
  return hit;
}

const KINDS = ['drop', 'double', 'swap', 'digraph'] as const;
function typo(word: string, kind: (typeof KINDS)[number], r: () => number): string | undefined {
  const i = 1 + Math.floor(r() * (word.length - 2));
  if (kind === 'drop') return word.slice(0, i) + word.slice(i + 1);
  if (kind === 'double') return word.slice(0, i) + word[i] + word.slice(i);
  if (kind === 'swap') return word[i] === word[i + 1] ? undefined : word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  const at = word.search(/[æøå]/);
  if (at < 0) return undefined;
  return word.slice(0, at) + ({ æ: 'ae', ø: 'oe', å: 'aa' } as Record<string, string>)[word[at]!]! + word.slice(at + 1);
}

test('200 typos put into the prose: at least 90% flagged on their line and column, the right word among the first three suggestions for at least 80%', async (t) => {
  const speller = await loadSpeller();
  const all = minutes().filter((m) => !m.name.startsWith('greve-b'));
  const r = random(20261126);
  // One typo a line, in lines of body text, of words the dictionary knows.
  const changed = new Map<string, string[]>(all.map((m) => [m.name, m.text.split('\n')]));
  const made: { file: string; line: number; start: number; end: number; right: string; wrong: string }[] = [];
  const perKind = new Map<string, number>(KINDS.map((k) => [k, 0]));
  for (let attempt = 0; made.length < 200 && attempt < 100_000; attempt++) {
    const m = all[Math.floor(r() * all.length)]!;
    const lines = changed.get(m.name)!;
    const n = Math.floor(r() * lines.length);
    const line = lines[n]!;
    if (line.length < 60 || !prose(m).has(n) || made.some((x) => x.file === m.name && x.line === n)) continue;
    const candidates = [...words(line)].filter((w) => /^[\p{Ll}]{6,}$/u.test(w.word) && speller.correct(w.word));
    const w = candidates[Math.floor(r() * candidates.length)];
    if (!w) continue;
    const kind = KINDS.find((k) => perKind.get(k)! < 50 && (k !== 'digraph' || /[æøå]/.test(w.word)));
    if (!kind) continue;
    const wrong = typo(w.word, kind, r);
    if (!wrong || speller.correct(wrong)) continue;
    lines[n] = line.slice(0, w.start) + wrong + line.slice(w.end);
    made.push({ file: m.name, line: n, start: w.start, end: w.start + wrong.length, right: w.word, wrong });
    perKind.set(kind, perKind.get(kind)! + 1);
  }
  assert.equal(made.length, 200, JSON.stringify([...perKind]));

  const files = Object.fromEntries([...changed].map(([name, lines]) => [name, lines.join('\n')]));
  const service = await serviceOver(files);
  let caught = 0;
  let suggested = 0;
  for (const [name, text] of Object.entries(files)) {
    const found = await spellingFindings(service, name, text);
    for (const t of made.filter((x) => x.file === name)) {
      const d = found.find((f) => f.range.start.line === t.line && f.range.start.character === t.start && f.range.end.character === t.end);
      if (!d) continue;
      caught++;
      const actions: CodeAction[] = await service.codeActions(documentOf(`${ROOT}/${name}`, text), d.range);
      const corrections = actions.filter((a) => a.title.startsWith('Ret til')).map((a) => Object.values(a.edit!.changes!)[0]![0]!.newText);
      if (corrections.slice(0, 3).includes(t.right)) suggested++;
    }
  }
  t.diagnostic(`${caught} of 200 typos flagged on their line and column; the right word among the first three for ${suggested}`);
  assert.ok(caught >= 180, `${caught} of 200 flagged`);
  assert.ok(suggested >= 160, `the right word in the first three for ${suggested} of 200`);
});

const REFERAT = `REFERAT Direktionen d. 07-12-2023

Mødedato Torsdag d. 07. december 2023 kl. 09:00

Mødested Udvalgsværelse 1, Lemvig Rådhus

Punkt 1: Deltagerkreds

81.39.15G01-4-23

Sagsfremstilling

Deltagerkredsen drøftes på mødet med havbriseprojektet og kvartersløftet som udgangspunkt, sammen med Lemvigmodellen fra Havbrise.

Beslutning

Kredsen fastholdes, og udvalget ser på sagen igen med kvalitetsstandarderne.
`;

test("names the server knows are no misspellings, nor are the municipality's words in referat.yaml's ordliste", async () => {
  const without = await serviceOver({ 'x.referat': REFERAT });
  const flagged = (await spellingFindings(without, 'x.referat', REFERAT)).map((d) =>
    REFERAT.split('\n')[d.range.start.line]!.slice(d.range.start.character, d.range.end.character),
  );
  assert.deepEqual(flagged, ['havbriseprojektet', 'kvartersløftet']);
  const yaml = '# Kommunens egne ord\nordliste:\n  - havbriseprojektet # vores projekt\n  - kvartersløftet\n';
  const withList = await serviceOver({ 'x.referat': REFERAT, 'referat.yaml': yaml });
  assert.deepEqual(await spellingFindings(withList, 'x.referat', REFERAT), []);
});

test("a word in three referater of the archive is the municipality's own", async () => {
  const files: Record<string, string> = { 'x.referat': REFERAT };
  for (const n of [1, 2]) files[`arkiv/${n}.referat`] = REFERAT.replace('07-12-2023', `0${n}-11-2023`).replace('havbriseprojektet', 'projektet');
  const two = await serviceOver(files);
  assert.equal((await spellingFindings(two, 'x.referat', REFERAT)).length, 1, 'kvartersløftet is in three files, havbriseprojektet in one');
  files['arkiv/3.referat'] = REFERAT.replace('07-12-2023', '03-11-2023');
  files['arkiv/4.referat'] = REFERAT.replace('07-12-2023', '04-11-2023');
  const three = await serviceOver(files);
  const left = await spellingFindings(three, 'x.referat', REFERAT);
  assert.deepEqual(
    left.map((d) => d.range.start.character),
    [],
    'havbriseprojektet is now in three referater too',
  );
});

test('the quick fix adds the word to referat.yaml without touching its comments or order, and the word is known at once', async () => {
  const yaml = '# Navne, som sekretariatet skriver hver uge\nudvalg:\n  - navn: Direktionen # ledelsen\n\nordliste:\n  - Havbrise # projektet\n\n# slut\n';
  const workspace = new MemoryWorkspace({ [`${ROOT}/x.referat`]: REFERAT, [`${ROOT}/referat.yaml`]: yaml });
  const service = createLanguageService({ workspace, locale: 'da', speller: () => loadSpeller() });
  service.setRoots([ROOT]);
  await service.indexed();
  await service.spellingReady();
  const doc = documentOf(`${ROOT}/x.referat`, REFERAT);
  const [first] = await spellingFindings(service, 'x.referat', REFERAT);
  assert.ok(first);
  const actions = await service.codeActions(doc, first.range, { personalWordList: true });
  const add = actions.find((a) => a.title === 'Tilføj "havbriseprojektet" til ordlisten (referat.yaml)');
  assert.ok(add, actions.map((a) => a.title).join(' | '));
  const edits = add.edit!.changes![`file://${ROOT}/referat.yaml`]!;
  const updated = applyEdits(yaml, edits);
  assert.equal(
    updated,
    '# Navne, som sekretariatet skriver hver uge\nudvalg:\n  - navn: Direktionen # ledelsen\n\nordliste:\n  - Havbrise # projektet\n  - havbriseprojektet\n\n# slut\n',
  );
  // The personal list is a command of the editor's.
  const personal = actions.find((a) => a.title === 'Tilføj "havbriseprojektet" til min ordliste');
  assert.deepEqual(personal?.command?.arguments, ['havbriseprojektet']);
  assert.ok(actions.some((a) => a.title.startsWith('Ret til')));

  workspace.write(`${ROOT}/referat.yaml`, updated);
  service.configChanged();
  const after = await spellingFindings(service, 'x.referat', REFERAT);
  assert.ok(!after.some((d) => d.range.start.line === first.range.start.line && d.range.start.character === first.range.start.character));
  service.setPersonalWords(['kvartersløftet']);
  assert.deepEqual(await spellingFindings(service, 'x.referat', REFERAT), []);
});

test('the rule says nothing until the dictionary is loaded, and can be switched off like every rule', async () => {
  const workspace = new MemoryWorkspace({ [`${ROOT}/x.referat`]: REFERAT });
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const service = createLanguageService({ workspace, locale: 'da', speller: async () => (await gate, loadSpeller()) });
  service.setRoots([ROOT]);
  let told = 0;
  service.onKnowledgeChanged(() => told++);
  assert.deepEqual(await spellingFindings(service, 'x.referat', REFERAT), []);
  release();
  await service.spellingReady();
  assert.ok(told > 0, 'the host is told to check open documents again');
  assert.equal((await spellingFindings(service, 'x.referat', REFERAT)).length, 2);
  service.setPersonalRules({ spelling: 'off' });
  assert.deepEqual(await spellingFindings(service, 'x.referat', REFERAT), []);
});
