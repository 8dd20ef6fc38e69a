import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Protocol, type DocumentInfo } from '../../server/src/protocol';
import { corpusDir, repoRoot, scratchDir } from '../helpers';
import { LspClient, uriOf } from './lspClient';

/*
 * The status bar's question, asked of the built server as the extension asks it: the dialect an
 * open referat is read in, recognised from its lines or named by a referat.yaml, in the server's locale.
 */

test('referat/documentInfo: the dialect an open referat is read in, from its lines or from referat.yaml; null for a document the server does not have', async () => {
  const ws = scratchDir('referat-info-');
  mkdirSync(join(ws, 'acadre'));
  writeFileSync(join(ws, 'acadre/referat.yaml'), 'dialekt: acadre\n');
  const lemvig = readFileSync(join(corpusDir, 'direktionen-2019-06-26.referat'), 'utf8');
  const edoc = readFileSync(join(repoRoot, 'test/fixtures/dialects/ballerup-edoc.referat'), 'utf8');
  const c = new LspClient();
  try {
    await c.initialize(ws, { locale: 'en' });
    const ask = (uri: string): Promise<DocumentInfo | null> => c.conn.sendRequest<DocumentInfo | null>(Protocol.documentInfoRequest, { uri });

    const own = await c.open(join(ws, 'direktionen-2019-06-26.referat'), lemvig);
    const sbsys = await ask(own);
    assert.deepEqual(
      { ...sbsys, dialect: { ...sbsys!.dialect, about: undefined } },
      {
        kind: 'referat',
        punkter: 6,
        dialect: { id: 'sbsys', name: 'SBSYS/KLE (First Agenda PDF, Lemvig)', about: undefined, from: 'document' },
      },
    );
    assert.match(sbsys!.dialect.about, /^SBSYS with First Agenda's PDF, as Lemvig writes it/);

    const ballerup = await ask(await c.open(join(ws, 'ballerup.referat'), edoc));
    assert.deepEqual([ballerup?.dialect.id, ballerup?.dialect.name, ballerup?.dialect.from, ballerup?.punkter], ['edoc', 'eDoc', 'document', 8]);

    // The same Lemvig text in a folder whose referat.yaml names Acadre is read as Acadre, and says where that was chosen.
    const named = await ask(await c.open(join(ws, 'acadre/direktionen-2019-06-26.referat'), lemvig));
    assert.deepEqual(named?.dialect && { ...named.dialect, about: undefined }, {
      id: 'acadre',
      name: 'Acadre',
      about: undefined,
      from: 'referat.yaml',
      config: uriOf(join(ws, 'acadre/referat.yaml')),
    });

    assert.equal(await ask(uriOf(join(ws, 'not-open.referat'))), null);
    // The server still answers after the null.
    assert.equal((await ask(own))?.dialect.id, 'sbsys');
  } finally {
    await c.stop();
  }
});
