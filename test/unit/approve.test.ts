import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { APPROVAL_WORDS } from '../../server/src/dialect/vocabulary';
import { approve } from '../../server/src/features/approve';
import { summarizeReferat } from '../../server/src/archive/summary';
import { currentSeal, readSeal, sealText } from '../../server/src/model/approval';
import { parseReferat } from '../../server/src/model/parse';
import { base64url, sha256 } from '../../server/src/model/sha256';
import { nodeFonts } from '../../server/src/node/fonts';
import { checkReferat } from '../../server/src/rules/index';
import { createLanguageService } from '../../server/src/service/languageService';
import { MemoryWorkspace } from '../../server/src/workspace/memoryWorkspace';
import { inspectPdf } from '../render/pdfInspect';
import { corpusDir, corpusFiles, repoRoot, scratchDir } from '../helpers';

/*
 * Approval (issue 24, item 6): who approved a referat and when, and a seal of its text in a block
 * at its end. A changed punkt is an error on its heading and nowhere else, a copy of the file is
 * still approved, an addition after the approval is no change, a damaged seal is an error and
 * never a crash, and the PDF ends with the approval and a line to sign for each member present.
 */

const FIXTURE = join(corpusDir, 'direktionen-2023-12-07.referat');
const ORIGINAL = readFileSync(FIXTURE, 'utf8');
const BY = ['Anna Holm', 'Bent Lund'];
const DATE = '2023-12-14';
/** After every meeting of the corpus and the dialects' fixtures: an approval is dated after its meeting. */
const LATER = '2030-01-15';
const cli = join(repoRoot, 'dist/cli.js');

/** Approved, by default on DATE (a week after the fixture's meeting); `date` for a referat of a later meeting. */
function approved(text: string = ORIGINAL, by: readonly string[] = BY, date: string = DATE): string {
  const referat = parseReferat(text);
  const result = approve(text, referat, { by, date }, (t) => parseReferat(t));
  assert.ok(result.ok, result.ok ? '' : result.problem.en);
  return result.text;
}

const findings = (text: string) => checkReferat(parseReferat(text), { locale: 'en' });
const approvalFindings = (text: string) => findings(text).filter((d) => d.code === 'changed-after-approval' || d.code === 'damaged-approval');

test('SHA-256 agrees with node:crypto, and base64url with Buffer, for any bytes', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      assert.equal(Buffer.from(sha256(bytes)).toString('hex'), createHash('sha256').update(bytes).digest('hex'));
      assert.equal(base64url(bytes), Buffer.from(bytes).toString('base64url'));
    }),
  );
});

test('an approved referat: the block at its end is the approval, not text of its last punkt, and the check finds nothing new', () => {
  const text = approved();
  const referat = parseReferat(text);
  assert.deepEqual(
    referat.approval?.by?.names.map((n) => n.name),
    BY,
  );
  assert.deepEqual(referat.approval?.date?.date, { year: 2023, month: 12, day: 14 });
  const last = referat.punkter[referat.punkter.length - 1]!;
  assert.ok(last.range.end.line < referat.approval.headingRange.start.line, 'the last punkt ends before the approval');
  assert.deepEqual(findings(text), findings(ORIGINAL));
  assert.deepEqual(findings(ORIGINAL), []);
});

test('a word changed in punkt 2 after the approval: exactly one error, on punkt 2’s heading line, naming it', () => {
  const text = approved().replace('hvorledes Lemvig Kommune kan profileres', 'hvordan Lemvig Kommune kan profileres');
  const found = findings(text);
  assert.equal(found.length, 1, JSON.stringify(found));
  const punkt2 = parseReferat(text).punkter.find((p) => p.number === 2)!;
  assert.equal(found[0]!.code, 'changed-after-approval');
  assert.equal(found[0]!.severity, 'error');
  assert.equal(found[0]!.range.start.line, punkt2.headingRange.start.line);
  assert.equal(found[0]!.range.end.line, punkt2.headingRange.start.line);
  assert.match(found[0]!.message, /Item 2 \(Profilering af Lemvig Kommune\)/);
});

