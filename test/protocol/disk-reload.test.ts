import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { rulesDir, scratchDir } from '../helpers';
import { LspClient } from './lspClient';

/*
 * A referat open in the editor whose file is changed on disk by another program (a copy over it, a
 * checkout): VS Code reloads it, sending the new text as a change, and its watcher reports the file,
 * in either order. With findings following saving (the default), the reloaded text is a saved text:
 * its findings are published, not the last save's placed in it (a CPR number written from outside went
 * unreported, and findings of the old text stood on lines that no longer held them).
 */
/** The promise's value, or a failure naming what did not come within 15 s. */
function within<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not come within 15 s`)), 15_000).unref())]);
}

for (const order of ['change first', 'watcher first'] as const) {
  test(`a referat reloaded from a file changed on disk is checked as saved (${order})`, async () => {
    const dir = scratchDir('disk-reload-');
    const path = join(dir, 'a.referat');
    const text = readFileSync(join(rulesDir, 'base.ok.referat'), 'utf8');
    writeFileSync(path, text);
    const server = new LspClient();
    try {
      await server.initialize(dir, { locale: 'en' });
      await server.waitIndexed();
      const uri = await server.open(path, text);
      assert.deepEqual(
        (await server.diagnosticsFor(uri, 1)).diagnostics.filter((d) => d.severity === 1),
        [],
      );
      // Another program writes a CPR number into an open punkt.
      const changed = text.replace('Deltagerkredsen fastholdes.', 'Deltagerkredsen fastholdes. Borger 150372-1234 deltog.');
      assert.notEqual(changed, text);
      const published = server.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 2);
      writeFileSync(path, changed);
      const reload = (): Promise<void> =>
        server.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: changed }] });
      const watched = (): Promise<void> => server.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
      if (order === 'change first') {
        await reload();
        await watched();
      } else {
        await watched();
        await new Promise((r) => setTimeout(r, 400));
        await reload();
      }
      const found = await within(published, 'the findings of the reloaded text');
      assert.ok(
        found.diagnostics.some((d) => d.code === 'cpr-number'),
        JSON.stringify(found.diagnostics.map((d) => d.code)),
      );
      // And back: the original copied over it again; its findings, not the CPR number's, are shown.
      const back = server.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 3);
      writeFileSync(path, text);
      await server.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
      await server.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
      assert.deepEqual(
        (await within(back, 'the findings of the text copied back')).diagnostics.filter((d) => d.code === 'cpr-number'),
        [],
      );
      // Her own typing is still not checked before she saves.
      const typed = text.replace('Deltagerkredsen fastholdes.', 'Deltagerkredsen fastholdes. Borger 150372-1234.');
      await server.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ text: typed }] });
      await new Promise((r) => setTimeout(r, 800));
      assert.notEqual(server.diagnostics.get(uri)?.version, 4);
    } finally {
      await server.stop();
    }
  });
}
