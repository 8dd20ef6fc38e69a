import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { Protocol, type ApprovalCandidates, type ApproveAnswer, type ApproveParams } from '../../server/src/protocol';
import { corpusDir, scratchDir } from '../helpers';
import { LspClient } from './lspClient';

/*
 * Godkend referat over the protocol, as the VS Code command asks it: whom to offer, then the
 * approval as one edit of the open document; the edited document has no finding, and a change
 * in punkt 2 after it is an error on punkt 2's heading.
 */

const TEXT = readFileSync(join(corpusDir, 'direktionen-2023-12-07.referat'), 'utf8').replace(
  'Mødested Udvalgsværelse 1, Lemvig Rådhus',
  'Mødested Udvalgsværelse 1, Lemvig Rådhus\n\nMødedeltagere Anna Holm, Bent Lund\n\nAfbud Carl Dam',
);

/** The text with one LSP edit applied. */
function applied(text: string, edit: Extract<ApproveAnswer, { ok: true }>['edit']): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }): number => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
}

describe('Godkend referat through the language server', () => {
  let c: LspClient;
  let uri: string;
  before(async () => {
    const ws = scratchDir('referat-approve-');
    c = new LspClient();
    await c.initialize(ws, { locale: 'en', settings: { validate: { trigger: 'onType', debounceMs: 0 } } });
    await c.waitIndexed();
    uri = await c.open(join(ws, 'm.referat'), TEXT);
    await c.diagnosticsFor(uri);
  });
  after(() => c.stop());

  test('the members present are offered, the approval is an edit, and a change after it is caught', async () => {
    const execute = <T>(command: string, args: unknown[]): Promise<T> => c.conn.sendRequest<T>('workspace/executeCommand', { command, arguments: args });
    const candidates = await execute<ApprovalCandidates>(Protocol.approvalCandidatesCommand, [uri]);
    assert.deepEqual(candidates.members, ['Anna Holm', 'Bent Lund']);
    assert.equal(candidates.approved, false);
    assert.match(candidates.today, /^\d{4}-\d{2}-\d{2}$/);
    const params: ApproveParams = { by: ['Anna Holm', 'Bent Lund'], date: '2023-12-14', force: false };
    const answer = await execute<ApproveAnswer>(Protocol.approveCommand, [uri, params]);
    assert.ok(answer.ok);
    assert.equal(answer.version, 1);
    assert.deepEqual(answer.warnings, []);
    // A warning is a message of its own: a sentence. The text's errors are not among them (the editor asks about those before).
    const stranger = await execute<ApproveAnswer>(Protocol.approveCommand, [uri, { ...params, by: ['Anna Holm', 'Dorte Ek'] }]);
    assert.ok(stranger.ok);
    assert.deepEqual(stranger.warnings, ["Dorte Ek is not among the meeting's attendees."]);
    // A date before the meeting is refused, not written as a block that is an error at once; the editor is told the meeting's day.
    const early = await execute<ApproveAnswer>(Protocol.approveCommand, [uri, { ...params, date: '2023-12-01' }]);
    assert.ok(!early.ok);
    assert.match(early.message, /before the meeting, 07-12-2023/);
    assert.equal(candidates.meeting, '2023-12-07');
    const approvedText = applied(TEXT, answer.edit);
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: approvedText }] });
    const clean = await c.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 2);
    // Errors and warnings: the spell check's information comes whenever the dictionary has loaded.
    const serious = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.severity !== undefined && d.severity <= 2);
    assert.deepEqual(serious(clean), []);
    assert.equal((await execute<ApprovalCandidates>(Protocol.approvalCandidatesCommand, [uri])).approved, true);
    const again = await execute<ApproveAnswer>(Protocol.approveCommand, [uri, params]);
    assert.deepEqual(again.ok ? 'ok' : again.approved, true);

    const changed = approvedText.replace('hvorledes Lemvig', 'hvordan Lemvig');
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: changed }] });
    const found = await c.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 3);
    assert.deepEqual(
      serious(found).map((d) => [d.code, d.severity, d.range.start.line]),
      [['changed-after-approval', 1, changed.split('\n').indexOf('Punkt 2: Profilering af Lemvig Kommune')]],
    );
  });
});
