import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkReferat, parseReferat, renderHtml } from '../../server/src/core';
import { closedTitle, oneLine } from '../../server/src/import/fields';
import { importSource, type ImportedMeeting } from '../../server/src/import/index';
import { repoRoot, scratchDir } from '../helpers';

/*
 * Closed is closed, on import: a structured source's own flag marks a punkt closed, whatever its
 * caption says, and no field's text (a newline in it, a heading-shaped line) adds a punkt or opens
 * a closed one. The public rendering then holds none of a closed punkt's text.
 */

interface SbsysItem {
  readonly caption: string;
  readonly isPublic: boolean;
  readonly fields: readonly { readonly caption: string; readonly html: string; readonly feedback?: boolean }[];
  readonly caseNumber?: string;
  /** An earlier decision of the case (`ItemHistory`): the committee that made it, and its text as HTML. */
  readonly history?: { readonly by: string; readonly html: string };
}

const cdata = (s: string): string => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

/** An SBSYS eDagsorden publication with these items, in the shape of Ballerup's (test/fixtures/sources). */
function sbsysXml(items: readonly SbsysItem[], meeting: { name?: string; where?: string; members?: readonly string[] } = {}): string {
  const item = (it: SbsysItem, i: number): string => `
        <Item ID="${100 + i}">
          <Caption>${cdata(it.caption)}</Caption>
          <Case ID="0"><Number>${cdata(it.caseNumber ?? '')}</Number></Case>
          <IsPublic>${cdata(it.isPublic ? 'True' : 'False')}</IsPublic>
          <Number>${cdata(String(i + 1))}</Number>
          <Fields>${it.fields
            .map(
              (f, k) => `
            <ItemField ID="${1000 + 10 * i + k}">
              <Caption>${cdata(f.caption)}</Caption>
              <IsFeedback>${cdata((f.feedback ?? f.caption === 'Beslutning') ? 'True' : 'False')}</IsFeedback>
              <Content>${cdata(f.html)}</Content>
            </ItemField>`,
            )
            .join('')}
          </Fields>${
            it.history
              ? `<ItemHistory><ItemField ID="9"><Caption>${cdata('Beslutning')}</Caption><HasContent>${cdata('True')}</HasContent><Content>${cdata(it.history.html)}</Content><MeetingDetails><CommitteeName>${cdata(it.history.by)}</CommitteeName><MeetingDueDate>${cdata('2013-05-02T10:00:00')}</MeetingDueDate></MeetingDetails></ItemField></ItemHistory>`
              : ''
          }
        </Item>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<Publication>
  <PublicationTypeAsEnum>${cdata('Final')}</PublicationTypeAsEnum>
  <GeneratorSettings><ShowEmptyFeedbackFields>True</ShowEmptyFeedbackFields><ShowEmptyFields>False</ShowEmptyFields></GeneratorSettings>
  <Agendas>
    <Agenda ID="1">
      <Meeting ID="2">
        <When>${cdata('15-05-2013 16:30:00')}</When>
        <Where>${cdata(meeting.where ?? 'Mødecenter A')}</Where>
        <Members>${(meeting.members ?? ['Ole Hansen']).map((m) => `<MeetingMember><Name>${cdata(m)}</Name></MeetingMember>`).join('')}</Members>
      </Meeting>
      <Name>${cdata(meeting.name ?? 'KMB IT-udvalget')}</Name>
      <Items>${items.map(item).join('')}
      </Items>
    </Agenda>
  </Agendas>
</Publication>`;
}

const SECRET = 'HEMMELIGHED';
const openItem = (n: number): SbsysItem => ({
  caption: `Åben sag ${n}`,
  isPublic: true,
  fields: [
    { caption: 'Sammendrag', html: `<p>Sag ${n} kort.</p>` },
    { caption: 'Sagsfremstilling', html: `<p>Tekst om sag ${n}.</p>` },
    { caption: 'Beslutning', html: '<p>Godkendt.</p>' },
  ],
});
const closedItem = (caption: string): SbsysItem => ({
  caption,
  isPublic: false,
  fields: [
    { caption: 'Sammendrag', html: `<p>${SECRET} kort.</p>` },
    { caption: 'Sagsfremstilling', html: `<p>${SECRET} første afsnit.</p><p>3. Orientering om ${SECRET} i byrådet</p>` },
    { caption: 'Indstilling', html: `<ol start="9"><li>At ${SECRET} godkendes</li></ol>` },
    { caption: 'Beslutning', html: `<p>Punkt 7: ${SECRET} vedtaget.</p>` },
  ],
});