test('an editor’s save (CRLF, trailing blanks, no final newline) breaks no seal; a header, an added and a removed punkt are caught', () => {
  const text = approved();
  const saved = text.replace(/\n/g, ' \r\n').replace(/\r\n$/, '');
  assert.deepEqual(approvalFindings(saved), []);
  const header = text.replace('Mødested Udvalgsværelse 1', 'Mødested Udvalgsværelse 2');
  assert.deepEqual(
    approvalFindings(header).map((d) => [d.code, d.range.start.line]),
    [['changed-after-approval', 2]],
  );
  const at = text.indexOf(`\n${APPROVAL_WORDS.heading}\n`) + 1;
  const added = `${text.slice(0, at)}Punkt 7: Nyt punkt\n\n00.01.00I00-3-23\n\nBeslutning\n\nGodkendt.\n\n${text.slice(at)}`;
  const addedFound = approvalFindings(added);
  assert.equal(addedFound.length, 1, JSON.stringify(addedFound));
  assert.match(addedFound[0]!.message, /^Item 7 \(Nyt punkt\) was added after/);
  const p5 = text.indexOf('Punkt 5: Eventuelt');
  const p6 = text.indexOf('Punkt 6:');
  const removed = text.slice(0, p5) + text.slice(p6);
  const messages = approvalFindings(removed).map((d) => d.message);
  assert.ok(
    messages.some((m) => m.startsWith('Item 5 was removed')),
    messages.join('\n'),
  );
});

test('a copy in another folder is still approved, and a change in the copy is still caught (the command line)', () => {
  const a = scratchDir('approve-a-');
  const b = scratchDir('approve-b-');
  const file = join(a, 'direktionen-2023-12-07.referat');
  copyFileSync(FIXTURE, file);
  const r = spawnSync(process.execPath, [cli, 'approve', file, '--by', 'Anna Holm', '--by', 'Bent Lund', '--date', DATE, '--locale', 'en'], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  mkdirSync(join(b, 'kopi'));
  const copy = join(b, 'kopi', 'direktionen-2023-12-07.referat');
  copyFileSync(file, copy);
  const clean = spawnSync(process.execPath, [cli, 'check', copy, '--locale', 'en'], { encoding: 'utf8' });
  assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  writeFileSync(copy, readFileSync(copy, 'utf8').replace('hvorledes Lemvig', 'hvordan Lemvig'));
  const changed = spawnSync(process.execPath, [cli, 'check', copy, '--locale', 'en'], { encoding: 'utf8' });
  assert.equal(changed.status, 1);
  const lines = changed.stdout.trim().split('\n');
  assert.equal(lines.length, 1, changed.stdout);
  assert.match(lines[0]!, /:48:1: error changed-after-approval: Item 2 \(Profilering af Lemvig Kommune\)/);
});

test('the change undone and an addition written after the approval: no finding', () => {
  const text = approved();
  const changed = text.replace('hvorledes Lemvig', 'hvordan Lemvig');
  const undone = changed.replace('hvordan Lemvig', 'hvorledes Lemvig');
  const added = `${undone}\n${APPROVAL_WORDS.addition}\n\nI punkt 2 skulle der have stået "hvordan".\n`;
  assert.deepEqual(findings(added), []);
  const referat = parseReferat(added);
  assert.equal(referat.approval?.additions.length, 1);
  // Text after the approval without the heading is said, not silently sealed or dropped.
  const stray = `${undone}\nEn rettelse uden overskrift.\n`;
  assert.deepEqual(
    approvalFindings(stray).map((d) => d.code),
    ['damaged-approval'],
  );
});

test('a damaged seal line, however it is edited: never a crash, always an error (fast-check)', () => {
  const text = approved();
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`${APPROVAL_WORDS.seal}:`));
  const sealLine = lines[at]!;
  // Blanks after the label, between the seal's parts or at its end are no change to it.
  const words = (s: string): string =>
    s
      .replace(/^([^:\s]*):[ \t]*/, '$1: ')
      .trim()
      .split(/\s+/)
      .join(' ');
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 8 }) }),
    fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 8 }) }),
  );
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
      let line = sealLine;
      for (const e of edits) {
        const i = e.at % (line.length + 1);
        if (e.kind === 'delete') line = line.slice(0, i) + line.slice(i + e.length);
        else if (e.kind === 'insert') line = line.slice(0, i) + e.text + line.slice(i);
        else line = line.slice(0, i) + e.text + line.slice(i + e.text.length);
      }
      fc.pre(words(line) !== words(sealLine));
      const damaged = [...lines.slice(0, at), line, ...lines.slice(at + 1)].join('\n');
      const found = approvalFindings(damaged);
      assert.ok(
        found.some((d) => d.severity === 'error'),
        `no error for ${JSON.stringify(line)}`,
      );
    }),
    { numRuns: 300 },
  );
  for (const [label, value] of [
    ['wrong version', sealLine.replace('v1 ', 'v2 ')],
    ['bad base64', sealLine.replace(/a:(\S{3})/, 'a:$1!')],
    ['a hash too few', sealLine.replace(/ 6:\S+/, '')],
    ['missing', ''],
  ] as const) {
    const damaged = [...lines.slice(0, at), value, ...lines.slice(at + 1)].join('\n');
    const found = approvalFindings(damaged);
    assert.ok(found.length > 0 && found.every((d) => d.severity === 'error'), label);
  }
});

