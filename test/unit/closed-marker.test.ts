import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReferat, parseReferat } from '../../server/src/core';
import { repoRoot, rulesDir } from '../helpers';

/*
 * A closed punkt's marker in every dialect: set off by anything, the punkt reads closed; before a
 * word with no colon, it is the error closed-marker on the punkt's heading. On each dialect's clean
 * cut, whose first open punkt's title is written so.
 */

const dialects = join(repoRoot, 'test/fixtures/dialects/rules');
const cuts = [
  ...['acadre', 'edoc', 'edoc-fujitsu', 'first-agenda-page', 'first-agenda-pdf', 'getorganized', 'getorganized-publication', 'greve', 'sbsys-edagsorden'].map(
    (d) => join(dialects, d, 'ok.referat'),
  ),
  join(rulesDir, 'base.ok.referat'),
];

for (const file of cuts) {
  const name = file.slice(repoRoot.length + 1);
  test(`closed-marker in ${name}: 'Lukket - …' reads closed, 'Lukket …' is an error on its heading`, () => {
    const text = readFileSync(file, 'utf8');
    const before = parseReferat(text);
    assert.deepEqual(
      checkReferat(before).filter((d) => d.code === 'closed-marker'),
      [],
    );
    const at = before.punkter.findIndex((p) => !p.closed && p.title.length > 0);
    assert.ok(at >= 0, 'an open punkt with a title');
    const p = before.punkter[at]!;
    const lines = text.split('\n');
    const line = lines[p.titleRange.start.line]!;
    const start = line.indexOf(p.title);
    assert.ok(start >= 0, `the title stands on its heading line: ${line}`);
    const written = (marker: string): string =>
      lines.map((l, i) => (i === p.titleRange.start.line ? `${l.slice(0, start)}${marker}${l.slice(start)}` : l)).join('\n');
    const dashed = parseReferat(written('Lukket - '));
    assert.equal(dashed.dialect.id, before.dialect.id);
    assert.equal(dashed.punkter[at]?.closed, true, 'Lukket - reads closed');
    const bare = parseReferat(written('Lukket '));
    assert.equal(bare.punkter[at]?.closed, false);
    assert.deepEqual(
      checkReferat(bare)
        .filter((d) => d.code === 'closed-marker')
        .map((d) => [d.severity, d.range.start.line]),
      [['error', p.titleRange.start.line]],
    );
  });
}

/** A closed marker written as no marker is read: each is an error on the punkt's title, in every dialect. */
const MARKED_TITLES: readonly ((title: string) => string)[] = [
  (t) => `${t} (lukket møde)`,
  (t) => `${t} ( lukket )`,
  (t) => `${t} (lukkede)`,
  (t) => `${t} - lukket`,
  (t) => `${t}, lukket`,
  (t) => `[Lukket] ${t}`,
  (t) => `_Lukket:_ ${t}`,
  (t) => `"Lukket" ${t}`,
  (t) => `Lukkede punkter: ${t}`,
  (t) => `Lukket/${t}`,
  (t) => `Fortroligt: ${t}`,
  (t) => `Lukkket: ${t}`,
  (t) => `Lukke: ${t}`,
  (t) => `Luk\u00adket: ${t}`,
  (t) => `Lu\u043aket: ${t}`,
  // Other words for closed: not public, not open to the public.
  (t) => `Fortroligt punkt: ${t}`,
  (t) => `Fortrolig sag om ${t}`,
  (t) => `Ikke offentligt: ${t}`,
  (t) => `Ikke-offentlig: ${t}`,
  (t) => `${t} (ikke offentlig)`,
  (t) => `${t} - ikke offentligt`,
  (t) => `Ikke offentligt punkt - ${t}`,
  (t) => `Undtaget offentlighed: ${t}`,
  // Last, set off by any mark a title uses: a full stop, a bar, a dot, an exclamation; with `punkt` after it.
  (t) => `${t}. Lukket`,
  (t) => `${t}. LUKKET`,
  (t) => `${t} – lukket punkt`,
  (t) => `${t}. Lukket punkt`,
  (t) => `${t}. Fortroligt`,
  (t) => `${t}. Ikke offentligt`,
  (t) => `${t} | Lukket`,
  (t) => `${t} · Lukket`,
  (t) => `${t}. Lukket!`,
  (t) => `Lukket! ${t}`,
  (t) => `Lukket? ${t}`,
];
/** Titles about closing something, which are open punkter. */
const OPEN_TITLES: readonly ((title: string) => string)[] = [
  (t) => `Lukning af ${t}`,
  (t) => `Forslag om at lukke ${t}`,
  (t) => `${t} er lukket`,
  (t) => `Udelukkelse fra ${t}`,
  // Titles about what is not public, or about confidentiality, which are open punkter.
  (t) => `${t} på ikke offentlige veje`,
  (t) => `Ikke offentlige veje - ${t}`,
  (t) => `Fortrolighedserklæring for ${t}`,
  (t) => `Fortrolig sagsbehandling i ${t}`,
  (t) => `${t}. Svømmehallen er lukket`,
  (t) => `${t} - lukket vej genåbnes`,
];

