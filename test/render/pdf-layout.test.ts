// The PDF's line breaking on its own, with a made-up font: where a word too long for a line is
// cut, and how much text is measured to find out (the work, never the time).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseReferat } from '../../server/src/core';
import { documentLabels } from '../../server/src/render/labels';
import { layoutDocument, type Measure } from '../../server/src/render/pdf/layout';
import type { PdfDocumentModel } from '../../server/src/render/pdf/model';
import { CONTENT_WIDTH, STYLE } from '../../server/src/render/pdf/style';

/** A font with kerning: `A` then `V` closer together, `T` then `o` too, `f` then `)` apart. */
function kerningFont(): { measure: Measure; measured: () => number } {
  let chars = 0;
  const advance = (c: string): number => (c === 'i' || c === 'l' ? 0.25 : /[A-Z]/.test(c) ? 0.62 : c === '😀' ? 1 : 0.5);
  const kern: Record<string, number> = { AV: -0.12, VA: -0.12, To: -0.08, 'f)': 0.1 };
  const measure: Measure = (text, _face, size) => {
    chars += text.length;
    const cps = Array.from(text);
    let w = 0;
    cps.forEach((c, i) => (w += advance(c) + (i > 0 ? (kern[cps[i - 1]! + c] ?? 0) : 0)));
    return w * size;
  };
  return { measure, measured: () => chars };
}

/** A document of these blocks alone, as the layout takes it. */
function documentOf(blocks: PdfDocumentModel['blocks']): PdfDocumentModel {
  return { title: 't', running: 'r', edition: 'e', labels: documentLabels(parseReferat('')), blocks };
}

function layOut(word: string, measure: Measure) {
  const model = documentOf([{ kind: 'para', runs: [{ text: `før ${word} efter`, face: 'regular' }] }]);
  const laidOut = layoutDocument(model, measure, (t) => t, new Map());
  return laidOut.pages.flatMap((p) => p.map((l) => l.line.frags.map((f) => f.text).join('')));
}

for (const [name, word] of [
  ['letters', 'abcdefghij'.repeat(500)],
  ['kerning pairs', 'AVAToVAf)il'.repeat(450)],
  ['astral characters', '😀x'.repeat(2_500)],
] as const) {
  test(`a ${word.length}-character word (${name}) is cut into lines that each hold as much as fits`, () => {
    const { measure } = kerningFont();
    const lines = layOut(word, measure);
    assert.equal(lines.join(''), `før ${word} efter`, 'every character, in order, once');
    assert.equal(lines[0], 'før ');
    assert.ok(lines.length > 10);
    const size = STYLE.body.size;
    lines.forEach((line, i) => {
      assert.ok(measure(line.trimEnd(), 'regular', size) <= CONTENT_WIDTH, `line ${i} fits`);
      // Greedy: one more character of the word would not have fitted (the last line ends the paragraph).
      const next = lines[i + 1];
      if (i > 0 && next !== undefined) {
        const more = line + String.fromCodePoint(next.codePointAt(0)!);
        assert.ok(measure(more, 'regular', size) > CONTENT_WIDTH, `line ${i} could take one more`);
      }
      // Never a lone half of a surrogate pair.
      assert.ok(!/[\ud800-\udbff]$|^[\udc00-\udfff]/.test(line), `line ${i} cut inside a character`);
    });
  });
}

test('cutting a word measures text in proportion to its length, not to its square', () => {
  const measuredFor = (n: number): number => {
    const { measure, measured } = kerningFont();
    // Letters that never repeat a line, different each time: the layout keeps widths it has measured.
    let seed = n;
    const letter = (): string => String.fromCharCode(97 + ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % 26));
    layOut(Array.from({ length: n }, letter).join(''), measure);
    return measured();
  };
  const small = measuredFor(2_000);
  const large = measuredFor(20_000);
  // Ten times the word, about ten times the characters measured (it was a hundred times).
  assert.ok(large < 12 * small, `2,000 characters: ${small} measured; 20,000: ${large}`);
  assert.ok(large < 5 * 20_000, `20,000 characters: ${large} measured`);
});

