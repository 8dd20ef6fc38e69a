import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Protocol, type ImportAnswer, type ImportPlanAnswer } from '../../server/src/protocol';
import { repoRoot, scratchDir } from '../helpers';
import { LspClient } from './lspClient';

/*
 * Import Minutes… as the extension drives the language server: the folder she picks is planned
 * as the server sees it (a meeting system's folder is one source, another folder its files), and
 * the planned folder imports as one referat.
 */

test('the server plans a system folder as one source and a plain folder as its files, and imports the system folder as one referat', async () => {
  const dir = scratchDir('referat-plan-');
  const edoc = join(dir, 'edoc');
  cpSync(join(repoRoot, 'test/fixtures/systems/edoc-ballerup-sundheds-og-forebyggelsesudvalget-2012-12-04'), edoc, { recursive: true });
  const plain = join(dir, 'plain');
  cpSync(join(repoRoot, 'test/fixtures/sources'), plain, {
    recursive: true,
    filter: (src) => !src.endsWith('.xml') && !/\.pdf$/.test(src),
  });
  writeFileSync(join(dir, 'noter.txt'), 'ikke en kilde');
  const c = new LspClient();
  try {
    await c.initialize(dir);
    const plan = await c.conn.sendRequest<ImportPlanAnswer>(Protocol.importPlanRequest, { paths: [edoc, plain, join(dir, 'findes-ikke')] });
    assert.equal(plan.sources[0], edoc);
    assert.ok(plan.sources.length > 1 && plan.sources.slice(1).every((p) => p.startsWith(plain) && /\.(html|json)$/.test(p)), plan.sources.join('\n'));
    assert.deepEqual(
      plan.problems.map((p) => p.path),
      [join(dir, 'findes-ikke')],
    );
    const answer = await c.conn.sendRequest<ImportAnswer>(Protocol.importRequest, { path: edoc });
    if (!answer.ok) assert.fail(answer.message);
    assert.deepEqual(
      answer.referater.map((r) => [r.fileName, r.punkter, r.dialect, r.document]),
      [['sundheds-og-forebyggelsesudvalget-2012-12-04.referat', 8, 'edoc', 'referat']],
    );
    assert.equal(answer.notes.length, 1);
    // A dagsorden says it is one: VS Code's message counts it so, not as a referat.
    const sbsys = join(repoRoot, 'test/fixtures/systems/sbsys-publication-region-hovedstaden-2012-09-25/Publication553.zip');
    const agenda = await c.conn.sendRequest<ImportAnswer>(Protocol.importRequest, { path: sbsys });
    if (!agenda.ok) assert.fail(agenda.message);
    assert.deepEqual(
      agenda.referater.map((r) => r.document),
      ['dagsorden'],
    );
  } finally {
    await c.stop();
  }
});
