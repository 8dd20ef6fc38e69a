import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { repoRoot } from '../helpers';

/*
 * The package as another project gets it: `npm pack` of the built package (dist/referat.mjs,
 * dist/types, dist/server.js …), unpacked into the node_modules of an ES-module project, with its
 * dependencies beside it as npm would put them (linked from this repository's node_modules: no
 * network here) and its bins in node_modules/.bin.
 */
let project = '';

const run = (cmd: string, args: readonly string[], cwd: string): { status: number | null; out: string } => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
};

before(() => {
  project = mkdtempSync(join(tmpdir(), 'referat-library-'));
  const packed = join(project, 'packed');
  mkdirSync(packed);
  // --ignore-scripts: the test runs on the bundles already built; `prepare` would build again.
  const pack = run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packed], repoRoot);
  assert.equal(pack.status, 0, pack.out);
  const tarball = join(
    packed,
    readdirSync(packed).find((f) => f.endsWith('.tgz'))!,
  );
  const installed = join(project, 'node_modules/referat');
  mkdirSync(installed, { recursive: true });
  const untar = run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1'], project);
  assert.equal(untar.status, 0, untar.out);
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; bin: Record<string, string> };
  for (const dep of Object.keys(manifest.dependencies)) {
    mkdirSync(dirname(join(project, 'node_modules', dep)), { recursive: true });
    symlinkSync(join(repoRoot, 'node_modules', dep), join(project, 'node_modules', dep));
  }
  mkdirSync(join(project, 'node_modules/.bin'));
  for (const [name, file] of Object.entries(manifest.bin)) symlinkSync(join('..', 'referat', file), join(project, 'node_modules/.bin', name));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'uses-referat', private: true, type: 'module' }));
});

after(() => rmSync(project, { recursive: true, force: true }));

const REFERAT = 'REFERAT Direktionen d. 07-12-2023\n\nMødedato Torsdag d. 31. november 2023 kl. 09:00\n';

test("import { createLanguageService } from 'referat' type-checks under nodenext, with neither node's nor VS Code's types", () => {
  // skipLibCheck off: every declaration the import reaches is checked, and resolves.
  const compilerOptions = {
    module: 'nodenext',
    moduleResolution: 'nodenext',
    target: 'es2022',
    lib: ['es2022'],
    types: [],
    strict: true,
    noEmit: true,
    skipLibCheck: false,
  };
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['check.ts'] }));
  writeFileSync(
    join(project, 'check.ts'),
    [
      "import { createLanguageService, MemoryWorkspace, parseReferat, type Diagnostic, type ReferatLanguageService, type Referat } from 'referat';",
      "const service: ReferatLanguageService = createLanguageService({ workspace: new MemoryWorkspace({ '/ws/a.referat': 'x' }), locale: 'en' });",
      "const findings: Promise<Diagnostic[]> = service.findings({ uri: service.uriOf('/ws/a.referat'), version: 1, getText: () => 'x' });",
      "const referat: Referat = parseReferat('x');",
      'export { findings, referat };',
    ].join('\n'),
  );
  const ok = run(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', project], project);
  assert.equal(ok.status, 0, ok.out);
  // And a wrong use is caught: the types are real, not `any`.
  writeFileSync(join(project, 'check.ts'), "import { createLanguageService } from 'referat';\ncreateLanguageService({ workspace: 42 });\n");
  const wrong = run(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', project], project);
  assert.notEqual(wrong.status, 0);
  assert.match(wrong.out, /check\.ts\(2,\d+\): error TS2322/);
});

test('an ES module creates a language service on a workspace in memory and gets the findings of a referat', () => {
  writeFileSync(
    join(project, 'run.mjs'),
    `import { createLanguageService, MemoryWorkspace } from 'referat';
const text = ${JSON.stringify(REFERAT)};
const service = createLanguageService({ workspace: new MemoryWorkspace({ '/ws/a.referat': text }), locale: 'en' });
service.setRoots(['/ws']);
await service.indexed();
const findings = await service.findings({ uri: service.uriOf('/ws/a.referat'), version: 1, getText: () => text });
console.log(JSON.stringify(findings.map((f) => ({ code: f.code, line: f.range.start.line, message: f.message }))));
`,
  );
  const r = run(process.execPath, ['run.mjs'], project);
  assert.equal(r.status, 0, r.out);
  const findings = JSON.parse(r.out) as { code: string; line: number; message: string }[];
  assert.deepEqual(
    findings.map((f) => [f.code, f.line]),
    [
      ['missing-header', 2],
      ['invalid-date', 2],
    ],
  );
  assert.equal(findings[1]!.message, 'The date "31. november 2023" does not exist.');
});

test('npx referat-language-server --stdio, from the installed package, answers initialize', async () => {
  const child = spawn('npx', ['--offline', '--no-install', 'referat-language-server', '--stdio'], { cwd: project, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  conn.listen();
  try {
    const answer = await conn.sendRequest<{ capabilities: Record<string, unknown>; serverInfo?: { name: string; version?: string } }>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
    });
    assert.equal(answer.serverInfo?.name, 'referat-language-server', stderr);
    assert.equal(answer.capabilities['hoverProvider'], true);
    assert.ok(answer.capabilities['textDocumentSync'], 'the server syncs documents');
    await conn.sendRequest('shutdown');
    conn.sendNotification('exit');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 0, stderr);
  } finally {
    conn.dispose();
    child.kill();
  }
});
