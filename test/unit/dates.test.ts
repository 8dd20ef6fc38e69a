import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateExists, daysInMonth, isLeapYear, readDate } from '../../server/src/core';
import { localizedDate, localizedWeekday, monthName, monthNumber, weekdayIndex, weekdayName, weekdayNumber } from '../../server/src/model/dates';

test('leap years follow the Gregorian rule: every fourth year, centuries only when divisible by 400', () => {
  for (const year of [2024, 2028, 2000, 1600, 2400]) assert.equal(isLeapYear(year), true, String(year));
  for (const year of [2023, 2025, 1900, 2100, 2200]) assert.equal(isLeapYear(year), false, String(year));
  assert.equal(daysInMonth(2024, 2), 29);
  assert.equal(daysInMonth(2023, 2), 28);
  assert.equal(daysInMonth(2100, 2), 28);
  assert.equal(daysInMonth(2025, 4), 30);
  assert.equal(daysInMonth(2025, 12), 31);
});

test('a day exists only inside its month: 29 February in leap years, no 31st in the short months', () => {
  assert.equal(dateExists(2024, 2, 29), true);
  assert.equal(dateExists(2000, 2, 29), true);
  assert.equal(dateExists(2023, 2, 29), false);
  assert.equal(dateExists(1900, 2, 29), false);
  for (const month of [4, 6, 9, 11]) {
    assert.equal(dateExists(2025, month, 30), true, `30/${month}`);
    assert.equal(dateExists(2025, month, 31), false, `31/${month}`);
  }
  for (const month of [1, 3, 5, 7, 8, 10, 12]) assert.equal(dateExists(2025, month, 31), true, `31/${month}`);
  assert.equal(dateExists(2025, 1, 0), false);
  assert.equal(dateExists(2025, 0, 1), false);
  assert.equal(dateExists(2025, 13, 1), false);
  assert.equal(dateExists(2025, 1, 32), false);
  assert.equal(dateExists(2025, 1.5, 1), false);
});

test("every day of 1899-2101 agrees with the platform's calendar", () => {
  for (let year = 1899; year <= 2101; year++) {
    for (let month = 1; month <= 12; month++) {
      for (let day = 1; day <= 32; day++) {
        const d = new Date(Date.UTC(year, month - 1, day));
        const platform = d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
        if (dateExists(year, month, day) !== platform) assert.fail(`${day}-${month}-${year}: ${!platform}, the platform says ${platform}`);
      }
    }
  }
});

test('a header date on a day the calendar lacks is read as no such day, in both written forms', () => {
  assert.deepEqual(readDate('29-02-2024', 0, 0).date, { year: 2024, month: 2, day: 29 });
  assert.equal(readDate('29-02-2023', 0, 0).problem, 'no-such-day');
  assert.deepEqual(readDate('29. februar 2024', 0, 0).date, { year: 2024, month: 2, day: 29 });
  assert.equal(readDate('29. februar 2100', 0, 0).problem, 'no-such-day');
  assert.equal(readDate('31. april 2025', 0, 0).problem, 'no-such-day');
  assert.equal(readDate('31-04-25', 0, 0).problem, 'no-such-day');
  assert.deepEqual(readDate('30-04-25', 0, 0).date, { year: 2025, month: 4, day: 30 });
});

test("the Danish weekday and month names are Intl's da-DK names, as read back from written dates", () => {
  const weekday = new Intl.DateTimeFormat('da-DK', { weekday: 'long', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat('da-DK', { month: 'long', timeZone: 'UTC' });
  // 2023-01-01 was a Sunday: index 0 is søndag, as Date#getUTCDay counts.
  for (let i = 0; i < 7; i++) {
    const d = new Date(Date.UTC(2023, 0, 1 + i));
    const calendar = { year: 2023, month: 1, day: 1 + i };
    assert.equal(weekdayName(calendar), weekday.format(d).toLowerCase());
    assert.equal(weekdayNumber(weekday.format(d)), i);
  }
  for (let m = 1; m <= 12; m++) {
    const name = month.format(new Date(Date.UTC(2023, m - 1, 1))).toLowerCase();
    assert.equal(monthName(m), name);
    assert.equal(monthNumber(name), m);
    // `1. jan. 2023`: the first three letters, with or without their period.
    assert.equal(monthNumber(`${name.slice(0, 3)}.`), m);
    assert.deepEqual(readDate(`1. ${name} 2023`, 0, 0).date, { year: 2023, month: m, day: 1 });
  }
  assert.equal(monthNumber('sept.'), 9);
});

test("the English weekday and month names of messages are Intl's en-GB names", () => {
  const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });
  for (let i = 0; i < 7; i++) {
    const d = new Date(Date.UTC(2023, 0, 1 + i));
    assert.equal(localizedWeekday(weekdayIndex({ year: 2023, month: 1, day: 1 + i })).en, weekday.format(d));
  }
  for (let m = 1; m <= 12; m++) assert.equal(localizedDate({ year: 2023, month: m, day: 7 }).en, `7 ${month.format(new Date(Date.UTC(2023, m - 1, 1)))} 2023`);
  assert.equal(localizedDate({ year: 2023, month: 12, day: 7 }).da, '7. december 2023');
});
