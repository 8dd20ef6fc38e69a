import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { checkReferat, parseReferat, type Punkt } from '../../server/src/core';
import { findFurniture } from '../../server/src/import/pdf';
import { importSource } from '../../server/src/import/index';
import { nodeFonts } from '../../server/src/node/fonts';
import type { renderPdf as RenderPdf } from '../../server/src/render/pdf';
import { repoRoot } from '../helpers';

/*
 * Punkt headings are never running headers: Referat's own PDF, a punkt per page, titles that
 * differ only in their digits (each at the top of its page, its numbers running with the page's),
 * imports back with every heading, number and title; `render` then `import` gives back every punkt.
 */

const caseNumber = (p: Punkt): string | undefined => (p.journal?.kind === 'valid' ? p.journal.journal.text : p.journal?.text);

const renderPdf = (createRequire(__filename)(join(repoRoot, 'dist/pdf.js')) as { renderPdf: typeof RenderPdf }).renderPdf;

function sixPunkter(): string {
  const lines = ['REFERAT Direktionen d. 07-12-2023', '', 'Mødedato Torsdag d. 07. december 2023 kl. 09:00', 'Mødested Udvalgsværelse 1, Lemvig Rådhus', ''];
  for (let n = 1; n <= 6; n++)
    lines.push(
      `Punkt ${n}: Lokalplan nr. ${100 + n}`,
      `01.02.05P16-${n}-23`,
      '',
      'Sagsfremstilling',
      `Forslag til lokalplan nr. ${100 + n} for området ved vej ${n}.`,
      '',
      'Beslutning',
      'Godkendt.',
      '',
    );
  return lines.join('\n');
}

for (const audience of ['internal', 'public'] as const) {
  test(`render (${audience} PDF) then import: six punkter whose titles differ only in digits come back, every heading with its number and title`, async () => {
    const source = parseReferat(sixPunkter());
    assert.deepEqual(checkReferat(source, { locale: 'en' }), []);
    const pdf = await renderPdf(source, { audience, fonts: await nodeFonts() });
    const r = await importSource('seks.pdf', pdf);
    if (!r.ok) assert.fail(`${r.problem}: ${r.detail ?? ''}`);
    const back = parseReferat(r.meetings[0]!.text);
    assert.deepEqual(
      back.punkter.map((p) => [p.number, p.title, caseNumber(p)]),
      source.punkter.map((p) => [p.number, p.title, caseNumber(p)]),
      r.meetings[0]!.text,
    );
    // Each heading in the body, on the page it starts, not only in the table of contents.
    for (let n = 1; n <= 6; n++) assert.match(r.meetings[0]!.text, new RegExp(`^Punkt ${n}: Lokalplan nr\\. ${100 + n}\\n`, 'm'));
    assert.equal(r.meetings[0]!.punkter, 6);
    assert.deepEqual(
      checkReferat(back, { locale: 'en' }).map((d) => `${d.range.start.line + 1} ${d.code}: ${d.message}`),
      [],
    );
  });
}

test('furniture: headings at the top of most pages whose numbers run with the page are kept; a page counter there still goes', () => {
  const pages = Array.from({ length: 7 }, (_, p) => ({
    height: 842,
    lines: [
      { y: 40, text: 'Teknisk Udvalg' },
      { y: 80, text: `Punkt ${p + 1}: Lokalplan nr. ${101 + p}` },
      { y: 100, text: `${p + 2}. Lokalplan nr. ${101 + p}` },
      { y: 400, text: `Tekst ${p}` },
      { y: 800, text: `Side ${p + 1} af 7` },
    ],
  }));
  const marks = findFurniture(pages);
  for (const m of marks) assert.deepEqual(m, [true, false, false, false, true]);
});
