import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseReferatYaml } from '../../server/src/config/referatYaml';
import { documentOf, ROOT, serviceWith } from './helpers';

/*
 * referat.yaml's `dialekt:`: a municipality names its meeting system and adds its own headings,
 * case-number form and numbering; the editor and the command line read it alike.
 */

const YAML = String.raw`dialekt:
  navn: sbsys
  afsnit:
    Sagens baggrund: Sagsfremstilling
    Direktionens indstilling: Indstilling
  sagsnummer: 'S(?<år>\d{4})-\d{5}'
  nummerering: løbende
`;

const REFERAT = `REFERAT Økonomiudvalget d. 03-02-2025

Mødedato Mandag d. 3. februar 2025 kl. 16:00

Mødested Byrådssalen

Punkt 41: Budgetopfølgning

S2025-00012

Sagens baggrund

Regnskabet viser et mindreforbrug.

Direktionens indstilling

Direktionen indstiller, at opfølgningen tages til efterretning.

Beslutning

Taget til efterretning.

Punkt 42: Eventuelt

S2024-00410

Beslutning

Intet.
`;

async function findings(files: Record<string, string>, path = 'udvalg/x.referat'): Promise<string[]> {
  const service = await serviceWith(files);
  const found = await service.findings(documentOf(`${ROOT}/${path}`, files[path]!));
  return found.map((d) => `${d.range.start.line + 1} ${d.code}`);
}

test("with referat.yaml's dialect: its case numbers, headings and running numbers are correct minutes", async () => {
  assert.deepEqual(await findings({ 'referat.yaml': YAML, 'udvalg/x.referat': REFERAT }), []);
});

test('without it the same minutes are not understood: that is what the dialect adds', async () => {
  const found = await findings({ 'udvalg/x.referat': REFERAT });
  assert.ok(found.includes('7 punkt-numbering'), found.join('\n'));
  assert.ok(
    found.some((f) => f.endsWith('journal-format') || f.endsWith('missing-journal-number')),
    found.join('\n'),
  );
});

test("the municipality's case number is checked by its year group: a case opened after the meeting is reported on its year", async () => {
  const late = REFERAT.replace('S2024-00410', 'S2026-00410');
  const service = await serviceWith({ 'referat.yaml': YAML, 'udvalg/x.referat': late });
  const found = await service.findings(documentOf(`${ROOT}/udvalg/x.referat`, late));
  assert.deepEqual(
    found.map((d) => [d.code, d.range.start.line + 1, d.range.start.character, d.range.end.character]),
    [['journal-year', 25, 1, 5]],
  );
});

test('running numbers still catch a gap and a repeat', async () => {
  const gap = REFERAT.replace('Punkt 42: Eventuelt', 'Punkt 44: Eventuelt');
  assert.deepEqual(await findings({ 'referat.yaml': YAML, 'udvalg/x.referat': gap }), ['23 punkt-numbering']);
  const repeat = REFERAT.replace('Punkt 42: Eventuelt', 'Punkt 41: Eventuelt');
  assert.deepEqual(await findings({ 'referat.yaml': YAML, 'udvalg/x.referat': repeat }), ['23 punkt-numbering']);
});

test('the outline shows the added heading as a section and the case number as detail', async () => {
  const service = await serviceWith({ 'referat.yaml': YAML, 'udvalg/x.referat': REFERAT });
  const doc = documentOf(`${ROOT}/udvalg/x.referat`, REFERAT);
  await service.findings(doc);
  const punkt = service.documentSymbols(doc).find((s) => s.name.startsWith('Punkt 41'))!;
  assert.equal(punkt.detail, 'S2025-00012');
  assert.deepEqual(
    punkt.children!.map((c) => c.name),
    ['Sagens baggrund', 'Direktionens indstilling', 'Beslutning'],
  );
});

test('mistakes in dialekt: are reported at their line and column, in both languages', () => {
  const { problems, config } = parseReferatYaml(String.raw`dialekt:
  navn: edok
  afsnit:
    Sagens baggrund: Sagsfremstiling
  sagsnummer: 'S(?<år>\d{4}-\d+'
  nummerering: hver gang
  farve: blå
`);
  assert.deepEqual(
    problems.map((p) => [p.range.start.line + 1, p.range.start.character + 1, p.message.da]),
    [
      [
        2,
        9,
        'Ukendt dialekt "edok"; mente du "edoc"? Kendte: sbsys, first-agenda-pdf, first-agenda-page, greve, edoc, sbsys-edagsorden, acadre, edoc-fujitsu, getorganized-publication, getorganized.',
      ],
      [4, 22, '"Sagsfremstiling" er ikke et kendt afsnit; mente du "Sagsfremstilling"?'],
      [5, 15, 'Mønsteret kan ikke bruges: /^(?:S(?<år>\\d{4}-\\d+)$/du: Unterminated group.'],
      [6, 16, '"hver gang" er ikke fra-1 (punkterne nummereres 1, 2, 3 …) eller løbende (numrene fortsætter gennem året).'],
      [7, 3, 'Ukendt nøgle "farve" i dialekt; kendte nøgler: navn, afsnit, sagsnummer, nummerering'],
    ],
  );
  assert.ok(problems.every((p) => p.message.en.length > 0 && p.message.en !== p.message.da));
  assert.deepEqual(config.dialekt, {});
});

test('dialekt: may be just a name, and a pattern without a year group is read but said to be unchecked', () => {
  assert.deepEqual(parseReferatYaml('dialekt: Acadre\n').config.dialekt, { navn: 'acadre' });
  const { problems, config } = parseReferatYaml("dialekt:\n  sagsnummer: 'S-\\d+'\n");
  assert.equal(problems.length, 1);
  assert.match(problems[0]!.message.da, /ingen gruppe \(\?<år>…\)/);
  assert.equal(config.dialekt?.sagsnummer?.pattern.test('S-42'), true);
});
