import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { RULES } from '../../server/src/core';
import { repoRoot } from '../helpers';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

test('the README rule table lists every rule with its code, default severity and both descriptions', () => {
  for (const r of RULES) {
    const row = readme.split('\n').find((l) => l.startsWith(`| \`${r.code}\` |`));
    assert.ok(row, `README has no row for ${r.code}`);
    assert.equal(row, `| \`${r.code}\` | ${r.defaultOff ? 'off' : r.severity} | ${r.description.en} | ${r.description.da} |`);
  }
  const rows = readme.split('\n').filter((l) => /^\| `[a-z-]+` \| (error|warning|info|hint|off) \|/.test(l));
  assert.equal(rows.length, RULES.length, 'no rows for rules that do not exist');
});

test('the README test command is the one .ci/run runs', () => {
  const ci = readFileSync(join(repoRoot, '.ci/run'), 'utf8');
  assert.match(readme, /npm install && npm run test:all/);
  assert.match(ci, /npm run test:all/);
});

test("the README main command runs the package's own referat command, as a fresh clone has it", () => {
  const command = /npm install && (npx referat check [^\n`]+)/.exec(readme)?.[1];
  assert.ok(command, 'the README names its main job');
  // --no: never fetch a package of that name from the registry; the project's own bin must answer.
  const r = spawnSync('sh', ['-c', command.replace(/^npx /, 'npx --no ')], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(r.status, 0, `${command}: ${r.stderr}`);
  assert.equal(statSync(join(repoRoot, 'dist/cli.js')).mode & 0o111, 0o111, 'dist/cli.js is executable');
  assert.equal(statSync(join(repoRoot, 'dist/server.js')).mode & 0o111, 0o111, 'dist/server.js is executable');
});
