import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hover } from 'vscode-languageserver-protocol';
import { MAX_REFERAT_BYTES } from '../../server/src/archive/reader';
import { corpusDir, scratchDir } from '../helpers';
import { LspClient, uriOf } from './lspClient';

/*
 * The language server's disk: a FIFO, a device or a folder named like a referat (or as
 * referat.yaml) is skipped with the archive's usual log line, and never waited on: every wait
 * below has the client's time limit, so a hang fails the test.
 */
test(
  'a FIFO, a device, a folder or a file too large in the archive is skipped with one log line, and the server goes on answering',
  { skip: process.platform === 'win32' },
  async () => {
    const ws = scratchDir('referat-lsp-devices-');
    mkdirSync(join(ws, 'arkiv'));
    copyFileSync(join(corpusDir, 'direktionen-2019-06-26.referat'), join(ws, 'arkiv/direktionen-2019-06-26.referat'));
    assert.equal(spawnSync('mkfifo', [join(ws, 'arkiv/rør.referat')]).status, 0, 'mkfifo');
    symlinkSync('/dev/zero', join(ws, 'arkiv/nul.referat'));
    mkdirSync(join(ws, 'arkiv/mappe.referat'));
    writeFileSync(join(ws, 'arkiv/stor.referat'), '');
    truncateSync(join(ws, 'arkiv/stor.referat'), MAX_REFERAT_BYTES + 1);
    // A referat.yaml that is a FIFO: the configuration of the folder's referater is read from it.
    mkdirSync(join(ws, 'udvalg'));
    assert.equal(spawnSync('mkfifo', [join(ws, 'udvalg/referat.yaml')]).status, 0, 'mkfifo');
    const c = new LspClient();
    try {
      await c.initialize(ws, { locale: 'en', cacheDir: join(ws, '.cache') });
      await c.waitIndexed();
      assert.equal(c.indexed?.referater, 1);
      assert.ok(
        c.logs.some((l) => /skipped .*stor\.referat: 21 MB is too large for a referat/.test(l)),
        c.logs.join('\n'),
      );
      // Created or changed on disk, as a file watcher says it: each read again, and skipped from its stat.
      const changed = ['rør.referat', 'nul.referat', 'mappe.referat'].map((f) => ({ uri: uriOf(join(ws, 'arkiv', f)), type: 1 }));
      changed.push({ uri: uriOf(join(ws, 'udvalg/referat.yaml')), type: 2 });
      await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: changed });
      const skipped =
        (name: string, why: RegExp): (() => boolean) =>
        () =>
          c.logs.some((l) => l.includes(`skipped ${join(ws, 'arkiv', name)}: `) && why.test(l));
      await c.until(skipped('rør.referat', /is a named pipe \(FIFO\), not a file/), 'the FIFO skipped');
      await c.until(skipped('nul.referat', /is a device, not a file/), 'the device skipped');
      await c.until(skipped('mappe.referat', /is a folder, not a file/), 'the folder skipped');
      for (const name of ['rør.referat', 'nul.referat', 'mappe.referat'])
        assert.equal(c.logs.filter((l) => l.includes(`skipped ${join(ws, 'arkiv', name)}:`)).length, 1, `one line for ${name}`);
      // A referat beside the FIFO referat.yaml is checked as one without a configuration; hover still answers.
      const text = readFileSync(join(corpusDir, 'direktionen-2019-06-26.referat'), 'utf8');
      const uri = await c.open(join(ws, 'udvalg/direktionen.referat'), text);
      await c.diagnosticsFor(uri);
      const hover = await Promise.race([
        c.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } }),
        new Promise<'hung'>((r) => setTimeout(() => r('hung'), 30_000)),
      ]);
      assert.notEqual(hover, 'hung');
    } finally {
      await c.stop();
    }
  },
);
