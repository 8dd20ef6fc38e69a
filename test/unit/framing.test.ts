import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { contentLength, MAX_BODY_BYTES, MessageFraming } from '../../server/src/lsp/framing';

const frame = (body: string): Buffer => {
  const bytes = Buffer.from(body, 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`), bytes]);
};

/** The bodies of the messages in what the framing let through, read as the protocol library reads them. */
function bodiesOf(out: Buffer): string[] {
  const bodies: string[] = [];
  let at = 0;
  while (at < out.length) {
    const end = out.indexOf('\r\n\r\n', at);
    assert.ok(end >= 0, 'every message let through has its whole header');
    const read = contentLength(out.subarray(at, end).toString('latin1'));
    assert.ok('length' in read, 'every header let through can be read');
    bodies.push(out.subarray(end + 4, end + 4 + read.length).toString('utf8'));
    at = end + 4 + read.length;
  }
  return bodies;
}

/** What comes out of the framing when `chunks` come in, and what it said it passed over. */
async function through(chunks: readonly Buffer[]): Promise<{ out: Buffer; problems: string[] }> {
  const problems: string[] = [];
  const framing = new MessageFraming((p) => problems.push(p));
  const out: Buffer[] = [];
  framing.on('data', (b: Buffer) => out.push(b));
  const ended = new Promise((resolve) => framing.on('end', resolve));
  for (const c of chunks) framing.write(c);
  framing.end();
  await ended;
  return { out: Buffer.concat(out), problems };
}

test('messages are let through as they came, byte for byte, in chunks of any size', async () => {
  const input = Buffer.concat([frame('{"jsonrpc":"2.0","id":1,"method":"referat/ping"}'), frame('{"text":"Mødedato: æøå ✓"}'), frame('')]);
  for (const size of [1, 2, 7, 64, input.length]) {
    const chunks = [];
    for (let i = 0; i < input.length; i += size) chunks.push(input.subarray(i, i + size));
    const { out, problems } = await through(chunks);
    assert.deepEqual(out, input, `chunks of ${size}`);
    assert.deepEqual(problems, []);
  }
});

test('a header the library cannot read is passed over to the next message, with one line saying why', async () => {
  const ping = '{"jsonrpc":"2.0","id":9,"method":"referat/ping"}';
  for (const [bad, why] of [
    ['Garbage-Header\r\n\r\n{}', /without a name and a colon/],
    ['Content-Length: abc\r\n\r\n{}', /no length \("abc"\)/],
    ['Content-Length: -5\r\n\r\n{}', /no length \("-5"\)/],
    ['Content-Type: application/json\r\n\r\n{}', /without Content-Length/],
    [`Content-Length: ${MAX_BODY_BYTES + 1}\r\n\r\n{}`, /more than a message can be/],
    ['x'.repeat(20_000), /a header longer than/],
  ] as const) {
    const { out, problems } = await through([Buffer.from(bad), frame(ping)]);
    assert.deepEqual(bodiesOf(out), [ping], bad.slice(0, 40));
    assert.equal(problems.length, 1, bad.slice(0, 40));
    assert.match(problems[0]!, why);
  }
});

test('property: whatever comes between messages, every message after it is let through whole, and nothing else', async () => {
  // Anything but a length field's name, which would begin a header of its own.
  const junk = fc
    .uint8Array({ maxLength: 300 })
    .map((b) => Buffer.from(b))
    .filter((b) => !/content-length/i.test(b.toString('latin1')));
  const body = fc.string({ maxLength: 200, unit: 'grapheme' });
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(junk, body), { maxLength: 8 }),
      fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 5 }),
      async (parts, sizes) => {
        const input = Buffer.concat(parts.flatMap(([j, b]) => [j, frame(b)]));
        const chunks: Buffer[] = [];
        for (let i = 0, k = 0; i < input.length; k++) {
          const n = sizes[k % sizes.length]!;
          chunks.push(input.subarray(i, i + n));
          i += n;
        }
        const { out } = await through(chunks);
        assert.deepEqual(
          bodiesOf(out),
          parts.map(([, b]) => b),
        );
      },
    ),
    { numRuns: 500 },
  );
});
