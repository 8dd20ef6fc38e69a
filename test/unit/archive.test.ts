import { SBSYS } from '../../server/src/dialect/dialects';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArchiveIndex, checkReferat, parseReferat, summarizeReferat, type Referat } from '../../server/src/core';
import { corpusFiles, rulesDir } from '../helpers';
import { readSummary, readSummaryEarlier, findSummaryLines } from '../../server/src/archive/summary';
import { parseJournalLine } from '../../server/src/model/journal';

const corpus = corpusFiles();

function fromFullParse(r: Referat) {
  return {
    body: r.header.title?.udvalg || undefined,
    date: r.header.moedeDato?.date?.date ?? r.header.title?.date?.date,
    punkter: r.punkter.map((p) => ({
      number: p.number,
      title: p.title,
      closed: p.closed,
      line: p.headingRange.start.line,
      journal: p.journal?.kind === 'valid' ? p.journal.journal.text : undefined,
      journalLine: p.journal?.kind === 'valid' ? p.journal.journal.text + '/' + p.journal.journal.caseYear : p.journal?.kind,
      earlier: p.sections.filter((s) => s.earlier).map((s) => [s.earlier!.udvalg, s.earlier!.date?.text, s.earlier!.punktNumber]),
    })),
  };
}

/** The archive's summary of a text, with the source lines it kept read as the full parser reads them. */
function summaryOf(text: string) {
  const source = findSummaryLines(text);
  const s = readSummary(source);
  return {
    body: s.udvalg,
    date: s.date,
    punkter: s.punkter.map((p, i) => {
      const d = source.punkter[i]!;
      const j = d.journal ? parseJournalLine(d.journal.text, d.journal.line, s.date?.year, SBSYS) : undefined;
      return {
        number: p.number,
        title: p.title,
        closed: p.closed,
        line: p.headingRange.start.line,
        journal: p.journal,
        journalLine: j?.kind === 'valid' ? j.journal.text + '/' + j.journal.caseYear : j?.kind,
        earlier: d.earlier.map(readSummaryEarlier).map((e) => [e.udvalg, e.date?.text, e.punktNumber]),
      };
    }),
  };
}

test('the archive summary of each corpus referat equals the full parse', () => {
  for (const c of corpus) assert.deepEqual(summaryOf(c.text), fromFullParse(parseReferat(c.text)), c.name);
});

test('the summary agrees with the full parse on thousands of mutated referater', () => {
  const lineOps = fc.array(
    fc.oneof(
      fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('dup' as const), at: fc.nat() }),
      fc.record({
        op: fc.constant('insert' as const),
        at: fc.nat(),
        line: fc.constantFrom(
          '',
          '   ',
          'Punkt 9: Ny',
          '## Beslutning',
          '#### Beslutning',
          'REFERAT Direktionen d. 01-02-2024',
          'REFERAT Økonomiudvalget d. 02-02-2024',
          'Mødedato Torsdag d. 1. februar 2024 kl. 09:00',
          'Indholdsfortegnelse',
          'Beslutning fra Direktionen, 3. januar 2024, pkt. 2:',
          // An approval (`referat approve`): the parser and the summary both end the punkter there.
          'Godkendelse',
          'Godkendt af: Anna Holm',
          'Dato: 2024-02-01',
          'Segl: v1 a:IMXutmwePNw0 h:cwFfIk5keL9o',
          // Whole blocks: sealed (the approval), and without a seal (text of the punkt it stands in).
          'Godkendelse\n\nGodkendt af: Anna Holm\nDato: 2024-02-01\nSegl: v1 a:IMXutmwePNw0 h:cwFfIk5keL9o',
          'Godkendelse\n\n  \nGodkendt af: Anna Holm\n\n\nDato: 2024-02-01',
          'Tilføjelse',
          '00.01.00I00-1-24',
          'Kommunaldirektøren indstiller,',
          '\r',
          'Mødedeltagere A, B',
          'C og D',
        ),
      }),
    ),
    { maxLength: 10 },
  );
  fc.assert(
    fc.property(fc.integer({ min: 0, max: corpus.length - 1 }), lineOps, (which, ops) => {
      const lines = corpus[which]!.text.split('\n');
      for (const o of ops) {
        const at = o.at % Math.max(1, lines.length);
        if (o.op === 'delete') lines.splice(at, 1);
        else if (o.op === 'dup') lines.splice(at, 0, lines[at] ?? '');
        else lines.splice(at, 0, o.line);
      }
      const text = lines.join('\n');
      assert.deepEqual(summaryOf(text), fromFullParse(parseReferat(text)));
    }),
    { numRuns: 2000, seed: 42 },
  );
});

test('the summary keeps the final decision, and nothing of a closed punkt', () => {
  const s = summarizeReferat(corpus.find((c) => c.name.includes('2024'))!.text);
  assert.equal(s.punkter[3]!.beslutning, 'Økonomidokumentet opdateres og drøftes igen den 15. maj 2024.');
  const closed = summarizeReferat(readFileSync(join(rulesDir, 'closed-with-content.ok.referat'), 'utf8'));
  const last = closed.punkter[closed.punkter.length - 1]!;
  assert.equal(last.closed, true);
  assert.equal(last.beslutning, undefined);
});

