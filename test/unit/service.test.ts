import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { safe, type ServerContext } from '../../server/src/lsp/context';
import { nodeFonts } from '../../server/src/node/fonts';
import { CancelledError, createLanguageService, type ReferatDocument } from '../../server/src/service/languageService';
import { MemoryWorkspace } from '../../server/src/workspace/memoryWorkspace';
import { BASE, ROOT } from '../features/helpers';

/*
 * The front door's contract beyond the features: a cancelled request does no work and says so,
 * `dispose` stops the archive's reading, and the disk's changes come in through one entry.
 */

const CANCELLED = { isCancellationRequested: true } as const;

/** A document that counts how often its text is read: a request that parses or checks reads it. */
function countingDoc(text: string, name = 'm.referat'): ReferatDocument & { reads: number } {
  const doc = {
    uri: `file://${ROOT}/${name}`,
    version: 1,
    reads: 0,
    getText(): string {
      doc.reads++;
      return text;
    },
  };
  return doc;
}

/** A workspace whose referat.yaml lookups wait until released: a request is held while it looks. */
class GatedWorkspace extends MemoryWorkspace {
  private release: (() => void) | undefined;
  private readonly gate = new Promise<void>((resolve) => (this.release = resolve));
  waiting = 0;
  override async exists(path: string): Promise<boolean> {
    this.waiting++;
    await this.gate;
    return super.exists(path);
  }
  open(): void {
    this.release!();
  }
}

/** A workspace that counts the files read. */
class CountingWorkspace extends MemoryWorkspace {
  reads = 0;
  override readFile(path: string): Promise<Uint8Array> {
    this.reads++;
    return super.readFile(path);
  }
}

test('every request with a token already cancelled throws CancelledError and reads nothing of the document', async () => {
  const s = createLanguageService({ workspace: new MemoryWorkspace(), fonts: nodeFonts });
  s.setRoots([ROOT]);
  const doc = countingDoc(BASE);
  const position = { line: 8, character: 3 };
  const range = { start: position, end: position };
  const requests: [string, () => unknown][] = [
    ['findings', () => s.findings(doc, CANCELLED)],
    ['findingsSummary', () => s.findingsSummary(doc, CANCELLED)],
    ['documentInfo', () => s.documentInfo(doc, CANCELLED)],
    ['completion', () => s.completion(doc, position, 'Punkt 1', CANCELLED)],
    ['hover', () => s.hover(doc, position, undefined, CANCELLED)],
    ['documentSymbols', () => s.documentSymbols(doc, CANCELLED)],
    ['foldingRanges', () => s.foldingRanges(doc, CANCELLED)],
    ['codeActions', () => s.codeActions(doc, range, {}, CANCELLED)],
    ['onEnter', () => s.onEnter(doc, position, CANCELLED)],
    ['definition', () => s.definition(doc, position, CANCELLED)],
    ['documentLinks', () => s.documentLinks(doc, CANCELLED)],
    ['references', () => s.references(doc, position, { includeDeclaration: true }, CANCELLED)],
    ['workspaceSymbols', () => s.workspaceSymbols('Deltager', CANCELLED)],
    ['publicRefusal', () => s.publicRefusal(doc, CANCELLED)],
    ['renderHtml', () => s.renderHtml(doc, { audience: 'public' }, CANCELLED)],
    ['renderPdf', () => s.renderPdf(doc, { audience: 'internal' }, CANCELLED)],
    ['createReferat', () => s.createReferat(doc, CANCELLED)],
    ['caseHistory', () => s.caseHistory('81.39.15G01-4-23', CANCELLED)],
  ];
  for (const [name, request] of requests) {
    await assert.rejects(async () => await request(), CancelledError, name);
  }
  assert.equal(doc.reads, 0, 'no request read the document');
  // The same requests without a token answer.
  assert.ok((await s.renderHtml(doc, { audience: 'internal' })).output?.includes('Deltagerkreds'));
  assert.ok(doc.reads > 0);
});

test('a token cancelled while the request waits for referat.yaml: the document is never parsed, and the service goes on answering', async () => {
  const workspace = new GatedWorkspace();
  const s = createLanguageService({ workspace });
  s.setRoots([ROOT]);
  const doc = countingDoc(BASE);
  const token = { isCancellationRequested: false };
  const rendering = s.renderHtml(doc, { audience: 'public' }, token);
  const other = countingDoc(BASE, 'andet.referat');
  const findings = s.findings(other);
  assert.ok(workspace.waiting > 0, 'the requests wait for the configuration');
  token.isCancellationRequested = true;
  workspace.open();
  await assert.rejects(rendering, CancelledError);
  assert.equal(doc.reads, 0, 'the cancelled request did not parse its document');
  assert.deepEqual(await findings, []);
  assert.ok(other.reads > 0);
});

test('the language server answers a cancelled request with RequestCancelled; another failure still gets the empty answer', async () => {
  const logged: string[] = [];
  const ctx = { connection: { console: { log: (m: string) => logged.push(m) } } } as unknown as ServerContext;
  const cancelled = safe(ctx, 'hover', null, () => {
    throw new CancelledError();
  });
  await assert.rejects(cancelled(), (e: unknown) => e instanceof ResponseError && e.code === LSPErrorCodes.RequestCancelled);
  const failing = safe(ctx, 'hover', null, () => {
    throw new Error('boom');
  });
  assert.equal(await failing(), null);
  assert.equal(logged.length, 1);
  assert.match(logged[0]!, /hover failed: .*boom/);
});

