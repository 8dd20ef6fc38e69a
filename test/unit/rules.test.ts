import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { join } from 'node:path';
import { RULES, checkReferat, parseReferat } from '../../server/src/core';
import { rulesDir } from '../helpers';
import { tocEdit } from '../../server/src/rules/toc';
import { dialectById } from '../../server/src/dialect/dialects';

interface Expected {
  fire: Record<string, [string, number][]>;
  ok: Record<string, [string, number][]>;
}
const expected = JSON.parse(readFileSync(join(rulesDir, 'expected.json'), 'utf8')) as Expected;

function findings(file: string, locale: 'da' | 'en' = 'da') {
  return checkReferat(parseReferat(readFileSync(join(rulesDir, file), 'utf8')), { locale });
}

for (const [file, want] of Object.entries(expected.fire)) {
  test(`fires: ${file} gives exactly ${want.map(([c, l]) => `${c}@${l}`).join(', ')}`, () => {
    assert.deepEqual(
      findings(file).map((d) => [d.code, d.range.start.line + 1]),
      want,
    );
  });
}

for (const file of Object.keys(expected.ok)) {
  test(`does not fire: ${file} gives no findings`, () => {
    assert.deepEqual(
      findings(file).map((d) => `${d.range.start.line + 1} ${d.code}: ${d.message}`),
      [],
    );
  });
}

// Rules that need the archive of other referater are tested in archive.test.ts; the spell check,
// which needs the dictionary the host loads, and the LIX rule, off until switched on, in
// test/features/spelling.test.ts and writing.test.ts.
const ARCHIVE_RULES = new Set(['reference-mismatch', 'spelling', 'lix']);

test('every rule has a fixture where it must fire', () => {
  const fired = new Set([...Object.values(expected.fire).flatMap((w) => w.map(([c]) => c)), ...ARCHIVE_RULES]);
  assert.deepEqual(
    RULES.map((r) => r.code).filter((c) => !fired.has(c)),
    [],
  );
});

