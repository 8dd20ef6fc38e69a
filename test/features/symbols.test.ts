import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { BASE, documentOf, ROOT, serviceWith } from './helpers';

async function check(text: string, expected: (symbols: DocumentSymbol[]) => void, locale: 'da' | 'en' = 'da'): Promise<void> {
  expected((await serviceWith({}, locale)).documentSymbols(documentOf(`${ROOT}/s.referat`, text)));
}

const earlier =
  BASE.replace(
    'Beslutning\n\nDeltagerkredsen fastholdes.',
    'Beslutning fra Direktionens møde den 29. november 2023, pkt. 2:\n\nDrøftes igen.\n\nSupplerende sagsfremstilling\n\nNyt.\n\nBeslutning\n\nFastholdt.',
  ) + '\nPunkt 2: Lukket: Sag\n\n00.01.00I00-2-22\n';

test('one top-level symbol per punkt, its journal number as detail', () =>
  check(earlier, (symbols) => {
    assert.deepEqual(
      symbols.map((s) => [s.name, s.kind, s.detail]),
      [
        ['REFERAT Direktionen', SymbolKind.File, '07-12-2023'],
        ['Punkt 1: Deltagerkreds, Lederforum', SymbolKind.Number, '81.39.15G01-4-23'],
        ['Punkt 2: Lukket: Sag', SymbolKind.Package, '00.01.00I00-2-22'],
      ],
    );
  }));

test("today's decision is an Event, an earlier decision a Key, other sections Fields", () =>
  check(earlier, (symbols) => {
    assert.deepEqual(
      symbols[1]!.children!.map((s) => [s.name, s.kind]),
      [
        ['Sagsfremstilling', SymbolKind.Field],
        ['Beslutning fra Direktionens møde den 29. november 2023, pkt. 2:', SymbolKind.Key],
        ['Supplerende sagsfremstilling', SymbolKind.Field],
        ['Beslutning', SymbolKind.Event],
      ],
    );
  }));

test('the header fields read as minutes, in the display language', () =>
  check(
    BASE,
    (symbols) =>
      assert.deepEqual(
        symbols[0]!.children!.map((s) => [s.name, s.detail]),
        [
          ['Mødedato', '07. december 2023'],
          ['Mødested', 'Udvalgsværelse 1, Lemvig Rådhus'],
          ['Mødedeltagere', '3 people'],
        ],
      ),
    'en',
  ));

test('an empty document has no symbols, and no error', () => check('', (symbols) => assert.deepEqual(symbols, [])));

test('a header field written above the title: the header reaches over it, its fields in the order they stand', () =>
  check(`\nMødedeltagere Claus Borg\n\n${BASE}`, (symbols) => {
    const header = symbols[0]!;
    assert.equal(header.name, 'REFERAT Direktionen');
    assert.deepEqual(header.range.start, { line: 1, character: 0 });
    assert.ok(header.range.end.line >= header.selectionRange.end.line);
    const starts = header.children!.map((c) => c.range.start.line);
    assert.deepEqual(
      starts,
      [...starts].sort((a, b) => a - b),
    );
    assert.equal(starts[0], 1);
  }));