test('the seal is read strictly: its own text round-trips, anything else is a problem said', () => {
  const seal = currentSeal(parseReferat(ORIGINAL).syntax, BY, DATE);
  const read = readSeal(sealText(seal));
  assert.ok(read.ok);
  assert.deepEqual(read.seal, seal);
  for (const bad of ['', 'v1', 'v1 a:AAAAAAAAAAAA', 'v1 a:AAAAAAAAAAAA h:AAAA', 'v1 a:AAAAAAAAAAAA a:AAAAAAAAAAAA h:AAAAAAAAAAAA', 'x1 h:AAAAAAAAAAAA'])
    assert.equal(readSeal(bad).ok, false, bad);
});

test('approving a referat of every dialect changes none of its findings', () => {
  const dir = join(repoRoot, 'test/fixtures/dialects');
  const files = readdirSync(dir).filter((f) => f.endsWith('.referat'));
  assert.ok(files.length >= 5);
  for (const f of files) {
    const text = readFileSync(join(dir, f), 'utf8');
    const key = (d: { code: string; range: { start: { line: number } } }): string => `${d.code}@${d.range.start.line}`;
    assert.deepEqual(findings(approved(text, BY, LATER)).map(key), findings(text).map(key), f);
  }
});

test('approving every corpus referat gives no finding of its own; approving twice needs force', () => {
  for (const f of corpusFiles()) {
    const text = approved(f.text, BY, LATER);
    assert.deepEqual(approvalFindings(text), [], f.name);
  }
  const text = approved();
  const again = approve(text, parseReferat(text), { by: ['Carl Dam'], date: DATE }, (t) => parseReferat(t));
  assert.equal(again.ok, false);
  const forced = approve(text, parseReferat(text), { by: ['Carl Dam'], date: DATE, force: true }, (t) => parseReferat(t));
  assert.ok(forced.ok);
  assert.equal(forced.text.split('\n').filter((l) => l === APPROVAL_WORDS.heading).length, 1, 'one approval block, replaced');
  assert.deepEqual(approvalFindings(forced.text), []);
});

test('the service: errors in the referat are a warning, not a refusal; the members present are offered; the date defaults to today', async () => {
  const withErrors = ORIGINAL.replace('Punkt 2: Profilering', 'Punkt 9: Profilering').replace(
    'Mødested Udvalgsværelse 1, Lemvig Rådhus',
    'Mødested Udvalgsværelse 1, Lemvig Rådhus\n\nMødedeltagere Anna Holm, Bent Lund\n\nAfbud Carl Dam',
  );
  const service = createLanguageService({ workspace: new MemoryWorkspace({}), locale: 'en', today: () => ({ year: 2023, month: 12, day: 20 }) });
  const doc = { uri: 'file:///ws/m.referat', version: 1, getText: () => withErrors };
  const candidates = await service.approvalCandidates(doc);
  assert.deepEqual(
    { ...candidates, firstError: undefined },
    { members: ['Anna Holm', 'Bent Lund'], today: '2023-12-20', meeting: '2023-12-07', approved: false, errors: 1, firstError: undefined },
  );
  // She is asked about it before, with its line and message.
  assert.deepEqual(candidates.firstError, {
    line: withErrors.split('\n').indexOf('Punkt 9: Profilering af Lemvig Kommune'),
    message: 'Item 9 should be numbered 2.',
  });
  const result = await service.approve(doc, { by: ['Anna Holm', 'Dorte Ek'] });
  assert.ok(result.ok);
  // Written as the referat writes its dates, not year first.
  assert.match(result.text, /\nDato: 20-12-2023\n/);
  // The errors apart from the other warnings: the editor asks about them before it approves.
  // The error's own message inside the parentheses, without its full stop.
  assert.match(result.errors?.en ?? '', /^the referat has 1 error \(the first on line \d+: Item 9 should be numbered 2\)$/);
  assert.deepEqual(
    result.warnings.map((w) => w.en),
    ["Dorte Ek is not among the meeting's attendees"],
  );
  // The edit is the same text as the whole.
  const lines = withErrors.split('\n');
  const { start } = result.edit.range;
  const before = lines.slice(0, start.line).join('\n') + '\n' + lines[start.line]!.slice(0, start.character);
  assert.equal(before + result.edit.newText, result.text);
  service.dispose();
});

