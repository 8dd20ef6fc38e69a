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

function layOut(word: string, measure: Measure) {
  const model: PdfDocumentModel = {
    title: 't',
    running: 'r',
    edition: 'e',
    labels: documentLabels(parseReferat('')),
    blocks: [{ kind: 'para', runs: [{ text: `før ${word} efter`, face: 'regular' }] }],
  };
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
