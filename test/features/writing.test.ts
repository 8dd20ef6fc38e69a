import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { lixBand, lixOf } from '../../server/src/spelling/lix';
import { at, BASE, documentOf, ROOT, serviceWith } from './helpers';

/*
 * The phrases of the house and readability: what a secretary writes every week offered where she
 * writes it, and the LIX of a section on its heading.
 */

async function labelsAt(marked: string, files: Record<string, string> = {}): Promise<CompletionItem[]> {
  const { text, position } = at(marked);
  const service = await serviceWith(files);
  const list = await service.completion(documentOf(`${ROOT}/ny.referat`, text), position, text.split('\n')[position.line]!);
  return list.items;
}

const EMPTY_DECISION = BASE.replace('Beslutning\n\nDeltagerkredsen fastholdes.', 'Beslutning\n\n‸');

test('in an empty decision: the decisions this body writes most often, from the archive, most frequent first', async () => {
  const archive: Record<string, string> = {};
  const decisions = ['Taget til efterretning.', 'Taget til efterretning.', 'Taget til efterretning.', 'Godkendt.', 'Godkendt.', 'En enkelt særlig beslutning.'];
  decisions.forEach((d, i) => {
    archive[`arkiv/${i}.referat`] = BASE.replace('07-12-2023', `0${i + 1}-11-2023`)
      .replace('Torsdag d. 07. december', `${['Onsdag', 'Torsdag', 'Fredag', 'Lørdag', 'Søndag', 'Mandag'][i]} d. 0${i + 1}. november`)
      .replace('Deltagerkredsen fastholdes.', d);
  });
  const items = await labelsAt(EMPTY_DECISION, archive);
  // The body's own first, by how often; then the standard decisions it has not written, always there;
  // then the one section that may follow the decision.
  assert.deepEqual(
    items.slice(0, 8).map((i) => i.label),
    ['Taget til efterretning.', 'Godkendt.', 'Indstillingen godkendt.', 'Orienteringen taget til efterretning.', 'Drøftet.', 'Anbefales.', 'Udsat.', 'Bilag'],
  );
  assert.match(items[0]!.detail ?? '', /skrevet 3 gange i Direktionen/);
  // A decision written once is no phrase of the house.
  assert.ok(!items.some((i) => i.label === 'En enkelt særlig beslutning.'));
});

test("the standard decisions answering the punkt's recommendation come first, and are there beside an archive that only wrote 'Intet.'", async () => {
  const archive: Record<string, string> = {};
  for (const [i, day] of [
    [1, 'Onsdag'],
    [2, 'Torsdag'],
  ] as const)
    archive[`arkiv/${i}.referat`] = BASE.replace('07-12-2023', `0${i}-11-2023`)
      .replace('Torsdag d. 07. december', `${day} d. 0${i}. november`)
      .replace('Deltagerkredsen fastholdes.', 'Intet.');
  const budget = EMPTY_DECISION.replace(
    'Beslutning\n\n‸',
    'Indstilling\n\nKommunaldirektøren indstiller,\n\n- At budgetforslaget godkendes.\n\nBeslutning\n\n‸',
  );
  assert.notEqual(budget, EMPTY_DECISION);
  const items = await labelsAt(budget, archive);
  assert.deepEqual(
    items.slice(0, 3).map((i) => i.label),
    ['Godkendt.', 'Indstillingen godkendt.', 'Intet.'],
  );
  for (const standard of ['Taget til efterretning.', 'Anbefales.', 'Udsat.'])
    assert.ok(
      items.some((i) => i.label === standard),
      standard,
    );
});

test("a decision the body writes under one punkt title ('Intet.' under Eventuelt) comes first there, and after the standard decisions elsewhere", async () => {
  const archive: Record<string, string> = {};
  for (const [i, day] of [
    [1, 'Onsdag'],
    [2, 'Torsdag'],
    [3, 'Fredag'],
  ] as const)
    archive[`arkiv/${i}.referat`] = BASE.replace('07-12-2023', `0${i}-11-2023`)
      .replace('Torsdag d. 07. december', `${day} d. 0${i}. november`)
      .replace('Punkt 1: Deltagerkreds, Lederforum', 'Punkt 1: Eventuelt')
      .replace('Deltagerkredsen fastholdes.', 'Intet.');
  const labels = async (title: string): Promise<string[]> =>
    (await labelsAt(EMPTY_DECISION.replace('Punkt 1: Deltagerkreds, Lederforum', `Punkt 1: ${title}`), archive)).map((i) => String(i.label));
  const eventuelt = await labels('Eventuelt');
  assert.equal(eventuelt[0], 'Intet.', eventuelt.join(', '));
  const budget = await labels('Budget 2025');
  const standards = ['Godkendt.', 'Taget til efterretning.', 'Udsat.'].map((d) => budget.indexOf(d));
  assert.ok(
    standards.every((k) => k >= 0 && k < budget.indexOf('Intet.')),
    budget.join(', '),
  );
});

test('without an archive, the usual decisions serve; typed letters are replaced', async () => {
  const items = await labelsAt(BASE.replace('Beslutning\n\nDeltagerkredsen fastholdes.', 'Beslutning\n\nTag‸'));
  const taget = items.find((i) => i.label === 'Taget til efterretning.');
  assert.ok(taget);
  assert.equal((taget.textEdit as TextEdit).range.start.character, 0);
  assert.ok(items.some((i) => i.label === 'Godkendt.'));
});

test('once the decision is written, the start of a line offers sections and punkter as before', async () => {
  const items = await labelsAt(`${BASE}\n‸`);
  assert.ok(!items.some((i) => i.label === 'Godkendt.'));
});

