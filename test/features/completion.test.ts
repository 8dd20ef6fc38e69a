import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, at, BASE, documentOf, lineAt, ROOT, serviceWith } from './helpers';
import { repoRoot } from '../helpers';
import type { ReferatLanguageService } from '../../server/src/service/languageService';

const ARCHIVE = {
  'arkiv/a.referat': `${BASE}\nPunkt 2: Eventuelt\n\n00.01.00I00-3-23\n\nBeslutning\n\nIntet.\n\nPunkt 3: Budget\n\n00.16.00-P20-1-16\n\nSagsfremstilling\n\nChef for Økonomi og HR Ove Weller Nielsen deltager i mødet kl. 10:00.\n\nBeslutning\n\nGodkendt.\n`,
  'arkiv/b.referat': BASE.replace('07-12-2023', '14-12-2023')
    .replace('Torsdag d. 07.', 'Torsdag d. 14.')
    .replace('HR-konsulent Ditte Ågård deltager', 'Ove Weller deltager'),
};

/** The items offered at the cursor, in the order the editor lists them. */
async function items(service: ReferatLanguageService, marked: string, name = 'ny.referat'): Promise<CompletionItem[]> {
  const { text, position } = at(marked);
  const list = await service.completion(documentOf(`${ROOT}/${name}`, text), position, lineAt(text, position.line));
  return [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}

/** The line as it is after the item is accepted. */
function accepted(marked: string, item: CompletionItem): string {
  const { text, position } = at(marked);
  const line = lineAt(text, position.line);
  const edit = item.textEdit as TextEdit;
  return line.slice(0, edit.range.start.character) + edit.newText + line.slice(edit.range.end.character);
}

async function check(
  marked: string,
  expected: (labels: string[], all: CompletionItem[]) => void,
  files: Record<string, string> = ARCHIVE,
  name?: string,
): Promise<void> {
  const got = await items(await serviceWith(files), marked, name);
  expected(
    got.map((i) => i.label),
    got,
  );
}

test('journal numbers: only those that begin with what was typed, and each replaces the whole typed number', async () => {
  const marked = 'REFERAT Direktionen d. 07-12-2023\n\nPunkt 1: A\n\n00.01‸\n';
  await check(marked, (labels, all) => {
    assert.ok(labels.includes('00.01.00I00-3-23'));
    assert.ok(!labels.includes('00.16.00-P20-1-16'), 'not a number that only contains the typed digits');
    for (const i of all) assert.equal(accepted(marked, i), i.label);
  });
});

test('journal numbers: a case opened after the meeting is not offered (journal-year would say so), the newest before it first', async () => {
  const files = {
    ...ARCHIVE,
    'arkiv/c.referat': `${BASE.replace('07-12-2023', '17-04-2024').replace('Torsdag d. 07. december 2023', 'Onsdag d. 17. april 2024')}\nPunkt 2: Ny sag\n\n00.01.00P35-1-24\n\nBeslutning\n\nGodkendt.\n`,
  };
  await check(
    'REFERAT Direktionen d. 07-12-2023\n\nPunkt 1: A\n\n00.‸\n',
    (labels) => {
      assert.ok(!labels.includes('00.01.00P35-1-24'), 'a 2024 case in a 2023 referat');
      assert.deepEqual(labels.slice(0, 2), ['00.01.00I00-3-23', '00.16.00-P20-1-16']);
    },
    files,
  );
  // In the 2024 meeting's referat it is offered, first.
  await check('REFERAT Direktionen d. 24-04-2024\n\nPunkt 1: A\n\n00.‸\n', (labels) => assert.equal(labels[0], '00.01.00P35-1-24'), files);
});

test("journal numbers: the case's year is read as its own scheme writes it (Acadre's 12/27845), for what is offered and in which order", async () => {
  const acadre = (date: string, number: string, caseNumber: string): string =>
    `Referat\nUdvalget for plan, udvikling og kultur (PUK)\n${date}\nKl. 10:30\n\n${number}. Sag\nSagsnr.: ${caseNumber}\nBeslutning i Udvalget for plan, udvikling og kultur (PUK) den ${date}\nGodkendt.\n`;
  const files = {
    'referat.yaml': 'dialekt: acadre\n',
    'arkiv/a.referat': acadre('Torsdag den 20. juni 2013', '715', '12/27845'),
    'arkiv/b.referat': acadre('Torsdag den 27. juni 2013', '716', '13/1234'),
    'arkiv/c.referat': acadre('Torsdag den 16. januar 2014', '1', '14/555'),
  };
  await check(
    'Referat\nUdvalget for plan, udvikling og kultur (PUK)\nTorsdag den 4. juli 2013\nKl. 10:30\n\n717. Ny sag\nSagsnr.: 1‸\n',
    (labels) => assert.deepEqual(labels.slice(0, 2), ['13/1234', '12/27845']),
    files,
  );
  await check(
    'Referat\nUdvalget for plan, udvikling og kultur (PUK)\nTorsdag den 23. januar 2014\nKl. 10:30\n\n2. Ny sag\nSagsnr.: 1‸\n',
    (labels) => assert.deepEqual(labels.slice(0, 3), ['14/555', '13/1234', '12/27845']),
    files,
  );
});

test('journal numbers: nothing is offered for a word typed after the number (spaces for hyphens), and the label a system writes is no such word', async () => {
  await check('REFERAT Direktionen d. 07-12-2023\n\nPunkt 1: A\n\n81.39.15G01 373 23‸\n', (labels) => assert.deepEqual(labels, []));
  await check('REFERAT Direktionen d. 07-12-2023\n\nPunkt 1: A\n\n81.39.15G01 ‸\n', (labels) => assert.deepEqual(labels, []));
  await check('REFERAT Direktionen d. 07-12-2023\n\nPunkt 1: A\n\nSagsnr.: 00.01‸\n', (labels) => assert.ok(labels.includes('00.01.00I00-3-23')));
});

test('journal numbers: a number being typed in bold is replaced without its markers', async () => {
  const marked = 'REFERAT Direktionen d. 07-12-2023\n\nPunkt 1: A\n\n**81.39‸**\n';
  await check(marked, (_, all) => {
    const item = all.find((i) => i.label.startsWith('81.39'))!;
    assert.equal(accepted(marked, item), `**${item.label}**`);
  });
});

test('people: the full form of a person the archive writes two ways, once', async () => {
  await check('REFERAT Direktionen d. 07-12-2023\n\nMødedeltagere ‸\n', (labels) => {
    assert.ok(labels.includes('Ove Weller Nielsen'));
    assert.ok(!labels.includes('Ove Weller'));
  });
});

test("people: the body's members first, those already written left out", async () => {
  await check('REFERAT Direktionen d. 07-12-2023\n\nMødedeltagere Claus Borg, ‸\n', (labels) => {
    assert.deepEqual(labels.slice(0, 2), ['Lars Borst Hansen', 'Søren Søndergaard Kjær']);
    assert.ok(!labels.includes('Claus Borg'));
  });
});

test('people: no snippet and no section heading among them', async () => {
  await check('REFERAT Direktionen d. 07-12-2023\n\nMødedeltagere ‸\n', (_, all) => {
    assert.ok(all.length > 0);
    assert.ok(
      all.every((i) => i.kind === 1 /* Text */),
      all.map((i) => `${i.label}:${i.kind}`).join(', '),
    );
  });
});

test('people in a sentence: the name typed so far is replaced whole, the title before it kept', async () => {
  const marked = `${BASE}\nUdviklingschef Ove We‸ deltager i mødet kl. 11:00.\n`;
  await check(marked, (_, all) => {
    const ove = all.find((i) => i.label === 'Ove Weller Nielsen')!;
    assert.equal(accepted(marked, ove), 'Udviklingschef Ove Weller Nielsen deltager i mødet kl. 11:00.');
  });
});

test('people in a sentence: a name put in front of the phrase is followed by a space, not glued to it', async () => {
  const marked = `${BASE}\n‸deltager i mødet kl. 10:00.\n`;
  await check(marked, (_, all) => {
    const ove = all.find((i) => i.label === 'Ove Weller Nielsen')!;
    assert.equal(accepted(marked, ove), 'Ove Weller Nielsen deltager i mødet kl. 10:00.');
  });
  const titled = `${BASE}\nUdviklingschef ‸deltager i mødet kl. 10:00.\n`;
  await check(titled, (_, all) => {
    const ove = all.find((i) => i.label === 'Ove Weller Nielsen')!;
    assert.equal(accepted(titled, ove), 'Udviklingschef Ove Weller Nielsen deltager i mødet kl. 10:00.');
  });
});

test('the header of a new referat: date and weekday from the file name, the body from the file name', async () => {
  await check(
    'ref‸',
    (labels, all) => {
      assert.deepEqual(labels, ['referat']);
      const text = (all[0]!.textEdit as TextEdit).newText;
      assert.match(text, /^REFERAT \$\{1:Direktionen\} d\. 02-12-2026$/m);
      assert.match(text, /^Mødedato Onsdag d\. 02\. december 2026 kl\. \$\{2:09:00\}$/m);
      assert.match(text, /^Mødedeltagere \$\{4:Claus Borg, Lars Borst Hansen, Søren Søndergaard Kjær\}$/m);
    },
    ARCHIVE,
    '2026-12-02-direktionen.referat',
  );
});

test('the header of a new referat beside a referat.yaml of only an ordliste: the archive still gives the place, the time and the members', async () => {
  await check(
    'ref‸',
    (_, all) => {
      const text = (all[0]!.textEdit as TextEdit).newText;
      assert.match(text, /^Mødedato Onsdag d\. 02\. december 2026 kl\. \$\{2:09:00\}$/m);
      assert.match(text, /^Mødested \$\{3:Udvalgsværelse 1, Lemvig Rådhus\}$/m);
      assert.match(text, /^Mødedeltagere \$\{4:Claus Borg, Lars Borst Hansen, Søren Søndergaard Kjær\}$/m);
    },
    { ...ARCHIVE, 'referat.yaml': '# Navne og ord, som Referat kender (se README).\nordliste:\n  - mindreforbrug\n' },
    '2026-12-02-direktionen.referat',
  );
});

test('the header of a new referat without a date in its name: today, and a header per body where several meet, each filled in', async () => {
  const oekonomi = BASE.replace('REFERAT Direktionen', 'REFERAT Økonomiudvalget')
    .replace('kl. 09:00', 'kl. 16:00')
    .replace('Udvalgsværelse 1, Lemvig Rådhus', 'Byrådssalen')
    .replace('Claus Borg, Lars Borst Hansen og Søren Søndergaard Kjær', 'Erik Flyvholm og Jens Ole Jensen');
  const files = { ...ARCHIVE, 'arkiv/c.referat': oekonomi };
  await check(
    '‸',
    (labels, all) => {
      assert.deepEqual(labels, ['referat', 'referat']);
      assert.deepEqual(
        all.map((i) => i.labelDetails?.description),
        ['Direktionen', 'Økonomiudvalget'],
      );
      const [direktionen, udvalget] = all.map((i) => (i.textEdit as TextEdit).newText);
      assert.match(direktionen!, /^REFERAT \$\{1:Direktionen\} d\. 26-11-2026$/m);
      assert.match(direktionen!, /^Mødested \$\{3:Udvalgsværelse 1, Lemvig Rådhus\}$/m);
      assert.match(udvalget!, /^REFERAT \$\{1:Økonomiudvalget\} d\. 26-11-2026$/m);
      assert.match(udvalget!, /Torsdag d\. 26\. november 2026 kl\. \$\{2:16:00\}$/m);
      assert.match(udvalget!, /^Mødested \$\{3:Byrådssalen\}$/m);
      assert.match(udvalget!, /^Mødedeltagere \$\{4:Erik Flyvholm, Jens Ole Jensen\}$/m);
      // No choice inside a snippet: Enter does not pick one where suggestions are accepted by Tab.
      for (const text of [direktionen, udvalget]) assert.doesNotMatch(text!, /\$\{\d+\|/);
    },
    files,
    'nyt.referat',
  );
});

test('at the start of a line in the last punkt: missing sections, the next punkt numbered, the snippets that fit', async () => {
  await check(`${BASE}\n‸`, (labels, all) => {
    // After the decision, of the sections only what may follow it.
    assert.deepEqual(labels.slice(0, 1), ['Bilag']);
    assert.ok(!labels.includes('Sagsfremstilling') && !labels.includes('Beslutning') && !labels.includes('Resume'));
    const punkt = all.find((i) => i.label === 'Punkt 2: ')!;
    assert.match((punkt.textEdit as TextEdit).newText, /^Punkt 2: \$1\n\n\$2\n\nSagsfremstilling\n\n\$3\n\nBeslutning\n\n\$0$/);
  });
  // Between the account and the decision: the missing sections that stand there, in their order, and the recommendation.
  await check(BASE.replace('kl. 10:00.\n', 'kl. 10:00.\n\n‸\n'), (labels, all) => {
    assert.deepEqual(labels.slice(0, 3), ['Sagen afgøres endelig af', 'Lovgrundlag', 'Vision, politikker og strategier']);
    assert.ok(labels.includes('Punkt 2: '));
    // One recommendation snippet per recommender the archive writes (here none: the usual three), each filled in.
    const recommending = labels.filter((l) => l.endsWith(' indstiller, - At …'));
    assert.deepEqual(recommending, ['Administrationen indstiller, - At …', 'Kommunaldirektøren indstiller, - At …', 'Direktionen indstiller, - At …']);
    const item = all.find((i) => i.label === 'Kommunaldirektøren indstiller, - At …')!;
    // She chose who recommends by choosing the item: she writes on after `At`.
    assert.equal((item.textEdit as TextEdit).newText, 'Kommunaldirektøren indstiller,\n\n- At $0');
  });
});

test('a case taken up again: its supplement, recommendation and decision are offered, not what the earlier handling wrote', async () => {
  const resumed = BASE.replace(
    'Beslutning\n',
    'Beslutning fra Direktionens møde den 30. november 2023, pkt. 1:\n\nDrøftes igen.\n\nSupplerende sagsfremstilling\n\nEt notat er lavet.\n\n‸\n\nBeslutning\n',
  );
  await check(resumed, (labels) => {
    for (const written of ['Sagsfremstilling', 'Supplerende sagsfremstilling', 'Beslutning'])
      assert.ok(!labels.includes(written), `${written} is not offered: ${labels.join(', ')}`);
    assert.ok(labels.includes('Indstilling'), labels.join(', '));
    assert.ok(labels.includes('Økonomi'), 'a section the earlier handling did not write is still offered');
  });
  // The supplement not yet written is offered in the later handling (Lemvig's fixed order names no place of its own for it).
  const unsupplemented = BASE.replace('Beslutning\n', 'Beslutning fra Direktionens møde den 30. november 2023, pkt. 1:\n\nDrøftes igen.\n\n‸\n\nBeslutning\n');
  await check(unsupplemented, (labels) => {
    const at = labels.indexOf('Supplerende sagsfremstilling');
    assert.ok(at >= 0 && at < labels.indexOf('Indstilling'), labels.join(', '));
  });
  // Before the earlier decision, the first handling's own sections are what count, and there is nothing to supplement.
  const first = BASE.replace('Beslutning\n', '‸\n\nBeslutning fra Direktionens møde den 30. november 2023, pkt. 1:\n\nDrøftes igen.\n\nBeslutning\n');
  await check(first, (labels) =>
    assert.ok(!labels.includes('Sagsfremstilling') && !labels.includes('Supplerende sagsfremstilling') && labels.includes('Indstilling'), labels.join(', ')),
  );
});

test('the first words of a heading or snippet of several still find it after a space; a line of text finds nothing', async () => {
  const at = (typed: string): string => BASE.replace('Beslutning\n', `Beslutning\n\nGodkendt.\n\n${typed}‸\n`);
  // Before the decision, where those sections stand.
  const above = (typed: string): string => BASE.replace('kl. 10:00.\n', `kl. 10:00.\n\n${typed}‸\n`);
  await check(above('Beslutning f'), (labels) => assert.deepEqual(labels, ['Beslutning fra … møde den …, pkt. …:']));
  await check(above('beslutning fra'), (labels) => assert.deepEqual(labels, ['Beslutning fra … møde den …, pkt. …:']));
  await check(BASE.replace('kl. 10:00.\n', 'kl. 10:00.\n\nSagen afgøres e‸\n'), (labels) => assert.deepEqual(labels, ['Sagen afgøres endelig af']));
  await check(at('Det blev '), (labels) => assert.deepEqual(labels, []));
});

test('the earlier-decision snippet writes no second Beslutning where the punkt has its decision below the cursor', async () => {
  const snippetOf = (all: CompletionItem[]): string => (all.find((i) => i.label === 'Beslutning fra … møde den …, pkt. …:')!.textEdit as TextEdit).newText;
  // Typed in Sagsfremstilling, above the punkt's Beslutning: the earlier decision and the supplement, not a new decision.
  const above = BASE.replace('Beslutning\n', 'Beslutning f‸\n\nBeslutning\n');
  await check(above, (_, all) => {
    const body = snippetOf(all);
    assert.match(body, /Supplerende sagsfremstilling\n\n\$5$/);
    assert.doesNotMatch(body, /^Beslutning$/m);
  });
  // Below the punkt's Beslutning, an earlier decision would give its handling a second one: not offered.
  const below = BASE.replace('Beslutning\n', 'Beslutning\n\nGodkendt.\n\nBeslutning f‸\n');
  await check(below, (labels) => assert.ok(!labels.includes('Beslutning fra … møde den …, pkt. …:'), labels.join(', ')));
  // After the account with no decision yet: the earlier decision, the supplement and the new decision.
  const noDecision = BASE.replace(/\nBeslutning\n\n[^\n]*\n/, '\nBeslutning f‸\n');
  assert.notEqual(noDecision, BASE);
  await check(noDecision, (_, all) => assert.match(snippetOf(all), /\n\nBeslutning\n\n\$0$/));
});

test('a punkt in the Markdown form gets its snippet in that form', async () => {
  const md = BASE.replace('Punkt 1:', '## Punkt 1:').replace(/^(Sagsfremstilling|Beslutning)$/gm, '### **$1**');
  await check(`${md}\n‸`, (_, all) => {
    const punkt = all.find((i) => i.label === 'Punkt 2: ')!;
    assert.match((punkt.textEdit as TextEdit).newText, /^## Punkt 2: \$1\n\n\$2\n\n### \*\*Sagsfremstilling\*\*\n/);
  });
});

test('committees under "Sagen afgøres endelig af", from the archive', async () => {
  const files = { ...ARCHIVE, 'arkiv/d.referat': BASE.replace('Beslutning\n', 'Sagen afgøres endelig af\n\nKommunalbestyrelsen\n\nBeslutning\n') };
  await check(
    `${BASE.replace('Beslutning\n', 'Sagen afgøres endelig af\n\nKom‸\n\nBeslutning\n')}`,
    (labels) => {
      assert.ok(labels.includes('Kommunalbestyrelsen'), labels.join(', '));
    },
    files,
  );
});

test('the header: a body only named as the one that decides is no choice; the one body that meets fills in its place and time', async () => {
  const files = { ...ARCHIVE, 'arkiv/d.referat': BASE.replace('Beslutning\n', 'Sagen afgøres endelig af\n\nKommunalbestyrelsen\n\nBeslutning\n') };
  await check(
    '‸',
    (_, all) => {
      const header = (all[0]!.textEdit as TextEdit).newText;
      assert.doesNotMatch(header, /Kommunalbestyrelsen/);
      assert.match(header, /^REFERAT \$\{1:Direktionen\} d\. /m);
      assert.match(header, /kl\. \$\{2:09:00\}/);
      assert.match(header, /^Mødested \$\{3:Udvalgsværelse 1, Lemvig Rådhus\}$/m);
    },
    files,
    'ny.referat',
  );
});

test('the header: a body the archive does not know is taken from a file name that reads as one, not from any word', async () => {
  await check(
    '‸',
    (_, all) => assert.match((all[0]!.textEdit as TextEdit).newText, /^REFERAT \$\{1:Teknisk udvalg\} d\. 05-01-2027$/m),
    ARCHIVE,
    '2027-01-05-teknisk-udvalg.referat',
  );
  await check('‸', (_, all) => assert.match((all[0]!.textEdit as TextEdit).newText, /^REFERAT \$\{1:Direktionen\} d\. 26-11-2026$/m), ARCHIVE, 'nyt.referat');
  // Its Danish letters back where the file name wrote them in ASCII, as the importer names its files; a town's aa stays.
  for (const [file, name] of [
    ['2027-01-13-oekonomiudvalget.referat', 'Økonomiudvalget'],
    ['2027-01-13-boerne-og-ungeudvalget.referat', 'Børne og ungeudvalget'],
    ['2027-01-13-aeldreraadet.referat', 'Ældrerådet'],
    ['2027-01-13-aalborg-byraad.referat', 'Aalborg byråd'],
  ])
    await check(
      '‸',
      (_, all) => assert.match((all[0]!.textEdit as TextEdit).newText, new RegExp(`^REFERAT \\$\\{1:${name}\\} d\\. 13-01-2027$`, 'm')),
      ARCHIVE,
      file,
    );
});

// SBSYS eDagsorden writes the members under `Medlemmer` and the absent under `Afbud/Fraværende`, one a line.
const EDAGSORDEN = readFileSync(join(repoRoot, 'test/fixtures/dialects/rules/sbsys-edagsorden/ok.referat'), 'utf8');

test("people under every dialect's attendance label: under Afbud/Fraværende the body's own members, and the whole typed name replaced", async () => {
  const marked = EDAGSORDEN.replace('Afbud/Fraværende\n', 'Afbud/Fraværende\nHanne B‸\n');
  await check(
    marked,
    (labels, all) => {
      assert.equal(labels[0], 'Hanne Bahnsen', labels.join(', '));
      assert.equal(accepted(marked, all[0]!), 'Hanne Bahnsen');
      // Only the members are offered for an absence, each replacing all she typed.
      for (const i of all) assert.ok(EDAGSORDEN.includes(`\n${i.label}`), i.label);
      for (const i of all) assert.equal(accepted(marked, i), i.label);
    },
    { 'arkiv/a.referat': ARCHIVE['arkiv/a.referat'] },
  );
  // Once absent, not offered for the absence again.
  const second = EDAGSORDEN.replace('Afbud/Fraværende\n', 'Afbud/Fraværende\nHanne Bahnsen\nH‸\n');
  await check(second, (labels) => {
    assert.ok(!labels.includes('Hanne Bahnsen'));
    assert.ok(labels.includes('Henrik Bolberg'));
  });
});

test('people after the label on its own line, as the document writes it: "Afbud/Fraværende: Hanne B" becomes the whole name', async () => {
  const marked = EDAGSORDEN.replace('Afbud/Fraværende\n', 'Afbud/Fraværende: Hanne B‸\n');
  await check(
    marked,
    (labels, all) => {
      const item = all.find((i) => i.label === 'Hanne Bahnsen');
      assert.ok(item, labels.join(', '));
      // The whole partial name is replaced, not only its last word (`Hanne Hanne Bahnsen`), and the label is kept.
      assert.equal(accepted(marked, item), 'Afbud/Fraværende: Hanne Bahnsen');
      const edit = item.textEdit as TextEdit;
      assert.equal(edit.range.start.character, 'Afbud/Fraværende: '.length);
    },
    { 'arkiv/a.referat': ARCHIVE['arkiv/a.referat'] },
  );
  // Under Acadre's `Fraværende` and the inline `Afbud` alike.
  for (const label of ['Fraværende', 'Afbud']) {
    const other = EDAGSORDEN.replace('Afbud/Fraværende\n', `${label}: Hanne B‸\n`);
    await check(other, (labels, all) => {
      const item = all.find((i) => i.label === 'Hanne Bahnsen');
      assert.ok(item, `${label}: ${labels.join(', ')}`);
      assert.equal(accepted(other, item), `${label}: Hanne Bahnsen`);
    });
  }
});

test('people on an inline list after "og": the name typed after it is replaced, not a part of the one before', async () => {
  const marked = 'REFERAT Direktionen d. 07-12-2023\n\nMødedeltagere Claus Borg og Lars B‸\n';
  await check(marked, (labels, all) => {
    const item = all.find((i) => i.label === 'Lars Borst Hansen');
    assert.ok(item, labels.join(', '));
    assert.equal(accepted(marked, item), 'Mødedeltagere Claus Borg og Lars Borst Hansen');
  });
  const first = 'REFERAT Direktionen d. 07-12-2023\n\nMødedeltagere Lars B‸\n';
  await check(first, (_, all) => {
    assert.equal(
      accepted(
        first,
        all.find((i) => i.label === 'Lars Borst Hansen')!,
      ),
      'Mødedeltagere Lars Borst Hansen',
    );
  });
});

test('votes: on a vote line the parties and members, as the minutes write them, replace the voter being typed', async () => {
  const head = 'REFERAT Byrådet d. 04-04-2024\n\nMødedato Torsdag d. 04. april 2024 kl. 19:00\n\nMødedeltagere Anna Holm (A), Dorte Vang (V), Inge Bak (Ø)\n\n';
  const marked = `${head}Punkt 1: Skolestruktur\n\n17.01.00P05-2-24\n\nBeslutning\n\nGodkendt.\n\nFor stemte: (V), An‸\n`;
  await check(marked, (labels, all) => {
    assert.deepEqual(labels.slice(0, 3), ['(A)', '(V)', '(Ø)']);
    const anna = all.find((i) => i.label === 'Anna Holm (A)')!;
    assert.equal(accepted(marked, anna), 'For stemte: (V), Anna Holm (A)');
    assert.equal(
      accepted(
        marked,
        all.find((i) => i.label === '(A)')!,
      ),
      'For stemte: (V), (A)',
    );
  });
  // Under `Ikke til stede:` too; and a line that is no vote gets no voters.
  await check(`${head}Punkt 1: Skolestruktur\n\n17.01.00P05-2-24\n\nBeslutning\n\nIkke til stede: ‸\n`, (labels) => assert.ok(labels.includes('Inge Bak (Ø)')));
  await check(`${head}Punkt 1: Skolestruktur\n\n17.01.00P05-2-24\n\nBeslutning\n\nGodkendt, An‸\n`, (labels) => assert.ok(!labels.includes('Anna Holm (A)')));
});

test("names she saved while typing them (auto-save) are not offered back in that referat; in the next one they are the archive's", async () => {
  // The newest meeting, saved mid-word: `Mette Fr` in its Mødedeltagere.
  const halfTyped = BASE.replace('07-12-2023', '21-12-2023')
    .replace('Torsdag d. 07.', 'Torsdag d. 21.')
    .replace('Mødedeltagere Claus Borg, Lars Borst Hansen og Søren Søndergaard Kjær', 'Mødedeltagere Claus Borg, Lars Borst Hansen, Mette Fr');
  const files = { ...ARCHIVE, 'arkiv/c.referat': halfTyped };
  const service = await serviceWith(files);
  const marked = halfTyped.replace('Mødedeltagere Claus Borg, Lars Borst Hansen, Mette Fr', 'Mødedeltagere Claus Borg, Lars Borst Hansen, Mette Fr‸');
  const own = (await items(service, marked.replace('Mette Fr‸', '‸'), 'arkiv/c.referat')).map((i) => i.label);
  assert.ok(own.includes('Søren Søndergaard Kjær'), `the members of the meetings before: ${own.join(' | ')}`);
  assert.ok(!own.some((l) => l.includes('Mette Fr')), `not the name half typed: ${own.join(' | ')}`);
  // Another referat, the next meeting: the archive as saved, her half-typed name included.
  const next = (await items(service, 'REFERAT Direktionen d. 04-01-2024\n\nMødedeltagere ‸\n', 'ny.referat')).map((i) => i.label);
  assert.ok(
    next.some((l) => l.includes('Mette Fr')),
    `the next referat reads the archive as it is: ${next.join(' | ')}`,
  );
  service.dispose();
});

// ---------------------------------------------------------------- the tester's defects

/** The archive's newest Direktionen meeting has five members: three of them are present in BASE. */
const FIVE = {
  ...ARCHIVE,
  'arkiv/c.referat': BASE.replace('07-12-2023', '21-12-2023')
    .replace('Torsdag d. 07.', 'Torsdag d. 21.')
    .replace(
      'Mødedeltagere Claus Borg, Lars Borst Hansen og Søren Søndergaard Kjær',
      'Mødedeltagere Claus Borg, Lars Borst Hansen, Lene Holm, Mette Frost og Søren Søndergaard Kjær',
    ),
};
const PRESENT = 'Mødedeltagere Claus Borg, Lars Borst Hansen og Søren Søndergaard Kjær';

/** The findings of a text once the item is taken. */
async function findingCodesAfter(service: ReferatLanguageService, marked: string, item: CompletionItem): Promise<string[]> {
  const { text } = at(marked);
  const taken = applyEdits(text, [item.textEdit as TextEdit]);
  return (await service.findings(documentOf(`${ROOT}/ny.referat`, taken))).map((d) => String(d.code));
}

test('people in the attendance fields: who is written in one (present, absent, secretary) is not offered for another, nor again in its own', async () => {
  const service = await serviceWith(FIVE);
  const labels = async (marked: string): Promise<string[]> => (await items(service, marked)).map((i) => i.label);
  // The tester's steps: `Afbud ` under a Mødedeltagere line, then a name, then `, ` and another.
  const afbud = (typed: string): string => BASE.replace(PRESENT, `${PRESENT}\n\nAfbud ${typed}‸`);
  assert.deepEqual(await labels(afbud('')), ['Lene Holm', 'Mette Frost']);
  assert.deepEqual(await labels(afbud('Lene Holm, ')), ['Mette Frost']);
  // The editor filters by what she typed; present people are not among what it filters.
  assert.deepEqual(await labels(afbud('Lene Holm, Lars')), ['Mette Frost']);
  // The name being typed is no name written: completing it offers it.
  assert.ok((await labels(afbud('Mette Fr'))).includes('Mette Frost'));
  assert.ok((await labels(afbud('Mette Frost'))).includes('Mette Frost'));
  // Vice versa: who sent apologies is not offered among those present.
  const present = BASE.replace(PRESENT, 'Mødedeltagere Claus Borg, ‸\n\nAfbud Mette Frost');
  const offered = await labels(present);
  assert.ok(!offered.includes('Mette Frost') && !offered.includes('Claus Borg'), offered.join(', '));
  assert.ok(offered.includes('Lene Holm'), offered.join(', '));
  // One a line under a label of its own (`Tilstede`, `Afbud/Fraværende`), as eDoc writes them.
  const block = BASE.replace(PRESENT, 'Tilstede\nClaus Borg\nLars Borst Hansen\nSøren Søndergaard Kjær\n\nAfbud/Fraværende\nM‸');
  assert.deepEqual((await labels(block)).sort(), ['Lene Holm', 'Mette Frost']);
  // The empty line right under such a label, or under its last name, is where the next name goes: names, no snippets.
  const underLabel = BASE.replace(
    PRESENT,
    'Tilstede\nClaus Borg\nLars Borst Hansen\nSøren Søndergaard Kjær\n\nAfbud/Fraværende\n‸\n\nSekretær\nOve Weller Nielsen',
  );
  assert.deepEqual((await labels(underLabel)).sort(), ['Lene Holm', 'Mette Frost']);
  const underLast = BASE.replace(PRESENT, 'Tilstede\nClaus Borg\nLars Borst Hansen\n‸\n\nAfbud/Fraværende\nMette Frost');
  const next = await labels(underLast);
  assert.ok(next.includes('Lene Holm') && next.includes('Søren Søndergaard Kjær'), next.join(', '));
  assert.ok(!['Claus Borg', 'Lars Borst Hansen', 'Mette Frost'].some((n) => next.includes(n)), next.join(', '));
  // A line further down has left the list; so has the line under a list written on its label's line.
  const below = BASE.replace(PRESENT, 'Tilstede\nClaus Borg\n\n‸\n\nAfbud/Fraværende\nMette Frost');
  assert.ok(!(await labels(below)).includes('Lene Holm'));
  const inline = BASE.replace(PRESENT, `${PRESENT}\n‸\n\nAfbud Mette Frost`);
  assert.ok(!(await labels(inline)).includes('Lene Holm'));
  // Any other attendance field the format knows: the secretary is neither present nor absent, and the other way round.
  const secretary = await labels(BASE.replace(PRESENT, `${PRESENT}\n\nSekretær ‸`));
  assert.ok(secretary.includes('Ove Weller Nielsen') && !secretary.some((l) => PRESENT.includes(l)), secretary.join(', '));
  const beside = await labels(BASE.replace(PRESENT, 'Mødedeltagere Claus Borg, ‸\n\nSekretær Ove Weller Nielsen'));
  assert.ok(!beside.includes('Ove Weller Nielsen') && beside.includes('Lene Holm'), beside.join(', '));
  // Taking any offer for Afbud leaves no attendance conflict.
  const marked = afbud('');
  for (const item of await items(service, marked)) assert.ok(!(await findingCodesAfter(service, marked, item)).includes('attendance-conflict'), item.label);
  service.dispose();
});

test('people in a sentence: a guest named under another punkt of this referat is offered, not the one on the line being typed', async () => {
  const service = await serviceWith(FIVE);
  const guest = 'Økonomichef Karen Blixen deltager i mødet kl. 10:00.';
  const marked = `${BASE.replace('HR-konsulent Ditte Ågård deltager i mødet kl. 10:00.', guest)}\nPunkt 2: Budget\n\n00.16.00-P20-1-16\n\nSagsfremstilling\n\nKar‸ deltager i mødet kl. 11:00.\n\nBeslutning\n\nGodkendt.\n`;
  const offered = await items(service, marked);
  const karen = offered.find((i) => i.label === 'Karen Blixen');
  assert.ok(karen, offered.map((i) => i.label).join(', '));
  assert.equal(karen.detail, 'Økonomichef');
  assert.equal(accepted(marked, karen), 'Karen Blixen deltager i mødet kl. 11:00.');
  // What she is typing on this line is no name to offer back.
  const typing = `${BASE}\nMette Fr‸ deltager i mødet kl. 11:00.\n`;
  assert.ok(!(await items(service, typing)).some((i) => i.label === 'Mette Fr'));
  service.dispose();
});

test('people after a bold label alone on its line: the names replace nothing of its marks', async () => {
  const service = await serviceWith(FIVE);
  for (const label of ['**Mødedeltagere** ', '**Mødedeltagere:** ', '**Mødedeltagere**: ', '**Afbud** ', '**Afbud:**\t']) {
    const marked = BASE.replace(PRESENT, `${label}‸`);
    const offered = await items(service, marked);
    assert.ok(offered.length > 0, label);
    for (const item of offered) {
      const edit = item.textEdit as TextEdit;
      assert.equal(edit.range.start.character, label.length, label);
      assert.equal(accepted(marked, item), `${label}${item.label}`);
    }
  }
  service.dispose();
});

test('people in a sentence: who joins for a punkt is a guest, so those the attendance fields name come after everyone else', async () => {
  const service = await serviceWith(FIVE);
  const withAbsent = BASE.replace(PRESENT, `${PRESENT}\n\nAfbud Mette Frost`);
  const marked = `${withAbsent}\n‸deltager i mødet kl. 10:00.\n`;
  const labels = (await items(service, marked)).map((i) => i.label);
  const rank = (name: string): number => labels.indexOf(name);
  assert.ok(rank('Ove Weller Nielsen') >= 0 && rank('Lene Holm') >= 0, labels.join(', '));
  // Not present, not absent: offered first, a member before an employee as before.
  for (const named of ['Mette Frost', 'Claus Borg', 'Lars Borst Hansen', 'Søren Søndergaard Kjær']) {
    assert.ok(rank(named) > rank('Ove Weller Nielsen') && rank(named) > rank('Lene Holm'), labels.join(', '));
  }
  service.dispose();
});

test('people in the attendance fields: a list of the members, or of those invited, names the absent too, and they are still offered for the absence', async () => {
  // GetOrganized's referat lists those invited under Deltagere, and those of them who sent apologies under Afbud.
  const getOrganized = readFileSync(join(repoRoot, 'test/fixtures/dialects/rules/getorganized/ok.referat'), 'utf8');
  const marked = getOrganized.replace('Afbud: Tilde,', 'Afbud: Tilde, ‸');
  await check(
    marked,
    (labels) => {
      assert.ok(labels.includes('Peter Marker'), labels.join(', '));
      // `Tilde` alone is the one Tilde among them (attendance reads it so): not offered again.
      assert.ok(!labels.includes('Tilde Ølholm'), labels.join(', '));
    },
    { 'arkiv/a.referat': getOrganized },
  );
});

test('journal numbers: an item replaces only the part it stands for, wherever the cursor is in the number; nothing she wrote after it is lost', async () => {
  const line = (number: string): string => `REFERAT Direktionen d. 07-12-2023\n\nPunkt 1: A\n\n${number}\n`;
  // The tester's case: the cursor at column 6 of `00.15.00I00-1-23`, the KLE emne `00.15.00` taken.
  const tester = line('00.15.‸00I00-1-23');
  await check(tester, (_, all) => {
    const emne = all.find((i) => i.label === '00.15.00')!;
    assert.deepEqual((emne.textEdit as TextEdit).range, { start: { line: 4, character: 0 }, end: { line: 4, character: 8 } });
    assert.equal(accepted(tester, emne), '00.15.00I00-1-23');
    assert.equal(
      accepted(
        tester,
        all.find((i) => i.label === '00.15.01')!,
      ),
      '00.15.01I00-1-23',
    );
  });
  // Anywhere in the emne, after a label, in the old form with a hyphen: the emne replaced, the rest kept.
  for (const [marked, label, after] of [
    [line('00.1‸5.00I00-1-23'), '00.13.00', '00.13.00I00-1-23'],
    [line('‸00.15.00I00-1-23'), '00.01.00', '00.01.00I00-1-23'],
    [line('Sagsnr.: 00.15.‸00I00-1-23'), '00.15.01', 'Sagsnr.: 00.15.01I00-1-23'],
    [line('00.16.‸00-P20-1-16'), '00.16.02', '00.16.02-P20-1-16'],
    [line('00.15.0‸I00-1-23'), '00.15.00', '00.15.00I00-1-23'],
  ] as const)
    await check(marked, (labels, all) => {
      const item = all.find((i) => i.label === label);
      assert.ok(item, `${label}: ${labels.slice(0, 5).join(', ')}`);
      assert.equal(accepted(marked, item), after);
    });
  // A whole number replaces the whole number, the parts she wrote apart by spaces or a dash too, and nothing more.
  for (const [marked, kept] of [
    [line('00.01.‸00I00-3-23'), ''],
    [line('00.01.‸00I00 3 23'), ''],
    [line('00.01.‸00I00–3–23'), ''],
    [line('**00.01.‸00I00-3-23**'), '**'],
    [line('Sagsnr.: 00.01.‸00I00-3-23  Dok.nr.: 12345'), '  Dok.nr.: 12345'],
  ] as const)
    await check(marked, (labels, all) => {
      const item = all.find((i) => i.label === '00.01.00I00-3-23');
      assert.ok(item, `${marked}: ${labels.slice(0, 5).join(', ')}`);
      assert.ok(accepted(marked, item).endsWith(`00.01.00I00-3-23${kept}`), accepted(marked, item));
    });
  // Past the emne no emne is offered: it would stand for a part she is not typing.
  await check(line('00.15.00I‸00-1-23'), (_, all) => assert.ok(all.every((i) => i.kind !== 19 /* Folder */)));
});
test('section headings: only those that may stand where the cursor is in the dialect order; taking one gives no section-order warning', async () => {
  const service = await serviceWith(ARCHIVE);
  const headings = async (marked: string): Promise<string[]> => (await items(service, marked)).filter((i) => i.kind === 14 /* Keyword */).map((i) => i.label);
  // The tester's case: an empty Beslutning gets its decisions, and of the headings only what follows it.
  const decision = BASE.replace('Deltagerkredsen fastholdes.\n', '‸\n');
  const inDecision = await items(service, decision);
  assert.ok(
    inDecision.some((i) => i.label === 'Godkendt.'),
    'the decisions are still offered',
  );
  assert.deepEqual(await headings(decision), ['Bilag']);
  // After the account: what stands between it and the decision; in the intro: only what comes before the account.
  assert.deepEqual(await headings(BASE.replace('kl. 10:00.\n', 'kl. 10:00.\n\n‸\n')), [
    'Sagen afgøres endelig af',
    'Lovgrundlag',
    'Vision, politikker og strategier',
    'Økonomi',
    'Andre konsekvenser',
    'Indstilling',
  ]);
  assert.deepEqual(await headings(BASE.replace('81.39.15G01-4-23\n', '81.39.15G01-4-23\n\n‸\n')), ['Resume']);
  // The recommendation's snippet opens the Indstilling (`… indstiller,`): not in the decision either.
  assert.ok(!inDecision.some((i) => i.label.endsWith(' indstiller, - At …')));
  // Whatever is offered anywhere in the punkt, taken, puts no section out of order.
  const lines = BASE.split('\n');
  const first = lines.indexOf('81.39.15G01-4-23') + 1;
  for (let n = first; n < lines.length; n++) {
    if (lines[n] !== '') continue;
    const marked = [...lines.slice(0, n), '‸', ...lines.slice(n + 1)].join('\n');
    for (const item of await items(service, marked)) {
      if (item.kind !== 14 && !item.label.endsWith(' indstiller, - At …')) continue;
      assert.ok(!(await findingCodesAfter(service, marked, item)).includes('section-order'), `line ${n}: ${item.label}`);
    }
  }
  service.dispose();
});