test('every rule has a stable kebab-case code and a Danish and an English description', () => {
  const codes = new Set<string>();
  for (const r of RULES) {
    assert.match(r.code, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(!codes.has(r.code), `duplicate code ${r.code}`);
    codes.add(r.code);
    assert.ok(r.description.da.length > 0 && r.description.en.length > 0);
    assert.notEqual(r.description.da, r.description.en);
  }
});

test('messages follow the locale', () => {
  const [da] = findings('weekday-mismatch.referat', 'da');
  const [en] = findings('weekday-mismatch.referat', 'en');
  assert.equal(da?.message, '7. december 2023 er en torsdag, ikke en fredag.');
  assert.equal(en?.message, '7 December 2023 is a Thursday, not a Friday.');
});

test('a rule can be switched off or given another severity', () => {
  const text = readFileSync(join(rulesDir, 'journal-year.referat'), 'utf8');
  const r = parseReferat(text);
  assert.equal(checkReferat(r)[0]?.severity, 'warning');
  assert.equal(checkReferat(r, { settings: { 'journal-year': 'error' } })[0]?.severity, 'error');
  assert.deepEqual(checkReferat(r, { settings: { 'journal-year': 'off' } }), []);
});

test('ranges point at the mistake itself', () => {
  const [d] = findings('weekday-mismatch.referat');
  assert.deepEqual(d?.range, { start: { line: 2, character: 9 }, end: { line: 2, character: 15 } });
  const [j] = findings('journal-year.referat');
  const line = readFileSync(join(rulesDir, 'journal-year.referat'), 'utf8').split('\n')[j!.range.start.line]!;
  assert.equal(line.slice(j!.range.start.character, j!.range.end.character), '24');
});

test('quick fixes repair the text and keep everything else', () => {
  for (const [file, code] of [
    ['weekday-mismatch.referat', 'weekday-mismatch'],
    ['date-mismatch.referat', 'date-mismatch'],
    ['punkt-numbering.repeat.referat', 'punkt-numbering'],
    ['toc-mismatch.renamed.referat', 'toc-mismatch'],
    ['toc-mismatch.missing.referat', 'toc-mismatch'],
    ['missing-beslutning.referat', 'missing-beslutning'],
    ['missing-beslutning.empty.referat', 'missing-beslutning'],
    ['missing-beslutning.after-earlier.referat', 'missing-beslutning'],
    ['empty-bullet.referat', 'empty-bullet'],
  ] as const) {
    const text = readFileSync(join(rulesDir, file), 'utf8');
    const d = checkReferat(parseReferat(text)).find((x) => x.code === code)!;
    assert.ok(d.fixes.length > 0, `${file} offers a fix`);
    const fix = d.fixes[0]!;
    let fixed = applyEdits(text, fix.edits);
    if (fix.cursor) {
      // The fix leaves her where she writes next: on an empty line, a blank line after the heading.
      const lines = fixed.split('\n');
      assert.equal(lines[fix.cursor.line], '', `${file}: the cursor's line is empty`);
      assert.equal(lines[fix.cursor.line - 1], '', `${file}: a blank line above the cursor`);
      assert.match(lines[fix.cursor.line - 2]!, /Beslutning/, `${file}: under the Beslutning heading`);
      if (fix.cursor.line + 1 < lines.length) assert.equal(lines[fix.cursor.line + 1], '', `${file}: a blank line below the cursor`);
      fixed = applyEdits(fixed, [{ range: { start: fix.cursor, end: fix.cursor }, newText: 'Godkendt.' }]);
    }
    assert.deepEqual(
      checkReferat(parseReferat(fixed))
        .filter((x) => x.code === code)
        .map((x) => x.message),
      [],
      `${file} is fixed`,
    );
    // Nothing the user wrote is lost: every original line is still there (or was the one replaced).
    const kept = new Set(fixed.split('\n'));
    const lost = text.split('\n').filter((l) => !kept.has(l));
    assert.ok(lost.length <= 1, `${file} lost ${JSON.stringify(lost)}`);
  }
});

test('an empty Beslutning is a missing decision: an error on its heading, not a warning about an empty section', () => {
  const d = findings('missing-beslutning.empty.referat');
  assert.deepEqual(
    d.map((x) => [x.code, x.severity, x.range.start.line + 1]),
    [['missing-beslutning', 'error', 34]],
  );
  assert.equal(d[0]!.message, 'Beslutningen i punkt 1 er ikke skrevet: afsnittet Beslutning er tomt.');
  assert.equal(d[0]!.fixes[0]!.preferred, true);
});

test('the new Beslutning goes before Bilag, in the heading style of the punkt', () => {
  const text = readFileSync(join(rulesDir, 'base.ok.referat'), 'utf8')
    .replace('Beslutning\n\nDeltagerkredsen fastholdes.\n\n', '')
    .replace(/^(Resume|Sagsfremstilling|Bilag)$/gm, '### $1');
  const d = checkReferat(parseReferat(text)).find((x) => x.code === 'missing-beslutning')!;
  const fixed = applyEdits(text, d.fixes[0]!.edits);
  assert.match(fixed, /- At det besluttes om kriterierne fastholdes\.\n\n### Beslutning\n\n\n\n### Bilag/);
});

function applyEdits(
  text: string,
  edits: readonly { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[],
): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }): number => {
    let o = 0;
    for (let i = 0; i < p.line; i++) o += lines[i]!.length + 1;
    return o + p.character;
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

test('regenerating the table of contents keeps a note in it and every page it can', () => {
  const text = readFileSync(join(rulesDir, 'toc-mismatch.renamed.referat'), 'utf8').replace(
    'Eventuelt.....\t5\n',
    'Eventuelt.....\t5\n(Punkt 3 blev tilføjet på mødet)\n',
  );
  const edit = tocEdit(parseReferat(text))!;
  const fixed = applyEdits(text, [edit]);
  assert.ok(fixed.includes('(Punkt 3 blev tilføjet på mødet)\n'), 'the note is kept');
  assert.ok(fixed.includes('Deltagerkreds, Lederforum.....\t3\n'), 'an unchanged title keeps its page');
  assert.ok(fixed.includes('Eventuelt.....\t5\n'));
  assert.deepEqual(
    checkReferat(parseReferat(fixed))
      .filter((d) => d.code === 'toc-mismatch' && !d.message.includes('(Punkt 3'))
      .map((d) => d.message),
    [],
  );
  const kept = new Set(fixed.split('\n'));
  assert.deepEqual(
    text.split('\n').filter((l) => !kept.has(l)),
    ['Profilering af kommunen.....\t4'],
    'only the renamed entry was rewritten',
  );
});

test('100,000 lone dashes after a sentence are 100,000 empty bullets, each on its own line (the rule reads a run of them once)', () => {
  const base = readFileSync(join(rulesDir, 'empty-bullet.referat'), 'utf8');
  const at = base.indexOf('Direktionen bedes drøfte deltagerkredsen igen.');
  const count = 100_000;
  const text = `${base.slice(0, at)}Følgende:\n${'-\n'.repeat(count)}\n${base.slice(at)}`;
  const firstLine = base.slice(0, at).split('\n').length;
  const found = checkReferat(parseReferat(text)).filter((d) => d.code === 'empty-bullet');
  // The planted run, and the fixture's own empty bullet after its list.
  assert.equal(found.length, count + 1);
  const lines = new Set(found.map((d) => d.range.start.line));
  assert.equal(lines.size, count + 1);
  for (let n = 0; n < count; n += 9_999) assert.ok(lines.has(firstLine + n), `line ${firstLine + n + 1}`);
});

test("the empty bullet's fix takes its own line and at most one empty line beside it, never a line that says something (fast-check)", () => {
  const base = readFileSync(join(rulesDir, 'empty-bullet.referat'), 'utf8');
  const at = base.indexOf('Direktionen bedes drøfte deltagerkredsen igen.');
  const line = fc.constantFrom('', '', '-', '- ', '*', 'Følgende:', '- Claus Borg', 'Tekst uden punktum', '   ', '1. Første');
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (planted) => {
      const text = `${base.slice(0, at)}${planted.join('\n')}\n\n${base.slice(at)}`;
      const lines = text.split('\n');
      for (const d of checkReferat(parseReferat(text)).filter((f) => f.code === 'empty-bullet')) {
        const [edit] = d.fixes[0]!.edits;
        const { start, end } = edit!.range;
        assert.equal(start.line, d.range.start.line);
        assert.ok(end.line - start.line <= 2 && start.character === 0 && end.character === 0);
        const taken = lines.slice(start.line, end.line);
        assert.match(taken[0]!, /^[ \t]*[-*•–][ \t]*$/, 'its own line is the lone marker');
        // A second line taken is empty, and the line above the marker is empty too: one empty line remains between.
        if (taken.length === 2) {
          assert.equal(taken[1]!.trim(), '', JSON.stringify(taken));
          assert.equal(lines[start.line - 1]!.trim(), '', 'an empty line above');
        }
      }
    }),
    { numRuns: 300 },
  );
});

