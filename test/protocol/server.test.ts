import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  CompletionItem,
  CompletionList,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  SymbolInformation,
  CodeAction,
  PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { Protocol } from '../../server/src/protocol';
import { corpusDir, rulesDir, scratchDir } from '../helpers';
import { LspClient, uriOf } from './lspClient';

const read = (p: string): string => readFileSync(p, 'utf8');
const itemsOf = (r: unknown): CompletionItem[] => (r as CompletionList).items;

const referatYaml = `udvalg:
  - navn: Direktionen
    medlemmer: [Claus Borg, Lars Borst Hansen, Søren Søndergaard Kjær]
    mødested: Udvalgsværelse 1, Lemvig Rådhus
  - navn: Økonomi- og Erhvervsudvalget
    medlemmer: [Anne Jensen]
personer:
  - navn: Lars Klemensen
    titel: Udviklingschef
  - navn: Ditte Ågård
    titel: HR-konsulent
  - navn: Ælle Øbro
    titel: Jurist
  - navn: Bo Zink
strategier:
  - Strategi for Digitalisering og Teknologi
  - Strategi for Arbejdskraft
lovgrundlag:
  - Lov om kommunernes styrelse
  - Folkeoplysningsloven
regler:
  attendee-time: off
`;

// The 20 March 2024 meeting that the 2024 corpus referat quotes (punkt 3, same case).
const march = `REFERAT Direktionen d. 20-03-2024

Mødedato Onsdag d. 20. marts 2024 kl. 09:00

Mødested Udvalgsværelse 1, Lemvig Rådhus

Punkt 1: Andet

00.01.00I00-9-24

Beslutning

OK.

Punkt 2: Mere

00.01.00I00-8-24

Beslutning

OK.

Punkt 3: Handleplan for digitalisering

85.13.00G01-2-23

Beslutning

Drøftes igen på næste møde.
`;

function workspace(withYaml: boolean): string {
  const dir = scratchDir('referat-lsp-');
  mkdirSync(join(dir, 'arkiv'));
  cpSync(corpusDir, join(dir, 'arkiv'), { recursive: true });
  writeFileSync(join(dir, 'arkiv/marts.referat'), march);
  writeFileSync(join(dir, 'arkiv/binær.referat'), Buffer.from([1, 0, 2, 3]));
  writeFileSync(join(dir, 'arkiv/noter.referat'), 'bare nogle noter\n');
  if (withYaml) writeFileSync(join(dir, 'referat.yaml'), referatYaml);
  return dir;
}

