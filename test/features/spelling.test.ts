import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction } from 'vscode-languageserver-types';
import { loadSpeller } from '../../server/src/node/speller';
import { createLanguageService, type ReferatLanguageService } from '../../server/src/service/languageService';
import { MemoryWorkspace } from '../../server/src/workspace/memoryWorkspace';
import { words } from '../../server/src/spelling/words';
import { parseReferat } from '../../server/src/core';
import { parseReferatYaml } from '../../server/src/config/referatYaml';
import { ordlisteInsertion } from '../../server/src/config/wordList';
import { MAX_SPELLING_NOTES } from '../../server/src/rules/writing';
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

async function serviceOver(files: Readonly<Record<string, string>>): Promise<ReferatLanguageService> {
  const workspace = new MemoryWorkspace(Object.fromEntries(Object.entries(files).map(([name, text]) => [`${ROOT}/${name}`, text])));
  const service = createLanguageService({ workspace, locale: 'da', speller: () => loadSpeller() });
  service.setRoots([ROOT]);
  await service.indexed();
  await service.spellingReady();
  return service;
}

const spellingFindings = async (service: ReferatLanguageService, name: string, text: string) =>
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

Deltagerkredsen drøftes på mødet med klimaskjoldsprojektet og klimaskjoldsløftet som udgangspunkt, sammen med Lemvigmodellen fra Havbrise.

Beslutning

Kredsen fastholdes, og udvalget ser på sagen igen med kvalitetsstandarderne.
`;

test("names the server knows are no misspellings, nor are the municipality's words in referat.yaml's ordliste", async () => {
  const without = await serviceOver({ 'x.referat': REFERAT });
  const flagged = (await spellingFindings(without, 'x.referat', REFERAT)).map((d) =>
    REFERAT.split('\n')[d.range.start.line]!.slice(d.range.start.character, d.range.end.character),
  );
  assert.deepEqual(flagged, ['klimaskjoldsprojektet', 'klimaskjoldsløftet']);
  const yaml = '# Kommunens egne ord\nordliste:\n  - klimaskjoldsprojektet # vores projekt\n  - klimaskjoldsløftet\n';
  const withList = await serviceOver({ 'x.referat': REFERAT, 'referat.yaml': yaml });
  assert.deepEqual(await spellingFindings(withList, 'x.referat', REFERAT), []);
});

test("a word in three referater of the archive is the municipality's own", async () => {
  const files: Record<string, string> = { 'x.referat': REFERAT };
  for (const n of [1, 2]) files[`arkiv/${n}.referat`] = REFERAT.replace('07-12-2023', `0${n}-11-2023`).replace('klimaskjoldsprojektet', 'projektet');
  const two = await serviceOver(files);
  assert.equal((await spellingFindings(two, 'x.referat', REFERAT)).length, 1, 'klimaskjoldsløftet is in three files, klimaskjoldsprojektet in one');
  files['arkiv/3.referat'] = REFERAT.replace('07-12-2023', '03-11-2023');
  files['arkiv/4.referat'] = REFERAT.replace('07-12-2023', '04-11-2023');
  const three = await serviceOver(files);
  const left = await spellingFindings(three, 'x.referat', REFERAT);
  assert.deepEqual(
    left.map((d) => d.range.start.character),
    [],
    'klimaskjoldsprojektet is now in three referater too',
  );
});

test('a file saved again and again is counted by the lines each save changed, and the archive knows what a fresh count knows', async () => {
  // The saved file gains and loses lines with the two words; one other file holds them too, x.referat is judged.
  const other = REFERAT.replace('07-12-2023', '01-11-2023');
  const start = REFERAT.replace('07-12-2023', '02-11-2023').replace(/klimaskjold\S*/g, 'tag');
  // Whole lines put in, taken out or replaced, as she edits; and stray characters across lines.
  const edit = fc.record({
    line: fc.nat(),
    remove: fc.nat({ max: 2 }),
    insert: fc.array(fc.constantFrom('', 'klimaskjoldsprojektet er godt.', 'Om klimaskjoldsløftet og klimaskjoldsløftet', 'x', 'Punkt 2: Nyt'), {
      maxLength: 2,
    }),
    stray: fc.option(fc.record({ at: fc.nat(), remove: fc.nat({ max: 6 }), insert: fc.constantFrom('', '\n', '\r\n', 'x') })),
  });
  await fc.assert(
    fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), async (edits) => {
      const files: Record<string, string> = { 'x.referat': REFERAT, 'arkiv/1.referat': other, 'arkiv/s.referat': start };
      const service = await serviceOver(files);
      const uri = `file://${ROOT}/arkiv/s.referat`;
      let text = start;
      for (const e of edits) {
        const lines = text.split('\n');
        const at = e.line % (lines.length + 1);
        lines.splice(at, e.remove, ...e.insert);
        text = lines.join('\n');
        if (e.stray) {
          const k = e.stray.at % (text.length + 1);
          text = text.slice(0, k) + e.stray.insert + text.slice(k + e.stray.remove);
        }
        await service.workspaceChanged([{ kind: 'changed', uri, text }]);
        await service.spellingReady();
        const fresh = await serviceOver({ ...files, 'arkiv/s.referat': text });
        assert.deepEqual(await spellingFindings(service, 'x.referat', REFERAT), await spellingFindings(fresh, 'x.referat', REFERAT));
        fresh.dispose();
      }
      service.dispose();
    }),
    { numRuns: 15 },
  );
});

