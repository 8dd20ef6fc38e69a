import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../server/src/core';
import { repoRoot } from '../helpers';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

test('the README rule table lists every rule with its code, default severity and both descriptions', () => {
  for (const r of RULES) {
    const row = readme.split('\n').find((l) => l.startsWith(`| \`${r.code}\` |`));
    assert.ok(row, `README has no row for ${r.code}`);
    assert.equal(row, `| \`${r.code}\` | ${r.severity} | ${r.description.en} | ${r.description.da} |`);
  }
  const rows = readme.split('\n').filter((l) => /^\| `[a-z-]+` \| (error|warning|info|hint) \|/.test(l));
  assert.equal(rows.length, RULES.length, 'no rows for rules that do not exist');
});

test('the README test command is the one .ci/run runs', () => {
  const ci = readFileSync(join(repoRoot, '.ci/run'), 'utf8');
  assert.match(readme, /npm install && npm run test:all/);
  assert.match(ci, /npm run test:all/);
});