test('a lone dash among cells that say nothing is still no bullet, however long the run', () => {
  const base = readFileSync(join(rulesDir, 'empty-bullet.referat'), 'utf8');
  const at = base.indexOf('Direktionen bedes drøfte deltagerkredsen igen.');
  // Laid out from a table: `Juni` / `-` / `-` … / `Juli`: no punctuation, no bullet around.
  const text = `${base.slice(0, at)}Juni\n${'-\n'.repeat(1_000)}Juli\n\n${base.slice(at)}`;
  const found = checkReferat(parseReferat(text)).filter((d) => d.code === 'empty-bullet');
  assert.equal(found.length, 1, 'only the fixture’s own empty bullet');
});

test('a KLE number joined by spaces or dashes of another length, or with a four-digit year, is told so and offered as it was meant', () => {
  const fixOf = (file: string) => {
    const [d] = findings(file, 'en').filter((f) => f.code === 'journal-format');
    return { message: d!.message, fixes: d!.fixes.map((f) => [f.title, f.preferred, f.edits.map((e) => e.newText)]) };
  };
  assert.deepEqual(fixOf('journal-format.separators.referat'), {
    message:
      'The journal number "00.13.02 G01 – 1 – 23" is mistyped: its parts must stand as the form has them: no spaces, and a hyphen before the serial and the year. Should it be 00.13.02G01-1-23?',
    fixes: [['Change to 00.13.02G01-1-23', true, ['00.13.02G01-1-23']]],
  });
  assert.deepEqual(fixOf('journal-format.year.referat'), {
    message: 'The journal number "00.13.02G01-1-2023" is mistyped: the year must be two digits at the end (-23). Should it be 00.13.02G01-1-23?',
    fixes: [['Change to 00.13.02G01-1-23', true, ['00.13.02G01-1-23']]],
  });
  // A wrong facet is still the facet's problem, and nothing is guessed for it.
  assert.deepEqual(fixOf('journal-format.facet.referat').fixes, []);
  // The old form keeps its dash between subject and facet; the year's example is the meeting's year.
  const text = readFileSync(join(rulesDir, 'journal-format.referat'), 'utf8')
    .replace('00.13.2G01-1-23', '00.16.00 – P20 – 1 – 16')
    .replaceAll('2023', '2024')
    .replace('07-12-2024', '05-12-2024')
    .replace('07. december 2024', '05. december 2024');
  const [old] = checkReferat(parseReferat(text), { locale: 'en' }).filter((f) => f.code === 'journal-format');
  assert.equal(old!.fixes[0]!.edits[0]!.newText, '00.16.00-P20-1-16');
  const mistyped = text.replace('00.16.00 – P20 – 1 – 16', '00.16.00P20-1-1x');
  const [year] = checkReferat(parseReferat(mistyped), { locale: 'en' }).filter((f) => f.code === 'journal-format');
  assert.match(year!.message, /two digits at the end \(-24\)/);
});

