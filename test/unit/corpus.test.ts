import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkReferat, parseReferat } from '../../server/src/core';
import { corpusFiles } from '../helpers';

const corpus = corpusFiles();

test('the corpus holds the three real referater', () => {
  assert.equal(corpus.length, 3);
});

for (const { name, text } of corpus) {
  test(`${name}: zero errors and zero warnings, in Danish and English`, () => {
    for (const locale of ['da', 'en'] as const) {
      const found = checkReferat(parseReferat(text), { locale });
      assert.deepEqual(
        found.map((d) => `${d.range.start.line + 1} ${d.code}: ${d.message}`),
        [],
      );
    }
  });
}

test('2019: header, old-form journal numbers, closed punkter, attendee with a dotted time', () => {
  const r = parseReferat(corpus.find((c) => c.name.includes('2019'))!.text);
  assert.equal(r.header.title?.udvalg, 'Direktionen');
  assert.deepEqual(r.header.title?.date?.date, { year: 2019, month: 6, day: 26 });
  assert.equal(r.header.moedeDato?.weekday?.text, 'Onsdag');
  assert.equal(r.header.moedeDato?.time?.text, '09:00');
  assert.equal(r.header.moedested?.value, 'Udvalgsværelse 1, Lemvig Rådhus');
  assert.deepEqual(
    r.punkter.map((p) => [p.number, p.closed]),
    [
      [1, false],
      [2, false],
      [3, false],
      [4, true],
      [5, true],
      [6, true],
    ],
  );
  const j = r.punkter[0]!.journal;
  assert.equal(j?.kind, 'valid');
  if (j?.kind === 'valid') {
    assert.equal(j.journal.kle?.form, 'old');
    assert.equal(j.journal.kle?.emne, '00.16.00');
    assert.equal(j.journal.kle?.facet, 'P20');
    assert.equal(j.journal.kle?.serial, 1);
    assert.equal(j.journal.caseYear, 2016);
  }
  assert.equal(r.punkter[0]!.attendees[0]?.time?.text, '9.00');
  assert.deepEqual(
    r.toc?.entries.map((e) => e.page),
    [3, 4, 6, 7, 8, 9],
  );
  const rec = r.punkter[1]!.sections.find((s) => s.kind === 'indstilling')!;
  assert.equal(rec.implicit, true);
  assert.equal(rec.recommendations[0]?.by, 'Direktøren for Social, Sundhed og Arbejdsmarked');
  assert.equal(rec.recommendations[0]?.bullets.length, 10);
});

test('2024 Markdown form: decoration is ignored, a deeper heading is a sub-heading, the supplementary cycle is read', () => {
  const r = parseReferat(corpus.find((c) => c.name.includes('2024'))!.text);
  assert.equal(r.punkter.length, 8);
  assert.equal(r.punkter[1]!.title, 'Statusmøde med udviklingschefen');
  const p4 = r.punkter[3]!;
  assert.deepEqual(
    p4.sections.map((s) => s.kind),
    ['resume', 'sagsfremstilling', 'sagenAfgoeres', 'vision', 'indstilling', 'tidligereBeslutning', 'supplerendeSagsfremstilling', 'beslutning', 'bilag'],
  );
  const sub = p4.sections[1]!.body.find((b) => b.text === '#### Økonomi');
  assert.equal(sub?.subHeadingLevel, 4);
  const earlier = p4.sections[5]!.earlier!;
  assert.equal(earlier.udvalg, 'Direktionen');
  assert.deepEqual(earlier.date?.date, { year: 2024, month: 3, day: 20 });
  assert.equal(earlier.punktNumber, 3);
  assert.equal(r.punkter[7]!.closed, true);
  assert.equal(r.punkter[7]!.title, 'Lukket:');
});