describe('language server over stdio, with referat.yaml', () => {
  let c: LspClient;
  let ws: string;
  before(async () => {
    ws = workspace(true);
    c = new LspClient();
    await c.initialize(ws, { locale: 'da', cacheDir: join(ws, '.cache') });
    await c.waitIndexed();
  });
  after(() => c.stop());

  test('the archive is indexed at start; bad files are skipped with one log line each', () => {
    assert.deepEqual(c.indexed && { files: c.indexed.files, referater: c.indexed.referater }, { files: 6, referater: 4 });
    assert.equal(c.logs.filter((l) => l.includes('binær.referat')).length, 1);
    // In the server's language, Danish here.
    assert.match(
      c.logs.find((l) => l.includes('binær.referat'))!,
      /sprang over .*binær fil/,
    );
    assert.match(
      c.logs.find((l) => l.includes('noter.referat'))!,
      /ikke et referat/,
    );
  });

  test('every corpus referat opens with no error or warning; a spelling note at most, once the dictionary is there', async () => {
    // The words `referat check --spelling` notes in the corpus, its writers' own slips (`beslutes`, `igang`)
    // and names: a note where the dictionary has loaded before the reading, none before.
    const notes: Record<string, readonly string[]> = {
      'direktionen-2019-06-26.referat': ['netværkscafeen', 'Kommuniveau'],
      'direktionen-2023-12-07.referat': ['frealtion', 'Quantic', 'udbejdet', 'igang'],
      'direktionen-2024-04-17.referat': ['beslutes'],
    };
    for (const [name, words] of Object.entries(notes)) {
      const uri = await c.open(join(ws, 'arkiv', name), read(join(corpusDir, name)));
      const found = (await c.diagnosticsFor(uri)).diagnostics;
      assert.deepEqual(
        found.filter((d) => d.code !== 'spelling' || d.severity !== 3),
        [],
        name,
      );
      for (const d of found)
        assert.ok(
          words.some((w) => d.message === `"${w}" står ikke i den danske ordbog.`),
          `${name}: ${d.message}`,
        );
    }
  });

  test('a defective referat gets its findings on open, with code, line and Danish message', async () => {
    const uri = await c.open(join(ws, 'defekt.referat'), read(join(rulesDir, 'weekday-mismatch.referat')));
    const d = (await c.diagnosticsFor(uri)).diagnostics;
    assert.deepEqual(
      d.map((x) => [x.code, x.range.start.line, x.severity, x.source]),
      [['weekday-mismatch', 2, 1, 'referat']],
    );
    assert.equal(d[0]!.message, '7. december 2023 er en torsdag, ikke en fredag.');
  });

  test('onSave (default): typing does not re-check, saving does; closing clears', async () => {
    const path = join(ws, 'gem.referat');
    const text = read(join(rulesDir, 'base.ok.referat'));
    const uri = await c.open(path, text);
    assert.deepEqual((await c.diagnosticsFor(uri, 1)).diagnostics, []);
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 9 }, end: { line: 2, character: 16 } }, text: 'Fredag' }],
    });
    // A pause in her typing: the server makes the findings of this version then, and keeps them to itself.
    await new Promise((resolve) => setTimeout(resolve, 700));
    await c.conn.sendRequest('referat/ping');
    assert.equal(c.diagnostics.get(uri)!.version, 1, 'no new diagnostics while typing, nor in a pause');
    await c.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const after = await c.diagnosticsFor(uri, 2);
    assert.deepEqual(
      after.diagnostics.map((x) => x.code),
      ['weekday-mismatch'],
    );
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await c.until(() => c.diagnostics.get(uri)?.diagnostics.length === 0, 'cleared diagnostics');
  });

  test('onSave: an edit that brings the text back to the saved one (Undo, Revert File) shows its findings at once', async () => {
    const path = join(ws, 'fortryd.referat');
    const text = read(join(rulesDir, 'base.ok.referat'));
    const uri = await c.open(path, text);
    assert.deepEqual((await c.diagnosticsFor(uri, 1)).diagnostics, []);
    const weekday = { start: { line: 2, character: 9 }, end: { line: 2, character: 16 } };
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: weekday, text: 'Fredag' }] });
    await c.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
    assert.deepEqual(
      (await c.diagnosticsFor(uri, 2)).diagnostics.map((x) => x.code),
      ['weekday-mismatch'],
    );
    // Typed, not saved: the findings stay those of the save.
    const typed = { start: { line: 2, character: 9 }, end: { line: 2, character: 15 } };
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: typed, text: 'Lørdag' }] });
    await new Promise((resolve) => setTimeout(resolve, 700));
    await c.conn.sendRequest('referat/ping');
    assert.equal(c.diagnostics.get(uri)!.version, 2);
    // Undo back to the save: that text's findings, for this version, without a save.
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ range: typed, text: 'Fredag' }] });
    assert.deepEqual(
      (await c.diagnosticsFor(uri, 4)).diagnostics.map((x) => x.code),
      ['weekday-mismatch'],
    );
    // The whole text replaced by the one saved, as Revert File does: the same.
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: [{ text: 'x' }] });
    const savedAgain = text.replace('Torsdag', 'Fredag');
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 6 }, contentChanges: [{ text: savedAgain }] });
    assert.deepEqual(
      (await c.diagnosticsFor(uri, 6)).diagnostics.map((x) => x.code),
      ['weekday-mismatch'],
    );
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  test('onSave: a quick fix applied takes the findings it mends away at once, the others stay where they are; other edits wait for the save', async () => {
    const path = join(ws, 'ret.referat');
    // Two mistakes: a wrong weekday, and a punkt numbered twice.
    const text = read(join(rulesDir, 'base.ok.referat')).replace('Torsdag', 'Fredag').replace('Punkt 3: Eventuelt', 'Punkt 2: Eventuelt');
    const uri = await c.open(path, text);
    const first = (await c.diagnosticsFor(uri, 1)).diagnostics;
    assert.deepEqual(
      first.map((x) => x.code),
      ['weekday-mismatch', 'punkt-numbering'],
    );
    const weekday = first[0]!;
    type Action = { title: string; edit?: { changes: Record<string, { range: typeof weekday.range; newText: string }[]> } };
    const actions = await c.conn.sendRequest<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: weekday.range,
      context: { diagnostics: [weekday], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.edit?.changes[uri]);
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    // Applied as the editor applies it: one change.
    const edits = fix.edit!.changes[uri]!;
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [...edits].reverse().map((e) => ({ range: e.range, text: e.newText })),
    });
    const fixed = await c.diagnosticsFor(uri, 2);
    assert.deepEqual(
      fixed.diagnostics.map((x) => [x.code, x.range.start.line]),
      [['punkt-numbering', first[1]!.range.start.line]],
    );
    // Another edit (it breaks the Mødested label): nothing is published for it until the save.
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: 'x' }],
    });
    await c.conn.sendRequest('referat/ping');
    assert.equal(c.diagnostics.get(uri)!.version, 2);
    await c.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
    assert.deepEqual(
      (await c.diagnosticsFor(uri, 3)).diagnostics.map((x) => x.code),
      ['missing-header', 'punkt-numbering'],
    );
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  test('onSave: checked again for new knowledge or settings, the findings are still those of the saved text', async () => {
    const uri = await c.open(join(ws, 'gem-igen.referat'), read(join(rulesDir, 'weekday-mismatch.referat')));
    assert.deepEqual(
      (await c.diagnosticsFor(uri, 1)).diagnostics.map((d) => [d.code, d.severity]),
      [['weekday-mismatch', 1]],
    );
    // The weekday corrected, not saved; then the settings change what the saved text's finding is.
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 9 }, end: { line: 2, character: 15 } }, text: 'Torsdag' }],
    });
    const again = c.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { referat: { rules: { 'weekday-mismatch': 'warning' } } } });
    const republished = await again;
    // The saved text's finding, on its line in the text she has now: the version is hers.
    assert.equal(republished.version, 2);
    assert.deepEqual(
      republished.diagnostics.map((d) => [d.code, d.severity, d.range.start.line]),
      [['weekday-mismatch', 2, 2]],
    );
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { referat: {} } });
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  test('onSave: checked again while lines were added above a finding, the finding is shown on its line as it is now', async () => {
    const uri = await c.open(join(ws, 'flyttet.referat'), read(join(rulesDir, 'weekday-mismatch.referat')));
    assert.deepEqual(
      (await c.diagnosticsFor(uri, 1)).diagnostics.map((d) => [d.code, d.range.start.line]),
      [['weekday-mismatch', 2]],
    );
    // Two lines typed above the meeting date, not saved; then something else makes the saved text be checked again.
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'Ny linje\n\n' }],
    });
    const again = c.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { referat: { rules: { 'weekday-mismatch': 'warning' } } } });
    const republished = await again;
    assert.equal(republished.version, 2);
    assert.deepEqual(
      republished.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]),
      [['weekday-mismatch', 4, 9, 15]],
    );
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { referat: {} } });
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  test('Enter above the punkter, saved: each finding one line further down, as a fresh reading of the text has it, and back again', async () => {
    const path = join(ws, 'arkiv', 'enter.referat');
    const text = read(join(rulesDir, 'duplicate-section.referat'));
    writeFileSync(path, text);
    const uri = await c.open(path, text);
    const shown = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.message]);
    const before = shown(await c.diagnosticsFor(uri, 1));
    assert.ok(before.some(([code]) => code === 'duplicate-section'));
    const save = async (version: number, saved: string, change: object): Promise<PublishDiagnosticsParams> => {
      await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      writeFileSync(path, saved);
      const published = c.diagnosticsFor(uri, version);
      await c.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
      await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
      return published;
    };
    // Enter at the end of the title's line: every punkt below moves one line down.
    const titleEnd = text.indexOf('\n');
    const down = `${text.slice(0, titleEnd)}\n${text.slice(titleEnd)}`;
    const after = shown(await save(2, down, { range: { start: { line: 0, character: titleEnd }, end: { line: 0, character: titleEnd } }, text: '\n' }));
    const line = (message: unknown) => Number(/linje (\d+)/.exec(String(message))?.[1] ?? NaN);
    assert.deepEqual(
      after.map(([code, l, ch, message]) => [code, l, ch, code === 'duplicate-section' ? line(message) : message]),
      before.map(([code, l, ch, message]) => [code, Number(l) + 1, ch, code === 'duplicate-section' ? line(message) + 1 : message]),
    );
    // What a fresh reading of the same text shows.
    const fresh = await c.open(join(ws, 'arkiv', 'enter-frisk.referat'), down);
    assert.deepEqual(after, shown(await c.diagnosticsFor(fresh, 1)));
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: fresh } });
    // The line taken away again: the findings as they were.
    const back = await save(3, text, { range: { start: { line: 0, character: titleEnd }, end: { line: 1, character: 0 } }, text: '' });
    assert.deepEqual(shown(back), before);
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  test('edit then save, as a secretary does by default: the findings of each version published once, with the version', async () => {
    const path = join(ws, 'arkiv', 'gem-en-gang.referat');
    const text = read(join(rulesDir, 'base.ok.referat'));
    writeFileSync(path, text);
    const uri = await c.open(path, text);
    const versions: (number | null | undefined)[] = [];
    const stop = c.listen((m, p) => {
      if (m === 'textDocument/publishDiagnostics' && (p as PublishDiagnosticsParams).uri === uri) versions.push((p as PublishDiagnosticsParams).version);
    });
    await c.diagnosticsFor(uri, 1);
    let current = text;
    // Saved as the editor saves: the text on disk, the save, the file watcher's change.
    const editAndSave = async (version: number, weekday: string, findings: string[]): Promise<void> => {
      const lines = current.split('\n');
      const old = /^Mødedato (\S+)/.exec(lines[2]!)![1]!;
      lines[2] = lines[2]!.replace(old, weekday);
      current = lines.join('\n');
      await c.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: 2, character: 9 }, end: { line: 2, character: 9 + old.length } }, text: weekday }],
      });
      writeFileSync(path, current);
      const published = c.diagnosticsFor(uri, version);
      await c.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
      await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
      assert.deepEqual(
        (await published).diagnostics.map((d) => d.code),
        findings,
        `version ${version}`,
      );
    };
    await editAndSave(2, 'Fredag', ['weekday-mismatch']);
    await editAndSave(3, 'Mandag', ['weekday-mismatch']);
    await editAndSave(4, 'Torsdag', []);
    await c.conn.sendRequest('referat/ping');
    stop();
    assert.deepEqual(versions, [1, 2, 3, 4]);
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  test('render and renderPdf: the page and the PDF (base64); a public version with a CPR number refused, with the line', async () => {
    const uri = await c.open(join(ws, 'eksport.referat'), read(join(rulesDir, 'cpr-number.referat')));
    const html = await c.conn.sendRequest<{ html?: string }>(Protocol.renderRequest, { uri, audience: 'internal' });
    assert.match(html.html ?? '', /^<!DOCTYPE html>/);
    const pdf = await c.conn.sendRequest<{ pdf?: string }>(Protocol.renderPdfRequest, { uri, audience: 'internal' });
    assert.equal(
      Buffer.from(pdf.pdf ?? '', 'base64')
        .subarray(0, 5)
        .toString(),
      '%PDF-',
    );
    const refusedPdf = await c.conn.sendRequest<{ refused?: { line: number; message: string }; pdf?: string }>(Protocol.renderPdfRequest, {
      uri,
      audience: 'public',
    });
    assert.equal(refusedPdf.pdf, undefined);
    assert.equal(refusedPdf.refused?.line, 4);
    assert.match(refusedPdf.refused?.message ?? '', /^Den offentlige udgave laves ikke\./);
    // An export asks without a webview: no page to write by mistake. The preview gets one.
    const refusedHtml = await c.conn.sendRequest<{ refused?: unknown; page?: string; html?: string }>(Protocol.renderRequest, { uri, audience: 'public' });
    assert.deepEqual(Object.keys(refusedHtml), ['refused']);
    const webview = { cspSource: 'vscode-resource:', nonce: 'n', styleUri: 's', scriptUri: 'j' };
    const preview = await c.conn.sendRequest<{ page?: string }>(Protocol.renderRequest, { uri, audience: 'public', webview });
    assert.match(preview.page ?? '', /Den offentlige udgave kan ikke vises/);
    assert.equal(await c.conn.sendRequest(Protocol.renderPdfRequest, { uri: 'file:///ikke/åben.referat', audience: 'internal' }), null);
  });

  test('the preview: a page with its id, then, to a webview that holds it, only what an edit changed, which makes the page a fresh rendering gives', async () => {
    const text = read(join(corpusDir, 'direktionen-2023-12-07.referat'));
    const uri = await c.open(join(ws, 'preview.referat'), text);
    const webview = { cspSource: 'vscode-resource:', nonce: 'n', styleUri: 's', scriptUri: 'j' };
    type Page = { html?: string; id?: string; patch?: { from: string; id: string; start: number; end: number; text: string; length: number } };
    const ask = (since?: string): Promise<Page> =>
      c.conn.sendRequest<Page>(Protocol.renderRequest, { uri, audience: 'internal', webview, ...(since !== undefined ? { since } : {}) });
    const first = await ask();
    assert.match(first.html ?? '', /^<!DOCTYPE html>/);
    assert.ok(first.id);
    // A word changed in one punkt's text.
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('Profilering af Lemvig Kommune blev drøftet.'));
    const at = lines[line]!.indexOf('drøftet.');
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line, character: at }, end: { line, character: at + 'drøftet'.length } }, text: 'drøftet grundigt' }],
    });
    const next = await ask(first.id);
    const patch = next.patch!;
    assert.equal(patch.from, first.id);
    assert.ok(patch.text.length < 200 && patch.text.includes('grundigt'), `the change alone: ${patch.text.length} characters`);
    const made = first.html!.slice(0, patch.start) + patch.text + first.html!.slice(patch.end);
    assert.equal(made.length, patch.length);
    // Asked without the page it holds (or with one the server does not know): the whole page, the same.
    const whole = await ask();
    assert.equal(made, whole.html);
    assert.deepEqual(Object.keys(await ask('another-server:1')), ['html', 'id']);
    // An export (no webview) is always the whole page, with no id.
    assert.deepEqual(Object.keys(await c.conn.sendRequest(Protocol.renderRequest, { uri, audience: 'internal', since: whole.id })), ['html']);
  });

  test('rule settings from referat.yaml apply: attendee-time is off there', async () => {
    const uri = await c.open(join(ws, 'tid.referat'), read(join(rulesDir, 'attendee-time.early.referat')));
    assert.deepEqual((await c.diagnosticsFor(uri)).diagnostics, []);
  });

  test('completion after Mødedeltagere: members of the title body first, listed names left out', async () => {
    const path = join(ws, 'ny.referat');
    const text = 'REFERAT Direktionen d. 07-12-2023\n\nMødedeltagere Claus Borg, \n';
    const uri = await c.open(path, text);
    const items = itemsOf(await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 26 } }));
    const labels = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((i) => i.label);
    assert.deepEqual(labels.slice(0, 2), ['Lars Borst Hansen', 'Søren Søndergaard Kjær']);
    assert.ok(!labels.includes('Claus Borg'));
    // Then referat.yaml's people and the archive's, together, in Danish order: Æ and Ø after Z.
    const rest = labels.slice(2);
    for (const name of ['Anne Jensen', 'Bo Zink', 'Lars Klemensen', 'Ælle Øbro']) assert.ok(rest.includes(name), name);
    assert.deepEqual(rest, [...rest].sort(new Intl.Collator('da-DK', { sensitivity: 'base' }).compare));
    assert.ok(labels.indexOf('Bo Zink') < labels.indexOf('Ælle Øbro'));
    assert.equal(items.find((i) => i.label === 'Lars Klemensen')?.detail, 'Udviklingschef');
  });

  test('completion in sections: committees, strategies, laws', async () => {
    const text = read(join(rulesDir, 'base.ok.referat'));
    const uri = await c.open(
      join(ws, 'sek.referat'),
      text.replace(
        'Sagen afgøres endelig af\n\nDirektionen',
        'Sagen afgøres endelig af\n\nØk\n\nVision, politikker og strategier\n\nStr\n\nLovgrundlag\n\nLov',
      ),
    );
    const lines = itemsOf(await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 51, character: 2 } }));
    // referat.yaml's committees, and the one the archive writes beside them: referat.yaml adds, never hides.
    assert.deepEqual(
      lines.map((i) => i.label),
      ['Direktionen', 'Direktionen/Styregruppen for administrationsanalysen', 'Økonomi- og Erhvervsudvalget'],
    );
    const strat = itemsOf(await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 55, character: 3 } }));
    for (const name of ['Strategi for Arbejdskraft', 'Strategi for Digitalisering og Teknologi'])
      assert.ok(
        strat.some((i) => i.label === name),
        name,
      );
    const laws = itemsOf(await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 59, character: 3 } }));
    for (const name of ['Folkeoplysningsloven', 'Lov om kommunernes styrelse'])
      assert.ok(
        laws.some((i) => i.label === name),
        name,
      );
  });

  test('completion at the start of a line: the missing section headings that may follow, in order, then the next punkt', async () => {
    const text = 'REFERAT Direktionen d. 07-12-2023\n\nPunkt 1: A\n\n00.01.00I00-1-23\n\nSagsfremstilling\n\nTekst.\n\n\n';
    const uri = await c.open(join(ws, 'afsnit.referat'), text);
    const items = itemsOf(await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 10, character: 0 } }));
    const labels = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((i) => i.label);
    // Not Resume: it stands before the Sagsfremstilling above.
    assert.deepEqual(labels, [
      'Sagen afgøres endelig af',
      'Lovgrundlag',
      'Vision, politikker og strategier',
      'Økonomi',
      'Andre konsekvenser',
      'Indstilling',
      'Beslutning',
      'Bilag',
      'Punkt 2: ',
      'Punkt 2: Lukket: ',
      // One per recommender the archive writes most, each filled in: no choice inside the snippet.
      'Kommunaldirektøren indstiller, - At …',
      'Udviklingschef Lars Klemensen indstiller, - At …',
      'Direktøren for Social, Sundhed og Arbejdsmarked indstiller, - At …',
      'Beslutning fra … møde den …, pkt. …:',
      '… deltager i mødet kl. …',
      'Afstemning',
      'Inhabil',
      'Protokoltilførsel',
    ]);
  });

  test('completion on the journal-number line: numbers in use and KLE emner', async () => {
    const uri = await c.open(join(ws, 'journal.referat'), 'REFERAT Direktionen d. 07-12-2023\n\nPunkt 1: A\n\n85.1\n');
    const items = itemsOf(await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 4 } }));
    assert.ok(
      items.some((i) => i.label === '85.13.00G01-2-23'),
      'a journal number from the archive',
    );
    const emne = items.find((i) => i.label === '85.13.00');
    assert.equal(emne?.detail, 'Grundlaget for digitalisering i almindelighed');
  });

  test('hover explains a journal number part by part, and a date relative to the meeting', async () => {
    const uri = uriOf(join(ws, 'arkiv', 'direktionen-2023-12-07.referat'));
    const h = await c.conn.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 19, character: 3 } });
    const text = (h.contents as { value: string }).value;
    assert.match(text, /81\.39\.15G01-4-23/);
    assert.match(text, /Intern uddannelse/);
    assert.match(text, /Kommunens personale/);
    assert.match(text, /oprettet i 2023/);
    const d = await c.conn.sendRequest<Hover>('textDocument/hover', {
      textDocument: { uri: uriOf(join(ws, 'arkiv', 'direktionen-2024-04-17.referat')) },
      position: { line: 239, character: 40 },
    });
    assert.match((d.contents as { value: string }).value, /onsdag 20\. marts 2024[\s\S]*4 uger før mødet/);
  });

  test('outline and folding for a corpus referat', async () => {
    const uri = uriOf(join(ws, 'arkiv', 'direktionen-2023-12-07.referat'));
    const symbols = await c.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((s) => s.name),
      [
        'REFERAT Direktionen',
        'Indholdsfortegnelse',
        'Punkt 1: Deltagerkreds, Lederforum',
        'Punkt 2: Profilering af Lemvig Kommune',
        'Punkt 3: Indsigt i fremtidige flyttemønstre',
        'Punkt 4: Administrationsanalysen - Projektdokument og tidsplan',
        'Punkt 5: Eventuelt',
        'Punkt 6: Lukket: Møde med Borgmesteren',
      ],
    );
    assert.equal(symbols[2]!.detail, '81.39.15G01-4-23');
    assert.deepEqual(
      symbols[2]!.children!.map((s) => s.name),
      ['Resume', 'Sagsfremstilling', 'Kommunaldirektøren indstiller,', 'Beslutning', 'Bilag'],
    );
    const folds = await c.conn.sendRequest<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(
      folds.some((f) => f.startLine === 17 && f.endLine === 45),
      'punkt 1 folds from its heading to its last line',
    );
  });

  test('a quick fix is offered for a finding and repairs it', async () => {
    const uri = uriOf(join(ws, 'defekt.referat'));
    const actions = await c.conn.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 2, character: 10 }, end: { line: 2, character: 10 } },
      context: { diagnostics: [] },
    });
    const fix = actions.find((a) => a.kind === 'quickfix');
    assert.equal(fix?.title, 'Ret ugedagen til Torsdag');
    assert.deepEqual(fix?.edit?.changes?.[uri], [{ range: { start: { line: 2, character: 9 }, end: { line: 2, character: 15 } }, newText: 'Torsdag' }]);
  });

  test('code actions are only of the kinds the client asks for', async () => {
    const uri = await c.open(join(ws, 'toc.referat'), read(join(rulesDir, 'toc-mismatch.missing.referat')));
    await c.diagnosticsFor(uri);
    const kinds = async (only?: string[]): Promise<string[]> =>
      (
        await c.conn.sendRequest<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          context: { diagnostics: [], ...(only ? { only } : {}) },
        })
      ).map((a) => a.kind ?? '');
    assert.ok((await kinds()).includes('refactor'), 'the table of contents is offered when nothing is asked for in particular');
    assert.deepEqual(
      (await kinds(['quickfix'])).filter((k) => k !== 'quickfix'),
      [],
    );
    assert.ok((await kinds(['refactor'])).length > 0);
    assert.deepEqual(
      (await kinds(['refactor'])).filter((k) => k !== 'refactor'),
      [],
    );
  });

  test("go to definition from an earlier-decision heading to that meeting's punkt, and a document link", async () => {
    const uri = uriOf(join(ws, 'arkiv', 'direktionen-2024-04-17.referat'));
    const loc = await c.conn.sendRequest<Location>('textDocument/definition', { textDocument: { uri }, position: { line: 239, character: 5 } });
    assert.equal(loc.uri, uriOf(join(ws, 'arkiv/marts.referat')));
    assert.equal(loc.range.start.line, 22);
    const links = await c.conn.sendRequest<{ target: string }[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(
      links.map((l) => l.target),
      [`${uriOf(join(ws, 'arkiv/marts.referat'))}#L23`],
    );
  });

  test('find references on a journal number: every punkt of the case in every meeting', async () => {
    const uri = uriOf(join(ws, 'arkiv', 'direktionen-2024-04-17.referat'));
    const refs = await c.conn.sendRequest<Location[]>('textDocument/references', {
      textDocument: { uri },
      position: { line: 175, character: 4 },
      context: { includeDeclaration: true },
    });
    assert.deepEqual(
      refs.map((r) => [r.uri.split('/').pop(), r.range.start.line]),
      [
        ['marts.referat', 22],
        ['direktionen-2024-04-17.referat', 173],
      ],
    );
    const history = await c.conn.sendRequest<{ date: string; beslutning: string }[]>('workspace/executeCommand', {
      command: 'referat.server.caseHistory',
      arguments: ['85.13.00G01-2-23'],
    });
    assert.deepEqual(
      history.map((h) => [h.date, h.beslutning]),
      [
        ['20. marts 2024', 'Drøftes igen på næste møde.'],
        ['17. april 2024', 'Økonomidokumentet opdateres og drøftes igen den 15. maj 2024.'],
      ],
    );
  });

  test('workspace symbols: punkt titles and journal numbers across meetings', async () => {
    const hits = await c.conn.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'handleplan' });
    assert.deepEqual(hits.map((h) => h.location.uri.split('/').pop()).sort(), ['direktionen-2024-04-17.referat', 'marts.referat']);
  });

  test('reference-mismatch, and a file changed on disk updates the index', async () => {
    const uri = uriOf(join(ws, 'arkiv', 'direktionen-2024-04-17.referat'));
    // Errors and warnings: the spell check's information about rare words is not what this is about.
    const codes = (): string[] =>
      (c.diagnostics.get(uri)?.diagnostics ?? []).filter((x) => (x.severity ?? 1) <= 2).map((x) => `${x.code}@${x.range.start.line}`);
    assert.deepEqual(codes(), []);
    writeFileSync(join(ws, 'arkiv/marts.referat'), march.replace('85.13.00G01-2-23', '85.13.00G01-7-23'));
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(join(ws, 'arkiv/marts.referat')), type: 2 }] });
    await c.until(() => codes().length > 0, 'reference-mismatch after the change on disk');
    assert.deepEqual(codes(), ['reference-mismatch@239']);
    // Deleted, then created again: the index follows, and the open documents are re-checked each time
    // (their findings change: a meeting that is not in the archive is not compared).
    const marts = uriOf(join(ws, 'arkiv/marts.referat'));
    const symbolFiles = async (): Promise<string[]> =>
      (await c.conn.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'handleplan' })).map((h) => h.location.uri.split('/').pop()!).sort();
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: marts, type: 3 }] });
    await c.until(() => codes().length === 0, 're-check after the deletion');
    assert.deepEqual(await symbolFiles(), ['direktionen-2024-04-17.referat'], 'a deleted file leaves the index');
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: marts, type: 1 }] });
    await c.until(() => codes().length > 0, 're-check after the creation');
    assert.deepEqual(codes(), ['reference-mismatch@239']);
    assert.deepEqual(await symbolFiles(), ['direktionen-2024-04-17.referat', 'marts.referat'], 'a created file enters the index');
    writeFileSync(join(ws, 'arkiv/marts.referat'), march);
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: marts, type: 2 }] });
    await c.until(() => codes().length === 0, 'the finding gone after the fix on disk');
  });

  test('a save in the editor that changes what another open referat refers to re-checks that one', async () => {
    const uri = uriOf(join(ws, 'arkiv', 'direktionen-2024-04-17.referat'));
    const codes = (): string[] =>
      (c.diagnostics.get(uri)?.diagnostics ?? []).filter((x) => (x.severity ?? 1) <= 2).map((x) => `${x.code}@${x.range.start.line}`);
    assert.deepEqual(codes(), []);
    const path = join(ws, 'arkiv/marts.referat');
    const marts = await c.open(path, march);
    await c.diagnosticsFor(marts);
    // The referenced punkt's journal number edited and saved, as the editor saves: the file, didSave, the watcher.
    const journalLine = march.split('\n').findIndex((l) => l.includes('85.13.00G01-2-23'));
    const column = march.split('\n')[journalLine]!.indexOf('-2-23') + 1;
    const save = async (version: number, from: string, to: string, text: string): Promise<void> => {
      await c.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri: marts, version },
        contentChanges: [{ range: { start: { line: journalLine, character: column }, end: { line: journalLine, character: column + from.length } }, text: to }],
      });
      writeFileSync(path, text);
      await c.conn.sendNotification('textDocument/didSave', { textDocument: { uri: marts } });
      await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: marts, type: 2 }] });
    };
    await save(2, '2', '7', march.replace('85.13.00G01-2-23', '85.13.00G01-7-23'));
    await c.until(() => codes().length > 0, 'reference-mismatch after the save in the editor');
    assert.deepEqual(codes(), ['reference-mismatch@239']);
    await save(3, '7', '2', march);
    await c.until(() => codes().length === 0, 'the finding gone after the fix saved in the editor');
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: marts } });
  });

  test('mistakes in referat.yaml are reported at their line and column', async () => {
    const bad = 'udvalg:\n  - navn: Direktionen\n    medlemer: [A]\npersoner: Lars\nregler:\n  journal-yeer: off\n  toc-mismatch: loud\nstrategi: []\n';
    const uri = await c.open(join(ws, 'referat.yaml'), bad, 'yaml');
    const d = (await c.diagnosticsFor(uri)).diagnostics.map((x) => [x.range.start.line, x.range.start.character, x.message]);
    assert.deepEqual(d, [
      [2, 4, 'Ukendt nøgle "medlemer" i udvalg; mente du "medlemmer"?'],
      [3, 10, 'Her skal stå en liste af personer (linjer der begynder med "- ").'],
      [5, 2, 'Ukendt regel "journal-yeer"; mente du "journal-year"?'],
      [6, 16, '"loud" er ikke error, warning, info, hint eller off.'],
      [7, 0, 'Ukendt nøgle "strategi" i referat.yaml; mente du "strategier"?'],
    ]);
    const broken = await c.open(join(ws, 'sub/referat.yaml'), 'udvalg: [\n', 'yaml');
    const b = (await c.diagnosticsFor(broken)).diagnostics;
    assert.ok(b.length > 0 && b[0]!.message.startsWith('YAML-fejl'));
  });

  test('out-of-range positions and unknown documents get answers, and the server keeps running', async () => {
    const uri = uriOf(join(ws, 'arkiv', 'direktionen-2023-12-07.referat'));
    assert.deepEqual(await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 99999, character: 5 } }), {
      isIncomplete: false,
      items: [],
    });
    assert.equal(await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: -1, character: -7 } }), null);
    assert.deepEqual(await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///findes/ikke.referat' } }), []);
    assert.equal(await c.conn.sendRequest('referat/ping'), 'pong');
  });

  test('a malformed message is survived', async () => {
    const garbage = '{"jsonrpc":"2.0","id":77,"method":"textDocument/hover","params":{oops}';
    c.child.stdin!.write(`Content-Length: ${Buffer.byteLength(garbage)}\r\n\r\n${garbage}`);
    assert.equal(await c.conn.sendRequest('referat/ping'), 'pong');
    assert.equal(c.child.exitCode, null);
  });

  test('a 10 MB document is checked and the server still answers', async () => {
    const big = read(join(corpusDir, 'direktionen-2023-12-07.referat')).repeat(1300);
    assert.ok(big.length > 10_000_000);
    const uri = await c.open(join(ws, 'stor.referat'), big);
    const d = await c.diagnosticsFor(uri);
    assert.ok(d.diagnostics.some((x) => x.code === 'punkt-numbering'));
    const symbols = await c.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.length > 7000);
    assert.equal(await c.conn.sendRequest('referat/ping'), 'pong');
  });
});

