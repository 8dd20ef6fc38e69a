import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver/node';
import { placedInText } from '../../server/src/lsp/diagnostics';

const finding = (line: number, from: number, to: number, endLine = line): Diagnostic => ({
  range: { start: { line, character: from }, end: { line: endLine, character: to } },
  message: `at ${line}`,
});
const lines = (d: readonly Diagnostic[]): number[][] => d.map((x) => [x.range.start.line, x.range.start.character, x.range.end.line, x.range.end.character]);

const saved = ['REFERAT Direktionen d. 07-12-2023', '', 'Mødedato Fredag d. 07. december 2023', '', 'Punkt 1: Et', '', 'Beslutning', '', 'Godkendt.'].join(
  '\n',
);

test('a finding of the saved text is placed where its line is now', () => {
  const found = [finding(2, 9, 15), finding(8, 0, 9)];
  assert.deepEqual(lines(placedInText(found, saved, saved)), [
    [2, 9, 2, 15],
    [8, 0, 8, 9],
  ]);
  // Two lines typed above: both move down.
  const above = saved.replace('\n\nMødedato', '\nNy\n\n\nMødedato');
  assert.deepEqual(lines(placedInText(found, saved, above)), [
    [4, 9, 4, 15],
    [10, 0, 10, 9],
  ]);
  // Typed between them: the one above stays, the one below moves; with CRLF line breaks too.
  const between = saved.replace('Punkt 1: Et\n', 'Punkt 1: Et\nny linje\n');
  assert.deepEqual(lines(placedInText(found, saved, between)), [
    [2, 9, 2, 15],
    [9, 0, 9, 9],
  ]);
  assert.deepEqual(lines(placedInText(found, saved.replace(/\n/g, '\r\n'), between.replace(/\n/g, '\r\n'))), [
    [2, 9, 2, 15],
    [9, 0, 9, 9],
  ]);
  // A word retyped on the finding's own line: it stays, within the line as it is now.
  assert.deepEqual(lines(placedInText([finding(2, 9, 36)], saved, saved.replace('Fredag d. 07. december 2023', 'Tor'))), [[2, 9, 2, 12]]);
  // The finding's line deleted, or replaced by two: left out until the next check.
  assert.deepEqual(lines(placedInText(found, saved, saved.replace('Mødedato Fredag d. 07. december 2023\n', ''))), [[7, 0, 7, 9]]);
  assert.deepEqual(lines(placedInText(found, saved, saved.replace('Mødedato Fredag', 'Mødedato\nFredag'))), [[9, 0, 9, 9]]);
  // A finding over several lines that an added line falls inside is left out.
  assert.deepEqual(lines(placedInText([finding(4, 0, 9, 8)], saved, saved.replace('Beslutning', 'Beslutning\n'))), []);
});

test('placed findings are always inside the text as it is now', () => {
  const text = fc.array(fc.constantFrom('Punkt 1: Et', '', 'Beslutning', 'Godkendt af alle.', 'x'), { minLength: 1, maxLength: 12 }).map((l) => l.join('\n'));
  fc.assert(
    fc.property(text, text, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat({ max: 2 }), fc.nat()), { maxLength: 6 }), (from, to, picks) => {
      const old = from.split('\n');
      const found = picks.map(([l, c, span, e]) => {
        const line = l % old.length;
        const endLine = Math.min(old.length - 1, line + span);
        return finding(line, c % (old[line]!.length + 1), e % (old[endLine]!.length + 1), endLine);
      });
      const now = to.split('\n');
      for (const d of placedInText(found, from, to)) {
        const { start, end } = d.range;
        assert.ok(start.line >= 0 && end.line < now.length && start.line <= end.line);
        assert.ok(start.character <= now[start.line]!.length && end.character <= now[end.line]!.length);
      }
      if (from === to) assert.deepEqual(placedInText(found, from, to), found);
    }),
  );
});
