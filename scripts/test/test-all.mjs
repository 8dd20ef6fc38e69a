// The README's test command: every test suite, one after the other, then one closing line
// `N passed, N failed` over all of them. A failing suite fails the run.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemDeps } from './system-deps.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

const suites = [
  { name: 'lint: typescript-eslint with types, and prettier', cmd: ['npm', 'run', '--silent', 'lint'] },
  { name: 'unit, protocol, render and browser tests (node --test)', cmd: ['node', 'scripts/test/test.mjs'] },
  {
    name: 'TextMate grammar tests',
    cmd: ['npx', 'vscode-tmgrammar-test', '-g', 'grammar/referat.tmLanguage.json', 'test/grammar/**/*.referat'],
    needs: 'test/grammar',
  },
  { name: 'extension tests inside a real VS Code', cmd: ['node', 'scripts/test/vscode-test.mjs'], needs: 'scripts/test/vscode-test.mjs' },
];

if (!ensureSystemDeps()) process.exit(2);

let passed = 0;
let failed = 0;
const results = [];
for (const s of suites) {
  if (s.needs && !existsSync(join(root, s.needs))) {
    console.error(`\ntest-all: ${s.name}: ${s.needs} is missing`);
    results.push([s.name, 'missing']);
    failed++;
    continue;
  }
  console.log(`\n=== ${s.name}\n`);
  const out = await new Promise((resolve) => {
    const child = spawn(s.cmd[0], s.cmd.slice(1), { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      text += d.toString();
      if (text.length > 200_000) text = text.slice(-100_000);
    });
    child.on('close', (code) => resolve({ code, text }));
  });
  const counted = count(out.text);
  // A suite that prints no counts (the linters) is one check.
  if (out.code === 0 && counted.passed === 0 && counted.failed === 0) counted.passed = 1;
  passed += counted.passed;
  failed += counted.failed;
  if (out.code !== 0 && counted.failed === 0) failed++;
  results.push([s.name, out.code === 0 ? 'ok' : `failed (exit ${out.code})`]);
}

console.log('\n=== summary');
for (const [name, status] of results) console.log(`${status.padEnd(18)} ${name}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

/** Reads the counts each runner prints at its end. */
function count(text) {
  const node = /^ℹ pass (\d+)$[\s\S]*?^ℹ fail (\d+)$/m.exec(text);
  if (node) return { passed: Number(node[1]), failed: Number(node[2]) };
  const plain = [...text.matchAll(/^(?:\w+: )?(\d+) passed, (\d+) failed/gm)].pop();
  if (plain) return { passed: Number(plain[1]), failed: Number(plain[2]) };
  // vscode-tmgrammar-test: one line per file, ✓ or ✖.
  const ok = (text.match(/^\s*✓/gm) ?? []).length;
  const bad = (text.match(/^\s*✖/gm) ?? []).length;
  return { passed: ok, failed: bad };
}
