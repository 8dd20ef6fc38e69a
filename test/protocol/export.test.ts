import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { Protocol } from '../../server/src/protocol';
import { corpusDir, scratchDir } from '../helpers';
import { LspClient } from './lspClient';

/*
 * An export does not hold up the editor (issue 20, "Bounded cost"): the PDF is made on a thread
 * of its own, so hover and diagnostics are answered while it runs, and a cancelled export ends.
 * Only the order of the answers is asserted, never a time.
 */

/** A referat whose PDF takes a while: a word of `length` characters with no place to break, in every punkt. */
function slowReferat(length: number, punkter: number): string {
  const lines = ['REFERAT Direktionen d. 07-12-2023', '', 'Mødedato Torsdag d. 07. december 2023 kl. 09:00', ''];
  let seed = length;
  const letter = (): string => String.fromCharCode(97 + ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % 26));
  for (let n = 1; n <= punkter; n++)
    lines.push(
      `Punkt ${n}: Et langt ord`,
      '',
      `00.01.00I00-${n}-23`,
      '',
      'Sagsfremstilling',
      '',
      Array.from({ length }, letter).join(''),
      '',
      'Beslutning',
      '',
      'Godkendt.',
      '',
    );
  return lines.join('\n');
}

describe('PDF exports off the request thread', () => {
  let c: LspClient;
  let ws: string;
  let small: string;
  before(async () => {
    ws = scratchDir('referat-export-');
    c = new LspClient();
    // Findings as she types, at once: the diagnostics below wait for no timer.
    await c.initialize(ws, { locale: 'da', settings: { validate: { trigger: 'onType', debounceMs: 0 } } });
    await c.waitIndexed();
    small = await c.open(join(ws, 'lille.referat'), readFileSync(join(corpusDir, 'direktionen-2023-12-07.referat'), 'utf8'));
    await c.diagnosticsFor(small);
    // Once, so the renderer and the fonts are loaded before the export that is timed against hover.
    const warm = await c.conn.sendRequest<{ pdf?: string }>(Protocol.renderPdfRequest, { uri: small, audience: 'internal' });
    assert.ok(warm.pdf);
  });
  after(() => c.stop());

  test('while a slow export runs, hover and diagnostics are answered first; then the export is the whole PDF', async () => {
    const slow = await c.open(join(ws, 'langt.referat'), slowReferat(60_000, 3));
    await c.diagnosticsFor(slow);
    const order: string[] = [];
    const exported = c.conn.sendRequest<{ pdf?: string }>(Protocol.renderPdfRequest, { uri: slow, audience: 'internal' }).then((a) => {
      order.push('export');
      return a;
    });
    const hovered = c.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: small }, position: { line: 19, character: 3 } }).then((h) => {
      order.push('hover');
      return h;
    });
    // An edit that makes a finding: its diagnostics are published while the export runs.
    const published = c
      .waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === small && p.version === 2)
      .then((p) => {
        order.push('diagnostics');
        return p;
      });
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: small, version: 2 },
      contentChanges: [{ range: { start: { line: 4, character: 9 }, end: { line: 4, character: 16 } }, text: 'Fredag' }],
    });
    const [answer, hover, diagnostics] = await Promise.all([exported, hovered, published]);
    assert.ok(hover, 'hover answered');
    assert.ok(diagnostics.diagnostics.some((d) => d.code === 'weekday-mismatch'));
    assert.equal(order[order.length - 1], 'export', `answers in the order ${order.join(', ')}`);
    const pdf = Buffer.from(answer.pdf ?? '', 'base64');
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  });

  test('a cancelled export answers at once with nothing, and the next export is made', async () => {
    const huge = await c.open(join(ws, 'enormt.referat'), slowReferat(400_000, 3));
    await c.diagnosticsFor(huge);
    const source = new CancellationTokenSource();
    const order: string[] = [];
    const cancelled = c.conn.sendRequest<unknown>(Protocol.renderPdfRequest, { uri: huge, audience: 'internal' }, source.token).then(
      (a) => (order.push('cancelled'), a),
      (e: unknown) => (order.push('cancelled'), e),
    );
    // Hover answered shows the export has been taken up; then it is cancelled.
    await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 19, character: 3 } });
    source.cancel();
    const next = c.conn.sendRequest<{ pdf?: string }>(Protocol.renderPdfRequest, { uri: small, audience: 'public' }).then((a) => (order.push('next'), a));
    const [answer, pdf] = await Promise.all([cancelled, next]);
    assert.ok(answer === null || answer instanceof Error, `no PDF for the cancelled export: ${JSON.stringify(answer)?.slice(0, 80)}`);
    assert.equal(
      Buffer.from(pdf.pdf ?? '', 'base64')
        .subarray(0, 5)
        .toString(),
      '%PDF-',
    );
    assert.deepEqual(order, ['cancelled', 'next']);
    assert.ok(!c.logs.some((l) => /renderPdf failed/.test(l)), c.logs.join('\n'));
  });
});