async function importOne(name: string, source: string): Promise<ImportedMeeting> {
  const r = await importSource(name, new TextEncoder().encode(source));
  if (!r.ok) assert.fail(`${r.problem}: ${r.detail ?? ''}`);
  assert.equal(r.meetings.length, 1);
  return r.meetings[0]!;
}

/** The public HTML's text, markup and entities aside. */
function publicText(text: string): string {
  return renderHtml(parseReferat(text), { audience: 'public' })
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ');
}

for (const caption of ['Lukket punkt', 'LUKKET', 'Lukket sag - Salg af grund', 'Salg af grund', 'Lukket: Salg af grund', 'Salg af grund (Lukket)']) {
  test(`SBSYS XML: an item with IsPublic False captioned '${caption}' is a closed punkt, and the public version holds none of its text`, async () => {
    const m = await importOne('publication.xml', sbsysXml([openItem(1), closedItem(caption), openItem(3)]));
    const referat = parseReferat(m.text);
    assert.equal(m.punkter, 3, m.text);
    assert.deepEqual(
      referat.punkter.map((p) => [p.number, p.closed]),
      [
        [1, false],
        [2, true],
        [3, false],
      ],
      m.text,
    );
    // The heading-shaped paragraphs of the closed item are its text, not punkter of their own: escaped where
    // the parser would read a heading, as written where it reads text (a numbered line run on from a paragraph).
    assert.match(m.text, /^3\\?\. Orientering om HEMMELIGHED i byrådet$/m);
    assert.match(m.text, /^Punkt 7\\: HEMMELIGHED vedtaget\.$/m);
    assert.match(m.text, /^9\\?\. At HEMMELIGHED godkendes$/m);
    const closedLines = referat.punkter[1]!;
    for (const line of m.text.split('\n').flatMap((l, i) => (l.includes(SECRET) ? [i] : [])))
      assert.ok(line > closedLines.headingRange.start.line && line < referat.punkter[2]!.headingRange.start.line, `line ${line + 1} is in the closed punkt`);
    const pub = publicText(m.text);
    assert.doesNotMatch(pub, new RegExp(SECRET));
    assert.match(pub, /Tekst om sag 3/);
    // And the internal version shows the escaped lines as they were written in the source.
    const internal = renderHtml(referat, { audience: 'internal' });
    assert.match(internal, /3\. Orientering om HEMMELIGHED i byrådet/);
    assert.match(internal, /Punkt 7: HEMMELIGHED vedtaget\./);
  });
}

test('closedTitle: the closed words get their colon, every other word is kept', () => {
  assert.equal(closedTitle('Lukket punkt'), 'Lukket punkt:');
  assert.equal(closedTitle('LUKKET'), 'LUKKET:');
  assert.equal(closedTitle('Lukket sag - x'), 'Lukket sag: x');
  assert.equal(closedTitle('Lukketid for butikker'), 'Lukket: Lukketid for butikker');
  assert.equal(closedTitle(''), 'Lukket:');
  assert.equal(closedTitle('Lukket: Køb'), 'Lukket: Køb');
});

test('oneLine: every kind of line break and control character is one space', () => {
  assert.equal(oneLine('a\r\nb\nc\rd\u0085e\u2028f\u2029g\u000Bh\u000Ci\u0000j\u001Fk\u007Fl'), 'a b c d e f g h i j k l');
  assert.equal(oneLine('  \n Punkt 7: x \n'), 'Punkt 7: x');
});

// --- Fields with newlines and heading-shaped text: a property over both structured sources ----