function archiveOf(files: Record<string, string>): ArchiveIndex {
  const a = new ArchiveIndex();
  for (const [uri, text] of Object.entries(files)) a.setText(uri, text);
  return a;
}

const earlierMeeting = [
  'REFERAT Direktionen d. 20-03-2024',
  'Mødedato Onsdag d. 20. marts 2024 kl. 09:00',
  'Mødested Rådhuset',
  '',
  'Punkt 1: A',
  '00.01.00I00-1-23',
  'Beslutning',
  'OK',
  '',
  'Punkt 3: Handleplan for digitalisering',
  '85.13.00G01-2-23',
  '',
  'Beslutning',
  '',
  'Drøftes igen på næste møde.',
].join('\n');

test('meetings are found by body and date, not by file name; files can be renamed and deleted', () => {
  const a = archiveOf({ 'file:///x/whatever-name.referat': earlierMeeting });
  const m = a.meeting('Direktionen', { year: 2024, month: 3, day: 20 });
  assert.equal(m?.uri, 'file:///x/whatever-name.referat');
  assert.equal(a.meeting('direktionen', { year: 2024, month: 3, day: 20 })?.uri, m?.uri, 'body matched without case');
  assert.equal(a.meeting('Direktionen', { year: 2024, month: 3, day: 21 }), undefined);
  a.rename('file:///x/whatever-name.referat', 'file:///x/new.referat');
  assert.equal(a.meeting('Direktionen', { year: 2024, month: 3, day: 20 })?.uri, 'file:///x/new.referat');
  a.delete('file:///x/new.referat');
  assert.equal(a.meeting('Direktionen', { year: 2024, month: 3, day: 20 }), undefined);
  assert.deepEqual(a.caseHistory('85.13.00G01-2-23'), []);
  assert.equal(a.size, 0);
});

test('case history lists every meeting of a journal number in date order, with its decision', () => {
  const a = archiveOf(Object.fromEntries(corpus.map((c) => [`file:///${c.name}`, c.text])));
  a.setText('file:///b.referat', earlierMeeting);
  const h = a.caseHistory('00.15.25P05-1-23');
  assert.deepEqual(
    h.map((x) => [x.uri, x.punkt.number]),
    [
      ['file:///direktionen-2023-12-07.referat', 4],
      ['file:///direktionen-2024-04-17.referat', 1],
    ],
  );
  assert.match(h[1]!.punkt.beslutning ?? '', /^BDO præsenterede/);
  const d = a.caseHistory('85.13.00G01-2-23');
  assert.deepEqual(
    d.map((x) => x.date),
    [
      { year: 2024, month: 3, day: 20 },
      { year: 2024, month: 4, day: 17 },
    ],
  );
});

test('workspace symbols find punkt titles and journal numbers across meetings', () => {
  const a = archiveOf(Object.fromEntries(corpus.map((c) => [`file:///${c.name}`, c.text])));
  assert.deepEqual(
    a
      .symbols('eventuelt')
      .map((s) => s.name)
      .sort(),
    ['Punkt 3: Eventuelt', 'Punkt 5: Eventuelt', 'Punkt 7: Eventuelt'],
  );
  const byJournal = a.symbols('81.39.15');
  assert.equal(byJournal.length, 1);
  assert.equal(byJournal[0]!.detail, '81.39.15G01-4-23 · Direktionen · 7. december 2023');
  assert.equal(a.symbols('').length, 20);
});

const later = corpus.find((c) => c.name.includes('2024'))!.text;

test('reference-mismatch: the referenced meeting has no such punkt', () => {
  const a = archiveOf({ 'file:///b.referat': earlierMeeting.replace('Punkt 3: Handleplan', 'Punkt 2: Handleplan') });
  const found = checkReferat(parseReferat(later), { archive: a, locale: 'da' }).filter((d) => d.code === 'reference-mismatch');
  assert.deepEqual(
    found.map((d) => [d.range.start.line + 1, d.message]),
    [[240, 'Direktionens møde 20. marts 2024 har intet punkt 3.']],
  );
});

test('reference-mismatch: that punkt carries another journal number', () => {
  const a = archiveOf({ 'file:///b.referat': earlierMeeting.replace('85.13.00G01-2-23', '85.13.00G01-9-23') });
  const found = checkReferat(parseReferat(later), { archive: a, locale: 'en' }).filter((d) => d.code === 'reference-mismatch');
  assert.equal(found.length, 1);
  assert.equal(found[0]!.range.start.line + 1, 240);
  assert.match(found[0]!.message, /has journal number 85\.13\.00G01-9-23, not 85\.13\.00G01-2-23/);
});

test('reference-mismatch stays silent when the punkt matches, the meeting is not archived, or there is no archive', () => {
  assert.deepEqual(checkReferat(parseReferat(later), { archive: archiveOf({ 'file:///b.referat': earlierMeeting }) }), []);
  assert.deepEqual(checkReferat(parseReferat(later), { archive: archiveOf({}) }), []);
  assert.deepEqual(checkReferat(parseReferat(later)), []);
});
