import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { summarizeReferat, summaryOf } from '../../server/src/archive/summary';
import { parseReferat } from '../../server/src/model/parse';
import { join } from 'node:path';
import { createLanguageService, type ReferatLanguageService } from '../../server/src/service/languageService';
import { MemoryWorkspace } from '../../server/src/workspace/memoryWorkspace';
import { ROOT } from '../features/helpers';
import { corpusDir } from '../helpers';

const text = readFileSync(join(corpusDir, 'direktionen-2023-12-07.referat'), 'utf8');

/** A service over a workspace that holds a corpus referat as m.referat, indexed, with the reads of its files counted. */
async function indexedService(): Promise<{
  path: string;
  uri: string;
  workspace: MemoryWorkspace;
  service: ReferatLanguageService;
  reads: { count: number };
}> {
  const path = `${ROOT}/m.referat`;
  const workspace = new MemoryWorkspace({ [path]: text });
  const reads = { count: 0 };
  const readFile = workspace.readFile.bind(workspace);
  workspace.readFile = (p: string) => {
    reads.count++;
    return readFile(p);
  };
  const service = createLanguageService({ workspace });
  service.setRoots([ROOT]);
  await service.indexed();
  return { path, uri: `file://${path}`, workspace, service, reads };
}

test("the watcher's report of a save the archive has is no change; a file changed on disk after the save is read again", async () => {
  const { path, uri, workspace, service, reads } = await indexedService();
  // She edits a decision and saves: the editor hands the text over, and the file holds it.
  const saved = text.replace('Profilering af Lemvig Kommune blev drøftet.', 'Profilering af Lemvig Kommune blev drøftet grundigt.');
  const doc = { uri, version: 2, getText: () => saved };
  await service.findings(doc);
  workspace.write(path, saved);
  await service.workspaceChanged([{ kind: 'changed', uri, text: saved }]);
  const summary = service.archive.get(uri);
  assert.match(summary!.punkter.map((p) => p.beslutning ?? '').join('\n'), /drøftet grundigt/);
  // The watcher reports the same save: the file's fingerprint is as at the save, so it is not even read;
  // nothing changes, nothing is checked again.
  reads.count = 0;
  assert.equal(await service.workspaceChanged([{ kind: 'changed', uri }]), false);
  assert.equal(reads.count, 0);
  assert.equal(service.archive.get(uri), summary, 'the summary the save made is kept');
  // A host without fingerprints: the file is read once and found to hold the saved text.
  const fingerprint = workspace.fingerprint.bind(workspace);
  (workspace as { fingerprint?: unknown }).fingerprint = undefined;
  await service.workspaceChanged([{ kind: 'changed', uri, text: saved }]);
  const again = service.archive.get(uri);
  assert.equal(await service.workspaceChanged([{ kind: 'changed', uri }]), false);
  assert.equal(reads.count, 1);
  assert.equal(service.archive.get(uri), again);
  workspace.fingerprint = fingerprint;
  // Another program changes the file: it is read and summarised again.
  const other = saved.replace('drøftet grundigt', 'udsat');
  workspace.write(path, other);
  await service.workspaceChanged([{ kind: 'changed', uri }]);
  assert.match(
    service.archive
      .get(uri)!
      .punkter.map((p) => p.beslutning ?? '')
      .join('\n'),
    /udsat/,
  );
  service.dispose();
});

test("the watcher's report of a save that comes while the save's summary is still being made is no change either", async () => {
  const { path, uri, workspace, service, reads } = await indexedService();
  const saved = text.replace('Profilering af Lemvig Kommune blev drøftet.', 'Profilering af Lemvig Kommune blev udsat.');
  workspace.write(path, saved);
  reads.count = 0;
  // As the language server has them: the save's findings first, the archive's summary after, and the watcher meanwhile.
  const findings = service.findings({ uri, version: 2, getText: () => saved });
  const saving = service.workspaceChanged([{ kind: 'changed', uri, text: saved }]);
  assert.equal(await service.workspaceChanged([{ kind: 'changed', uri }]), false);
  assert.equal(reads.count, 0, 'the file is not read for the save the editor reported');
  await Promise.all([findings, saving]);
  assert.match(
    service.archive
      .get(uri)!
      .punkter.map((p) => p.beslutning ?? '')
      .join('\n'),
    /blev udsat/,
  );
  // A file the archive does not hold yet, saved for the first time: the same.
  const newPath = `${ROOT}/ny.referat`;
  const newUri = `file://${newPath}`;
  workspace.write(newPath, saved);
  const first = service.workspaceChanged([{ kind: 'changed', uri: newUri, text: saved }]);
  assert.equal(await service.workspaceChanged([{ kind: 'created', uri: newUri }]), false);
  assert.equal(reads.count, 0, 'the file is not read for the first save the editor reported');
  assert.equal(await first, true, 'a new meeting in the archive');
  assert.ok(service.archive.get(newUri));
  service.dispose();
});

