import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers';
import { at, BASE, documentOf, ROOT, serviceWith } from './helpers';
import { MemoryWorkspace } from '../../server/src/workspace/memoryWorkspace';
import { createLanguageService } from '../../server/src/service/languageService';

// Two meetings of the same case: the one quoted, and the one quoting it.
const EARLIER = BASE.replace('07-12-2023', '29-11-2023')
  .replace('Torsdag d. 07. december', 'Onsdag d. 29. november')
  .replace('Punkt 1:', 'Punkt 2:')
  .replace('Deltagerkredsen fastholdes.', 'Drøftes igen.');
const LATER = BASE.replace(
  'Beslutning\n\nDeltagerkredsen fastholdes.',
  'Beslutning fra Direktionens møde den 29. november 2023, pkt. 2:\n\nDrøftes igen.\n\nBeslutning\n\nDeltagerkredsen fastholdes.',
);
const FILES = {
  'arkiv/2023-11-29.referat': `REFERAT Direktionen d. 29-11-2023\n\nMødedato Onsdag d. 29. november 2023 kl. 09:00\n\nMødested Rådhuset\n\nPunkt 1: Andet\n\n00.01.00I00-9-23\n\nBeslutning\n\nOK.\n\n${EARLIER.slice(EARLIER.indexOf('Punkt 2:'))}`,
  'arkiv/2023-12-07.referat': LATER,
};

async function service() {
  return serviceWith(FILES);
}

test("go to definition: from an earlier decision to that meeting's punkt", async () => {
  const { text, position } = at(LATER.replace('Beslutning fra Direktionens', 'Beslutning fra Direk‸tionens'));
  const loc = (await service()).definition(documentOf(`${ROOT}/arkiv/2023-12-07.referat`, text), position);
  assert.deepEqual(loc, { uri: `file://${ROOT}/arkiv/2023-11-29.referat`, range: { start: { line: 14, character: 0 }, end: { line: 14, character: 34 } } });
});

test('document links: the earlier decision heading links to the punkt', async () => {
  const links = (await service()).documentLinks(documentOf(`${ROOT}/arkiv/2023-12-07.referat`, LATER));
  assert.deepEqual(
    links.map((l) => l.target),
    [`file://${ROOT}/arkiv/2023-11-29.referat#L15`],
  );
});

test('references on a journal number: every punkt of the case, in date order', async () => {
  const { text, position } = at(LATER.replace('81.39.15G01', '81.39.1‸5G01'));
  const s = await service();
  const doc = documentOf(`${ROOT}/arkiv/2023-12-07.referat`, text);
  assert.deepEqual(
    s.references(doc, position, { includeDeclaration: true }).map((l) => `${l.uri.split('/').pop()}:${l.range.start.line}`),
    ['2023-11-29.referat:14', '2023-12-07.referat:8'],
  );
  assert.deepEqual(
    s.references(doc, position, { includeDeclaration: false }).map((l) => l.uri.split('/').pop()),
    ['2023-11-29.referat'],
  );
});

test('case history: the meetings of a case with their decisions', async () => {
  const history = (await service()).caseHistory('81.39.15G01-4-23');
  assert.deepEqual(
    history.map((h) => [h.isoDate, h.number, h.beslutning]),
    [
      ['2023-11-29', 2, 'Drøftes igen.'],
      ['2023-12-07', 1, 'Deltagerkredsen fastholdes.'],
    ],
  );
});

test('workspace symbols: punkt titles across meetings', async () => {
  const hits = (await service()).workspaceSymbols('deltagerkreds');
  assert.deepEqual(hits.map((h) => h.location.uri.split('/').pop()).sort(), ['2023-11-29.referat', '2023-12-07.referat']);
});

test('reference-mismatch: the archive knows the meeting, and its punkt has another case', async () => {
  const s = await service();
  const wrong = LATER.replace('pkt. 2:', 'pkt. 1:');
  const found = await s.findings(documentOf(`${ROOT}/ny.referat`, wrong));
  assert.deepEqual(
    found.map((d) => d.code),
    ['reference-mismatch'],
  );
});

test('a file changed or deleted on disk updates the archive', async () => {
  const s = await service();
  assert.equal(s.archive.size, 2);
  assert.equal(await s.workspaceChanged([{ kind: 'deleted', uri: `file://${ROOT}/arkiv/2023-11-29.referat` }]), true);
  assert.equal(s.archive.size, 1);
  assert.deepEqual(
    s.caseHistory('81.39.15G01-4-23').map((h) => h.isoDate),
    ['2023-12-07'],
  );
});

test('the archive knows a case by its case number in every scheme: Aarhus EMN, Greve, eDoc and Acadre minutes side by side', async () => {
  const fixture = (p: string): string => readFileSync(join(repoRoot, 'test/fixtures', p), 'utf8');
  const s = await serviceWith({
    'aarhus/byraadet.referat': fixture('external/aarhus-byraadet-2025-08-27.txt'),
    'aarhus/teknisk-udvalg.referat': fixture('external/aarhus-teknisk-udvalg-2025-10-01.txt'),
    'greve/byraadet.referat': fixture('dialects/greve-byraadet-2024-10-02.referat'),
    'greve/ktm.referat': fixture('dialects/greve-klima-teknik-og-miljoeudvalget-2024-09-05.referat'),
    'ballerup/sfu.referat': fixture('dialects/ballerup-edoc.referat'),
    'syddjurs/puk.referat': fixture('dialects/syddjurs-acadre.referat'),
  });
  const meetings = (journal: string): string[] => s.caseHistory(journal).map((e) => `${e.isoDate} punkt ${e.number}`);
  // Greve's Bustrafikbestilling went from the committee to the city council.
  assert.deepEqual(meetings('24-006786'), ['2024-09-05 punkt 3', '2024-10-02 punkt 11']);
  assert.deepEqual(meetings('2012-28504'), ['2012-12-04 punkt 2']);
  assert.deepEqual(meetings('12/27845'), ['2013-06-20 punkt 715']);
  assert.equal(meetings('EMN-2025-003383').length, 1);
});

test('a new file that is no referat yet is logged once as skipped, not on every save, and again when the reason changes', async () => {
  const workspace = new MemoryWorkspace({ [`${ROOT}/ny.referat`]: 'R' });
  const log: string[] = [];
  const service = createLanguageService({ workspace, log: (m) => log.push(m) });
  service.setRoots([ROOT]);
  await service.indexed();
  for (const text of ['Re', 'Ref', 'Refe']) {
    workspace.write(`${ROOT}/ny.referat`, text);
    await service.workspaceChanged([{ kind: 'changed', uri: `file://${ROOT}/ny.referat` }]);
  }
  assert.equal(log.filter((l) => l.includes('ny.referat')).length, 1, log.join('\n'));
  workspace.write(`${ROOT}/ny.referat`, 'a\u0000b');
  await service.workspaceChanged([{ kind: 'changed', uri: `file://${ROOT}/ny.referat` }]);
  assert.equal(log.filter((l) => l.includes('ny.referat')).length, 2, log.join('\n'));
});
