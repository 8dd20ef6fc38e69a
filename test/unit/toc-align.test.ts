import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { align, alignAll } from '../../server/src/rules/toc';

const paired = (steps: readonly { entry?: number; punkt?: number }[]): number => steps.filter((s) => s.entry !== undefined && s.punkt !== undefined).length;

test('pairing the matching ends first finds as many pairs as aligning every cell, and every entry and punkt once, in order', () => {
  // Few distinct titles, so lists share runs at their ends, in their middles and repeat titles.
  const title = fc.constantFrom('budget', 'skole', 'vej', 'orientering', 'eventuelt', 'lukket punkt om en ejendom i byen');
  fc.assert(
    fc.property(fc.array(title, { maxLength: 14 }), fc.array(title, { maxLength: 14 }), (entries, titles) => {
      const fast = align(entries, titles);
      assert.equal(paired(fast), paired(alignAll(entries, titles)));
      assert.deepEqual(
        fast.filter((s) => s.entry !== undefined).map((s) => s.entry),
        entries.map((_, i) => i),
      );
      assert.deepEqual(
        fast.filter((s) => s.punkt !== undefined).map((s) => s.punkt),
        titles.map((_, i) => i),
      );
      for (const s of fast) if (s.entry !== undefined && s.punkt !== undefined) assert.equal(entries[s.entry], titles[s.punkt]);
    }),
    { numRuns: 2000 },
  );
});