test('the PDF ends with the approval: who and when, and a line to sign for each member present (not the absent)', async () => {
  const text = approved(
    ORIGINAL.replace(
      'Mødested Udvalgsværelse 1, Lemvig Rådhus',
      'Mødested Udvalgsværelse 1, Lemvig Rådhus\n\nMødedeltagere Anna Holm, Bent Lund\n\nAfbud Carl Dam',
    ),
  );
  const { renderPdf } = await import('../../server/src/render/pdf');
  const { renderHtml } = await import('../../server/src/render/html');
  for (const audience of ['internal', 'public'] as const) {
    const pdf = await inspectPdf(await renderPdf(parseReferat(text), { audience, fonts: await nodeFonts() }));
    const last = pdf.pages[pdf.pages.length - 1]!;
    assert.match(last.text, /Godkendt af Anna Holm, Bent Lund/);
    assert.match(last.text, /14\. december 2023/);
    assert.match(last.text, /Underskrifter Anna Holm Bent Lund/);
    assert.doesNotMatch(last.text, /Carl Dam/);
    const signatures = last.elements.filter((e) => e.role === 'P' && (e.ownText.trim() === 'Anna Holm' || e.ownText.trim() === 'Bent Lund'));
    assert.equal(signatures.length, 2, audience);
    const html = renderHtml(parseReferat(text), { audience, locale: 'da' });
    assert.match(html, /<section class="approval"[^>]*>\s*<h2 id="approval-heading">Godkendelse<\/h2>/);
    assert.match(html, /<dd[^>]*>14\. december 2023<\/dd>/);
  }
});

test('referat approve: writes, refuses to replace an approval without --force, refuses a missing file in one line', () => {
  const dir = scratchDir('approve-cli-');
  const file = join(dir, 'm.referat');
  copyFileSync(FIXTURE, file);
  const run = (...args: string[]) => spawnSync(process.execPath, [cli, 'approve', ...args, '--locale', 'en'], { encoding: 'utf8' });
  const first = run(file, '--by', 'Anna Holm', `--date=${DATE}`);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /approved by Anna Holm/);
  const written = readFileSync(file, 'utf8');
  assert.ok(written.startsWith(ORIGINAL.trimEnd()));
  // Given year first, written day first, as the referat writes its dates.
  assert.match(written, /\nGodkendt af: Anna Holm\nDato: 14-12-2023\nSegl: v1 /);
  const again = run(file, '--by', 'Bent Lund');
  assert.equal(again.status, 2);
  assert.equal(again.stderr.trim().split('\n').length, 1, again.stderr);
  assert.match(again.stderr, /already approved; use --force/);
  assert.equal(readFileSync(file, 'utf8'), written, 'not written');
  const forced = run(file, '--by', 'Bent Lund', '--force', '--date', DATE);
  assert.equal(forced.status, 0, forced.stderr);
  assert.match(readFileSync(file, 'utf8'), /Godkendt af: Bent Lund\n/);
  assert.deepEqual(readdirSync(dir), ['m.referat'], 'no temporary file left');
  const missing = run(join(dir, 'nope.referat'), '--by', 'Anna Holm');
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr.trim().split('\n').length, 1, missing.stderr);
  const noNames = run(file);
  assert.equal(noNames.status, 2);
  const badDate = run(file, '--by', 'Anna Holm', '--date', '2023-02-30', '--force');
  assert.equal(badDate.status, 2);
  assert.match(badDate.stderr, /not a date/);
});