const BREAKS = ['\n', '\r\n', '\r', '\u0085', '\u2028', '\u2029', '\u000B', '\u000C', '\u0000'];
const SHAPES = ['Punkt 7: x', '## Punkt 8: y', '9. z', '12.   Tolv', 'Lukket punkt', 'Lukket: w', '3', 'Beslutning', 'Sagsnr.: 12/345', '00.01.00G01-1-23'];
const piece = fc.oneof(fc.constantFrom(...BREAKS), fc.constantFrom(...SHAPES), fc.stringMatching(/^[a-zæøå]{1,6}$/), fc.constantFrom(' ', 'Åben', 'sag'));
/** A field's value: words, line breaks of every kind and heading-shaped text, mixed. */
const fieldValue = fc.array(piece, { maxLength: 6 }).map((ps) => ps.join(''));

function expectStructure(m: ImportedMeeting, closed: readonly boolean[]): void {
  const referat = parseReferat(m.text);
  assert.equal(m.punkter, closed.length, m.text);
  assert.deepEqual(
    referat.punkter.map((p) => p.closed),
    closed,
    m.text,
  );
  // No line of the file was split: none holds a break the editor would take for a line end.
  assert.doesNotMatch(m.text, /(?![\n\t])[\p{Cc}\u2028\u2029]/u);
}

test('property: SBSYS XML fields with line breaks and heading-shaped text never add a punkt or open a closed one', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        captions: fc.array(fieldValue, { minLength: 1, maxLength: 4 }),
        closed: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        caseNumber: fieldValue,
        fieldCaption: fieldValue,
        html: fieldValue,
        name: fieldValue,
        where: fieldValue,
        member: fieldValue,
      }),
      async (d) => {
        const items: SbsysItem[] = d.captions.map((caption, i) => ({
          // A caption of no words has no title to write (a number alone is no heading in eDoc's form).
          caption: `Sag ${caption}`,
          isPublic: !d.closed[i],
          caseNumber: d.caseNumber,
          fields: [
            { caption: 'Sammendrag', html: '<p>Kort.</p>' },
            { caption: 'Sagsfremstilling', html: `<p>${d.html.replace(/[<&]/g, ' ')}</p>` },
            { caption: d.fieldCaption, html: `<h3>${d.html.replace(/[<&]/g, ' ')}</h3><p>x</p>` },
            { caption: 'Beslutning', html: '<p>Godkendt.</p>' },
          ],
        }));
        const m = await importOne('p.xml', sbsysXml(items, { name: d.name, where: d.where, members: [d.member, 'Ole Hansen'] }));
        expectStructure(
          m,
          items.map((it) => !it.isPublic),
        );
      },
    ),
    { numRuns: 150, seed: 20 },
  );
});

test("property: a body's decision field (dated handlings, text after them, the system's empty words) never makes another day's decision, or another body's, this meeting's", async () => {
  // The meeting is on 15 May 2013 (sbsysXml); handlings on other days, and text on this one.
  const dateLine = fc.constantFrom(
    '14. maj 2013:',
    '15. maj 2013:',
    '02.05.2013:',
    '15.05.2013:',
    '3. juni 2013:',
    '31. februar 2013:',
    '15. maj 2013',
    'den 15. maj 2013:',
  );
  const line = fc.oneof(
    fc.tuple(dateLine, fieldValue).map(([d, v]) => `${d} ${v.replace(/[<&]/g, ' ')}`),
    fieldValue.map((v) => v.replace(/[<&]/g, ' ')),
    fc.constantFrom('Godkendt.', 'Anna Holm (A) deltog ikke i sagens behandling.', ''),
  );
  // SBSYS writes `Tomt indhold` for a field left empty, as its only text.
  const field = fc.oneof(
    fc.array(line, { maxLength: 5 }).map((ls) => ls.map((l) => `<p>${l}</p>`).join('')),
    fc.constant('<p>\n\tTomt indhold</p>'),
  );
  await fc.assert(
    fc.asyncProperty(
      fc.record({ own: field, other: field, closed: fc.boolean(), otherFirst: fc.boolean(), history: fc.option(fc.record({ by: fieldValue, html: field })) }),
      async (d) => {
        const own = { caption: 'KMB IT-UDVALGETS BESLUTNING', html: d.own, feedback: true };
        const other = { caption: 'KOMMUNALBESTYRELSENS BESLUTNING', html: d.other, feedback: true };
        const items: SbsysItem[] = [
          {
            caption: 'Sag om it',
            isPublic: !d.closed,
            ...(d.history ? { history: { by: `Økonomiudvalget ${d.history.by}`, html: d.history.html } } : {}),
            fields: [{ caption: 'Sagsfremstilling', html: '<p>Tekst.</p>' }, ...(d.otherFirst ? [other, own] : [own, other])],
          },
          openItem(2),
        ];
        const m = await importOne('p.xml', sbsysXml(items));
        expectStructure(m, [d.closed, false]);
        const referat = parseReferat(m.text);
        const first = referat.punkter[0]!;
        // This meeting's decision is under the meeting's own heading, dated the meeting's day, and nowhere else.
        for (const s of first.sections.filter((x) => x.kind === 'beslutning'))
          assert.match(s.headingText, /^KMB IT-UDVALGETS BESLUTNING den 15\.05\.2013 Punkt 1$/, m.text);
        assert.equal(first.sections.filter((x) => x.kind === 'beslutning').length, 1, m.text);
        // Another body's handling on another day is an earlier decision, never today's.
        for (const s of first.sections.filter((x) => x.kind === 'tidligereBeslutning')) assert.notEqual(s.earlier?.date?.date?.day, 15, m.text);
        assert.doesNotMatch(m.text, /Tomt indhold/);
      },
    ),
    { numRuns: 200, seed: 25 },
  );
});