for (const file of cuts) {
  const name = file.slice(repoRoot.length + 1);
  test(`closed-marker in ${name}: a marker written as no marker is read is an error on the title; a title about closing is not`, () => {
    const text = readFileSync(file, 'utf8');
    const before = parseReferat(text);
    const at = before.punkter.findIndex((p) => !p.closed && p.title.length > 0);
    const p = before.punkter[at]!;
    const lines = text.split('\n');
    const line = lines[p.titleRange.start.line]!;
    const start = line.indexOf(p.title);
    const written = (title: string): string =>
      lines.map((l, i) => (i === p.titleRange.start.line ? `${l.slice(0, start)}${title}${l.slice(start + p.title.length)}` : l)).join('\n');
    for (const write of MARKED_TITLES) {
      const title = write(p.title);
      const after = parseReferat(written(title));
      if (after.punkter[at]?.closed) continue;
      assert.deepEqual(
        checkReferat(after)
          .filter((d) => d.code === 'closed-marker')
          .map((d) => [d.severity, d.range.start.line]),
        [['error', p.titleRange.start.line]],
        title,
      );
    }
    for (const write of OPEN_TITLES) {
      const title = write(p.title);
      assert.deepEqual(
        checkReferat(parseReferat(written(title))).filter((d) => d.code === 'closed-marker'),
        [],
        title,
      );
    }
  });
}

test("closed-marker: a line shaped like a closed punkt's heading that is no heading is an error on its line, however it is written", () => {
  const text = readFileSync(join(rulesDir, 'base.ok.referat'), 'utf8');
  const lines = text.split('\n');
  const referat = parseReferat(text);
  const open = referat.punkter.find((p) => !p.closed && p.sections.length > 0)!;
  const at = open.sections[0]!.headingRange.start.line + 1;
  for (const heading of [
    'Punkt 9 - Lukket: Personalesag',
    'Pkt. 9: Lukket: Personalesag',
    'Punkt9: Lukket: Personalesag',
    'Punkt nr. 9: Lukket: Personalesag',
    'PUNKT 9: LUKKET: PERSONALESAG',
    '9. Lukket: Personalesag',
    'Punkt 9: Ikke offentligt: Personalesag',
    'Punkt 9 - Fortroligt: Personalesag',
    'Punkt 9\uff1a Lukket: Personalesag',
    'Pun\u200bkt 9: Lukket: Personalesag',
    'Sagen er afsluttet.\u2028Punkt 9: Lukket: Personalesag',
    'Sagen er afsluttet.\fPunkt 9: Lukket: Personalesag',
  ]) {
    const changed = [...lines.slice(0, at), heading, 'HEMMELIG tekst.', ...lines.slice(at)].join('\n');
    const found = checkReferat(parseReferat(changed)).filter((d) => d.code === 'closed-marker');
    assert.deepEqual(
      found.map((d) => [d.severity, d.range.start.line]),
      [['error', at]],
      JSON.stringify(heading),
    );
  }
  // A list of the meeting's items that names one as closed, in a sentence, is text.
  for (const line of ['Punkt 9 blev behandlet som lukket punkt.', '3. lukkede afdelinger er nævnt i bilaget.']) {
    const changed = [...lines.slice(0, at), line, ...lines.slice(at)].join('\n');
    assert.deepEqual(
      checkReferat(parseReferat(changed)).filter((d) => d.code === 'closed-marker'),
      [],
      line,
    );
  }
});

test("closed-marker's fix of a lookalike heading keeps its title, and the text before a break inside the line", () => {
  const text = readFileSync(join(rulesDir, 'base.ok.referat'), 'utf8');
  const lines = text.split('\n');
  const open = parseReferat(text).punkter.find((p) => !p.closed && p.sections.length > 0)!;
  const at = open.sections[0]!.headingRange.start.line + 1;
  for (const [written, fixed] of [
    ['Pkt. 9: Lukket: Personalesag', 'Punkt 9: Lukket: Personalesag'],
    ['PUNKT 9 - LUKKET: **Personalesag**', 'Punkt 9: Lukket: Personalesag'],
    ['Sagen er afsluttet.\u2028Punkt 9: Lukket: Personalesag', 'Sagen er afsluttet.\nPunkt 9: Lukket: Personalesag'],
  ] as const) {
    const changed = [...lines.slice(0, at), written, 'HEMMELIG tekst.', ...lines.slice(at)].join('\n');
    const d = checkReferat(parseReferat(changed)).find((x) => x.code === 'closed-marker');
    assert.ok(d, written);
    assert.deepEqual(
      d.fixes.map((f) => f.edits[0]!.newText),
      [fixed],
      written,
    );
  }
  // A marker written with a look-alike letter: the error stands, and no fix guesses at the title.
  const cyrillic = [...lines.slice(0, at), 'Pkt. 9: Lu\u043aket: Personalesag', ...lines.slice(at)].join('\n');
  const d = checkReferat(parseReferat(cyrillic)).find((x) => x.code === 'closed-marker');
  assert.ok(d);
  assert.deepEqual(d.fixes, []);
});

for (const file of cuts) {
  const name = file.slice(repoRoot.length + 1);
  test(`punkt-after-approval in ${name}: a punkt heading under an addition is an error on its line; the addition's text alone is none`, () => {
    const text = readFileSync(file, 'utf8').replace(/\n*$/, '\n');
    const approval = [
      '',
      'Godkendelse',
      '',
      'Godkendt af: Anna Holm',
      'Dato: 2024-01-10',
      'Segl: v1 a:IMXutmwePNw0 h:cwFfIk5keL9o',
      '',
      'Tilføjelse',
      '',
      'Rettelse af en stavefejl.',
    ];
    const plain = `${text}${approval.join('\n')}\n`;
    assert.deepEqual(
      checkReferat(parseReferat(plain)).filter((d) => d.code === 'punkt-after-approval'),
      [],
    );
    const withPunkt = `${plain}\nPunkt 99: Lukket: Personalesag\n\nHEMMELIG tekst.\n`;
    const at = withPunkt.split('\n').indexOf('Punkt 99: Lukket: Personalesag');
    assert.deepEqual(
      checkReferat(parseReferat(withPunkt))
        .filter((d) => d.code === 'punkt-after-approval')
        .map((d) => [d.severity, d.range.start.line]),
      [['error', at]],
    );
  });
}