test('a punkt without its number is told so in the system’s own word: a KLE journalnummer, another system’s sagsnummer', () => {
  const text = readFileSync(join(rulesDir, 'missing-journal-number.referat'), 'utf8');
  const message = (dialect?: string) =>
    checkReferat(parseReferat(text, dialect === undefined ? undefined : dialectById(dialect)), { locale: 'da' }).find(
      (f) => f.code === 'missing-journal-number',
    )!.message;
  assert.match(message(), /^Punkt \d+ mangler journalnummer \(fx 00\.01\.00I00-3-23\)/);
  assert.match(message('first-agenda-pdf'), /mangler sagsnummer \(fx EMN-2025-003383\)/);
  assert.match(message('edoc'), /mangler sagsnummer \(fx 2012-28504\)/);
});

test('agenda-order: an open punkt after Eventuelt is moved up before it, numbered in its place, and the referat is then in order', () => {
  const text = readFileSync(join(rulesDir, 'agenda-order.referat'), 'utf8');
  const [d] = checkReferat(parseReferat(text), { locale: 'da' }).filter((f) => f.code === 'agenda-order');
  assert.equal(d!.fixes[0]!.title, 'Flyt punkt 5 op før Eventuelt');
  const fixed = applyEdits(text, d!.fixes[0]!.edits);
  // She goes on at the moved punkt's heading, not where the edit left the cursor (the document's end).
  assert.equal(fixed.split('\n')[d!.fixes[0]!.cursor!.line], 'Punkt 3: Ekstra');
  // Its lines as they were, now before Eventuelt, which with the closed punkt after it moves one number up.
  assert.match(fixed, /Punkt 3: Ekstra\n\n00\.01\.00I00-3-23\n\nBeslutning\n\nGodkendt\.\n\nPunkt 4: Eventuelt\n/);
  assert.match(fixed, /Punkt 5: Lukket: Møde med Borgmesteren\n/);
  assert.equal(fixed.split('\n').length, text.split('\n').length + (text.endsWith('Godkendt.\n') ? 1 : 0));
  // The table of contents follows: Ekstra before Eventuelt there too.
  assert.match(fixed, /Ekstra[^\n]*\n[^\n]*Eventuelt/);
  const after = checkReferat(parseReferat(fixed)).filter((f) => ['agenda-order', 'punkt-numbering', 'missing-beslutning', 'toc-mismatch'].includes(f.code));
  assert.deepEqual(after, []);
  // Where the punkter are not numbered one after another, it is moved as it is numbered.
  const gap = text.replace('Punkt 4: Lukket', 'Punkt 7: Lukket');
  const [g] = checkReferat(parseReferat(gap)).filter((f) => f.code === 'agenda-order');
  const gapFixed = applyEdits(gap, g!.fixes[0]!.edits);
  assert.match(gapFixed, /Punkt 5: Ekstra\n[^]*Punkt 3: Eventuelt\n[^]*Punkt 7: Lukket/);
  assert.equal(gapFixed.split('\n')[g!.fixes[0]!.cursor!.line], 'Punkt 5: Ekstra');
  // A table of contents that lacked an entry grows by a line above the punkter: the cursor follows.
  const short = text.replace(/\nEventuelt[^\n]*/, '');
  const [s2] = checkReferat(parseReferat(short)).filter((f) => f.code === 'agenda-order');
  assert.equal(applyEdits(short, s2!.fixes[0]!.edits).split('\n')[s2!.fixes[0]!.cursor!.line], 'Punkt 3: Ekstra');
});