test('property: First Agenda JSON fields with line breaks and heading-shaped text never add a punkt or open a closed one', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        captions: fc.array(fieldValue, { minLength: 1, maxLength: 4 }),
        closed: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        caseNumber: fieldValue,
        fieldName: fieldValue,
        html: fieldValue,
        udvalg: fieldValue,
        place: fieldValue,
        person: fieldValue,
        attachment: fieldValue,
      }),
      async (d) => {
        const items = d.captions.map((caption, i) => ({
          Number: i + 1,
          // An open caption may not begin with the closed marker, behind breaks and invisible characters either: the source marks closed by it alone.
          Caption: d.closed[i] ? `Lukket: ${caption}` : caption.replace(/^[\s\p{Cc}\u0085\u2028\u2029]*lukket/iu, 'Åben'),
          SagsNummer: d.caseNumber,
          Felter: [
            { Navn: 'Beslutning', Html: `<p>${d.html.replace(/[<&]/g, ' ')}</p>` },
            { Navn: d.fieldName, Html: `<h3>${d.html.replace(/[<&]/g, ' ')}</h3>` },
          ],
          Bilag: [{ Navn: d.attachment, Id: 'abc' }],
        }));
        const json = JSON.stringify({
          Udvalg: { Navn: d.udvalg },
          Moede: { Dato: '2024-10-02T19:00:00', Sted: d.place, Moededeltagere: [{ Name: d.person }, { Name: 'Ole Hansen' }] },
          Dagsordenpunkter: items,
        });
        const m = await importOne('greve.json', json);
        expectStructure(
          m,
          d.captions.map((_, i) => d.closed[i]!),
        );
      },
    ),
    { numRuns: 150, seed: 21 },
  );
});

test("First Agenda JSON: Greve's SagsNummer with a newline and a heading after it stays on the punkt's case-number line", async () => {
  const json = JSON.stringify({
    Udvalg: { Navn: 'Økonomiudvalget\nPunkt 9: Åben' },
    Moede: { Dato: '2024-10-02T19:00:00' },
    Dagsordenpunkter: [
      { Number: 1, Caption: 'Lukket: Køb af jord', SagsNummer: `24-001234\nPunkt 2: ${SECRET}`, Felter: [{ Navn: 'Beslutning', Html: `<p>${SECRET}</p>` }] },
      { Number: 2, Caption: 'Åben sag', SagsNummer: '24-000001', Felter: [{ Navn: 'Beslutning', Html: '<p>Godkendt.</p>' }] },
    ],
  });
  const m = await importOne('greve.json', json);
  // The case number alone on its line, what else the field held on the next, where the public version never shows it.
  assert.match(m.text, /^Punkt 1: Lukket: Køb af jord\n24-001234\nPunkt 2\\: HEMMELIGHED$/m);
  assert.match(m.text, /^REFERAT Økonomiudvalget Punkt 9: Åben d\. 02-10-2024$/m);
  expectStructure(m, [true, false]);
  assert.doesNotMatch(publicText(m.text), new RegExp(SECRET));
});