test("the watcher's report of a save that comes after the editor wrote its next save is no change when the editor reports that save", async () => {
  const { path, uri, workspace, service, reads } = await indexedService();
  const first = text.replace('Profilering af Lemvig Kommune blev drøftet.', 'Profilering af Lemvig Kommune blev udsat.');
  const second = first.replace('blev udsat.', 'blev vedtaget.');
  workspace.write(path, first);
  await service.workspaceChanged([{ kind: 'changed', uri, text: first }]);
  // She saves again at once: the file holds the second save when the watcher reports the first.
  workspace.write(path, second);
  reads.count = 0;
  const report = service.workspaceChanged([{ kind: 'changed', uri }]);
  // The report is looked at before the editor reports the second save.
  await new Promise((resolve) => setTimeout(resolve, 20));
  await service.workspaceChanged([{ kind: 'changed', uri, text: second }]);
  assert.equal(await report, false);
  assert.equal(reads.count, 0, 'the file is not read for a save the editor reported');
  assert.match(
    service.archive
      .get(uri)!
      .punkter.map((p) => p.beslutning ?? '')
      .join('\n'),
    /blev vedtaget/,
  );
  // Another program writes the file after her save: read, after the moment the editor had to report a save.
  workspace.write(path, second.replace('blev vedtaget.', 'blev forkastet.'));
  assert.equal(await service.workspaceChanged([{ kind: 'changed', uri }]), false, 'a decision is no part of what rules see of the archive');
  assert.ok(reads.count > 0, 'the file is read');
  assert.match(
    service.archive
      .get(uri)!
      .punkter.map((p) => p.beslutning ?? '')
      .join('\n'),
    /blev forkastet/,
  );
  service.dispose();
});

test('a file another program changes after her save, and then writes back to the text she saved, is read both times', async () => {
  const { path, uri, workspace, service } = await indexedService();
  const decisions = (): string =>
    service.archive
      .get(uri)!
      .punkter.map((p) => p.beslutning ?? '')
      .join('\n');
  const saved = text.replace('Profilering af Lemvig Kommune blev drøftet.', 'Profilering af Lemvig Kommune blev udsat.');
  workspace.write(path, saved);
  await service.workspaceChanged([{ kind: 'changed', uri, text: saved }]);
  assert.equal(await service.workspaceChanged([{ kind: 'changed', uri }]), false);
  // A sync program writes another version, then writes hers back.
  workspace.write(path, saved.replace('blev udsat.', 'blev forkastet.'));
  await service.workspaceChanged([{ kind: 'changed', uri }]);
  assert.match(decisions(), /blev forkastet/);
  workspace.write(path, saved);
  await service.workspaceChanged([{ kind: 'changed', uri }]);
  assert.match(decisions(), /blev udsat/, 'the archive holds the file as it is, not the version the other program wrote');
  service.dispose();
});

test("a saved document's summary, made from its own reading, is the summary a reading of the file makes", async () => {
  const path = `${ROOT}/m.referat`;
  const uri = `file://${path}`;
  const fromEditor = createLanguageService({ workspace: new MemoryWorkspace() });
  fromEditor.setRoots([ROOT]);
  await fromEditor.findings({ uri, version: 1, getText: () => text });
  await fromEditor.workspaceChanged([{ kind: 'changed', uri, text }]);
  const fromDisk = createLanguageService({ workspace: new MemoryWorkspace({ [path]: text }) });
  fromDisk.setRoots([ROOT]);
  await fromDisk.indexed();
  assert.deepEqual(fromEditor.archive.get(uri), fromDisk.archive.get(uri));
  fromEditor.dispose();
  fromDisk.dispose();
});

