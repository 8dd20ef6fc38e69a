import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReferat } from '../../server/src/core';
import { dialectById } from '../../server/src/dialect/dialects';
import { todaysDecision } from '../../server/src/model/decision';
import { isGroupHeading } from '../../server/src/model/numbering';
import { corpusFiles, repoRoot } from '../helpers';
import { documentOf, ROOT, serviceWith } from './helpers';

/*
 * Dagsorden → referat: a dagsorden is made from a real referat (its title's word changed, this
 * meeting's decisions taken out), and create-referat must give back the referat's form: the
 * title, an empty decision where the dialect writes it, every word of the dagsorden kept.
 */

/** The dagsorden a referat was made from: `DAGSORDEN` in the title, this meeting's decisions removed. */
function dagsordenOf(referatText: string, dialect?: string): string {
  const r = parseReferat(referatText, dialect ? dialectById(dialect) : undefined);
  const lines = referatText.split('\n');
  const drop = new Set<number>();
  for (const p of r.punkter) {
    if (p.closed) continue;
    for (const s of todaysDecision(p).sections) for (let l = s.headingRange.start.line; l <= s.range.end.line; l++) drop.add(l);
  }
  const title = r.header.title!;
  const line = lines[title.range.start.line]!;
  lines[title.range.start.line] = line.replace(title.word, title.word === 'REFERAT' ? 'DAGSORDEN' : 'Dagsorden');
  return lines.filter((_, i) => !drop.has(i)).join('\n');
}

const words = (text: string): string[] =>
  text
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .sort();

/** Every word of `a` is in `b` as often (the title's word aside). */
function keepsEveryWord(dagsorden: string, referat: string): void {
  const have = new Map<string, number>();
  for (const w of words(referat)) have.set(w, (have.get(w) ?? 0) + 1);
  const lost: string[] = [];
  for (const w of words(dagsorden)) {
    if (/^dagsorden$/i.test(w)) continue;
    const n = have.get(w) ?? 0;
    if (n === 0) lost.push(w);
    else have.set(w, n - 1);
  }
  assert.deepEqual(lost, [], 'words of the dagsorden missing from the referat');
}

async function create(text: string, files: Record<string, string> = {}, name = 'dagsorden.referat') {
  const service = await serviceWith({ ...files, [name]: text });
  return { service, created: await service.createReferat(documentOf(`${ROOT}/${name}`, text)) };
}

for (const { name, text } of corpusFiles()) {
  test(`${name}: made into a dagsorden and back, the referat has its title, a Beslutning on every open punkt and every word`, async () => {
    const dagsorden = dagsordenOf(text);
    // A dagsorden is not told that its decisions are missing.
    const asAgenda = await (await serviceWith()).findings(documentOf(`${ROOT}/d.referat`, dagsorden));
    assert.deepEqual(
      asAgenda.map((d) => d.code),
      [],
    );

    const { service, created } = await create(dagsorden);
    assert.ok(created.ok);
    const r = parseReferat(created.text);
    assert.equal(r.kind, 'referat');
    assert.equal(r.header.title?.word, 'REFERAT');
    const open = r.punkter.filter((p) => !p.closed);
    assert.equal(created.decisions, open.length);
    for (const p of open) {
      const decision = todaysDecision(p);
      assert.equal(decision.sections.length, 1, `punkt ${p.number} has one decision`);
      // Lemvig writes the decision before Bilag.
      const kinds = p.sections.map((s) => s.kind);
      if (kinds.includes('bilag')) assert.ok(kinds.indexOf('beslutning') < kinds.indexOf('bilag'), `punkt ${p.number}: ${kinds.join(', ')}`);
    }
    keepsEveryWord(dagsorden, created.text);

    // The cursor stands on the empty line of the first decision.
    const first = todaysDecision(open[0]!).sections[0]!;
    assert.ok(created.cursor.line > first.headingRange.start.line && created.cursor.line <= first.headingRange.start.line + 2);
    assert.equal(created.text.split('\n')[created.cursor.line], '');

    // What is left to do is writing the decisions.
    const left = await service.findings(documentOf(`${ROOT}/r.referat`, created.text));
    assert.deepEqual([...new Set(left.map((d) => d.code))], ['missing-beslutning']);
  });
}

const DIALECT_PLACES: Record<string, 'first' | 'before-bilag' | 'last'> = {
  'first-agenda-pdf': 'first',
  'first-agenda-page': 'first',
  greve: 'first',
  edoc: 'last',
  'sbsys-edagsorden': 'last',
  acadre: 'before-bilag',
  'edoc-fujitsu': 'last',
  'getorganized-publication': 'last',
  getorganized: 'last',
};