test('agenda-order: past twenty open punkter after Eventuelt, each is still told, and only the first twenty are offered a move', () => {
  const text = readFileSync(join(rulesDir, 'agenda-order.referat'), 'utf8');
  const extra = Array.from({ length: 30 }, (_, k) => `\nPunkt ${6 + k}: Ekstra ${k + 1}\n\n00.01.00I00-3-23\n\nBeslutning\n\nGodkendt.\n`).join('');
  const found = checkReferat(parseReferat(text.replace(/\n*Punkt 5: Ekstra[^]*$/, '\n') + extra)).filter((f) => f.code === 'agenda-order');
  assert.equal(found.length, 30);
  assert.deepEqual(
    found.map((f) => f.fixes.length),
    [...Array<number>(20).fill(1), ...Array<number>(10).fill(0)],
  );
});

test('where no section of the punkt has text yet, the decision is written as the punkt heading stands above its journal number', () => {
  const text = readFileSync(join(rulesDir, 'missing-beslutning.empty.referat'), 'utf8');
  // Every section of punkt 1 emptied: only its heading's distance to the journal number tells its style.
  const emptied = text.replace(
    /\n\n(Deltagerkredsen til|HR-konsulent|Direktionen bedes|Kommunaldirektøren indstiller|- At det|Deltagerkreds, Lederforum, opd)[^\n]*/g,
    '',
  );
  for (const [style, source, below] of [
    ['apart (Lemvig)', emptied, 2],
    ['close (eDoc)', emptied.replace('Punkt 1: Deltagerkreds, Lederforum\n\n81.39', 'Punkt 1: Deltagerkreds, Lederforum\n81.39'), 1],
  ] as const) {
    const d = checkReferat(parseReferat(source)).find((x) => x.code === 'missing-beslutning' && x.range.start.line < 40)!;
    const fix = d.fixes[0]!;
    const heading = d.range.start.line;
    assert.equal(fix.cursor!.line, heading + below, `${style}: the cursor ${below} line(s) under the heading`);
    const lines = applyEdits(source, fix.edits).split('\n');
    assert.match(lines[heading]!, /^Beslutning$/, style);
    assert.equal(lines[fix.cursor!.line], '', `${style}: the cursor's line is empty`);
  }
});

test('journal-format: a facet letter in lower case is offered in capitals', () => {
  const text = readFileSync(join(rulesDir, 'base.ok.referat'), 'utf8').replace('81.39.15G01-4-23', '81.39.15g01-4-23');
  const d = checkReferat(parseReferat(text), { locale: 'en' }).filter((x) => x.code === 'journal-format');
  assert.equal(d.length, 1);
  assert.match(d[0]!.message, /Should it be 81\.39\.15G01-4-23\?/);
  assert.deepEqual(
    d[0]!.fixes.map((f) => f.edits[0]!.newText),
    ['81.39.15G01-4-23'],
  );
});
