import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { detectDialect } from '../../server/src/dialect/detect';
import {
  ACADRE,
  EDOC,
  EDOC_FUJITSU,
  FIRST_AGENDA_PAGE,
  FIRST_AGENDA_PDF,
  GETORGANIZED,
  GETORGANIZED_PUBLICATION,
  GREVE,
  SBSYS,
  SBSYS_EDAGSORDEN,
  type Dialect,
} from '../../server/src/dialect/dialects';
import { repoRoot } from '../helpers';

/*
 * detectDialect tries each pattern only where a word it needs stands in the text. The patterns as
 * they were, each run on the whole sample, are kept here as the reference it must agree with.
 */
const R = {
  PUNKT_COLON: /^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?Punkt[ \t]+\d{1,6}[ \t]*[:.]/m,
  PAGE_FIELDS: /^(?:Udvalg|Mødedato|Mødested):\t/m,
  PAGE_NUMBER_LINE: /^\d{1,3}[ \t]*\r?\n(?:[ \t]*\r?\n)*[^\r\n]+\r?\n[ \t]*EMN-\d{4}-\d{6}/m,
  EMN: /^[ \t]*EMN-\d{4}-\d{6}[ \t]*$/gm,
  AARHUS_SECTIONS: /^[ \t]*(?:Beslutninger|Beslutningspunkter|Sagsforløb:?)[ \t]*$/gm,
  GREVE_CASE: /^[ \t]*\d{2}-\d{6}[A-Z]?[ \t]*$/gm,
  GREVE_SECTIONS: /^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?(?:Sagens forløb|Fremstilling|Sagsprocedure)(?:\*\*)?[ \t:]*$/gm,
  SAGSNR: /^[ \t]*Sagsnr\.?:?[ \t]+(\S+)/m,
  EDOC_DECISION: /beslutning den \d{2}\.\d{2}\.\d{4}/i,
  NUMBER_DOT: /^\d{1,4}\.[ \t]{2,}\S/m,
  EDOC_SECTIONS: /^[ \t]*(?:Sammendrag|Beslutningen træffes af|Sagen afgøres af)[ \t]*$/im,
  ACADRE_DECISION: /^[ \t]*Beslutning i .+ den \d{2}-\d{2}-\d{4}[ \t]*$/m,
  FUJITSU_SECTIONS: /^[ \t]*(?:Præsentation|Forvaltningen foreslår)[ \t:]*$/m,
  SUB_ITEM_HEADING: /^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?Punkt[ \t]+\d{1,6}\.\d{1,3}[ \t]*[:.]/m,
  OUTLINE_ITEM: /^[ \t]*\d{1,3}(?:\.\d{1,3})?[ \t]+\S[^\r\n]*\r?\n(?:[ \t]*\r?\n){0,3}[ \t]*Oplæg[ \t]*:/m,
  GETORGANIZED_TIME: /^Tidspunkt:[ \t]+\d{1,2}[:.]\d{2}[ \t]*-[ \t]*\d{1,2}[:.]\d{2}[ \t]*$/m,
};
const count = (p: RegExp, t: string): number => t.match(p)?.length ?? 0;

function reference(text: string): Dialect {
  const sample = text.length > 48_000 ? text.slice(0, 48_000) : text;
  if (R.OUTLINE_ITEM.test(sample) && !R.PUNKT_COLON.test(sample)) return GETORGANIZED;
  if (R.SUB_ITEM_HEADING.test(sample) || (R.GETORGANIZED_TIME.test(sample) && R.PUNKT_COLON.test(sample))) return GETORGANIZED_PUBLICATION;
  if (R.FUJITSU_SECTIONS.test(sample) && !R.PUNKT_COLON.test(sample)) return EDOC_FUJITSU;
  const sagsnr = R.SAGSNR.exec(sample);
  if (sagsnr && !R.PUNKT_COLON.test(sample)) {
    if (R.ACADRE_DECISION.test(sample) || /^\d{2}\/\d+$/.test(sagsnr[1]!) || /Sagen afgøres i:/.test(sample)) return ACADRE;
    return EDOC;
  }
  if (!sagsnr && R.NUMBER_DOT.test(sample) && R.EDOC_SECTIONS.test(sample) && !R.PUNKT_COLON.test(sample)) return SBSYS_EDAGSORDEN;
  if (R.EDOC_DECISION.test(sample) && !R.PUNKT_COLON.test(sample)) return EDOC;
  if (R.PAGE_FIELDS.test(sample) || R.PAGE_NUMBER_LINE.test(sample)) return FIRST_AGENDA_PAGE;
  const aarhus = count(R.EMN, sample) * 2 + count(R.AARHUS_SECTIONS, sample);
  const greve = count(R.GREVE_CASE, sample) + count(R.GREVE_SECTIONS, sample);
  if (aarhus > 0 && aarhus >= greve) return FIRST_AGENDA_PDF;
  if (greve > 0) return GREVE;
  return SBSYS;
}

function* texts(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* texts(path);
    else if (/\.(referat|txt)$/.test(name)) yield readFileSync(path, 'utf8');
  }
}

test('every fixture is told the dialect the reference patterns tell', () => {
  let n = 0;
  for (const t of texts(join(repoRoot, 'test/fixtures'))) {
    assert.equal(detectDialect(t).id, reference(t).id);
    n++;
  }
  assert.ok(n > 100, `${n} fixtures`);
});

test('property: on text made of the tell-tale words, digits, blanks and every kind of line break, the same dialect as the reference', () => {
  const piece = fc.constantFrom(
    'Punkt 3: ',
    'Punkt 1.2: ',
    '## **Punkt 4.',
    'Tidspunkt: 13:00 - 15:00',
    'Præsentation',
    'Forvaltningen foreslår:',
    'Sagsnr.: ',
    'Sagsnr ',
    '12/345',
    'Sagen afgøres i:',
    'Beslutning i Udvalget den 01-02-2023',
    'Beslutning den 01.02.2023',
    'BESLUTNING DEN 01.02.2023',
    'Sammendrag',
    'SAGEN AFGØRES AF',
    '3.   Titel',
    '12.\t\tTitel',
    'Udvalg:\t',
    'Mødedato:\t',
    'EMN-2023-001234',
    'Beslutninger',
    'Beslutningspunkter',
    'Sagsforløb:',
    '24-012345',
    '24-012345A',
    '24-0123456',
    '2-012345',
    'Sagens forløb',
    '**Fremstilling**',
    'Sagsprocedure:',
    '7',
    '42',
    ' ',
    '\t',
    '-',
    'x',
    'Titel',
  );
  const brk = fc.constantFrom('\n', '\r\n', '\r', '\u2028', '\u2029', '\n\n');
  const line = fc.array(piece, { maxLength: 4 }).map((p) => p.join(''));
  const doc = fc.array(fc.tuple(line, brk), { maxLength: 30 }).map((ls) => ls.map(([l, b]) => l + b).join(''));
  fc.assert(
    fc.property(doc, (t) => {
      assert.equal(detectDialect(t).id, reference(t).id);
    }),
    { numRuns: 5000 },
  );
});
