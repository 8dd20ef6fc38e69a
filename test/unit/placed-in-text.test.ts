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

test('a placed finding stands on the same text it was found on, or on its own line retyped; one above every change is kept', () => {
  const line = fc.constantFrom('Punkt 1: Et', '', 'Beslutning', 'Godkendt af alle.', 'x', 'xx');
  const lines = fc.array(line, { minLength: 1, maxLength: 12 });
  // An edit keeps the line breaks of the lines it did not touch: both texts have the same kind.
  const texts = fc.tuple(lines, lines, fc.constantFrom('\n', '\r\n', '\r')).map(([a, b, br]) => [a.join(br), b.join(br)] as const);
  fc.assert(
    fc.property(texts, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 2 })), { maxLength: 6 }), ([from, to], picks) => {
      const old = from.split(/\r\n|\r|\n/);
      const now = to.split(/\r\n|\r|\n/);
      const found = picks.map(([l, span], k) => {
        const start = l % old.length;
        const end = Math.min(old.length - 1, start + span);
        return { ...finding(start, 0, old[end]!.length, end), message: String(k) };
      });
      const placed = placedInText(found, from, to);
      for (const d of placed) {
        const was = found[Number(d.message)]!.range;
        const before = old.slice(was.start.line, was.end.line + 1);
        const after = now.slice(d.range.start.line, d.range.end.line + 1);
        const inPlace = old.length === now.length && d.range.start.line === was.start.line && d.range.end.line === was.end.line;
        assert.ok(inPlace || JSON.stringify(before) === JSON.stringify(after), `${JSON.stringify(was)} → ${JSON.stringify(d.range)}`);
      }
      // The lines before the first one that differs: a finding there is kept where it was.
      let head = 0;
      while (head < old.length && head < now.length && old[head] === now[head]) head++;
      const kept = new Set(placed.map((d) => d.message));
      for (const f of found) if (f.range.end.line < head - 1) assert.ok(kept.has(f.message), `kept: ${JSON.stringify(f.range)}`);
    }),
    { numRuns: 500 },
  );
});