for (const [dialect, place] of Object.entries(DIALECT_PLACES)) {
  test(`${dialect}: the decision is written in the dialect's form and place (${place})`, async () => {
    const referat = readFileSync(join(repoRoot, 'test/fixtures/dialects/rules', dialect, 'ok.referat'), 'utf8');
    const dagsorden = dagsordenOf(referat, dialect);
    const { created } = await create(dagsorden, { 'referat.yaml': `dialekt: ${dialect}\n` });
    assert.ok(created.ok, JSON.stringify(created));
    const r = parseReferat(created.text, dialectById(dialect));
    assert.equal(r.kind, 'referat');
    // A group heading with nothing of its own (`1  First Agenda` above `1.1  …`) has its decisions in its sub-items.
    for (const p of r.punkter.filter((x) => !x.closed && !/^underskrift/i.test(x.title) && !isGroupHeading(r, x))) {
      const decision = todaysDecision(p).sections;
      assert.equal(decision.length, 1, `punkt ${p.number}: ${p.sections.map((s) => s.title).join(' | ')}`);
      const at = p.sections.indexOf(decision[0]!);
      const today = p.sections.filter((s) => s.kind !== 'tidligereBeslutning' && s.kind !== 'sagsforloeb');
      if (place === 'first') assert.equal(at, 0, `punkt ${p.number}: ${p.sections.map((s) => s.title).join(' | ')}`);
      if (place === 'last') assert.equal(at, p.sections.length - 1, `punkt ${p.number}`);
      if (place === 'before-bilag' && today.some((s) => s.kind === 'bilag'))
        assert.equal(p.sections[at + 1]?.kind, 'bilag', `punkt ${p.number}: ${p.sections.map((s) => s.title).join(' | ')}`);
    }
    keepsEveryWord(dagsorden, created.text);
  });
}

test('eDoc and Acadre date the new decision heading with the meeting, as their referater do', async () => {
  const edoc = dagsordenOf(readFileSync(join(repoRoot, 'test/fixtures/dialects/rules/edoc/ok.referat'), 'utf8'), 'edoc');
  const made = (await create(edoc, { 'referat.yaml': 'dialekt: edoc\n' })).created;
  assert.ok(made.ok);
  assert.match(made.text, /\nSundheds- og Forebyggelsesudvalgets beslutning den 04\.12\.2012 Punkt 2\n/);
  const acadre = dagsordenOf(readFileSync(join(repoRoot, 'test/fixtures/dialects/rules/acadre/ok.referat'), 'utf8'), 'acadre');
  const made2 = (await create(acadre, { 'referat.yaml': 'dialekt: acadre\n' })).created;
  assert.ok(made2.ok);
  assert.match(made2.text, /\nBeslutning i Udvalget for plan, udvikling og kultur \(PUK\) den 20-06-2013\n/);
});

test("the header gets the attendance lines, with the body's members from referat.yaml", async () => {
  const dagsorden = dagsordenOf(corpusFiles().find((c) => c.name.includes('2023-12-07'))!.text);
  const { created } = await create(dagsorden, {
    'referat.yaml': 'udvalg:\n  - navn: Direktionen\n    medlemmer: [Claus Borg, Lars Borst Hansen]\n',
  });
  assert.ok(created.ok);
  assert.match(created.text, /\nMødested Udvalgsværelse 1, Lemvig Rådhus\n\nMødedeltagere Claus Borg, Lars Borst Hansen\n\nAfbud\n/);
});

test('a referat or a document without a title is not made into a referat', async () => {
  const referat = corpusFiles()[0]!.text;
  const made = (await create(referat)).created;
  assert.ok(!made.ok);
  assert.match(made.problem.da, /ikke en dagsorden/);
  const untitled = (await create('Punkt 1: Noget\n')).created;
  assert.ok(!untitled.ok);
});

test('the test fixtures hold every dialect this test makes a dagsorden of', () => {
  const dirs = readdirSync(join(repoRoot, 'test/fixtures/dialects/rules')).filter((d) => !d.endsWith('.json'));
  assert.deepEqual(dirs.sort(), Object.keys(DIALECT_PLACES).sort());
});

test('a dagsorden that already prints empty decision headings keeps them, and the cursor goes to the first', async () => {
  const dagsorden = [
    'DAGSORDEN Direktionen d. 07-12-2023',
    '',
    'Mødedato Torsdag d. 07. december 2023 kl. 09:00',
    '',
    'Mødested Udvalgsværelse 1, Lemvig Rådhus',
    '',
    'Punkt 1: Deltagerkreds',
    '',
    '81.39.15G01-4-23',
    '',
    'Sagsfremstilling',
    '',
    'Kredsen drøftes.',
    '',
    'Beslutning',
    'Punkt 2: Eventuelt',
    '',
    '00.01.00I00-3-23',
    '',
    'Beslutning',
  ].join('\n');
  const { created } = await create(dagsorden);
  assert.ok(created.ok);
  // Both printed headings are hers to write.
  assert.equal(created.decisions, 2);
  const lines = created.text.split('\n');
  // Her line stands as the punkt's text stands under its headings: after a blank line, and one after it.
  assert.deepEqual(lines.slice(created.cursor.line - 2, created.cursor.line + 3), ['Beslutning', '', '', '', 'Punkt 2: Eventuelt']);
  assert.equal(lines.filter((l) => l === 'Beslutning').length, 2);
  keepsEveryWord(dagsorden, created.text);
});

test('a decision written after the punkt’s last line is set off from it by a blank line, as the system’s headings are, and the cursor is on the line under it', async () => {
  for (const dialect of ['edoc', 'sbsys-edagsorden']) {
    const dagsorden = dagsordenOf(readFileSync(join(repoRoot, 'test/fixtures/dialects/rules', dialect, 'ok.referat'), 'utf8'), dialect);
    const { created } = await create(dagsorden, { 'referat.yaml': `dialekt: ${dialect}\n` });
    assert.ok(created.ok);
    const lines = created.text.split('\n');
    let heading = created.cursor.line - 1;
    while (heading > 0 && lines[heading]!.trim() === '') heading--;
    assert.equal(lines[created.cursor.line], '', `${dialect}: she writes on an empty line`);
    assert.match(lines[heading]!, /[Bb]eslutning/, dialect);
    assert.equal(lines[heading - 1]!.trim(), '', `${dialect}: a blank line above "${lines[heading]}"`);
  }
});
