import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { pagePatch } from '../../server/src/lsp/render';

test('a page sent as the change from the one before makes that page again, and the change is no longer than what differs', () => {
  const page = fc.string({ unit: fc.constantFrom('a', 'b', '<', '>', 'æ', '\n', '😀', '😁'), maxLength: 40 });
  fc.assert(
    fc.property(page, page, page, page, (head, before, after, tail) => {
      const from = head + before + tail;
      const to = head + after + tail;
      const patch = pagePatch(from, to, 'p:1', 'p:2');
      assert.equal(from.slice(0, patch.start) + patch.text + from.slice(patch.end), to);
      assert.equal(patch.length, to.length);
      assert.ok(patch.text.length <= after.length && patch.start <= patch.end);
      assert.deepEqual([patch.from, patch.id], ['p:1', 'p:2']);
      // Whole characters: an emoji's two halves are never parted.
      assert.doesNotMatch(patch.text, /^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }),
    { numRuns: 500 },
  );
});
