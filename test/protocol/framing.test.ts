import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../helpers';

/*
 * The built server over stdio, sent what no editor should send: a header without a length, a length
 * that is none, a length no message has, and bytes that are no message at all. It passes over each,
 * says so on stderr, and answers the next request (it answered nothing more after the first).
 */
const frame = (message: object): Buffer => {
  const body = Buffer.from(JSON.stringify(message));
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
};

test('over stdio, what cannot be read as a message is passed over with a line on stderr, and the next request is answered', async () => {
  const server = spawn(process.execPath, [join(repoRoot, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  server.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  server.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const answered = (id: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${id}; stderr: ${err}`)), 20_000);
      const look = (): void => {
        if (out.includes(`"id":${id},`) || out.includes(`"id":${id}}`)) {
          clearTimeout(timer);
          server.stdout.off('data', look);
          resolve();
        }
      };
      server.stdout.on('data', look);
      look();
    });
  try {
    server.stdin.write(frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
    await answered(1);
    const bad = [
      'Garbage-Header\r\n\r\n{}',
      'Content-Length: abc\r\n\r\n{}',
      'Content-Length: -5\r\n\r\n{}',
      'Content-Length: 99999999999\r\n\r\n{}',
      '\u0000\u0001binary\r\n\u00ff'.repeat(5_000),
    ];
    for (const [i, b] of bad.entries()) {
      server.stdin.write(Buffer.from(b, 'latin1'));
      server.stdin.write(frame({ jsonrpc: '2.0', id: 10 + i, method: 'referat/ping' }));
      await answered(10 + i);
    }
    const lines = err.split('\n').filter((l) => l.startsWith('referat: passed over'));
    assert.equal(lines.length, bad.length, err);
    assert.match(lines[1]!, /Content-Length that is no length \("abc"\)/);
  } finally {
    server.kill();
  }
});