test("a saved file's words are counted once saves pause, and within 2 s while they never do", async () => {
  // klimaskjoldsprojektet and klimaskjoldsløftet are in x.referat and arkiv/1.referat; saved into arkiv/s.referat they are in three, the archive's own.
  const other = REFERAT.replace('07-12-2023', '01-11-2023');
  const start = REFERAT.replace('07-12-2023', '02-11-2023').replace(/klimaskjold\S*/g, 'tag');
  const service = await serviceOver({ 'x.referat': REFERAT, 'arkiv/1.referat': other, 'arkiv/s.referat': start });
  const uri = `file://${ROOT}/arkiv/s.referat`;
  const known = async (): Promise<boolean> => (await spellingFindings(service, 'x.referat', REFERAT)).length === 0;
  const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
  try {
    assert.equal(await known(), false, "in two referater the word is not yet the archive's own");
    // A save every 50 ms for 4 s, each a new text with the word: never a pause of 250 ms.
    let countedAt: number | undefined;
    const began = Date.now();
    for (let i = 0; Date.now() - began < 4_000; i++) {
      await service.workspaceChanged([{ kind: 'changed', uri, text: `${start}\nOm klimaskjoldsprojektet og klimaskjoldsløftet, gemt ${i} gange.\n` }]);
      if (countedAt === undefined && (await known())) countedAt = Date.now() - began;
      await pause(50);
    }
    assert.ok(countedAt !== undefined, 'saves that never paused were not counted in 4 s');

    // A save that takes the word out again, then a pause: counted by the end of it.
    await service.workspaceChanged([{ kind: 'changed', uri, text: start }]);
    for (let waited = 0; waited < 3_000 && (await known()); waited += 50) await pause(50);
    assert.equal(await known(), false, 'a save followed by a pause was not counted in 3 s');
  } finally {
    service.dispose();
  }
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
  const add = actions.find((a) => a.title === 'Tilføj "klimaskjoldsprojektet" til ordlisten (referat.yaml)');
  assert.ok(add, actions.map((a) => a.title).join(' | '));
  const edits = add.edit!.changes![`file://${ROOT}/referat.yaml`]!;
  const updated = applyEdits(yaml, edits);
  assert.equal(
    updated,
    '# Navne, som sekretariatet skriver hver uge\nudvalg:\n  - navn: Direktionen # ledelsen\n\nordliste:\n  - Havbrise # projektet\n  - klimaskjoldsprojektet\n\n# slut\n',
  );
  // The personal list is a command of the editor's.
  const personal = actions.find((a) => a.title === 'Tilføj "klimaskjoldsprojektet" til min ordliste');
  assert.deepEqual(personal?.command?.arguments, ['klimaskjoldsprojektet']);
  assert.ok(actions.some((a) => a.title.startsWith('Ret til')));

  workspace.write(`${ROOT}/referat.yaml`, updated);
  await service.workspaceChanged([{ kind: 'changed', uri: `file://${ROOT}/referat.yaml` }]);
  const after = await spellingFindings(service, 'x.referat', REFERAT);
  assert.ok(!after.some((d) => d.range.start.line === first.range.start.line && d.range.start.character === first.range.start.character));
  service.setPersonalWords(['klimaskjoldsløftet']);
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

test("a save that brings a meeting whose names are all known keeps the spell check's knowledge; a new name makes it anew and is known", async () => {
  const real = await loadSpeller();
  // Each knowledge compiles the house's words into a speller of its own: counted, that says when one is made.
  let made = 0;
  const counting = {
    correct: (w: string) => real.correct(w),
    suggest: (w: string, max?: number) => real.suggest(w, max),
    withWords: (list: Parameters<NonNullable<typeof real.withWords>>[0]) => (made++, real.withWords!(list)),
  };
  const attended = (who: string, day: string): string => REFERAT.replace('d. 07-12-2023', `d. ${day}`).replace('Mødested', `Mødedeltagere ${who}\n\nMødested`);
  const workspace = new MemoryWorkspace({ [`${ROOT}/a.referat`]: attended('Erik Flyvholm, Mads Bruun Kirk', '30-11-2023') });
  const service = createLanguageService({ workspace, locale: 'da', speller: () => Promise.resolve(counting) });
  service.setRoots([ROOT]);
  await service.indexed();
  await service.spellingReady();
  const open = attended('Erik Flyvholm, Mads Bruun Kirk', '07-12-2023');
  const first = await spellingFindings(service, 'x.referat', open);
  const before = made;
  assert.ok(before > 0);
  // Another meeting of the same people, saved: the archive changed, the names it knows did not.
  await service.workspaceChanged([{ kind: 'changed', uri: `file://${ROOT}/b.referat`, text: attended('Mads Bruun Kirk, Erik Flyvholm', '14-12-2023') }]);
  assert.deepEqual(await spellingFindings(service, 'x.referat', open), first);
  assert.equal(made, before, 'a knowledge was made again for the same names');
  // A meeting with someone new: the name is known from then on, in every open referat.
  await service.workspaceChanged([{ kind: 'changed', uri: `file://${ROOT}/c.referat`, text: attended('Bent Klimaskjoldsløftet', '21-12-2023') }]);
  const after = await spellingFindings(service, 'x.referat', open);
  assert.equal(made, before + 1);
  assert.deepEqual(
    after.map((d) => open.split('\n')[d.range.start.line]!.slice(d.range.start.character, d.range.end.character)),
    ['klimaskjoldsprojektet'],
  );
  service.dispose();
});

// --- the first week (issue 21): inflections of the house's words, compounds, abbreviations, one note a word, fixes at one word ---

/** A referat whose punkt 1 holds these lines of Sagsfremstilling. */
const withProse = (...lines: string[]): string => REFERAT.replace(/Deltagerkredsen drøftes på mødet[^\n]*\n/u, `${lines.join('\n')}\n`);

const flaggedWords = async (service: ReferatLanguageService, text: string, name = 'x.referat'): Promise<string[]> =>
  (await spellingFindings(service, name, text)).map((d) => text.split('\n')[d.range.start.line]!.slice(d.range.start.character, d.range.end.character));

test('a bare word of the ordliste accepts its inflections, by the affix rules of a dictionary word like it, while a typo on the same line is flagged', async () => {
  const text = withProse('Mindreforbruget er opgjort, og mindreforbrugene fordeles som mindreforbrug i beslutingen.');
  const without = await serviceOver({ 'x.referat': text });
  assert.deepEqual(await flaggedWords(without, text), ['mindreforbrugene', 'beslutingen']);
  const yaml = 'ordliste:\n  - mindreforbrug\n';
  const withList = await serviceOver({ 'x.referat': text, 'referat.yaml': yaml });
  assert.deepEqual(await flaggedWords(withList, text), ['beslutingen']);
  // Her own word list works the same way.
  without.setPersonalWords(['mindreforbrug']);
  assert.deepEqual(await flaggedWords(without, text), ['beslutingen']);
});

test('referat.yaml may give the model word where the guess is wrong: `- word: model`, its mistakes at their line and column', async () => {
  const text = withProse('Klimaskjoldsprojektet og klimaskjoldsprojekterne er på plads, og klimaskjoldsløftet fortsætter.');
  // Guessed: `klimaskjoldsprojektet` ends in no stem of the dictionary, so only the word as written is known.
  const guessed = await serviceOver({ 'x.referat': text, 'referat.yaml': 'ordliste:\n  - klimaskjoldsprojektet\n' });
  assert.deepEqual(await flaggedWords(guessed, text), ['klimaskjoldsprojekterne', 'klimaskjoldsløftet']);
  const given = await serviceOver({ 'x.referat': text, 'referat.yaml': 'ordliste:\n  - klimaskjold: skjold\n' });
  assert.deepEqual(await flaggedWords(given, text), []);

  const { config, problems } = parseReferatYaml(
    'ordliste:\n  - klimaskjold: skjold\n  - havbrise: [brise]\n  - kvarter: to ord\n  - a: b\n    c: d\n  - bovbjerg\n',
  );
  assert.deepEqual(config.ordliste, ['klimaskjold', 'kvarter', 'bovbjerg']);
  assert.deepEqual([...(config.ordlisteModeller ?? new Map())], [['klimaskjold', 'skjold']]);
  assert.deepEqual(
    problems.map((p) => [p.range.start.line, p.range.start.character, p.message.en]),
    [
      [2, 14, 'A dictionary word it inflects like (e.g. forbrug) belongs here.'],
      [3, 13, '"to ord" is not one word: the model is the dictionary word "kvarter" inflects like, e.g. forbrug.'],
      [4, 4, 'A word with a model is written "- mindreforbrug: forbrug": the word, a colon and the dictionary word it inflects like.'],
    ],
  );
  // The quick fix does not add a word the list already has with its model.
  assert.equal(ordlisteInsertion('ordliste:\n  - klimaskjold: skjold\n', 'Klimaskjold'), undefined);
});

test('compounds of known words pass with or without a linking -s-, inflected; real typos beside them are flagged', async () => {
  const text = withProse(
    'Milepælsplan for projektet: milepælsplanen følges, og milepælsplanen justeres i tidsplanenn.',
    'Oplysninger om cpr-nr., cvr-nr. og j.nr. gives iht. pkt. 3, jf. stk. 2, bl.a. til kr. 2 mio. inkl. moms, ekskl. gebyr, evt. ca. en uge vedr. sagsnr. 12, m.fl. mv. pga. beslutingen.',
  );
  const service = await serviceOver({ 'x.referat': text });
  assert.deepEqual(await flaggedWords(service, text), ['tidsplanenn', 'beslutingen']);
});

test('one note per unknown word per punkt, and at most 300 spelling notes in a document', async () => {
  const text = withProse('Beslutingen og beslutingen, igen beslutingen og tidsplanenn.');
  const service = await serviceOver({ 'x.referat': text });
  assert.deepEqual(await flaggedWords(service, text), ['Beslutingen', 'tidsplanenn']);
  // Another punkt notes the word again.
  const two = `${text}\nPunkt 2: Eventuelt\n\nSagsfremstilling\n\nIgen beslutingen.\n\nBeslutning\n\nIntet.\n`;
  assert.deepEqual(await flaggedWords(await serviceOver({ 'x.referat': two }), two), ['Beslutingen', 'tidsplanenn', 'beslutingen']);
  // 400 distinct unknown words: 300 notes, and the error of the document still said.
  const typos = Array.from({ length: 400 }, (_, i) => `qzx${'abcdefghijklmnopqrstuvwxyz'[i % 26]}${'abcdefghijklmnopqrstuvwxyz'[Math.floor(i / 26) % 26]}v`);
  const big = withProse(...typos.map((w) => `Sagen om ${w} drøftes.`)).replace(
    'Kredsen fastholdes, og udvalget ser på sagen igen med kvalitetsstandarderne.',
    '',
  );
  const bigService = await serviceOver({ 'x.referat': big });
  const all = await bigService.findings(documentOf(`${ROOT}/x.referat`, big));
  const notes = all.filter((d) => d.code === 'spelling');
  assert.equal(notes.length, MAX_SPELLING_NOTES);
  // The last one says there are more further down; the others say only their word.
  assert.match(
    notes[notes.length - 1]!.message,
    /står ikke i den danske ordbog\. Der er flere ukendte ord længere nede: stavekontrollen viser højst 300 noter/,
  );
  assert.ok(notes.slice(0, -1).every((d) => !d.message.includes('flere ukendte ord')));
  // Exactly at the cap, nothing more is said.
  const exactly = withProse(...typos.slice(0, MAX_SPELLING_NOTES).map((w) => `Sagen om ${w} drøftes.`));
  const atCap = (await (await serviceOver({ 'x.referat': exactly })).findings(documentOf(`${ROOT}/x.referat`, exactly))).filter((d) => d.code === 'spelling');
  assert.equal(atCap.length, MAX_SPELLING_NOTES);
  assert.ok(atCap.every((d) => !d.message.includes('flere ukendte ord')));
  assert.ok(
    all.some((d) => d.code === 'missing-beslutning'),
    all.map((d) => d.code).join(', '),
  );
});

test('a quick fix asked for at one misspelt word changes that word only', async () => {
  const text = withProse('Vi ser på tidsplanenn og på beslutingen igen.');
  const service = await serviceOver({ 'x.referat': text });
  const doc = documentOf(`${ROOT}/x.referat`, text);
  const found = await spellingFindings(service, 'x.referat', text);
  assert.equal(found.length, 2);
  const [plan, decision] = found as [(typeof found)[0], (typeof found)[0]];
  const edited = (actions: CodeAction[]) =>
    actions.flatMap((a) => Object.values(a.edit?.changes ?? {}).flat()).filter((e) => e.range.start.line === plan.range.start.line);
  // Asked at tidsplanenn, with only its finding in the context: every edit is tidsplanenn's range.
  const atPlan = await service.codeActions(doc, plan.range, { diagnostics: [plan] });
  assert.ok(edited(atPlan).length > 0);
  for (const e of edited(atPlan)) assert.deepEqual(e.range, plan.range);
  assert.ok(
    atPlan.some((a) => a.title === 'Ret til "tidsplanen"'),
    atPlan.map((a) => a.title).join(' | '),
  );
  assert.ok(!atPlan.some((a) => a.title.includes('beslutningen')));
  // A cursor inside beslutingen (an empty range), as Ctrl+. asks: beslutingen's fixes only.
  const cursor = { line: decision.range.start.line, character: decision.range.start.character + 3 };
  const atDecision = await service.codeActions(doc, { start: cursor, end: cursor }, { diagnostics: [decision] });
  assert.ok(edited(atDecision).length > 0);
  for (const e of edited(atDecision)) assert.deepEqual(e.range, decision.range);
  // The same without a context (another editor): the range alone decides.
  const bare = await service.codeActions(doc, { start: cursor, end: cursor });
  for (const e of edited(bare)) assert.deepEqual(e.range, decision.range);
  // Between the words, nothing of either.
  const between = { line: plan.range.start.line, character: plan.range.end.character + 2 };
  assert.deepEqual(edited(await service.codeActions(doc, { start: between, end: between })), []);
});
