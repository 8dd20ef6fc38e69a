import { test } from 'node:test';
import assert from 'node:assert/strict';
import { approvalDate } from '../../client/src/approvalDate';

test("the approval's date is taken as the referat writes dates (day first) or as the approval writes it, and only a day that exists", () => {
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
