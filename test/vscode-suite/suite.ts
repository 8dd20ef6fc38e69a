import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ReferatApi } from '../../client/src/extension';
import { ACADRE, SBSYS } from '../../server/src/dialect/dialects';
import { toLocale } from '../../server/src/i18n/locale';
import { Protocol, type FindingsSummary } from '../../server/src/protocol';

declare const suite: (name: string, fn: () => void) => void;
declare const test: (name: string, fn: () => Promise<void> | void) => void;
declare const suiteSetup: (fn: () => Promise<void> | void) => void;

const ws = (): vscode.Uri => vscode.workspace.workspaceFolders![0]!.uri;
const file = (rel: string): vscode.Uri => vscode.Uri.joinPath(ws(), rel);

async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(file(rel));
  return vscode.window.showTextDocument(doc);
}

/** Waits until the document's diagnostics satisfy the test (a hang guard, not a timing check). */
function diagnostics(uri: vscode.Uri, ok: (d: readonly vscode.Diagnostic[]) => boolean, ms = 60_000): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const now = vscode.languages.getDiagnostics(uri);
    if (ok(now)) return resolve(now);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(
        new Error(
          `diagnostics for ${uri.path} never matched; last: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => [d.code, d.range.start.line]))}`,
        ),
      );
    }, ms);
    const sub = vscode.languages.onDidChangeDiagnostics(() => {
      const d = vscode.languages.getDiagnostics(uri);
      if (ok(d)) {
        clearTimeout(timer);
        sub.dispose();
        resolve(d);
      }
    });
  });
}

const code = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);
/** Errors and warnings: what a correct referat must not have (the spell check's information about rare words aside). */
const faults = (d: readonly vscode.Diagnostic[]): vscode.Diagnostic[] => d.filter((x) => x.severity <= vscode.DiagnosticSeverity.Warning);