test('approving again: a change since the approval is no error to ask about, since the new approval mends it; other errors are', async () => {
  const service = createLanguageService({ workspace: new MemoryWorkspace({}), locale: 'en', today: () => ({ year: 2023, month: 12, day: 20 }) });
  const changed = approved().replace('hvorledes Lemvig', 'hvordan Lemvig');
  const doc = { uri: 'file:///ws/igen.referat', version: 1, getText: () => changed };
  assert.deepEqual(
    approvalFindings(changed).map((d) => d.code),
    ['changed-after-approval'],
  );
  // The day of the approval as the hover says it, not as the block writes it.
  assert.match(
    approvalFindings(changed)[0]!.message,
    /^Item 2 \(Profilering af Lemvig Kommune\) has changed since the referat was approved on 14 December 2023: /,
  );
  const candidates = await service.approvalCandidates(doc);
  assert.equal(candidates.approved, true);
  assert.equal(candidates.errors, 0);
  // Those who approved before are offered again.
  assert.deepEqual(candidates.approvedBy, BY);
  const again = await service.approve(doc, { by: BY, date: '2023-12-20', force: true });
  assert.ok(again.ok);
  assert.equal(again.errors, undefined);
  assert.deepEqual(approvalFindings(again.text), []);
  const wrong = changed.replace('Punkt 2: Profilering', 'Punkt 9: Profilering');
  const both = await service.approvalCandidates({ ...doc, version: 2, getText: () => wrong });
  assert.equal(both.errors, 1);
  assert.match(both.firstError?.message ?? '', /^Item 9 should be numbered 2\.$/);
  service.dispose();
});

test('approved by a whole byråd (31 names on the line): the block is still the approval, the last punkt keeps its findings, and a change is caught', () => {
  const members = Array.from({ length: 31 }, (_, i) => `Medlem${String.fromCharCode(65 + (i % 26))} Efternavn${i + 1}sen`);
  // The last punkt open, its decision not written: approving anyway must not hide that (the
  // approval was read as its decision's text).
  const undecided = `${ORIGINAL.slice(0, ORIGINAL.indexOf('Punkt 5: Eventuelt'))}Punkt 5: Eventuelt\n\n00.15.00I00-1-22\n\nBeslutning\n\n`;
  assert.notEqual(undecided, ORIGINAL);
  const text = approved(undecided, members);
  assert.ok(
    text.split('\n').some((l) => l.length > 300 && l.includes(members[30]!)),
    'one long line of approvers',
  );
  const referat = parseReferat(text);
  assert.equal(referat.approval?.by?.names.length, 31);
  assert.deepEqual(
    findings(text).map((d) => d.code),
    findings(undecided).map((d) => d.code),
  );
  assert.ok(findings(undecided).some((d) => d.code === 'missing-beslutning'));
  // The archive's one-pass reading cuts the approval off where the parser does: no approver is read as the last punkt's text.
  assert.deepEqual(summarizeReferat(text), summarizeReferat(undecided));
  assert.deepEqual(approvalFindings(text), []);
  assert.equal(approvalFindings(text.replace('Profilering af Lemvig Kommune blev drøftet.', 'Profilering blev drøftet.')).length, 1);
});

test('one approval of a file at a time: a live lock refuses, a lock its process left is taken over; a file changed meanwhile is not replaced', async () => {
  const dir = scratchDir('approve-lock-');
  const file = join(dir, 'direktionen-2023-12-07.referat');
  copyFileSync(FIXTURE, file);
  const before = readFileSync(file, 'utf8');
  const lock = join(dir, '.direktionen-2023-12-07.referat.approving');
  const approveIt = () => spawnSync(process.execPath, [cli, 'approve', file, '--by', 'Anna Holm', '--date', DATE, '--locale', 'en'], { encoding: 'utf8' });
  // This test's own process holds it: the command refuses, and the file is as it was.
  writeFileSync(lock, String(process.pid));
  const refused = approveIt();
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /being approved by another command/);
  assert.equal(readFileSync(file, 'utf8'), before);
  // A process that has ended left it: taken over, the approval written, the lock gone.
  const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
  writeFileSync(lock, ended);
  const taken = approveIt();
  assert.equal(taken.status, 0, taken.stderr);
  assert.match(readFileSync(file, 'utf8'), /Godkendt af: Anna Holm/);
  assert.deepEqual(
    readdirSync(dir).filter((n) => n.startsWith('.')),
    [],
  );
  // The replacement asks at the last moment whether the file is still what was read.
  const { writeFileSafely } = await import('../../server/src/node/files');
  const now = readFileSync(file, 'utf8');
  const wrote = await writeFileSafely(file, 'anden tekst', { force: true, stillAsRead: () => false });
  assert.equal(wrote.ok, false);
  assert.equal(readFileSync(file, 'utf8'), now);
  assert.deepEqual(
    readdirSync(dir).filter((n) => n.startsWith('.')),
    [],
  );
});