describe('language server without referat.yaml: names harvested from the archive, English, onType', () => {
  let c: LspClient;
  let ws: string;
  before(async () => {
    ws = workspace(false);
    c = new LspClient();
    await c.initialize(ws, { locale: 'en', settings: { validate: { trigger: 'onType', debounceMs: 0 } }, cacheDir: join(ws, '.cache') });
    await c.waitIndexed();
  });
  after(() => c.stop());

  test('people are harvested from old minutes, with their titles', async () => {
    const uri = await c.open(
      join(ws, 'ny.referat'),
      'REFERAT Direktionen d. 07-12-2023\n\nPunkt 1: A\n\n00.01.00I00-1-23\n\nSagsfremstilling\n\n deltager i mødet kl. 10:00.\n',
    );
    const items = itemsOf(await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 8, character: 0 } }));
    const byLabel = new Map(items.map((i) => [i.label, i.detail]));
    assert.equal(byLabel.get('Lars Klemensen'), 'Udviklingschef');
    assert.equal(byLabel.get('Ditte Ågård'), 'HR-konsulent');
    assert.equal(byLabel.get('Ove Weller Nielsen'), 'Chef for Økonomi og HR');
  });

  test('committees and strategies are harvested too', async () => {
    const text =
      'REFERAT Direktionen d. 07-12-2023\n\nPunkt 1: A\n\n00.01.00I00-1-23\n\nSagen afgøres endelig af\n\nD\n\nVision, politikker og strategier\n\nS\n';
    const uri = await c.open(join(ws, 'h.referat'), text);
    const u = itemsOf(await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 8, character: 1 } }));
    assert.ok(u.some((i) => i.label === 'Direktionen/Styregruppen for administrationsanalysen'));
    const s = itemsOf(await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 12, character: 1 } }));
    assert.ok(s.some((i) => i.label === 'Strategi for Digitalisering og Teknologi'));
  });

  test('onType: findings follow the typing, in English', async () => {
    const uri = await c.open(join(ws, 'skriv.referat'), read(join(rulesDir, 'base.ok.referat')));
    assert.deepEqual((await c.diagnosticsFor(uri, 1)).diagnostics, []);
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 9 }, end: { line: 2, character: 16 } }, text: 'Fredag' }],
    });
    const d = await c.diagnosticsFor(uri, 2);
    assert.deepEqual(
      d.diagnostics.map((x) => x.message),
      ['7 December 2023 is a Thursday, not a Friday.'],
    );
  });

  test('referat.language: Danish in an English editor, its findings published again in Danish at once, and back with auto', async () => {
    const uri = await c.open(join(ws, 'sprog.referat'), read(join(rulesDir, 'weekday-mismatch.referat')));
    assert.deepEqual(
      (await c.diagnosticsFor(uri, 1)).diagnostics.map((x) => x.message),
      ['7 December 2023 is a Thursday, not a Friday.'],
    );
    const settings = (language: string) => ({ settings: { referat: { language, validate: { trigger: 'onType', debounceMs: 0 } } } });
    const danish = c.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    await c.conn.sendNotification('workspace/didChangeConfiguration', settings('da'));
    assert.deepEqual(
      (await danish).diagnostics.map((x) => x.message),
      ['7. december 2023 er en torsdag, ikke en fredag.'],
    );
    // The server's other answers too: a hover on the meeting date.
    const hover = await c.conn.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 2, character: 21 },
    });
    assert.match(hover?.contents.value ?? '', /^\*\*torsdag 7\. december 2023\*\*\n\nmødedagen$/);
    const english = c.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    await c.conn.sendNotification('workspace/didChangeConfiguration', settings('auto'));
    assert.deepEqual(
      (await english).diagnostics.map((x) => x.message),
      ['7 December 2023 is a Thursday, not a Friday.'],
    );
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });
});