async function completionLabels(rel: string, line: number, character: number): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    file(rel),
    new vscode.Position(line, character),
  );
  return [...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

async function withText(rel: string, text: string): Promise<vscode.TextEditor> {
  const uri = file(rel);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return open(rel);
}

/** Polls until the condition holds (a hang guard, not a timing check), doing `meanwhile` between looks. */
async function waitUntil(ok: () => boolean, what: string, ms = 20_000, meanwhile?: () => Thenable<unknown>): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    if (meanwhile) await meanwhile();
    if (!ok()) await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The server's own count of the document's errors and warnings as it is now (the extension's
 * findings request, answered after every edit sent before it): a check that nothing is wrong has
 * heard from the server, instead of waiting a while for diagnostics that might not have come yet.
 */
async function serverFindings(uri: vscode.Uri): Promise<FindingsSummary> {
  const client = vscode.extensions.getExtension<{ client: LanguageClient | undefined }>('referat.referat')!.exports.client;
  assert.ok(client, 'the extension has a language client');
  const deadline = Date.now() + 20_000;
  for (;;) {
    // null: the server does not have the document open yet (its didOpen is on the way).
    const summary = await client.sendRequest<FindingsSummary | null>(Protocol.findingsRequest, { uri: uri.toString() });
    if (summary) return summary;
    if (Date.now() > deadline) throw new Error(`the server never had ${uri.path} open`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** No error or warning, by the server's answer and in what VS Code shows. */
async function assertNoFaults(uri: vscode.Uri): Promise<void> {
  const summary = await serverFindings(uri);
  assert.deepEqual([summary.errors, summary.warnings, summary.firstErrors], [0, 0, []]);
  assert.deepEqual(faults(vscode.languages.getDiagnostics(uri)).map(code), []);
}

/**
 * Types as a user does, opens the suggestions and accepts the first, once the language server
 * offers what the test expects (the suggest widget asks the server again as she types); returns
 * once the document is as `accepted` expects.
 */
async function typeAndAccept(
  editor: vscode.TextEditor,
  text: string,
  ready: (labels: string[]) => boolean,
  accepted: (doc: vscode.TextDocument) => boolean,
): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('type', { text });
  const typedAt = editor.selection.active;
  await waitUntil(() => editor.document.lineAt(typedAt.line).text.slice(0, typedAt.character).endsWith(text), `"${text}" typed`);
  let labels: string[] = [];
  const deadline = Date.now() + 30_000;
  while (!ready(labels) && Date.now() < deadline) {
    const pos = editor.selection.active;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, pos);
    labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    if (!ready(labels)) await new Promise((r) => setTimeout(r, 300));
  }
  assert.ok(ready(labels), `the suggestions never held what was expected: ${labels.slice(0, 20).join(', ')}`);
  // The widget takes a moment to show its list; accepting before that does nothing, so accept
  // until the document changes, then wait for the edit the test expects.
  const typed = editor.document.version;
  await vscode.commands.executeCommand('editor.action.triggerSuggest');
  await waitUntil(
    () => editor.document.version !== typed,
    'the suggestion accepted',
    30_000,
    () => vscode.commands.executeCommand('acceptSelectedSuggestion'),
  );
  await waitUntil(() => accepted(editor.document), `the accepted suggestion's text, not ${JSON.stringify(editor.document.getText().slice(0, 300))}`);
}

export function defineTests(): void {
  suite('Referat in a real VS Code', () => {
    suiteSetup(async () => {
      const ext = vscode.extensions.getExtension('referat.referat');
      assert.ok(ext, 'the extension is installed');
      await ext.activate();
    });

    test('runs in a real VS Code and the extension is active', () => {
      assert.match(vscode.version, /^\d+\.\d+\.\d+/);
      const ext = vscode.extensions.getExtension('referat.referat')!;
      assert.equal(ext.isActive, true);
      const contributes = (ext.packageJSON as { contributes: { grammars: unknown[]; snippets?: unknown[] } }).contributes;
      assert.equal(contributes.grammars.length, 1);
      // The snippets are the language server's, offered where they fit: none that VS Code shows everywhere.
      assert.equal(contributes.snippets, undefined);
      assert.equal(vscode.workspace.getConfiguration('editor', { languageId: 'referat' }).get('formatOnType'), true);
    });

    test('a defective referat gets its squiggle: missing-beslutning on the punkt heading', async () => {
      const editor = await open('defekt/mangler-beslutning.referat');
      assert.equal(editor.document.languageId, 'referat');
      const d = await diagnostics(editor.document.uri, (x) => x.some((y) => code(y) === 'missing-beslutning'));
      const found = d.find((y) => code(y) === 'missing-beslutning')!;
      assert.equal(found.range.start.line, 17);
      assert.equal(found.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(found.source, 'referat');
    });

    test('a wrong weekday is found with its exact range', async () => {
      const editor = await open('defekt/forkert-ugedag.referat');
      const d = await diagnostics(editor.document.uri, (x) => x.length > 0);
      assert.deepEqual(
        d.map((y) => [code(y), y.range.start.line, y.range.start.character, y.range.end.character]),
        [['weekday-mismatch', 2, 9, 15]],
      );
    });

    test('referat.language: the findings and the status bar in the language chosen, whatever VS Code speaks, and back with auto', async () => {
      const display = toLocale(vscode.env.language);
      const other = display === 'da' ? 'en' : 'da';
      const message = { da: '7. december 2023 er en torsdag, ikke en fredag.', en: '7 December 2023 is a Thursday, not a Friday.' };
      const status = (): ReturnType<ReferatApi['dialectStatus']> => vscode.extensions.getExtension<ReferatApi>('referat.referat')!.exports.dialectStatus();
      const editor = await open('defekt/forkert-ugedag.referat');
      const says = (locale: 'da' | 'en') => (x: readonly vscode.Diagnostic[]) => x.some((y) => y.message === message[locale]);
      await diagnostics(editor.document.uri, says(display));
      const settings = vscode.workspace.getConfiguration('referat');
      await settings.update('language', other, vscode.ConfigurationTarget.Global);
      try {
        await diagnostics(editor.document.uri, says(other));
        await waitUntil(() => status().text === `Referat: ${SBSYS.name[other]}`, `the dialect in ${other} in the status bar, not ${JSON.stringify(status())}`);
      } finally {
        await settings.update('language', undefined, vscode.ConfigurationTarget.Global);
      }
      await diagnostics(editor.document.uri, says(display));
      await waitUntil(
        () => status().text === `Referat: ${SBSYS.name[display]}`,
        `the dialect in ${display} in the status bar again, not ${JSON.stringify(status())}`,
      );
    });

    for (const name of ['direktionen-2019-06-26', 'direktionen-2023-12-07', 'direktionen-2024-04-17']) {
      test(`corpus ${name}: opens as a referat with no errors or warnings`, async () => {
        const editor = await open(`arkiv/${name}.referat`);
        assert.equal(editor.document.languageId, 'referat');
        const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
        assert.ok(symbols.length > 5);
        await assertNoFaults(editor.document.uri);
        // What the spell check says is information, never more.
        assert.ok(
          vscode.languages.getDiagnostics(editor.document.uri).every((d) => code(d) !== 'spelling' || d.severity === vscode.DiagnosticSeverity.Information),
        );
      });
    }

    test('saving updates the diagnostics', async () => {
      const text = readFileSync(file('arkiv/direktionen-2023-12-07.referat').fsPath, 'utf8');
      const editor = await withText('gem.referat', text);
      await editor.edit((e) => e.replace(new vscode.Range(4, 9, 4, 16), 'Fredag'));
      await editor.document.save();
      await diagnostics(editor.document.uri, (x) => x.some((y) => code(y) === 'weekday-mismatch'));
      await editor.edit((e) => e.replace(new vscode.Range(4, 9, 4, 15), 'Torsdag'));
      await editor.document.save();
      await diagnostics(editor.document.uri, (x) => faults(x).length === 0);
    });

    test("completion after Mødedeltagere: Direktionen's members first, listed names left out", async () => {
      await withText('ny.referat', 'REFERAT Direktionen d. 07-12-2023\n\nMødedeltagere Claus Borg, \n');
      const labels = await completionLabels('ny.referat', 2, 26);
      assert.deepEqual(labels.slice(0, 2), ['Lars Borst Hansen', 'Søren Søndergaard Kjær']);
      assert.ok(!labels.includes('Claus Borg'));
      assert.ok(labels.includes('Lars Klemensen'));
    });

    test('completion under Sagen afgøres endelig af: committees from referat.yaml', async () => {
      await withText('udvalg.referat', 'REFERAT Direktionen d. 07-12-2023\n\nPunkt 1: A\n\n00.01.00I00-1-23\n\nSagen afgøres endelig af\n\nØ\n');
      const labels = await completionLabels('udvalg.referat', 8, 1);
      assert.ok(labels.includes('Økonomi- og Erhvervsudvalget'), labels.join(', '));
    });

    test('completion under Vision, politikker og strategier and Lovgrundlag', async () => {
      await withText(
        'strategi.referat',
        'REFERAT Direktionen d. 07-12-2023\n\nPunkt 1: A\n\n00.01.00I00-1-23\n\nVision, politikker og strategier\n\nS\n\nLovgrundlag\n\nL\n',
      );
      assert.ok((await completionLabels('strategi.referat', 8, 1)).includes('Strategi for Arbejdskraft'));
      assert.ok((await completionLabels('strategi.referat', 12, 1)).includes('Lov om kommunernes styrelse'));
    });

    test('completion at the start of a line: the missing sections that may follow, then the next punkt', async () => {
      await withText('afsnit.referat', 'REFERAT Direktionen d. 07-12-2023\n\nPunkt 1: A\n\n00.01.00I00-1-23\n\nSagsfremstilling\n\nTekst.\n\n\n');
      const labels = await completionLabels('afsnit.referat', 10, 0);
      for (const l of ['Indstilling', 'Beslutning', 'Punkt 2: ']) assert.ok(labels.includes(l), `${l} in ${labels.join(', ')}`);
      // Written already, or belonging before the account (Resume): taken here, either would be out of order.
      for (const l of ['Sagsfremstilling', 'Resume']) assert.ok(!labels.includes(l), `${l} in ${labels.join(', ')}`);
    });

    test('completion on the journal-number line offers KLE emner', async () => {
      await withText('journal.referat', 'REFERAT Direktionen d. 07-12-2023\n\nPunkt 1: A\n\n85.1\n');
      assert.ok((await completionLabels('journal.referat', 4, 4)).includes('85.13.00'));
    });

    test('hover explains a journal number', async () => {
      const editor = await open('arkiv/direktionen-2023-12-07.referat');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(19, 3));
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, /Intern uddannelse/);
      assert.match(text, /2023/);
    });

    test('outline: punkter with journal numbers, sections as children', async () => {
      const uri = file('arkiv/direktionen-2024-04-17.referat');
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      const p4 = symbols.find((s) => s.name.startsWith('Punkt 4'))!;
      assert.equal(p4.detail, '85.13.00G01-2-23');
      assert.ok(p4.children.some((c) => c.name.startsWith('Beslutning fra')));
    });

    test('folding ranges for punkter and sections', async () => {
      const uri = file('arkiv/direktionen-2023-12-07.referat');
      const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri);
      assert.ok(ranges.some((r) => r.start === 17 && r.end === 45));
    });

    test('go to definition from an earlier decision to the earlier meeting', async () => {
      const uri = file('arkiv/direktionen-2024-04-17.referat');
      const locs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider',
        uri,
        new vscode.Position(239, 5),
      );
      const target = locs[0] && ('targetUri' in locs[0] ? locs[0].targetUri : locs[0].uri);
      assert.ok(target?.path.endsWith('direktionen-2024-03-20.referat'), JSON.stringify(locs));
    });

    test('workspace symbols find punkter across meetings', async () => {
      const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Handleplan');
      assert.ok(found.length >= 2, JSON.stringify(found.map((s) => s.name)));
    });

    test('the preview command opens a webview panel beside the editor', async () => {
      await open('arkiv/direktionen-2023-12-07.referat');
      await vscode.commands.executeCommand('referat.openPreviewToSide');
      const deadline = Date.now() + 20_000;
      let tab: vscode.Tab | undefined;
      while (!tab && Date.now() < deadline) {
        tab = vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('referat.preview'));
        if (!tab) await new Promise((r) => setTimeout(r, 200));
      }
      assert.ok(tab, 'a referat preview tab');
    });

    test('a preview hidden behind the referat in its own group is brought into view by Open Preview, and beside it by Open Preview to the Side', async () => {
      const editor = await open('arkiv/direktionen-2023-12-07.referat');
      await vscode.commands.executeCommand('referat.openPreviewToSide');
      const previewTab = (): vscode.Tab | undefined =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('referat.preview'));
      await waitUntil(() => previewTab() !== undefined, 'the preview');
      const column = previewTab()!.group.viewColumn;
      // The referat opened in the preview's group (as files opened while that group has focus): the preview is a hidden tab behind it.
      await vscode.window.showTextDocument(editor.document, { viewColumn: column });
      await waitUntil(() => previewTab()?.isActive === false, 'the preview hidden behind the referat');
      await vscode.commands.executeCommand('referat.openPreview');
      await waitUntil(() => previewTab()?.isActive === true, 'the preview in view again');
      await vscode.window.showTextDocument(editor.document, { viewColumn: column });
      await waitUntil(() => previewTab()?.isActive === false, 'the preview hidden again');
      await vscode.commands.executeCommand('referat.openPreviewToSide');
      await waitUntil(() => previewTab()?.isActive === true && previewTab()?.group.viewColumn !== column, 'the preview beside the referat');
    });

    test('export writes the public HTML next to the referat, without closed content', async () => {
      const editor = await withText(
        'lukket.referat',
        readFileSync(file('arkiv/direktionen-2023-12-07.referat').fsPath, 'utf8') +
          '\nSagsfremstilling\n\nFORTROLIGT-INDHOLD\n\nBeslutning\n\nTaget til efterretning.\n',
      );
      await vscode.commands.executeCommand('referat.exportHtml', editor.document.uri, 'public');
      const out = file('lukket.offentlig.html');
      assert.ok(existsSync(out.fsPath));
      const html = readFileSync(out.fsPath, 'utf8');
      assert.ok(html.includes('Punkt 6: Lukket: Møde med Borgmesteren'));
      assert.ok(!html.includes('FORTROLIGT-INDHOLD'));
    });

    test('Export PDF writes the public and the internal PDF next to the referat; the closed content only in the internal', async () => {
      const editor = await withText(
        'lukket-pdf.referat',
        readFileSync(file('arkiv/direktionen-2023-12-07.referat').fsPath, 'utf8') +
          '\nSagsfremstilling\n\nFORTROLIGT-INDHOLD\n\nBeslutning\n\nTaget til efterretning.\n',
      );
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes('referat.exportPdf'));
      const text = (pdf: vscode.Uri): string => {
        const bytes = readFileSync(pdf.fsPath);
        assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
        // The text as a reader gets it (poppler, which the test command installs), not the file's bytes.
        const r = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf.fsPath, '-'], { encoding: 'utf8' });
        assert.equal(r.status, 0, r.stderr);
        return r.stdout;
      };
      const pub = await vscode.commands.executeCommand<{ written?: vscode.Uri }>('referat.exportPdf', editor.document.uri, 'public');
      assert.equal(pub?.written?.path, file('lukket-pdf.offentlig.pdf').path);
      const pubText = text(file('lukket-pdf.offentlig.pdf'));
      assert.ok(pubText.includes('Punkt 6: Lukket: Møde med Borgmesteren'), pubText.slice(-300));
      assert.ok(!pubText.includes('FORTROLIGT'));
      await vscode.commands.executeCommand('referat.exportPdf', editor.document.uri, 'internal');
      assert.ok(text(file('lukket-pdf.intern.pdf')).includes('FORTROLIGT-INDHOLD'));
    });

    test('a CPR number in an open punkt: the public export says which line and writes nothing; the internal is written', async () => {
      const lines = readFileSync(file('arkiv/direktionen-2023-12-07.referat').fsPath, 'utf8').split('\n');
      const at = lines.findIndex((l) => l.startsWith('Den nuværende deltagerkreds'));
      assert.ok(at > 0, 'the decision line of punkt 1');
      lines[at] = `${lines[at]} Borger 010203-1234.`;
      const editor = await withText('cpr.referat', lines.join('\n'));
      await diagnostics(editor.document.uri, (x) => x.some((y) => code(y) === 'cpr-number' && y.range.start.line === at));
      for (const command of ['referat.exportPdf', 'referat.exportHtml']) {
        const outcome = await vscode.commands.executeCommand<{ refused?: string; written?: vscode.Uri }>(command, editor.document.uri, 'public', {
          confirmed: true,
        });
        assert.equal(outcome?.written, undefined, command);
        assert.match(outcome?.refused ?? '', new RegExp(`^(Line|Linje) ${at + 1}: .*CPR`), command);
      }
      assert.ok(!existsSync(file('cpr.offentlig.pdf').fsPath) && !existsSync(file('cpr.offentlig.html').fsPath));
      const internal = await vscode.commands.executeCommand<{ written?: vscode.Uri }>('referat.exportPdf', editor.document.uri, 'internal', {
        confirmed: true,
      });
      assert.ok(internal?.written && existsSync(internal.written.fsPath));
      assert.equal(internal.written.path, file('cpr.intern.pdf').path);
    });

    test('an export onto a symbolic link replaces the link itself: the file it pointed to, outside the folder, is untouched', async () => {
      const outside = join(mkdtempSync(join(tmpdir(), 'referat-outside-')), 'outside.html');
      writeFileSync(outside, 'UNTOUCHED');
      const editor = await withText('link.referat', readFileSync(file('arkiv/direktionen-2023-12-07.referat').fsPath, 'utf8'));
      symlinkSync(outside, file('link.offentlig.html').fsPath);
      const outcome = await vscode.commands.executeCommand<{ written?: vscode.Uri }>('referat.exportHtml', editor.document.uri, 'public', { confirmed: true });
      assert.equal(outcome?.written?.path, file('link.offentlig.html').path);
      assert.equal(readFileSync(outside, 'utf8'), 'UNTOUCHED');
      assert.ok(!lstatSync(file('link.offentlig.html').fsPath).isSymbolicLink());
      assert.match(readFileSync(file('link.offentlig.html').fsPath, 'utf8'), /<html lang="da">/);
    });

    test('Create Referat from Dagsorden: the referat opens beside it with the cursor in the first empty decision; it is never overwritten', async () => {
      const dagsorden = [
        'DAGSORDEN Direktionen d. 05-03-2025',
        '',
        'Mødedato Onsdag d. 05. marts 2025 kl. 09:00',
        '',
        'Mødested Udvalgsværelse 1, Lemvig Rådhus',
        '',
        'Punkt 1: Budgetopfølgning',
        '',
        '00.30.10S00-2-25',
        '',
        'Sagsfremstilling',
        '',
        'Opfølgningen viser et mindreforbrug.',
        '',
        'Bilag',
        '',
        'Budgetopfølgning marts',
        '',
      ].join('\n');
      await withText('direktionen-dagsorden-2025-03-05.referat', dagsorden);
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes('referat.createReferat'));
      await vscode.commands.executeCommand('referat.createReferat');
      const target = file('direktionen-referat-2025-03-05.referat');
      await waitUntil(() => vscode.window.activeTextEditor?.document.uri.path === target.path, 'the referat opened');
      const editor = vscode.window.activeTextEditor!;
      const lines = editor.document.getText().split('\n');
      assert.equal(lines[0], 'REFERAT Direktionen d. 05-03-2025');
      assert.ok(lines.includes('Mødedeltagere Claus Borg, Lars Borst Hansen, Søren Søndergaard Kjær'), lines.slice(0, 12).join('\n'));
      const heading = lines.indexOf('Beslutning');
      assert.ok(heading > 0 && heading < lines.indexOf('Bilag'));
      assert.ok(editor.selection.active.line > heading && editor.selection.active.line <= heading + 2, `cursor at ${editor.selection.active.line}`);
      // Run again: the referat she may have started writing in stays as it is.
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('påbegyndt'));
      const again = await vscode.commands.executeCommand<{ exists?: vscode.Uri }>('referat.createReferat', file('direktionen-dagsorden-2025-03-05.referat'));
      assert.equal(again?.exists?.path, target.path);
      assert.equal(readFileSync(target.fsPath, 'utf8'), 'påbegyndt');
    });

    test('spell check: a word the dictionary lacks is information with corrections, and "Add to my word list" makes it known everywhere', async () => {
      const text = readFileSync(file('arkiv/direktionen-2023-12-07.referat').fsPath, 'utf8').replace(
        'fra Jobcentret.',
        'fra Jobcentret med klimaskjoldsprojektet og et moede.',
      );
      const editor = await withText('stavning.referat', text);
      const line = text.split('\n').findIndex((l) => l.includes('klimaskjoldsprojektet'));
      const found = await diagnostics(editor.document.uri, (x) => x.filter((y) => code(y) === 'spelling' && y.range.start.line === line).length === 2);
      const spelt = found.filter((y) => code(y) === 'spelling' && y.range.start.line === line);
      assert.ok(spelt.every((y) => y.severity === vscode.DiagnosticSeverity.Information));
      const typo = spelt.find((y) => editor.document.getText(y.range) === 'moede')!;
      const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, typo.range);
      assert.ok(
        fixes.some((f) => f.title === 'Change to "møde"'),
        fixes.map((f) => f.title).join(' | '),
      );
      const word = spelt.find((y) => editor.document.getText(y.range) === 'klimaskjoldsprojektet')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, word.range);
      const mine = actions.find((a) => a.title === 'Add "klimaskjoldsprojektet" to my word list');
      assert.ok(mine?.command, actions.map((a) => a.title).join(' | '));
      await vscode.commands.executeCommand(mine.command.command, ...((mine.command.arguments ?? []) as unknown[]));
      assert.deepEqual(vscode.workspace.getConfiguration('referat').get('spelling.words'), ['klimaskjoldsprojektet']);
      await diagnostics(editor.document.uri, (x) => !x.some((y) => code(y) === 'spelling' && editor.document.getText(y.range) === 'klimaskjoldsprojektet'));
      await vscode.workspace.getConfiguration('referat').update('spelling.words', undefined, vscode.ConfigurationTarget.Global);
    });

    test('typed: "pun" at the end of a referat and the suggestion taken gives the next punkt, numbered', async () => {
      const text = readFileSync(file('arkiv/direktionen-2023-12-07.referat').fsPath, 'utf8').trimEnd() + '\n\n';
      const editor = await withText('snippet.referat', text);
      const last = editor.document.lineCount - 1;
      editor.selection = new vscode.Selection(last, 0, last, 0);
      await typeAndAccept(
        editor,
        'pun',
        (labels) => labels.includes('Punkt 7: '),
        (doc) => doc.lineCount > last && doc.lineAt(last).text !== 'pun',
      );
      const lines = editor.document.getText().split('\n');
      assert.equal(lines[last], 'Punkt 7: ');
      assert.ok(lines.slice(last).includes('Sagsfremstilling') && lines.slice(last).includes('Beslutning'));
      assert.ok(!lines.slice(last).some((l) => /\d{2}\.\d{2}\.\d{2}|Bilag|Titel|journalnummer/.test(l)), 'no placeholder text and no empty Bilag');
    });

    test('typed: a journal number chosen after "81.39" replaces what was typed', async () => {
      const editor = await withText('journal-typed.referat', 'REFERAT Direktionen d. 07-12-2023\n\nPunkt 1: A\n\n\n');
      editor.selection = new vscode.Selection(4, 0, 4, 0);
      await typeAndAccept(
        editor,
        '81.39',
        (labels) => labels.includes('81.39.15G01-4-23'),
        (doc) => doc.lineAt(4).text !== '81.39',
      );
      assert.equal(editor.document.lineAt(4).text, '81.39.15G01-4-23');
    });

    test('typed: "referat" in a new file named by its date gives the header with that date and its weekday', async () => {
      const editor = await withText('2026-12-02-direktionen.referat', '');
      await assertNoFaults(editor.document.uri);
      assert.deepEqual(vscode.languages.getDiagnostics(editor.document.uri).map(code), [], 'a new file has no errors');
      await typeAndAccept(
        editor,
        'referat',
        (labels) => labels.includes('referat'),
        (doc) => doc.lineCount > 6,
      );
      const lines = editor.document.getText().split('\n');
      assert.equal(lines[0], 'REFERAT Direktionen d. 02-12-2026');
      // The time the workspace's referat.yaml leaves out comes from the archive's newest Direktionen meeting.
      assert.equal(lines[2], 'Mødedato Onsdag d. 02. december 2026 kl. 09:00');
      assert.equal(lines[4], 'Mødested Udvalgsværelse 1, Lemvig Rådhus');
      assert.equal(lines[6], 'Mødedeltagere Claus Borg, Lars Borst Hansen, Søren Søndergaard Kjær');
    });

    test('typed: Enter continues a list, and Enter on the empty item ends it without a stray dash', async () => {
      const editor = await withText('liste.referat', 'REFERAT Direktionen d. 07-12-2023\n\nPunkt 1: A\n\n00.01.00I00-1-23\n\nSagsfremstilling\n\n');
      editor.selection = new vscode.Selection(8, 0, 8, 0);
      await vscode.commands.executeCommand('type', { text: '- At det godkendes.' });
      await vscode.commands.executeCommand('type', { text: '\n' });
      assert.equal(editor.document.lineAt(9).text, '- ', 'the list goes on');
      await vscode.commands.executeCommand('type', { text: '\n' });
      // On-type formatting answers asynchronously.
      await waitUntil(() => editor.document.lineAt(9).text === '', 'the empty item removed');
      assert.equal(editor.document.lineAt(8).text, '- At det godkendes.');
      assert.equal(editor.selection.active.line, 10);
    });

    test('mistakes in referat.yaml are shown in referat.yaml', async () => {
      const editor = await withText('sub/referat.yaml', 'udvalg:\n  - navn: Direktionen\n    medlemer: [A]\n');
      const d = await diagnostics(editor.document.uri, (x) => x.length > 0);
      assert.equal(d[0]!.range.start.line, 2);
      assert.match(d[0]!.message, /medlemer/);
    });

    test('Import Minutes: a folder of published minutes becomes referater in the chosen folder, checked clean and indexed; the bad file is reported; existing files are kept unless she says replace', async () => {
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes('referat.importMinutes'));
      const out = file('importeret');
      await vscode.workspace.fs.createDirectory(out);
      type Outcome = { written: vscode.Uri[]; skipped: vscode.Uri[]; failed: { source: vscode.Uri; message: string }[]; cancelled: boolean };
      const first = await vscode.commands.executeCommand<Outcome>('referat.importMinutes', { sources: [file('kilder')], outDir: out });
      assert.deepEqual(
        first.written.map((u) => u.path.split('/').pop()),
        ['klima-teknik-og-miljoeudvalget-2024-09-05.referat', 'udvalget-for-plan-udvikling-og-kultur-puk-2013-06-20.referat'],
      );
      assert.equal(first.failed.length, 1);
      assert.match(first.failed[0]!.source.path, /tom\.pdf$/);
      assert.match(first.failed[0]!.message, /tom|empty/i);
      assert.equal(first.cancelled, false);
      // The first referat is opened, and the server finds nothing wrong in it.
      const greve = first.written[0]!;
      await waitUntil(() => vscode.window.activeTextEditor?.document.uri.path === greve.path, 'the first referat opened');
      assert.match(vscode.window.activeTextEditor!.document.getText(), /^REFERAT Klima-, Teknik- og Miljøudvalget d\. 05-09-2024\n/);
      await assertNoFaults(greve);
      // The archive picks the new files up: a punkt of the imported meeting is found by workspace symbols.
      let found: vscode.SymbolInformation[] = [];
      for (let i = 0; i < 60 && found.length === 0; i++) {
        found = (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Gjeddesdalsvej')) ?? [];
        if (found.length === 0) await new Promise((r) => setTimeout(r, 500));
      }
      assert.ok(
        found.some((s) => s.location.uri.path === greve.path),
        'the imported punkt is found across meetings',
      );
      // Again: nothing is replaced without her say.
      await vscode.workspace.fs.writeFile(greve, new TextEncoder().encode('hendes egne rettelser\n'));
      const kept = await vscode.commands.executeCommand<Outcome>('referat.importMinutes', { sources: [file('kilder')], outDir: out, replace: false });
      assert.equal(kept.written.length, 0);
      assert.equal(kept.skipped.length, 2);
      assert.equal(readFileSync(greve.fsPath, 'utf8'), 'hendes egne rettelser\n');
      const replaced = await vscode.commands.executeCommand<Outcome>('referat.importMinutes', {
        sources: [file('kilder/greve-klima-teknik-og-miljoeudvalget-2024-09-05.json')],
        outDir: out,
        replace: true,
      });
      assert.equal(replaced.written.length, 1);
      assert.match(readFileSync(greve.fsPath, 'utf8'), /^REFERAT Klima-, Teknik- og Miljøudvalget/);
    });

    test('Import Minutes: two meetings of one import with one name each get a file; neither is asked about nor lost', async () => {
      type Outcome = { written: vscode.Uri[]; skipped: vscode.Uri[]; failed: unknown[]; cancelled: boolean };
      const twins = file('tvillinger');
      const out = file('tvillinger-ud');
      await vscode.workspace.fs.createDirectory(twins);
      await vscode.workspace.fs.createDirectory(out);
      try {
        // One meeting's export twice, as a system writes two agendas of one committee on one day.
        const bytes = await vscode.workspace.fs.readFile(file('kilder/greve-klima-teknik-og-miljoeudvalget-2024-09-05.json'));
        for (const name of ['a.json', 'b.json']) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(twins, name), bytes);
        const r = await vscode.commands.executeCommand<Outcome>('referat.importMinutes', { sources: [twins], outDir: out, replace: false });
        assert.deepEqual(r.written.map((u) => u.path.split('/').pop()).sort(), [
          'klima-teknik-og-miljoeudvalget-2024-09-05-2.referat',
          'klima-teknik-og-miljoeudvalget-2024-09-05.referat',
        ]);
        assert.deepEqual(r.skipped, []);
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        for (const dir of [twins, out]) await vscode.workspace.fs.delete(dir, { recursive: true });
      }
    });

    test("prose defaults apply to a referat: word wrap, no word suggestions, Enter never takes a suggestion; other files keep VS Code's", async () => {
      const editor = await open('arkiv/direktionen-2023-12-07.referat');
      const config = vscode.workspace.getConfiguration('editor', editor.document);
      assert.equal(config.get('wordWrap'), 'on');
      assert.equal(config.get('wordBasedSuggestions'), 'off');
      assert.equal(config.get('acceptSuggestionOnEnter'), 'off');
      assert.deepEqual(config.get('quickSuggestions'), { other: 'inline', comments: 'off', strings: 'inline' });
      assert.equal(config.get('suggestOnTriggerCharacters'), true);
      assert.equal(config.get('formatOnType'), true);
      const plain = vscode.workspace.getConfiguration('editor', { languageId: 'plaintext' });
      assert.equal(plain.get('wordWrap'), 'off');
      assert.equal(plain.get('acceptSuggestionOnEnter'), 'on');
    });

    test('the walkthrough of the first meeting is contributed and opens', async () => {
      const ext = vscode.extensions.getExtension('referat.referat')!;
      const walkthroughs = (ext.packageJSON as { contributes: { walkthroughs?: { id: string; steps: { id: string }[] }[] } }).contributes.walkthroughs ?? [];
      assert.deepEqual(
        walkthroughs.map((w) => [w.id, w.steps.map((s) => s.id)]),
        [['firstMeeting', ['archive', 'create', 'write', 'check', 'preview', 'publish']]],
      );
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('workbench.action.openWalkthrough', 'referat.referat#firstMeeting', false);
      await waitUntil(() => vscode.window.tabGroups.activeTabGroup.activeTab !== undefined, 'the walkthrough tab');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('with no file open, Import Minutes and Create Referat from Dagsorden are commands the palette lists', async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await waitUntil(() => vscode.window.activeTextEditor === undefined, 'no editor');
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes('referat.importMinutes') && commands.includes('referat.createReferat'));
      const ext = vscode.extensions.getExtension('referat.referat')!;
      const palette = (ext.packageJSON as { contributes: { menus: { commandPalette: { command: string; when?: string }[] } } }).contributes.menus
        .commandPalette;
      assert.deepEqual(
        palette.filter((m) => (m.command === 'referat.importMinutes' || m.command === 'referat.createReferat') && m.when !== undefined),
        [],
      );
    });

    test('Import Minutes from a folder outside the workspace writes into the workspace folder by default, and "outside: false" keeps it there', async () => {
      const away = mkdtempSync(join(tmpdir(), 'kilder-'));
      const source = join(away, 'greve.json');
      writeFileSync(source, readFileSync(file('kilder/greve-klima-teknik-og-miljoeudvalget-2024-09-05.json').fsPath));
      type Outcome = { written: vscode.Uri[]; skipped: vscode.Uri[]; cancelled: boolean };
      const first = await vscode.commands.executeCommand<Outcome>('referat.importMinutes', { sources: [vscode.Uri.file(source)], replace: true });
      assert.deepEqual(
        first.written.map((u) => u.path),
        [file('klima-teknik-og-miljoeudvalget-2024-09-05.referat').path],
      );
      assert.ok(!existsSync(join(away, 'klima-teknik-og-miljoeudvalget-2024-09-05.referat')), 'nothing written beside the source outside');
      const kept = await vscode.commands.executeCommand<Outcome>('referat.importMinutes', {
        sources: [vscode.Uri.file(source)],
        outDir: vscode.Uri.file(away),
        outside: false,
        replace: true,
      });
      assert.deepEqual(
        kept.written.map((u) => u.path),
        [file('klima-teknik-og-miljoeudvalget-2024-09-05.referat').path],
      );
    });

    test('Create Referat from Dagsorden given a published dagsorden outside the workspace: imported into the workspace, the referat made beside it', async () => {
      const away = mkdtempSync(join(tmpdir(), 'dagsorden-'));
      const json = JSON.parse(readFileSync(file('kilder/greve-klima-teknik-og-miljoeudvalget-2024-09-05.json').fsPath, 'utf8')) as {
        Moede: { Afsluttet?: boolean };
      };
      json.Moede.Afsluttet = false;
      const source = join(away, 'greve-dagsorden.json');
      writeFileSync(source, JSON.stringify(json));
      const made = await vscode.commands.executeCommand<{ written?: vscode.Uri }>('referat.createReferat', vscode.Uri.file(source));
      const dagsorden = file('klima-teknik-og-miljoeudvalget-dagsorden-2024-09-05.referat');
      const referat = file('klima-teknik-og-miljoeudvalget-referat-2024-09-05.referat');
      assert.equal(made?.written?.path, referat.path);
      assert.ok(existsSync(dagsorden.fsPath) && existsSync(referat.fsPath));
      assert.match(readFileSync(referat.fsPath, 'utf8'), /^REFERAT Klima-, Teknik- og Miljøudvalget d\. 05-09-2024/);
      await waitUntil(() => vscode.window.activeTextEditor?.document.uri.path === referat.path, 'the referat opened');
    });

    test('the status bar names the dialect the active referat is read in, and the referat.yaml that names it; it is gone in another file', async () => {
      // VS Code gives no extension a status bar item's text: the extension's API says what its item shows.
      const status = (): ReturnType<ReferatApi['dialectStatus']> => vscode.extensions.getExtension<ReferatApi>('referat.referat')!.exports.dialectStatus();
      const locale = toLocale(vscode.env.language);
      await open('arkiv/direktionen-2019-06-26.referat');
      await waitUntil(() => status().text === `Referat: ${SBSYS.name[locale]}`, `the SBSYS dialect in the status bar, not ${JSON.stringify(status())}`);
      assert.equal(status().visible, true);
      assert.match(status().tooltip, /`dialekt: sbsys`/);
      assert.doesNotMatch(status().tooltip, /\]\(file:/);
      // A screen reader hears the dialect's name and what it is, not the tooltip's Markdown.
      assert.ok(status().label.includes(SBSYS.name[locale]), status().label);
      assert.doesNotMatch(status().label, /[*`[\]]/);
      // A folder whose referat.yaml names Acadre: its referat is read as Acadre, whatever its lines say.
      await vscode.workspace.fs.writeFile(file('acadre/referat.yaml'), new TextEncoder().encode('dialekt: acadre\n'));
      await withText('acadre/puk-2013-06-20.referat', 'Referat\n');
      await waitUntil(() => status().text === `Referat: ${ACADRE.name[locale]}`, `the Acadre dialect in the status bar, not ${JSON.stringify(status())}`);
      assert.ok(status().tooltip.includes(`[referat.yaml](${file('acadre/referat.yaml').toString()})`), status().tooltip);
      assert.match(status().tooltip, /`dialekt: acadre`/);
      await open('acadre/referat.yaml');
      await waitUntil(() => !status().visible, 'the status bar item hidden outside a referat');
    });
  });
}