test('the summary made from a reading is the one-pass scan’s, name order included, for every corpus referat and protokol', () => {
  const dirs = [corpusDir, join(corpusDir, '../protokol')];
  for (const dir of dirs)
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.referat'))) {
      const t = readFileSync(join(dir, name), 'utf8');
      assert.deepEqual(summaryOf(parseReferat(t)), summarizeReferat(t), name);
      const edited = t.replace('Beslutning', 'Beslutning\n\nAnna Holm, konsulent, deltog i behandlingen.\n');
      assert.deepEqual(summaryOf(parseReferat(edited)), summarizeReferat(edited), `${name}, edited`);
    }
});

test('what a save needs, made ahead while she reads, changes nothing in the archive; her save after an edit is summarised as the file reads', async () => {
  const { path, uri, workspace, service } = await indexedService();
  const before = service.archive.get(uri);
  // Opened and read: its findings, then what a save will need.
  const opened = { uri, version: 1, getText: () => text };
  await service.findings(opened);
  await service.prepareSave(opened);
  assert.equal(service.archive.get(uri), before, 'made ahead, not taken: the archive holds the file as it was');
  // She edits a decision (the punkter she did not touch are read from memory) and saves.
  const saved = text.replace('Profilering af Lemvig Kommune blev drøftet.', 'Profilering af Lemvig Kommune blev udsat.');
  service.forget(uri);
  const edited = { uri, version: 2, getText: () => saved };
  await service.findings(edited);
  await service.prepareSave(edited);
  workspace.write(path, saved);
  await service.workspaceChanged([{ kind: 'changed', uri, text: saved }]);
  assert.deepEqual(service.archive.get(uri), summarizeReferat(saved));
  service.dispose();
});

test('edits prepared while she reads change nothing: the findings of the text and of each edit after are a fresh reading’s, for every corpus referat', async () => {
  for (const name of readdirSync(corpusDir).filter((f) => f.endsWith('.referat'))) {
    const original = readFileSync(join(corpusDir, name), 'utf8');
    // A weekday turned, a decision's text changed, a line added near the top: as her edits after opening are.
    const edits = [
      original.replace(/^(Mødedato\s+)(\S+)/m, (_, label: string, day: string) => `${label}${day === 'Mandag' ? 'Tirsdag' : 'Mandag'}`),
      original.replace('Beslutning\n', 'Beslutning\n\nSagen blev udsat.\n'),
      original.replace('\n', '\n\n'),
    ];
    const { uri, service } = await indexedService();
    const opened = { uri, version: 1, getText: () => original };
    const first = await service.findings(opened);
    await service.prepareSave(opened);
    await service.prepareEdits(opened);
    // The reading of the text it opened with is the one it had.
    service.forget(uri);
    assert.deepEqual(await service.findings(opened), first, `${name}: the text as opened`);
    for (const [i, edited] of edits.entries()) {
      const doc = { uri, version: i + 2, getText: () => edited };
      // The same archive, and the edit read for the first time.
      const fresh = await indexedService();
      assert.deepEqual(await service.findings(doc), await fresh.service.findings(doc), `${name}: edit ${i + 1}`);
      fresh.service.dispose();
    }
    service.dispose();
  }
});

test('an edit that comes while its edits are being prepared is read as a fresh reading reads it, wherever it comes', async () => {
  const edited = text.replace('Beslutning\n', 'Beslutning\n\nSagen blev udsat.\n');
  const control = await indexedService();
  const want = await control.service.findings({ uri: control.uri, version: 2, getText: () => edited });
  control.service.dispose();
  // Her edit after 0 to 5 turns of the host: before the readings, and after them.
  for (let turns = 0; turns <= 5; turns++) {
    const { uri, service } = await indexedService();
    const opened = { uri, version: 1, getText: () => text };
    await service.findings(opened);
    let version = 1;
    let current = text;
    const doc = {
      uri,
      get version(): number {
        return version;
      },
      getText: () => current,
    };
    const preparing = service.prepareEdits(doc);
    for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
    version = 2;
    current = edited;
    assert.deepEqual(await service.findings({ uri, version: 2, getText: () => edited }), want, `after ${turns} turns`);
    await preparing;
    service.dispose();
  }
});
