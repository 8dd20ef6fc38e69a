import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, CompletionItem, CompletionList, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { corpusDir, rulesDir, scratchDir } from '../helpers';
import { LspClient } from './lspClient';

/*
 * What a secretary meets in her first hour with Referat (issue "The first hour"), each point
 * driven through the built language server as VS Code drives it: a folder of old minutes, no
 * referat.yaml, an English and a Danish display language.
 */

const itemsOf = (r: unknown): CompletionItem[] => (r as CompletionList).items;
const bySort = (items: CompletionItem[]): CompletionItem[] => [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));

/** The line after an item's text edit, as VS Code would leave it. */
function applyToLine(line: string, edit: TextEdit): string {
  return line.slice(0, edit.range.start.character) + edit.newText + line.slice(edit.range.end.character);
}

/** The newest meeting in the archive says who sits on Direktionen, where and when it meets. */
const newest = `REFERAT Direktionen d. 15-05-2024

Mødedato Onsdag d. 15. maj 2024 kl. 08:30

Mødested Udvalgsværelse 2, Lemvig Rådhus

Mødedeltagere Claus Borg, Lars Borst Hansen og Søren Søndergaard Kjær

Punkt 1: Eventuelt

00.15.00I00-1-24

Beslutning

Intet.
`;

function workspace(): string {
  const dir = scratchDir('referat-first-hour-');
  mkdirSync(join(dir, 'arkiv'));
  cpSync(corpusDir, join(dir, 'arkiv'), { recursive: true });
  writeFileSync(join(dir, 'arkiv/direktionen-2024-05-15.referat'), newest);
  return dir;
}