test('dispose stops the archive: reading ends at the batch under way, and nothing more comes in', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 100; i++) files[`${ROOT}/arkiv/${String(i).padStart(3, '0')}.referat`] = BASE;
  const workspace = new CountingWorkspace(files);
  const s = createLanguageService({ workspace });
  s.setRoots([ROOT]);
  let told = 0;
  s.onKnowledgeChanged(() => told++);
  const report = await s.indexed((done) => {
    if (done > 0) s.dispose();
  });
  // The default reader takes 25 files a batch; the first batch's progress disposed the service.
  assert.equal(workspace.reads, 25);
  assert.equal(s.archive.size, 25);
  assert.equal(report.files, 100);
  // The disk's changes and a new indexing are no longer taken in.
  workspace.write(`${ROOT}/ny.referat`, BASE);
  assert.equal(await s.workspaceChanged([{ kind: 'created', uri: `file://${ROOT}/ny.referat` }]), false);
  s.startIndexing();
  assert.equal(workspace.reads, 25);
  assert.equal(s.archive.size, 25);
  assert.equal(told, 0);
});

test("the disk's changes come in through workspaceChanged: a new referat, a deleted one, a referat.yaml, an editor's save", async () => {
  const workspace = new MemoryWorkspace({ [`${ROOT}/a.referat`]: BASE });
  const s = createLanguageService({ workspace });
  s.setRoots([ROOT]);
  await s.indexed();
  assert.deepEqual([...s.archive.uris()], [`file://${ROOT}/a.referat`]);

  const later = BASE.replace(/07-12-2023/g, '14-12-2023').replace('07. december', '14. december');
  workspace.write(`${ROOT}/b.referat`, later);
  assert.equal(await s.workspaceChanged([{ kind: 'created', uri: `file://${ROOT}/b.referat` }]), true);
  assert.deepEqual(
    s.caseHistory('81.39.15G01-4-23').map((h) => h.isoDate),
    ['2023-12-07', '2023-12-14'],
  );
  workspace.delete(`${ROOT}/a.referat`);
  assert.equal(await s.workspaceChanged([{ kind: 'deleted', uri: `file://${ROOT}/a.referat` }]), true);
  assert.deepEqual([...s.archive.uris()], [`file://${ROOT}/b.referat`]);

  // A file that is neither a referat nor referat.yaml changes nothing the checks know.
  assert.equal(await s.workspaceChanged([{ kind: 'changed', uri: `file://${ROOT}/noter.txt` }]), false);

  // The editor's saved text is taken as it is, without reading the disk.
  const saved = later.replace('Deltagerkreds, Lederforum', 'Lederforum');
  await s.workspaceChanged([{ kind: 'changed', uri: `file://${ROOT}/b.referat`, text: saved }]);
  assert.deepEqual(
    s.workspaceSymbols('Lederforum').map((h) => h.name),
    ['Punkt 1: Lederforum'],
  );

  // A new referat.yaml applies at once: its rule setting changes the findings of an unchanged document.
  const doc = { uri: `file://${ROOT}/c.referat`, version: 1, getText: () => BASE.replace('Mødested Udvalgsværelse 1, Lemvig Rådhus\n\n', '') };
  const before = (await s.findings(doc)).map((d) => d.code);
  assert.ok(before.length > 0, 'the document has a finding to switch off');
  workspace.write(`${ROOT}/referat.yaml`, `regler:\n${before.map((c) => `  ${c}: off`).join('\n')}\n`);
  assert.equal(await s.workspaceChanged([{ kind: 'created', uri: `file://${ROOT}/referat.yaml` }]), true);
  assert.deepEqual(await s.findings(doc), []);
});

test('a save reuses the findings of the version saved, unless it changes what the rules see of the meeting', async () => {
  const workspace = new MemoryWorkspace({ [`${ROOT}/a.referat`]: BASE });
  const s = createLanguageService({ workspace });
  s.setRoots([ROOT]);
  await s.indexed();
  // The wrong weekday typed, then saved: the version's findings are made once and are the save's too.
  const edited = BASE.replace('Torsdag d. 07. december', 'Fredag d. 07. december');
  const doc = countingDoc(edited, 'a.referat');
  const found = await s.findings(doc);
  assert.deepEqual(
    found.map((d) => d.code),
    ['weekday-mismatch'],
  );
  const reads = doc.reads;
  assert.equal(await s.workspaceChanged([{ kind: 'changed', uri: doc.uri, text: edited }]), false, 'the other documents need no new check');
  assert.equal(await s.findings(doc), found, 'the same findings, not made again');
  assert.equal(doc.reads, reads);
  // A save that changes a punkt's journal number changes what other meetings' references are checked against.
  const renumbered = edited.replace('81.39.15G01-4-23', '81.39.15G01-9-23');
  assert.equal(await s.workspaceChanged([{ kind: 'changed', uri: doc.uri, text: renumbered }]), true);
  assert.notEqual(await s.findings(doc), found);
  assert.deepEqual(
    (await s.findings(doc)).map((d) => d.code),
    ['weekday-mismatch'],
  );
});