test('in a recommendation: the openings of its points, as a bullet and as snippets to fill', async () => {
  const marked = BASE.replace(
    'Beslutning\n',
    'Indstilling\n\nKommunaldirektøren indstiller,\n\n- At det besluttes om kriterierne fastholdes.\n- ‸\n\nBeslutning\n',
  );
  const items = await labelsAt(marked);
  const godkendes = items.find((i) => i.label === 'At … godkendes.');
  assert.ok(godkendes, items.map((i) => i.label).join(', '));
  assert.equal((godkendes.textEdit as TextEdit).newText, 'At ${1} godkendes.');
});

test('LIX: words per sentence plus the share of long words, in the usual bands', () => {
  const easy = lixOf(['Vi mødes i dag. Alle kom. Det gik godt.']);
  assert.equal(easy?.lix, 3);
  assert.equal(lixBand(easy.lix).da, 'meget let');
  const hard = lixOf([
    'Administrationsanalysens anbefalinger vedrørende organisationsudviklingen forudsætter implementeringsplaner, kompetenceudviklingsforløb og ressourceallokering på tværs af forvaltningsområderne.',
  ]);
  assert.ok(hard!.lix > 55, String(hard!.lix));
  assert.equal(lixBand(hard!.lix).da, 'meget svær');
  assert.equal(lixOf(['', '   ']), undefined);
});

test('hover on a section heading shows its LIX and band', async () => {
  const service = await serviceWith();
  const text = BASE.replace(
    /Sagsfremstilling\n\n[^\n]*\n/,
    'Sagsfremstilling\n\nDirektionen drøftede kriterierne for deltagerkredsen. Forslaget blev sendt til høring i lederforum, og svarene er samlet i bilaget.\n',
  );
  assert.notEqual(text, BASE);
  const line = text.split('\n').indexOf('Sagsfremstilling');
  const h = await service.hover(documentOf(`${ROOT}/x.referat`, text), { line, character: 3 });
  assert.match((h?.contents as MarkupContent).value, /LIX \d+ \((meget let|let|middel|svær|meget svær)\): \d+ ord i \d+ sætning/);
  // A decision of one word is too short to measure: no LIX of 101, very hard.
  const short = text.split('\n').indexOf('Beslutning');
  assert.equal(text.split('\n')[short + 2], 'Deltagerkredsen fastholdes.');
  const onShort = await service.hover(documentOf(`${ROOT}/x.referat`, text), { line: short, character: 3 });
  assert.ok(onShort);
  assert.doesNotMatch((onShort.contents as MarkupContent).value, /LIX/);
});

test("the rule lix is off until switched on, then flags a Sagsfremstilling above referat.yaml's limit", async () => {
  const heavy = BASE.replace(
    /Sagsfremstilling\n\n[^\n]*\n/,
    'Sagsfremstilling\n\nAdministrationsanalysens anbefalinger vedrørende organisationsudviklingen forudsætter implementeringsplaner, kompetenceudviklingsforløb og ressourceallokering på tværs af forvaltningsområderne.\n',
  );
  const off = await serviceWith({ 'x.referat': heavy });
  assert.ok(!(await off.findings(documentOf(`${ROOT}/x.referat`, heavy))).some((d) => d.code === 'lix'));
  const on = await serviceWith({ 'x.referat': heavy, 'referat.yaml': 'lix: 45\nregler:\n  lix: warning\n' });
  const found = (await on.findings(documentOf(`${ROOT}/x.referat`, heavy))).filter((d) => d.code === 'lix');
  assert.equal(found.length, 1);
  assert.equal(found[0]!.range.start.line, heavy.split('\n').indexOf('Sagsfremstilling'));
  assert.match(found[0]!.message, /har LIX \d+ \(meget svær\); grænsen er 45/);
});

/** The edits Enter makes at the cursor, the line before it typed and the cursor on the new line. */
async function enterAt(marked: string): Promise<string[]> {
  const { text, position } = at(marked);
  const service = await serviceWith();
  return service.onEnter(documentOf(`${ROOT}/enter.referat`, text), position).map((e) => e.newText);
}

test("Enter numbers a numbered list's next item, but not after a sentence that begins with a date, nor after a punkt's heading", async () => {
  const intro = BASE.replace('Deltagerkredsen fastholdes.', 'Deltagerkredsen fastholdes.\n\nIndhold:');
  assert.deepEqual(await enterAt(intro.replace('Indhold:', 'Indhold:\n1. Først\n‸')), ['2. ']);
  assert.deepEqual(await enterAt(intro.replace('Indhold:', 'Indhold:\n1. Først\n2. Dernæst\n‸')), ['3. ']);
  // Typed in an imported eDoc referat: no `31. ` under a sentence about 30 November.
  assert.deepEqual(await enterAt(intro.replace('Indhold:', '30. november 2022 vedtages 14 nye strategier.\n‸')), []);
  assert.deepEqual(await enterAt(intro.replace('Indhold:', '1. januar træder planen i kraft.\n‸')), []);
  // A number with no item before it is no list.
  assert.deepEqual(await enterAt(intro.replace('Indhold:', '14 dage efter:\n\n7. Udvalget orienteres.\n‸')), []);
  // eDoc's punkt heading `1.   Meddelelser` is a heading, not a list's first item.
  const edoc = 'Referat\n\nSundheds- og Forebyggelsesudvalget\ntirsdag den 4. december 2012, kl. 13:00\n\n1.   Meddelelser\n‸\nSagsnr.: 2011-29298\n';
  assert.deepEqual(await enterAt(edoc), []);
});