for (const locale of ['en', 'da'] as const) {
  describe(`the first hour, display language ${locale}`, () => {
    let c: LspClient;
    let ws: string;
    const complete = async (uri: string, line: number, character: number): Promise<CompletionItem[]> =>
      itemsOf(await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } }));

    before(async () => {
      ws = workspace();
      c = new LspClient();
      await c.initialize(ws, { locale, cacheDir: join(ws, '.cache') }, { window: { showDocument: { support: true } } });
      await c.waitIndexed();
    });
    after(() => c.stop());

    test('journal-number completion turns the line into exactly the chosen number', async () => {
      const uri = await c.open(join(ws, `j-${locale}.referat`), 'REFERAT Direktionen d. 07-12-2023\n\nPunkt 1: A\n\n81.39\n');
      const items = await complete(uri, 4, 5);
      assert.ok(
        items.some((i) => i.label === '81.39.15G01-4-23'),
        'the number in use is offered',
      );
      for (const i of items) assert.equal(applyToLine('81.39', i.textEdit as TextEdit), i.label, `${i.label}: the whole typed prefix is replaced`);
    });

    test('journal-number completion on 00.01 offers the numbers that begin with 00.01 first', async () => {
      const uri = await c.open(join(ws, `j2-${locale}.referat`), 'REFERAT Direktionen d. 07-12-2023\n\nPunkt 1: A\n\n00.01\n');
      const items = bySort(await complete(uri, 4, 5));
      assert.ok(items.length > 0);
      assert.match(items[0]!.label, /^00\.01/);
      assert.ok(
        items.every((i) => i.label.startsWith('00.01')),
        items.map((i) => i.label).join(', '),
      );
      for (const i of items) assert.equal((i.textEdit as TextEdit).range.start.character, 0);
    });

    test('a new empty file is invited to start, not greeted with errors', async () => {
      const uri = await c.open(join(ws, `2026-12-02-direktionen-${locale}.referat`), '');
      assert.deepEqual((await c.diagnosticsFor(uri)).diagnostics, []);
    });

    test('"referat" in an empty file gives the computed header: the date from the file name, its weekday, the body\'s members', async () => {
      const path = join(ws, `2026-12-02-direktionen.referat`);
      const uri = await c.open(path, 'ref');
      const items = await complete(uri, 0, 3);
      assert.equal(items.length, 1);
      const header = items[0]!;
      const text = (header.textEdit as TextEdit).newText;
      assert.match(text, /^REFERAT \$\{1:Direktionen\} d\. 02-12-2026\n/);
      assert.match(text, /\nMødedato Onsdag d\. 02\. december 2026 kl\. \$\{2:08:30\}\n/);
      assert.match(text, /\nMødested \$\{3:Udvalgsværelse 2, Lemvig Rådhus\}\n/);
      assert.match(text, /\nMødedeltagere \$\{4:Claus Borg, Lars Borst Hansen, Søren Søndergaard Kjær\}\n/);
      assert.match(header.detail ?? '', locale === 'en' ? /Wednesday 2 December 2026/ : /onsdag 2\. december 2026/);
      // Accepted as is, the header has no finding at all.
      const accepted = text.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
      await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: accepted }] });
      await c.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
      assert.deepEqual(
        (await c.diagnosticsFor(uri, 2)).diagnostics.map((d) => d.code),
        [],
      );
    });

    test('name completion: no lower-case word, one entry per person in the full form, no snippets among the people', async () => {
      const uri = await c.open(join(ws, `navne-${locale}.referat`), 'REFERAT Direktionen d. 07-12-2023\n\nMødedeltagere \n');
      const items = await complete(uri, 2, 14);
      const labels = items.map((i) => i.label);
      assert.ok(labels.includes('Ove Weller Nielsen'), labels.join(', '));
      assert.ok(!labels.includes('Ove Weller'), 'the short form is the same person');
      assert.ok(
        labels.every((l) => /^\p{Lu}/u.test(l)),
        `only names: ${labels.filter((l) => !/^\p{Lu}/u.test(l)).join(', ')}`,
      );
      assert.ok(
        items.every((i) => i.kind !== 15 /* Snippet */),
        'no snippet among the people',
      );
      // The members of the title's body come first.
      assert.deepEqual(
        bySort(items)
          .slice(0, 3)
          .map((i) => i.label),
        ['Claus Borg', 'Lars Borst Hansen', 'Søren Søndergaard Kjær'],
      );
      const after = await c.open(join(ws, `navne2-${locale}.referat`), 'REFERAT Direktionen d. 07-12-2023\n\nMødedeltagere Ove Weller Nielsen, \n');
      assert.ok(!(await complete(after, 2, 34)).some((i) => i.label.startsWith('Ove Weller')), 'not offered again once on the line');
    });

    test('a name typed in part is replaced whole, not doubled', async () => {
      const uri = await c.open(join(ws, `navne3-${locale}.referat`), 'REFERAT Direktionen d. 07-12-2023\n\nMødedeltagere Claus Borg, Lars B\n');
      const lars = (await complete(uri, 2, 32)).find((i) => i.label === 'Lars Borst Hansen')!;
      assert.equal(applyToLine('Mødedeltagere Claus Borg, Lars B', lars.textEdit as TextEdit), 'Mødedeltagere Claus Borg, Lars Borst Hansen');
    });

    test('punkt is numbered by the server, writes no valid-looking placeholder and no empty Bilag', async () => {
      const text = readFileSync(join(rulesDir, 'base.ok.referat'), 'utf8') + '\npun';
      const uri = await c.open(join(ws, `punkt-${locale}.referat`), text);
      const lines = text.split('\n');
      const items = await complete(uri, lines.length - 1, 3);
      const punkt = items.find((i) => i.label === 'Punkt 5: ');
      assert.ok(punkt, items.map((i) => i.label).join(', '));
      const body = (punkt.textEdit as TextEdit).newText;
      assert.match(body, /^Punkt 5: \$1\n\n\$2\n\nSagsfremstilling\n\n\$3\n\nBeslutning\n\n\$0$/);
      assert.ok(!/\d{2}\.\d{2}\.\d{2}/.test(body), 'no journal number that looks valid');
      assert.ok(!body.includes('Bilag'));
    });

    test('Enter on an empty list item ends the list; the marker is not left behind', async () => {
      const uri = await c.open(
        join(ws, `liste-${locale}.referat`),
        'REFERAT Direktionen d. 07-12-2023\n\nPunkt 1: A\n\n00.01.00I00-1-23\n\nSagsfremstilling\n\n- At det godkendes.\n- \n\n',
      );
      const edits = await c.conn.sendRequest<TextEdit[]>('textDocument/onTypeFormatting', {
        textDocument: { uri },
        position: { line: 10, character: 0 },
        ch: '\n',
        options: { tabSize: 2, insertSpaces: true },
      });
      assert.deepEqual(edits, [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 2 } }, newText: '' }]);
      const numbered = await c.open(
        join(ws, `liste2-${locale}.referat`),
        'REFERAT Direktionen d. 07-12-2023\n\nPunkt 1: A\n\n00.01.00I00-1-23\n\nSagsfremstilling\n\n1. Først\n\n',
      );
      const next = await c.conn.sendRequest<TextEdit[]>('textDocument/onTypeFormatting', {
        textDocument: { uri: numbered },
        position: { line: 9, character: 0 },
        ch: '\n',
        options: { tabSize: 2, insertSpaces: true },
      });
      assert.deepEqual(
        next.map((e) => e.newText),
        ['2. '],
      );
    });

    test('a bullet with nothing after the dash is reported', async () => {
      const uri = await c.open(join(ws, `tom-${locale}.referat`), readFileSync(join(rulesDir, 'empty-bullet.referat'), 'utf8'));
      const d = (await c.diagnosticsFor(uri)).diagnostics;
      assert.deepEqual(
        d.map((x) => [x.code, x.range.start.line, x.range.start.character, x.range.end.character]),
        [['empty-bullet', 32, 0, 1]],
      );
    });

    test('before an export, the server says how many errors the text has now', async () => {
      const uri = await c.open(join(ws, `eksport-${locale}.referat`), readFileSync(join(rulesDir, 'missing-beslutning.empty.referat'), 'utf8'));
      const summary = await c.conn.sendRequest<{ errors: number; firstErrors: { line: number; message: string }[] }>('referat/findings', { uri });
      assert.equal(summary.errors, 1);
      assert.equal(summary.firstErrors[0]!.line, 33);
      assert.equal(await c.conn.sendRequest('referat/findings', { uri: 'file:///ikke/åben.referat' }), null);
    });

    test('an empty Beslutning is an error; its fix puts the cursor in the section', async () => {
      const uri = await c.open(join(ws, `beslutning-${locale}.referat`), readFileSync(join(rulesDir, 'missing-beslutning.empty.referat'), 'utf8'));
      const d = (await c.diagnosticsFor(uri)).diagnostics;
      assert.deepEqual(
        d.map((x) => [x.code, x.severity, x.range.start.line]),
        [['missing-beslutning', 1, 33]],
      );
      const actions = await c.conn.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: d[0]!.range,
        context: { diagnostics: d },
      });
      const fix = actions.find((a) => a.isPreferred)!;
      assert.equal(fix.title, locale === 'en' ? 'Write the decision' : 'Skriv beslutningen');
      assert.equal(fix.command?.command, 'referat.server.moveCursor');
      const shown = c.waitForShowDocument();
      await c.conn.sendRequest('workspace/executeCommand', { command: fix.command.command, arguments: fix.command.arguments });
      const at = await shown;
      assert.equal(at.uri, uri);
      assert.deepEqual(at.selection?.start, { line: 35, character: 0 });
    });

    test('the weekday message is in one language', async () => {
      const uri = await c.open(join(ws, `ugedag-${locale}.referat`), readFileSync(join(rulesDir, 'weekday-mismatch.referat'), 'utf8'));
      const [d] = (await c.diagnosticsFor(uri)).diagnostics;
      if (locale === 'en') {
        assert.equal(d!.message, '7 December 2023 is a Thursday, not a Friday.');
        assert.doesNotMatch(d!.message, /mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|december 2023 is a t/);
      } else {
        assert.equal(d!.message, '7. december 2023 er en torsdag, ikke en fredag.');
        assert.doesNotMatch(d!.message, /Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\bis\b/);
      }
    });

    test('a date in the text has a hover', async () => {
      const text = readFileSync(join(rulesDir, 'base.ok.referat'), 'utf8').replace(
        'Direktionen bedes drøfte deltagerkredsen igen.',
        'Sagen blev drøftet den 3. marts 2025 og igen 04.12.2023.',
      );
      const uri = await c.open(join(ws, `dato-${locale}.referat`), text);
      const h = await c.conn.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 27, character: 25 } });
      const value = (h.contents as { value: string }).value;
      assert.match(value, locale === 'en' ? /Monday 3 March 2025[\s\S]*after the meeting/ : /mandag 3\. marts 2025[\s\S]*efter mødet/);
      assert.deepEqual(h.range, { start: { line: 27, character: 23 }, end: { line: 27, character: 36 } });
      const numeric = await c.conn.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 27, character: 45 } });
      assert.match((numeric.contents as { value: string }).value, locale === 'en' ? /Monday 4 December 2023/ : /mandag 4\. december 2023/);
    });

    test('the journal hover names a facet once, in one language', async () => {
      const uri = await c.open(join(ws, `hover-${locale}.referat`), readFileSync(join(corpusDir, 'direktionen-2023-12-07.referat'), 'utf8'));
      const h = await c.conn.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 19, character: 3 } });
      const value = (h.contents as { value: string }).value;
      assert.match(value, locale === 'en' ? /\| General cases \|/ : /\| Generelle sager \|/);
      assert.doesNotMatch(value, /General cases \(general cases\)|Generelle sager \(generelle sager\)/);
    });

    test('for a table of contents that no longer matches, the preferred fix updates it in its own form', async () => {
      const uri = await c.open(join(ws, `toc-${locale}.referat`), readFileSync(join(rulesDir, 'toc-mismatch.missing.referat'), 'utf8'));
      const d = (await c.diagnosticsFor(uri)).diagnostics.filter((x) => x.code === 'toc-mismatch');
      assert.ok(d.length > 0);
      const actions = await c.conn.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: d[0]!.range,
        context: { diagnostics: d },
      });
      const preferred = actions.filter((a) => a.isPreferred);
      assert.equal(preferred.length, 1);
      assert.equal(preferred[0]!.title, locale === 'en' ? 'Update the table of contents' : 'Opdatér indholdsfortegnelsen');
      const newText = preferred[0]!.edit!.changes![uri]![0]!.newText;
      for (const line of newText.trim().split('\n')) assert.match(line, /^.+\.{5}\t\d+$/, `"${line}" has the dot leader and a page`);
    });
  });
}
