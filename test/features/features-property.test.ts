import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { comparePositions, type Position, type Range } from '../../server/src/syntax/range';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { corpusFiles } from '../helpers';
import { documentOf, ROOT, serviceWith } from './helpers';

/*
 * Every feature answers any text at any place: a real referat with hostile lines put in (heading-
 * shaped lines, impossible dates, invisible and look-alike characters, markup, carriage returns, a
 * very long line), asked at random places, also past the line's end or the document's, as a
 * stale request is. No feature throws, and every range it hands back lies in the document.
 */

const corpus = corpusFiles().map((c) => c.text);

/** Lines shaped like the format's own, or like what breaks naive readers. */
const HOSTILE_LINES = [
  'Punkt 3: Ny sag',
  'Punkt 3: Lukket: Personsag',
  'Punkt 0:',
  'Punkt 99999999999999999999: x',
  'REFERAT Direktionen d. 31-02-2023',
  'Mødedato Mandag d. 32. december 2023 kl. 25:61',
  'Mødedeltagere ',
  'Beslutning fra Direktionens møde den 31. februar 2023, pkt. 0:',
  'Beslutning fra  møde den , pkt. :',
  'Beslutning',
  'Supplerende sagsfremstilling',
  'Sagen afgøres e',
  'Kommunaldirektøren indstiller,',
  '- ',
  '- At ',
  '1. ',
  '## **Beslutning**',
  '**',
  '81.39.15G01-4-23',
  '00.01.00I00-3-',
  'For stemte: A, B og C (3)',
  '010190-1234',
  '\u200b\u200d\ufeff',
  '\u202eBeslutning\u202c',
  'Вeslutning',
  '\t\t',
  'x\ry',
  '$1 ${2:} ${3|a,b|} }',
  'a'.repeat(5_000),
];

const hostileLine = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_LINES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((s) => s.replace(/[\n\r]/g, ' ')) },
);

/** A corpus referat with lines put in at random places, and sometimes a prefix typed in front of a line. */
const mutated = fc
  .record({
    base: fc.constantFrom(...corpus),
    inserts: fc.array(fc.record({ at: fc.nat(), line: hostileLine }), { minLength: 1, maxLength: 5 }),
    typed: fc.option(fc.record({ at: fc.nat(), prefix: fc.constantFrom('Besl', 'Beslutning f', 'indst', 'Supp', 'referat', 'Punkt ', '- ') })),
  })
  .map(({ base, inserts, typed }) => {
    const lines = base.split('\n');
    for (const { at, line } of inserts) lines.splice(at % (lines.length + 1), 0, line);
    if (typed) {
      const i = typed.at % lines.length;
      lines[i] = typed.prefix + lines[i]!;
    }
    return lines.join('\n');
  });

/** Places to ask at: anywhere in the document, and just past a line's end or the document's. */
const places = fc.array(fc.record({ line: fc.nat(), character: fc.nat(), beyond: fc.boolean() }), { minLength: 1, maxLength: 6 });

function containsRange(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

function inside(range: Range, lines: readonly string[], what: string): void {
  for (const p of [range.start, range.end]) {
    assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line <= lines.length, `${what}: line ${p.line} of ${lines.length}`);
    assert.ok(Number.isInteger(p.character) && p.character >= 0, `${what}: character ${p.character}`);
  }
  const { start, end } = range;
  assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${what}: starts after it ends`);
}

test('every feature answers a damaged referat at any place without throwing, its ranges inside the document', async () => {
  const service = await serviceWith(Object.fromEntries(corpus.map((t, i) => [`arkiv/${i}.referat`, t])));
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(mutated, places, async (text, asked) => {
      const doc = documentOf(`${ROOT}/ny.referat`, text);
      const lines = text.split(/\r\n|\r|\n/);
      for (const d of await service.findings(doc)) inside(d.range, lines, `finding ${d.code}`);
      const symbols = (list: readonly DocumentSymbol[], parent?: DocumentSymbol): void => {
        for (const s of list) {
          inside(s.range, lines, `symbol ${s.name}`);
          // As LSP requires: the name's place in the symbol, the symbol in its parent.
          assert.ok(containsRange(s.range, s.selectionRange), `symbol ${s.name}: its selection outside it`);
          if (parent) assert.ok(containsRange(parent.range, s.range), `symbol ${s.name}: outside ${parent.name}`);
          symbols(s.children ?? [], s);
        }
      };
      symbols(service.documentSymbols(doc));
      for (const f of service.foldingRanges(doc)) assert.ok(f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < lines.length, 'folding');
      for (const l of service.documentLinks(doc)) inside(l.range, lines, 'link');
      for (const { line, character, beyond } of asked) {
        const at: Position = beyond
          ? { line: lines.length + (line % 3), character: character % 10 }
          : { line: line % lines.length, character: character % ((lines[line % lines.length]?.length ?? 0) + 2) };
        const lineText = lines[at.line] ?? '';
        const completion = await service.completion(doc, at, lineText);
        for (const item of completion.items) {
          const edit = item.textEdit;
          if (edit && 'range' in edit) inside(edit.range, lines, `completion ${item.label}`);
        }
        await service.hover(doc, at, lineText);
        const definition = service.definition(doc, at);
        if (definition) assert.ok(definition.uri.length > 0);
        service.references(doc, at, { includeDeclaration: true });
        for (const e of service.onEnter(doc, at)) inside(e.range, lines, 'on enter');
        const range = { start: at, end: { line: at.line, character: at.character + 3 } };
        for (const action of await service.codeActions(doc, range)) {
          for (const edits of Object.values(action.edit?.changes ?? {})) for (const e of edits) inside(e.range, lines, `action ${action.title}`);
        }
      }
      service.forget(doc.uri);
      runs++;
    }),
    { numRuns: 150 },
  );
  assert.equal(runs, 150);
});