describe('the archive index is kept between sessions', () => {
  test('a second start reuses unchanged files, re-reads changed ones, and answers the same', async () => {
    const ws = workspace(false);
    const cacheDir = join(ws, '.cache');
    const symbols = async (c: LspClient): Promise<string[]> =>
      (await c.conn.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'punkt' })).map((s) => `${s.location.uri.split('/').pop()}:${s.name}`).sort();

    const sessions: LspClient[] = [];
    const start = async (): Promise<LspClient> => {
      const c = new LspClient();
      sessions.push(c);
      await c.initialize(ws, { cacheDir, locale: 'en' });
      await c.waitIndexed();
      return c;
    };
    try {
      const first = await start();
      const before = await symbols(first);
      assert.equal(first.indexed?.reused, 0);
      assert.equal(first.indexed?.referater, 4);
      await first.stop();

      // Five readable files: four referater and the notes, which are remembered as "not a referat".
      const second = await start();
      assert.equal(second.indexed?.reused, 5, 'every readable file comes from the cache');
      assert.equal(second.indexed?.referater, 4, 'the notes are still not a referat');
      assert.deepEqual(await symbols(second), before);
      assert.ok(second.logs.some((l) => l.includes('noter.referat: not a referat')));
      await second.stop();

      writeFileSync(
        join(ws, 'arkiv/marts.referat'),
        march.replace('Punkt 3: Handleplan for digitalisering', 'Punkt 3: Handleplan for digitalisering, revideret'),
      );
      const third = await start();
      assert.equal(third.indexed?.reused, 4, 'the changed file is read again');
      const hits = await third.conn.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'revideret' });
      assert.deepEqual(
        hits.map((h) => h.name),
        ['Punkt 3: Handleplan for digitalisering, revideret'],
      );
    } finally {
      // A failed assertion must not leave a server running and the test runner waiting for it.
      await Promise.all(sessions.map((c) => c.stop().catch(() => undefined)));
    }
  });
});

