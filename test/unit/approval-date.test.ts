import { test } from 'node:test';
import assert from 'node:assert/strict';
import { approvalDate, dayFirst } from '../../client/src/approvalDate';
import { readApprovalDate } from '../../server/src/model/approval';

test("the approval's date is taken as the referat writes dates (day first) or year first, and only a day that exists", () => {
  for (const [typed, want] of [
    ['2024-05-02', '2024-05-02'],
    ['02-05-2024', '2024-05-02'],
    [' 2.5.2024 ', '2024-05-02'],
    ['2/5/2024', '2024-05-02'],
    ['29-02-2024', '2024-02-29'],
    ['2024-5-2', '2024-05-02'],
  ] as const)
    assert.equal(approvalDate(typed), want, typed);
  for (const typed of ['', '29-02-2023', '31-04-2024', '2024-13-01', '00-05-2024', '02-05-24', '2. maj 2024', '02-05-2024 12:00', '2024/05/02x'])
    assert.equal(approvalDate(typed), undefined, typed);
});

test("the approval's date is shown to her day first, as the block writes it", () => {
  assert.equal(dayFirst('2024-05-02'), '02-05-2024');
  assert.equal(dayFirst('2026-12-16'), '16-12-2026');
  // Anything else is shown as it came.
  assert.equal(dayFirst('16-12-2026'), '16-12-2026');
});

test("the block's date is read day first (as approve writes it) or year first (as approvals were written before), the same forms the box takes", () => {
  for (const [written, want] of [
    ['14-12-2023', { year: 2023, month: 12, day: 14 }],
    ['2023-12-14', { year: 2023, month: 12, day: 14 }],
    [' 4.1.2024 ', { year: 2024, month: 1, day: 4 }],
    ['4/1/2024', { year: 2024, month: 1, day: 4 }],
  ] as const)
    assert.deepEqual(readApprovalDate(written), want, written);
  for (const written of ['', '29-02-2023', '31-04-2024', '2024-13-01', '14-12-23', '14. december 2023', '2023-1-4x'])
    assert.equal(readApprovalDate(written), undefined, written);
  // Every date the box takes, the block reads as the same day.
  for (const typed of ['2024-05-02', '02-05-2024', '2.5.2024', '2/5/2024', '29-02-2024']) {
    const iso = approvalDate(typed)!;
    assert.deepEqual(readApprovalDate(typed), readApprovalDate(iso), typed);
  }
});
