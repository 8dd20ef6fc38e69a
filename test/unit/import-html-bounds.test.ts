import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFirst, htmlToLines, inlineText, parseHtml, rawText } from '../../server/src/import/html';
import { MAX_LINE } from '../../server/src/import/html/layout';
import { importSource } from '../../server/src/import/index';
import { sourcesDir } from '../pdfFixtures';

/*
 * The HTML reader has no depth limit (its walks are iterative) and a bounded cost per line: a page
 * nested 5,000 levels deep imports, and a 50 MB paragraph neither takes gigabytes nor makes a line
 * longer than MAX_LINE.
 */

const PAGE = 'aarhus-teknisk-udvalg-2025-10-01.html';
const page = (): string => readFileSync(join(sourcesDir, PAGE), 'utf8');
/** The fixture page with `html` in place of the first punkt's decision text. */
const pageWith = (html: string): Uint8Array => new TextEncoder().encode(page().replace('Ingen bemærkninger.', html));

for (const [depth, tag] of [
  [5_000, 'div'],
  [20_000, 'span'],
  [5_000, 'li'],
  [3_000, 'table><tr><td'],
] as const) {
  test(`a page nested ${depth.toLocaleString('en')} levels deep (<${tag.split('>')[0]}>) imports with its deepest text, not "incomplete, download again"`, async () => {
    const close = tag
      .split('><')
      .reverse()
      .map((t) => `</${t.replace(/^</, '')}>`)
      .join('');
    const r = await importSource(PAGE, pageWith(`${`<${tag}>`.repeat(depth)}Dybt indlejret tekst${close.repeat(depth)}`));
    if (!r.ok) assert.fail(`${r.problem}: ${r.message.en} (${r.detail ?? ''})`);
    assert.match(r.meetings[0]!.text, /Dybt indlejret tekst/);
    assert.equal(r.meetings[0]!.punkter, 6);
  });
}

test('the DOM helpers walk any depth: rawText, inlineText, findFirst', () => {
  const doc = parseHtml(`${'<b>'.repeat(10_000)}<i class="x">dyb</i>${'</b>'.repeat(10_000)}`);
  assert.equal(rawText(doc), 'dyb');
  assert.equal(inlineText(doc), 'dyb');
  assert.equal(findFirst(doc, (e) => e.name === 'i')?.attribs.class, 'x');
});

test('layout keeps the order of lists, tables and headings as before (a table in a list item in a table)', () => {
  const html =
    '<h3>Overskrift</h3><ol start="3"><li>a<ul><li>b</li></ul></li><li value="7">c</li></ol><table><caption>Tabel</caption><tbody><tr><td>1</td><td>2</td></tr></tbody><tr><td><p>x</p><p>y</p></td><td>z</td></tr></table><p>slut</p>';
  assert.deepEqual(htmlToLines(html), ['Overskrift', '3. a', '- b', '7. c', 'Tabel', '1\t2', 'x', 'y', 'z', 'slut']);
});

test('a table row whose cells hold their lines a paragraph each is laid out side by side, line by line, as a browser shows it', () => {
  // Region Hovedstaden's SBSYS publication: the hospitals in one cell, their amounts in the next.
  const html =
    '<table><tbody><tr><td><p> </p></td><td><p align="right">Mio. kr.</p></td></tr><tr><td><p>Bornholms Hospital</p><p>Gentofte Hospital</p><p><strong>I alt </strong></p></td><td><p align="right">1,80</p><p align="right">5,30</p><p align="right"><strong>7,10</strong></p></td></tr><tr><td><p>a</p><p>b</p></td><td><p>c</p></td></tr></tbody></table>';
  // The empty corner above the hospitals kept (a non-breaking space): `Mio. kr.` heads the amounts.
  assert.deepEqual(htmlToLines(html), ['\u00a0\tMio. kr.', 'Bornholms Hospital\t1,80', 'Gentofte Hospital\t5,30', 'I alt\t7,10', 'a', 'b', 'c']);
  // Paragraphs of prose in two cells are not paired: the second of one need not answer the second of the other.
  const long = 'Det er ikke påkrævet at få bekræftet tavshedspligten med underskrift, og det har været praktiseret forskelligt.';
  const prose = `<table><tr><td><p>I § 6 er det slettet.</p><p>Til sætningen er det tilføjet.</p></td><td><p>${long}</p><p>Bestyrelsen er omfattet.</p></td></tr></table>`;
  assert.deepEqual(htmlToLines(prose), ['I § 6 er det slettet.', 'Til sætningen er det tilføjet.', long, 'Bestyrelsen er omfattet.']);
});

test('a 10 MB paragraph in a First Agenda page: every word kept, no line longer than MAX_LINE, in bounded time', async () => {
  const words = 2_000_000;
  const paragraph = Array.from({ length: words }, (_, i) => (i % 1000 === 0 ? `mærke${i}` : 'ord')).join(' ');
  const started = Date.now();
  // 10 MB, not the 50 MB of the report: the suite runs on shared cores; the cost is linear.
  const r = await importSource(PAGE, pageWith(`<p>${paragraph}</p>`));
  const ms = Date.now() - started;
  if (!r.ok) assert.fail(`${r.problem}: ${r.detail ?? ''}`);
  const text = r.meetings[0]!.text;
  const lines = text.split('\n');
  assert.ok(Math.max(...lines.map((l) => l.length)) <= MAX_LINE);
  const marks = new Set(text.match(/\bmærke\d+\b/g));
  for (let i = 0; i < words; i += 1000) assert.ok(marks.has(`mærke${i}`), `mærke${i} lost`);
  assert.equal(text.match(/\bord\b/g)?.length, words - words / 1000);
  assert.ok(ms < 20_000, `${ms} ms`);
});