test('First Agenda JSON: a source flag closes an item whatever its caption; IsOpen counts only where some item is open', async () => {
  const item = (n: number, extra: Record<string, unknown>): Record<string, unknown> => ({
    Number: n,
    Caption: `Sag ${n}`,
    Felter: [{ Navn: 'Beslutning', Html: '<p>Godkendt.</p>' }],
    ...extra,
  });
  const withFlags = await importOne(
    'a.json',
    JSON.stringify({ Dagsordenpunkter: [item(1, { IsOpen: true }), item(2, { IsOpen: false }), item(3, { IsPublic: false }), item(4, { IsOpen: true })] }),
  );
  expectStructure(withFlags, [false, true, true, false]);
  // Greve: IsOpen false on every item, open and closed alike.
  const greve = await importOne('b.json', JSON.stringify({ Dagsordenpunkter: [item(1, { IsOpen: false }), item(2, { IsOpen: false, Caption: 'LUKKET' })] }));
  expectStructure(greve, [false, true]);
});

test('the imported referat of a closed SBSYS item checks without an error in its punkt', async () => {
  const m = await importOne('publication.xml', sbsysXml([openItem(1), closedItem('Lukket punkt'), openItem(3)]));
  const errors = checkReferat(parseReferat(m.text), { locale: 'en' }).filter((d) => d.severity === 'error');
  assert.deepEqual(
    errors.map((d) => `${d.range.start.line + 1} ${d.code}: ${d.message}`),
    [],
  );
});

test('referat import, then referat render --public: the closed SBSYS item is a closed punkt in the file, and the public HTML holds none of its text', () => {
  const dir = scratchDir('referat-closed-');
  try {
    const cli = (...args: string[]) => spawnSync(process.execPath, [join(repoRoot, 'dist/cli.js'), ...args], { encoding: 'utf8', cwd: dir, timeout: 120_000 });
    writeFileSync(
      join(dir, 'publication.xml'),
      sbsysXml([openItem(1), closedItem('Lukket punkt'), closedItem('LUKKET'), closedItem('Lukket sag - Salg af grund'), openItem(5)]),
    );
    const imported = cli('import', 'publication.xml', '-o', 'møde.referat');
    assert.equal(imported.status, 0, imported.stderr);
    const text = readFileSync(join(dir, 'møde.referat'), 'utf8');
    assert.deepEqual(
      parseReferat(text).punkter.map((p) => [p.number, p.closed]),
      [
        [1, false],
        [2, true],
        [3, true],
        [4, true],
        [5, false],
      ],
    );
    const rendered = cli('render', 'møde.referat', '--public', '-o', 'offentlig.html');
    assert.equal(rendered.status, 0, rendered.stderr);
    const html = readFileSync(join(dir, 'offentlig.html'), 'utf8');
    assert.doesNotMatch(html, new RegExp(SECRET));
    assert.match(html, /Tekst om sag 5/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("First Agenda page: a heading-shaped line in a punkt's text (and a case number with a line break) adds no punkt", async () => {
  const page = readFileSync(join(repoRoot, 'test/fixtures/sources/aarhus-teknisk-udvalg-2025-10-01.html'), 'utf8');
  const hostile = page
    .replace('Ingen bemærkninger.', `Ingen bemærkninger.</p><h3>Punkt 7: ${SECRET}</h3><p>EMN-2025-000001</p><p>9. ${SECRET}</p><p>Beslutninger`)
    .replace(/EMN-2025-010561/, 'EMN-2025-010561\u2028Punkt 8: Åben');
  const m = await importOne('aarhus-teknisk-udvalg-2025-10-01.html', hostile);
  assert.equal(m.punkter, 6, m.text);
  assert.equal(parseReferat(m.text).punkter.length, 6);
  assert.match(m.text, /^Punkt 7\\: HEMMELIGHED$/m);
  assert.match(m.text, /^EMN-2025-010561\nPunkt 8\\?: Åben$/m);
});
