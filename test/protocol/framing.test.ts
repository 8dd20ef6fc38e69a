import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
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

/** The built server over stdio, initialized: what it wrote on stdout and stderr, and a wait for what stdout shows. */
async function stdioServer(): Promise<{
  readonly server: ChildProcessWithoutNullStreams;
  readonly out: () => string;
  readonly err: () => string;
  readonly until: (test: () => boolean, what: string) => Promise<void>;
  readonly answered: (id: number) => Promise<void>;
}> {
  const server = spawn(process.execPath, [join(repoRoot, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  server.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  server.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const until = (test: () => boolean, what: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what}; stdout: ${out.slice(-500)}; stderr: ${err}`)), 20_000);
      const look = (): void => {
        if (!test()) return;
        clearTimeout(timer);
        server.stdout.off('data', look);
        resolve();
      };
      server.stdout.on('data', look);
      look();
    });
  const answered = (id: number): Promise<void> => until(() => out.includes(`"id":${id},`) || out.includes(`"id":${id}}`), `no answer to ${id}`);
  server.stdin.write(frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
  await answered(1);
  return { server, out: () => out, err: () => err, until, answered };
}

test('over stdio, what cannot be read as a message is passed over with a line on stderr, and the next request is answered', async () => {
  const { server, err, answered } = await stdioServer();
  try {
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
    const lines = err()
      .split('\n')
      .filter((l) => l.startsWith('referat: passed over'));
    assert.equal(lines.length, bad.length, err());
    assert.match(lines[1]!, /Content-Length that is no length \("abc"\)/);
  } finally {
    server.kill();
  }
});

test('over stdio, a message whose body is no JSON is answered with a parse error (id null), and the next request is answered', async () => {
  const { server, out, err, until, answered } = await stdioServer();
  const parseErrors = (): number => out().split('"code":-32700').length - 1;
  try {
    const bodies = ['{"jsonrpc":"2.0","id":77,"method":"textDocument/hover","params":{oops}', 'not json at all', '\u00ff\u00fe'];
    for (const [i, body] of bodies.entries()) {
      const bytes = Buffer.from(body, 'latin1');
      server.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`), bytes]));
      await until(() => parseErrors() === i + 1, `no parse error for body ${i}`);
      server.stdin.write(frame({ jsonrpc: '2.0', id: 20 + i, method: 'referat/ping' }));
      await answered(20 + i);
    }
    assert.match(out(), /"id":null/);
    assert.equal(
      err()
        .split('\n')
        .filter((l) => l.startsWith('referat: a message that is no JSON')).length,
      bodies.length,
      err(),
    );
  } finally {
    server.kill();
  }
});