test("approve keeps the file's encoding and line breaks: UTF-16 with its mark (either order), UTF-8 with a mark, CR alone, CRLF", () => {
  const dir = scratchDir('approve-encoding-');
  const text = readFileSync(FIXTURE, 'utf8');
  const cases: readonly [string, Buffer, (b: Buffer) => string][] = [
    ['utf16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), (b) => b.subarray(2).toString('utf16le')],
    [
      'utf16be',
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
      (b) => Buffer.from(b.subarray(2)).swap16().toString('utf16le'),
    ],
    ['utf8bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), (b) => b.subarray(3).toString('utf8')],
    ['cr', Buffer.from(text.replace(/\n/g, '\r'), 'utf8'), (b) => b.toString('utf8')],
    ['crlf', Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8'), (b) => b.toString('utf8')],
  ];
  for (const [what, bytes, decode] of cases) {
    const file = join(dir, `${what}.referat`);
    writeFileSync(file, bytes);
    const r = spawnSync(process.execPath, [cli, 'approve', file, '--by', 'Anna Holm', '--date', DATE, '--locale', 'en'], { encoding: 'utf8' });
    assert.equal(r.status, 0, `${what}: ${r.stderr}`);
    const after = readFileSync(file);
    assert.deepEqual([...after.subarray(0, 3)], [...bytes.subarray(0, 3)], what);
    const read = decode(after);
    assert.ok(read.startsWith(decode(bytes).replace(/[\r\n]+$/, '')), `${what}: the text before the approval is as it was`);
    assert.match(read, /Godkendt af: Anna Holm/, what);
    const breaks = new Set(read.match(/\r\n|\r|\n/g));
    assert.deepEqual([...breaks], [what === 'cr' ? '\r' : what === 'crlf' ? '\r\n' : '\n'], what);
  }
});

test('an approval dated before the meeting is refused by approve, and is an error on its date in the check', () => {
  const referat = parseReferat(ORIGINAL);
  const result = approve(ORIGINAL, referat, { by: BY, date: '2023-12-01' }, (t) => parseReferat(t));
  // Never written: the block would be an error the moment it stood there.
  assert.ok(!result.ok);
  assert.equal(result.kind, 'usage');
  assert.match(result.problem.en, /the approval date 01-12-2023 is before the meeting, 07-12-2023/);
  // The same day written as she writes dates is refused alike.
  assert.ok(!approve(ORIGINAL, referat, { by: BY, date: '01-12-2023' }, (t) => parseReferat(t)).ok);
  // Refused with force too: force replaces an approval, it does not date one before its meeting.
  assert.ok(!approve(ORIGINAL, referat, { by: BY, date: '2023-12-01', force: true }, (t) => parseReferat(t)).ok);
  // Written by hand (or before the header's date was corrected), the check names its date.
  const written = approved().replace(/^(Dato: )\d{2}-12-2023$/m, '$101-12-2023');
  assert.notEqual(written, approved());
  const found = approvalFindings(written);
  const line = written.split('\n').findIndex((l) => l.startsWith(`${APPROVAL_WORDS.date}:`));
  assert.ok(found.some((d) => d.code === 'damaged-approval' && d.range.start.line === line && /before the meeting \(07-12-2023\)/.test(d.message)));
  // The day of the meeting itself is no error.
  assert.deepEqual(approvalFindings(approved()), []);
  assert.ok(approve(ORIGINAL, referat, { by: BY, date: '2023-12-07' }, (t) => parseReferat(t)).ok);
  assert.ok(approve(ORIGINAL, referat, { by: BY, date: '07-12-2023' }, (t) => parseReferat(t)).ok);
  // A day that does not exist is refused in either form, the message naming the form the block writes.
  for (const date of ['31-02-2024', '2024-02-31', '14.13.2023']) {
    const wrong = approve(ORIGINAL, referat, { by: BY, date }, (t) => parseReferat(t));
    assert.ok(!wrong.ok && /is not a date that exists; write it as DD-MM-YYYY \(or YYYY-MM-DD\)/.test(wrong.problem.en), date);
  }
});