describe('a large archive is read on worker threads', () => {
  test('every file is indexed or skipped with its reason, as on the server thread', async () => {
    const ws = scratchDir('referat-lsp-large-');
    // 40 copies of the three corpus meetings: enough files for the worker threads to be used.
    for (let i = 0; i < 40; i++) cpSync(corpusDir, join(ws, `år-${String(i).padStart(2, '0')}`), { recursive: true });
    writeFileSync(join(ws, 'år-00/binær.referat'), Buffer.from([1, 0, 2, 3]));
    writeFileSync(join(ws, 'år-00/noter.referat'), 'bare nogle noter\n');
    writeFileSync(join(ws, 'år-00/latin1.referat'), Buffer.from('REFERAT Direktionen d. 1-2-2024\nM\xf8dedato: 1. februar 2024\n', 'latin1'));
    const c = new LspClient();
    try {
      await c.initialize(ws, { cacheDir: join(ws, '.cache'), locale: 'en' });
      await c.waitIndexed();
      assert.equal(c.indexed?.files, 123);
      assert.equal(c.indexed?.referater, 120);
      const indexedLine = c.logs.find((l) => l.startsWith('referat: indexed'));
      assert.match(indexedLine ?? '', /read on \d worker threads \d+ ms/, 'the files were scanned on worker threads');
      assert.ok(c.logs.some((l) => /binær\.referat: binary file/.test(l)));
      assert.ok(c.logs.some((l) => /latin1\.referat: not valid UTF-8/.test(l)));
      assert.ok(c.logs.some((l) => /skipped .*noter\.referat: not a referat/.test(l)));
      assert.equal(c.logs.filter((l) => l.includes('skipped ')).length, 3, "one line per file skipped, in the server's language");
      // The progress bar: created by the server, begun, ended after the last file, all on one token.
      const kinds = c.progress.map((p) => p.kind);
      assert.equal(kinds[0], 'create');
      assert.equal(kinds[1], 'begin');
      assert.equal(kinds[kinds.length - 1], 'end');
      assert.ok(new Set(c.progress.map((p) => JSON.stringify(p.token))).size === 1, 'one progress token');
      const reports = c.progress.filter((p) => p.kind === 'report');
      assert.equal(reports[reports.length - 1]?.message, '123/123');

      const uri = await c.open(join(ws, 'år-07', 'direktionen-2024-04-17.referat'), readFileSync(join(corpusDir, 'direktionen-2024-04-17.referat'), 'utf8'));
      const refs = await c.conn.sendRequest<Location[]>('textDocument/references', {
        textDocument: { uri },
        position: { line: 175, character: 4 },
        context: { includeDeclaration: true },
      });
      assert.equal(refs.length, 40, 'the case in each of the 40 copies');
    } finally {
      await c.stop();
    }
  });
});

describe('a client that refuses the progress token', () => {
  test('still gets a complete index, without the bar', async () => {
    const ws = workspace(false);
    const c = new LspClient();
    c.conn.onRequest('window/workDoneProgress/create', () => {
      throw new Error('no progress here');
    });
    try {
      await c.initialize(ws, { cacheDir: join(ws, '.cache') });
      await c.waitIndexed();
      assert.ok((c.indexed?.referater ?? 0) > 0, 'the archive was indexed');
      const symbols = await c.conn.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'punkt' });
      assert.ok(symbols.length > 0);
      assert.deepEqual(
        c.progress.filter((p) => p.kind !== 'create'),
        [],
        'no progress was sent on a token the client refused',
      );
    } finally {
      await c.stop();
    }
  });
});
