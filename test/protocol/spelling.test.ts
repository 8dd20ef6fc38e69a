import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient } from './lspClient';
import { scratchDir } from '../helpers';

/*
 * The spell check as a secretary meets it through the built language server (issue 21, item 10):
 * an ordliste word's inflections, compounds and `cpr-nr.` pass while real typos on the same line
 * are flagged, and a fix asked for at one misspelt word changes that word only.
 */

const LINE = 'Mindreforbruget og mindreforbrugene står i milepælsplanen, jf. cpr-nr. og j.nr., men tidsplanenn og beslutingen er forkerte.';
const REFERAT = `REFERAT Direktionen d. 07-12-2023

Mødedato Torsdag d. 07. december 2023 kl. 09:00

Mødested Udvalgsværelse 1, Lemvig Rådhus

Punkt 1: Budget

81.39.15G01-4-23

Sagsfremstilling

${LINE}

Beslutning

Godkendt.
`;

let ws: string;
let c: LspClient;

before(async () => {
  ws = scratchDir('referat-spelling-lsp-');
  writeFileSync(join(ws, 'referat.yaml'), 'ordliste:\n  - mindreforbrug\n');
  writeFileSync(join(ws, 'budget.referat'), REFERAT);
  c = new LspClient();
  await c.initialize(ws, { locale: 'da', cacheDir: join(ws, '.cache') });
});

after(async () => {
  await c.stop();
  rmSync(ws, { recursive: true, force: true });
});

test('through the server: the ordliste word inflected, a compound and cpr-nr. pass, the typos on the same line are flagged, and a fix at one word changes that word only', async () => {
  const uri = await c.open(join(ws, 'budget.referat'), REFERAT);
  const spelling = (): Diagnostic[] => (c.diagnostics.get(uri)?.diagnostics ?? []).filter((d) => d.code === 'spelling');
  // The dictionary loads after the first findings; the document is checked again when it is there.
  await c.until(() => spelling().length > 0, 'spelling findings', 60_000);
  const lines = REFERAT.split('\n');
  const words = spelling().map((d) => lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character));
  assert.deepEqual(words, ['tidsplanenn', 'beslutingen']);

  const [plan, decision] = spelling() as [Diagnostic, Diagnostic];
  for (const [asked, other] of [
    [plan, decision],
    [decision, plan],
  ] as const) {
    const actions = await c.conn.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: asked.range.start, end: asked.range.start },
      context: { diagnostics: [asked] },
    });
    const edits = actions.flatMap((a) => a.edit?.changes?.[uri] ?? []);
    assert.ok(edits.length > 0, actions.map((a) => a.title).join(' | '));
    for (const e of edits) assert.deepEqual(e.range, asked.range, `an edit at ${JSON.stringify(e.range)} instead of the word asked about`);
    assert.ok(!edits.some((e) => e.range.start.character === other.range.start.character));
  }
});