/** The fragments of a table laid out alone, with the made-up font. */
function layOutTable(rows: readonly (readonly [string, 'left' | 'right'])[][], measure: Measure) {
  const model = documentOf([
    {
      kind: 'table',
      rows: rows.map((cells) => ({ header: false, cells: cells.map(([text, align]) => ({ runs: [{ text, face: 'regular' as const }], align })) })),
    },
  ]);
  return layoutDocument(model, measure, (t) => t, new Map()).pages.flatMap((p) => p.flatMap((l) => l.line.frags));
}

test('a table of short columns is as wide as its cells, not the page; its figures stand right-aligned at one edge', () => {
  const { measure } = kerningFont();
  const frags = layOutTable(
    [
      [
        ['Bornholms Hospital', 'left'],
        ['1,80', 'right'],
      ],
      [
        ['I alt', 'left'],
        ['99,92', 'right'],
      ],
    ],
    measure,
  );
  const figures = frags.filter((f) => /\d/.test(f.text));
  const rightEdges = new Set(figures.map((f) => Math.round((f.x + f.width) * 100)));
  assert.equal(rightEdges.size, 1, 'the figures end at one edge');
  const left = Math.min(...frags.map((f) => f.x));
  const right = Math.max(...figures.map((f) => f.x + f.width));
  const size = STYLE.body.size;
  assert.ok(right - left < CONTENT_WIDTH / 2, `the table takes ${right - left} of ${CONTENT_WIDTH}`);
  // The figures stand clear of the widest text of the first column.
  const label = frags.find((f) => f.text.startsWith('Bornholms'))!;
  assert.ok(Math.min(...figures.map((f) => f.x)) >= label.x + measure('Bornholms Hospital', 'regular', size));
});

test('a table too wide for the page gives each column its longest word at least, and the room left to the column of long text', () => {
  const { measure } = kerningFont();
  const long = 'Koordineret familieindsats til de mest udsatte familier '.repeat(6).trim();
  const frags = layOutTable(
    [
      [
        [long, 'left'],
        ['Erhvervsmentorordning', 'left'],
        ['-810.551', 'right'],
      ],
    ],
    measure,
  );
  // No word of the narrow columns is cut: each stands whole on one line.
  for (const word of ['Erhvervsmentorordning', '-810.551'])
    assert.ok(
      frags.some((f) => f.text.trim() === word),
      `${word} whole`,
    );
  // The long text wraps in its column, which ends before the next begins.
  const mentor = frags.find((f) => f.text.trim() === 'Erhvervsmentorordning')!;
  const longLines = frags.filter((f) => f.text.includes('familie') || f.text.includes('Koordineret'));
  assert.ok(longLines.length > 1);
  for (const f of longLines) assert.ok(f.x + f.width <= mentor.x, `"${f.text}" runs into the next column`);
  const figure = frags.find((f) => f.text.trim() === '-810.551')!;
  assert.ok(figure.x + figure.width <= frags[0]!.x + CONTENT_WIDTH + 0.01, 'the table stays within the page');
});

test('a list or a table of 200,000 entries is laid out: no step takes them all as the arguments of one call', () => {
  const { measure } = kerningFont();
  const many = 200_000;
  const model = documentOf([
    {
      kind: 'list',
      items: Array.from({ length: many }, (_, i) => ({
        label: `${i + 1}.`,
        blocks: [{ kind: 'para' as const, runs: [{ text: 'x', face: 'regular' as const }] }],
      })),
    },
    {
      kind: 'table',
      rows: Array.from({ length: many }, () => ({ header: false, cells: [{ runs: [{ text: 'a', face: 'regular' as const }], align: 'left' as const }] })),
    },
  ]);
  const pages = layoutDocument(model, measure, (t) => t, new Map()).pages;
  assert.equal(pages.flatMap((p) => p.flatMap((l) => l.line.frags)).filter((f) => f.text === 'a').length, many);
});
