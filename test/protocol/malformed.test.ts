import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { rulesDir, scratchDir } from '../helpers';
import { LspClient } from './lspClient';

/*
 * The built server sent requests whose params break LSP's types, as a client of another editor may: a
 * null position, a line of 1.5, no range, no context, a uri that is no string. Each is answered with
 * InvalidParams and one line in the log that names the part (no stack trace), and the server answers
 * the well-formed request after it.
 */
/** The built server, in English, with a referat open in a folder of its own: the folder, the file and its uri. */
async function serverWithReferat(): Promise<{ server: LspClient; dir: string; path: string; uri: string }> {
  const dir = scratchDir('malformed-');
  const path = join(dir, 'a.referat');
  const text = readFileSync(join(rulesDir, 'base.ok.referat'), 'utf8');
  writeFileSync(path, text);
  const server = new LspClient();
  await server.initialize(dir, { locale: 'en' });
  const uri = await server.open(path, text);
  return { server, dir, path, uri };
}

test('a malformed request is answered with InvalidParams and one log line naming its part; the next request is answered', async () => {
  const { server, uri } = await serverWithReferat();
  try {
    const position = { line: 16, character: 2 };
    const cases: [string, unknown, RegExp][] = [
      ['textDocument/hover', { textDocument: { uri }, position: null }, /position is null/],
      ['textDocument/hover', { textDocument: { uri } }, /position is missing/],
      ['textDocument/completion', { textDocument: { uri }, position: { line: null, character: 'x' } }, /position is \{ line: null, character: a string \}/],
      ['textDocument/definition', { textDocument: { uri }, position: { line: '3', character: 0 } }, /line: a string/],
      ['textDocument/definition', { textDocument: { uri }, position: { line: 1.5, character: 0 } }, /line: 1\.5/],
      ['textDocument/references', { textDocument: { uri }, position, context: null }, /context is null/],
      ['textDocument/documentSymbol', { textDocument: null }, /textDocument\.uri is null/],
      ['textDocument/documentSymbol', { textDocument: { uri: 42 } }, /textDocument\.uri is 42/],
      ['textDocument/codeAction', { textDocument: { uri }, range: null, context: { diagnostics: [] } }, /range is null/],
      [
        'textDocument/codeAction',
        { textDocument: { uri }, range: { start: position, end: position }, context: {} },
        /context is an object, not \{ diagnostics \}/,
      ],
      [
        'textDocument/codeAction',
        { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [{ message: 'x' }] } },
        /diagnostics\[0\] has no range/,
      ],
      [
        'textDocument/codeAction',
        { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [], only: 'quickfix' } },
        /context\.only is a string/,
      ],
      ['textDocument/documentLink', { textDocument: 'nej' }, /textDocument\.uri is a string/],
      ['textDocument/foldingRange', { textDocument: [] }, /textDocument\.uri is a list/],
      [
        'textDocument/onTypeFormatting',
        { textDocument: { uri }, position: {}, ch: '\n', options: { tabSize: 2, insertSpaces: true } },
        /position is \{ line: missing/,
      ],
      ['workspace/symbol', { query: null }, /query is null/],
    ];
    for (const [method, params, says] of cases) {
      const logged = server.logs.length;
      await assert.rejects(server.conn.sendRequest(method, params), (e: { code?: number; message?: string }) => {
        assert.equal(e.code, -32602, `${method}: ${e.message}`);
        assert.match(e.message ?? '', says, method);
        return true;
      });
      const lines = server.logs.slice(logged).filter((l) => l.includes('malformed'));
      assert.equal(lines.length, 1, `${method}: ${server.logs.slice(logged).join('\n')}`);
      assert.match(lines[0]!, says);
      assert.doesNotMatch(lines[0]!, /\n\s+at /, 'no stack trace');
      // The well-formed request after it is answered.
      const hover = await server.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position });
      assert.notEqual(hover, undefined);
    }
  } finally {
    await server.stop();
  }
});

/** The value at a path of a JSON object replaced: what a client's bug does to one field. */
function replacedAt(value: unknown, path: readonly string[], by: unknown): unknown {
  if (path.length === 0) return by;
  if (typeof value !== 'object' || value === null) return value;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const list: unknown[] = [...(value as unknown[])];
    list[Number(head)] = replacedAt(list[Number(head)], rest, by);
    return list;
  }
  const copy: Record<string, unknown> = { ...value };
  copy[head!] = replacedAt(copy[head!], rest, by);
  return copy;
}

/** Every path to a field of a JSON value, the value's own (empty) path first. */
function pathsOf(value: unknown, prefix: readonly string[] = []): string[][] {
  const out: string[][] = [[...prefix]];
  if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

test('property: a request with any one field of its params broken is answered (a result or InvalidParams), never an internal failure', async () => {
  const { server, dir, path, uri } = await serverWithReferat();
  try {
    await server.diagnosticsFor(uri);
    const position = { line: 16, character: 2 };
    const range = { start: { line: 16, character: 0 }, end: { line: 18, character: 4 } };
    const requests: [string, unknown][] = [
      ['textDocument/hover', { textDocument: { uri }, position }],
      ['textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 1 } }],
      ['textDocument/definition', { textDocument: { uri }, position }],
      ['textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } }],
      ['textDocument/documentSymbol', { textDocument: { uri } }],
      [
        'textDocument/codeAction',
        { textDocument: { uri }, range, context: { diagnostics: [{ range, message: 'x', code: 'date-mismatch', source: 'referat' }], only: ['quickfix'] } },
      ],
      ['textDocument/documentLink', { textDocument: { uri } }],
      ['textDocument/foldingRange', { textDocument: { uri } }],
      ['textDocument/onTypeFormatting', { textDocument: { uri }, position, ch: '\n', options: { tabSize: 2, insertSpaces: true } }],
      ['workspace/symbol', { query: 'Punkt' }],
      ['referat/findings', { uri }],
      ['referat/documentInfo', { uri }],
      ['referat/render', { uri, audience: 'public' }],
      ['referat/renderPdf', { uri, audience: 'internal' }],
      ['referat/createReferat', { uri }],
      ['referat/importPlan', { paths: [dir] }],
      ['referat/import', { path }],
      ['workspace/executeCommand', { command: 'referat.server.approvalCandidates', arguments: [uri] }],
      ['workspace/executeCommand', { command: 'referat.server.caseHistory', arguments: [uri, position] }],
    ];
    const json = fc.jsonValue({ maxDepth: 2 });
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: requests.length - 1 }), fc.nat(), json, async (which, at, by) => {
        const [method, params] = requests[which]!;
        const paths = pathsOf(params);
        const broken = replacedAt(params, paths[at % paths.length]!, by);
        const logged = server.logs.length;
        await server.conn.sendRequest(method, broken).catch((e: { code?: number }) => assert.equal(e.code, -32602, `${method} ${JSON.stringify(broken)}`));
        const failed = server.logs.slice(logged).filter((l) => / failed: /.test(l));
        assert.deepEqual(failed, [], `${method} ${JSON.stringify(broken)}`);
      }),
      { numRuns: 600 },
    );
  } finally {
    await server.stop();
  }
});
