import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReferat, parseReferat } from '../../server/src/core';
import { repoRoot, rulesDir } from '../helpers';

/*
 * A closed punkt's marker in every dialect: set off by anything, the punkt reads closed; before a
 * word with no colon, it is the error closed-marker on the punkt's heading. On each dialect's clean
 * cut, whose first open punkt's title is written so.
 */

const dialects = join(repoRoot, 'test/fixtures/dialects/rules');
const cuts = [
  ...['acadre', 'edoc', 'edoc-fujitsu', 'first-agenda-page', 'first-agenda-pdf', 'getorganized', 'getorganized-publication', 'greve', 'sbsys-edagsorden'].map(
    (d) => join(dialects, d, 'ok.referat'),
  ),
  join(rulesDir, 'base.ok.referat'),
];

for (const file of cuts) {
  const name = file.slice(repoRoot.length + 1);
  test(`closed-marker in ${name}: 'Lukket - …' reads closed, 'Lukket …' is an error on its heading`, () => {
    const text = readFileSync(file, 'utf8');
    const before = parseReferat(text);
    assert.deepEqual(
      checkReferat(before).filter((d) => d.code === 'closed-marker'),
      [],
    );
    const at = before.punkter.findIndex((p) => !p.closed && p.title.length > 0);
    assert.ok(at >= 0, 'an open punkt with a title');
    const p = before.punkter[at]!;
    const lines = text.split('\n');
    const line = lines[p.titleRange.start.line]!;
    const start = line.indexOf(p.title);
    assert.ok(start >= 0, `the title stands on its heading line: ${line}`);
    const written = (marker: string): string =>
      lines.map((l, i) => (i === p.titleRange.start.line ? `${l.slice(0, start)}${marker}${l.slice(start)}` : l)).join('\n');
    const dashed = parseReferat(written('Lukket - '));
    assert.equal(dashed.dialect.id, before.dialect.id);
    assert.equal(dashed.punkter[at]?.closed, true, 'Lukket - reads closed');
    const bare = parseReferat(written('Lukket '));
    assert.equal(bare.punkter[at]?.closed, false);
    assert.deepEqual(
      checkReferat(bare)
        .filter((d) => d.code === 'closed-marker')
        .map((d) => [d.severity, d.range.start.line]),
      [['error', p.titleRange.start.line]],
    );
  });
}
