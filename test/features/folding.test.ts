import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, documentOf, ROOT, serviceWith } from './helpers';

async function check(text: string, expected: [number, number][]): Promise<void> {
  const ranges = (await serviceWith()).foldingRanges(documentOf(`${ROOT}/f.referat`, text));
  assert.deepEqual(
    ranges.map((r) => [r.startLine, r.endLine]),
    expected,
  );
}

test('the header, each punkt and each section of more than one line fold', () =>
  check(BASE, [
    [0, 6],
    [8, 18],
    [12, 14],
    [16, 18],
  ]));
test('a one-line section does not fold; a punkt still does', () => check('REFERAT X d. 07-12-2023\n\nPunkt 1: A\n\n00.01.00I00-1-23\nBeslutning\n', [[2, 5]]));
test('nothing to fold in an empty document', () => check('', []));
