import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { MAX_REFERAT_BYTES } from '../../server/src/archive/reader';
import { MAX_IMPORT_SOURCE_BYTES } from '../../server/src/node/files';
import { meetingFileName } from '../../server/src/import/write';
import { decodeReferat, encodeReferat, type ReferatEncoding } from '../../server/src/workspace/decode';
import { corpusDir, repoRoot, rulesDir, scratchDir } from '../helpers';
import { sourcesDir } from '../pdfFixtures';

/*
 * Nothing overwritten, nothing hangs: the built CLI given FIFOs, devices, folders and files too
 * large where it expects a file, and asked to write onto its input, an existing file or a link.
 * Every run has a time limit: a command that hangs fails its test instead of holding the suite.
 */
const cli = join(repoRoot, 'dist/cli.js');
const posix = process.platform !== 'win32';
/** Far above a refusal's time (node's start and a stat), far below a hang's. */
const HANG_MS = 30_000;

function run(args: readonly string[]) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8' },
    timeout: HANG_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(r.error, undefined, `referat ${args.join(' ')} hung or could not run: ${r.error?.message}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

/** Exit 2, one line on stderr naming the path, nothing on stdout. */
function refused(r: ReturnType<typeof run>, path: string, pattern: RegExp, what: string): void {
  assert.equal(r.code, 2, `${what}: ${r.stdout}${r.stderr}`);
  assert.equal(r.stdout, '', what);
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, 1, `${what}: ${r.stderr}`);
  assert.ok(lines[0]!.startsWith(`${path}: `), `${what}: ${lines[0]}`);
  assert.match(lines[0]!, pattern, what);
  assert.doesNotMatch(r.stderr, /\n\s+at |TypeError|Error:/, what);
}

/** Every entry below a folder, links not followed: its kind, its bytes or where it points. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const s = lstatSync(p);
      const key = relative(dir, p);
      if (s.isSymbolicLink()) out[key] = `link → ${readlinkSync(p)}`;
      else if (s.isDirectory()) {
        out[key] = 'folder';
        walk(p);
      } else if (s.isFile()) out[key] = s.size > 1024 * 1024 ? `file of ${s.size} bytes` : `file ${readFileSync(p).toString('base64')}`;
      else out[key] = `special, mode ${s.mode.toString(8)}`;
    }
  };
  walk(dir);
  return out;
}

const mkfifo = (path: string): void => assert.equal(spawnSync('mkfifo', [path]).status, 0, 'mkfifo');

let dir: string;
let referat: string;
let dagsorden: string;
before(() => {
  dir = scratchDir('referat-files-');
  referat = join(dir, 'direktionen.referat');
  copyFileSync(join(corpusDir, 'direktionen-2019-06-26.referat'), referat);
  dagsorden = join(dir, 'dagsorden.referat');
  copyFileSync(join(rulesDir, 'dagsorden.ok.referat'), dagsorden);
});

/** A folder of its own holding one bad input of each kind. */
function badInputs(): { folder: string; inputs: Record<string, string> } {
  const folder = scratchDir('referat-bad-input-');
  const fifo = join(folder, 'rør.referat');
  mkfifo(fifo);
  const big = join(folder, 'stor.referat');
  // Sparse: the size is there, the disk is not used.
  writeFileSync(big, '');
  truncateSync(big, MAX_REFERAT_BYTES + 1);
  const bigSource = join(folder, 'stor.pdf');
  writeFileSync(bigSource, '');
  truncateSync(bigSource, MAX_IMPORT_SOURCE_BYTES + 1);
  mkdirSync(join(folder, 'mappe.referat'));
  return { folder, inputs: { fifo, zero: '/dev/zero', null: '/dev/null', folder: join(folder, 'mappe.referat'), big, bigSource } };
}

const SAID: Record<string, RegExp> = {
  fifo: /is a named pipe \(FIFO\), not a file/,
  zero: /is a device, not a file/,
  null: /is a device, not a file/,
  folder: /is a folder, not a file/,
  big: /the file is 21 MB, too large for a referat \(at most 20 MB\)/,
  bigSource: /the file is 257 MB, too large for an import source \(at most 256 MB\)/,
};

test(
  'a FIFO, a device, a folder or a file too large is refused at once by every command: exit 2, one line, nothing read, nothing written',
  { skip: !posix },
  () => {
    const { folder, inputs } = badInputs();
    const before = snapshot(folder);
    const out = join(folder, 'ud.html');
    const cases: [string, string[], string][] = [];
    for (const kind of ['fifo', 'zero', 'null', 'big']) {
      const p = inputs[kind]!;
      cases.push([kind, ['check', p], p], [kind, ['check', '--jobs', '1', p], p], [kind, ['render', p], p], [kind, ['render', p, '-o', out], p]);
      cases.push([kind, ['create-referat', p, '-o', join(folder, 'nyt.referat')], p]);
    }
    for (const kind of ['fifo', 'zero', 'null', 'bigSource']) {
      const p = inputs[kind]!;
      cases.push(
        [kind, ['import', p], p],
        [kind, ['import', p, '--out-dir', join(folder, 'ud')], p],
        [kind, ['import', p, '-o', join(folder, 'ud.referat')], p],
      );
    }
    // A folder is a fine input to check and import (they search it); where one file is expected it is not.
    cases.push(['folder', ['render', inputs.folder!], inputs.folder!], ['folder', ['create-referat', inputs.folder!], inputs.folder!]);
    for (const [kind, args, path] of cases) {
      const what = `${kind}: referat ${args.join(' ')}`;
      const r = run(args);
      // The English half is what LANG asks for; the commands that say both say the Danish one too.
      refused(r, path, SAID[kind]!, what);
      assert.ok(r.ms < 15_000, `${what} took ${r.ms} ms`);
      assert.deepEqual(snapshot(folder), before, `${what}: something was written`);
    }
  },
);

test('a folder checked or imported with FIFOs in it (a referat, a PDF, its referat.yaml): they are passed over, never waited on', { skip: !posix }, () => {
  const folder = scratchDir('referat-fifo-folder-');
  copyFileSync(join(rulesDir, 'weekday-mismatch.referat'), join(folder, 'a.referat'));
  mkfifo(join(folder, 'b.referat'));
  mkfifo(join(folder, 'c.pdf'));
  // Its referat.yaml a FIFO too: read as no configuration, not waited on.
  mkfifo(join(folder, 'referat.yaml'));
  const check = run(['check', folder]);
  assert.equal(check.code, 1, check.stderr);
  assert.match(check.stdout, /a\.referat:3:10: error weekday-mismatch/);
  const imported = run(['import', folder, '--out-dir', join(folder, 'ud')]);
  assert.equal(imported.code, 2);
  assert.match(imported.stderr, /no files to import in this folder/);
  assert.ok(!existsSync(join(folder, 'ud')), 'the out-dir made for nothing is not left behind');
});

test('render never writes onto the referat it renders, however it is named, with or without --force', { skip: !posix }, () => {
  const folder = scratchDir('referat-self-');
  const file = join(folder, 'møde.referat');
  copyFileSync(referat, file);
  mkdirSync(join(folder, 'under'));
  symlinkSync(file, join(folder, 'link.html'));
  symlinkSync('møde.referat', join(folder, 'relativ.referat'));
  linkSync(file, join(folder, 'hård.html'));
  const before = snapshot(folder);
  const names = [
    file,
    join(folder, 'under', '..', 'møde.referat'),
    `${folder}//møde.referat`,
    join(folder, 'link.html'),
    join(folder, 'relativ.referat'),
    join(folder, 'hård.html'),
  ];
  for (const out of names)
    for (const extra of [[], ['--force'], ['--force', '--format', 'pdf'], ['--public', '--force']]) {
      const args = ['render', file, '-o', out, ...extra];
      refused(run(args), out, /is the referat being rendered; it is never written over, not even with --force \/ er referatet, der gengives/, args.join(' '));
      assert.deepEqual(snapshot(folder), before, `${args.join(' ')} changed something`);
    }
  // The input given through its link, the output as the file itself: the same file still.
  refused(run(['render', join(folder, 'link.html'), '-o', file, '--force']), file, /is the referat being rendered/, 'render LINK -o FILE');
  assert.deepEqual(snapshot(folder), before);
});

test('render onto an existing file: refused without --force and nothing changed; --force replaces it', { skip: !posix }, () => {
  const folder = scratchDir('referat-exists-');
  const out = join(folder, 'møde.html');
  writeFileSync(out, 'hendes egen side\n');
  const before = snapshot(folder);
  refused(
    run(['render', referat, '-o', out]),
    out,
    /the file already exists and is not overwritten \(use --force to replace it\) \/ filen findes allerede/,
    'no --force',
  );
  assert.deepEqual(snapshot(folder), before);
  const forced = run(['render', referat, '-o', out, '--force']);
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(readFileSync(out, 'utf8'), /^<!doctype html>/i);
  assert.deepEqual(readdirSync(folder), ['møde.html'], 'no temporary file is left');
  // A PDF too, and a folder or a device is never a file to replace.
  const pdf = join(folder, 'møde.pdf');
  writeFileSync(pdf, 'x');
  assert.equal(run(['render', referat, '-o', pdf, '--force']).code, 0);
  assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
  refused(run(['render', referat, '-o', folder, '--force']), folder, /is a folder, not a file/, '-o FOLDER');
  refused(run(['render', referat, '-o', '/dev/null', '--force']), '/dev/null', /is a device, not a file/, '-o /dev/null');
  refused(run(['render', referat, '-o', join(folder, 'findes-ikke', 'x.html')]), join(folder, 'findes-ikke', 'x.html'), /no such folder/, 'a missing folder');
});

test('render --force onto a symbolic link replaces the link itself; the file it points to is never written', { skip: !posix }, () => {
  const folder = scratchDir('referat-link-');
  const outside = scratchDir('referat-outside-');
  const victim = join(outside, 'andet.html');
  writeFileSync(victim, 'uden for mappen\n');
  const link = join(folder, 'møde.html');
  symlinkSync(victim, link);
  const before = { folder: snapshot(folder), outside: snapshot(outside) };
  refused(run(['render', referat, '-o', link]), link, /already exists/, 'a link, no --force');
  assert.deepEqual({ folder: snapshot(folder), outside: snapshot(outside) }, before);
  const forced = run(['render', referat, '-o', link, '--force']);
  assert.equal(forced.code, 0, forced.stderr);
  assert.deepEqual(snapshot(outside), before.outside, 'the file the link pointed to is untouched');
  assert.ok(lstatSync(link).isFile(), 'the link is replaced by the rendering');
  assert.match(readFileSync(link, 'utf8'), /^<!doctype html>/i);
  // A link to a device is not replaced either.
  const stdout = join(folder, 'ud.html');
  symlinkSync('/dev/null', stdout);
  refused(run(['render', referat, '-o', stdout, '--force']), stdout, /symbolic link to something that is not a file/, 'a link to /dev/null');
  assert.equal(readlinkSync(stdout), '/dev/null');
});

test('import --force onto a symbolic link in the out-dir replaces the link, never writes outside the folder', { skip: !posix }, () => {
  const out = scratchDir('referat-import-link-');
  const outside = scratchDir('referat-outside-');
  const victim = join(outside, 'vigtig.referat');
  writeFileSync(victim, 'må ikke overskrives\n');
  const link = join(out, 'byraad-2022-2025-2024-10-02.referat');
  symlinkSync(victim, link);
  const source = join(sourcesDir, 'greve-byraadet-2024-10-02.json');
  const before = { out: snapshot(out), outside: snapshot(outside) };
  refused(run(['import', source, '--out-dir', out]), link, /already exists.*--force/, 'no --force');
  assert.deepEqual({ out: snapshot(out), outside: snapshot(outside) }, before);
  const forced = run(['import', source, '--out-dir', out, '--force']);
  assert.equal(forced.code, 0, forced.stderr);
  assert.deepEqual(snapshot(outside), before.outside, 'nothing outside the out-dir is written');
  assert.ok(lstatSync(link).isFile());
  assert.match(readFileSync(link, 'utf8'), /^REFERAT Byråd 2022-2025 d\. 02-10-2024\n/);
  assert.deepEqual(readdirSync(out), ['byraad-2022-2025-2024-10-02.referat'], 'no temporary file is left');
  // A dangling link is a name taken too: without --force it is left as it is.
  const dangling = join(scratchDir('referat-dangling-'), 'byraad-2022-2025-2024-10-02.referat');
  symlinkSync(join(outside, 'findes-ikke.referat'), dangling);
  refused(run(['import', source, '-o', dangling]), dangling, /already exists/, 'a dangling link');
  assert.ok(!existsSync(join(outside, 'findes-ikke.referat')), 'nothing was written through the dangling link');
});

test('import never writes onto its source, not even with --force', { skip: !posix }, () => {
  const folder = scratchDir('referat-import-self-');
  const source = join(folder, 'greve.json');
  copyFileSync(join(sourcesDir, 'greve-byraadet-2024-10-02.json'), source);
  const before = snapshot(folder);
  for (const extra of [[], ['--force']]) {
    refused(run(['import', source, '-o', source, ...extra]), source, /is the source itself; it is never written over/, `import -o SOURCE ${extra.join(' ')}`);
    assert.deepEqual(snapshot(folder), before);
  }
  // Through a link to it, or as a folder import's only file: the same.
  symlinkSync(source, join(folder, 'link.referat'));
  const linked = snapshot(folder);
  refused(
    run(['import', folder, '-o', join(folder, 'link.referat'), '--force']),
    join(folder, 'link.referat'),
    /is the source itself/,
    'import FOLDER -o LINK',
  );
  assert.deepEqual(snapshot(folder), linked);
});

test('import -o FOLDER says it is a folder and suggests --out-dir; --out-dir FILE says it is a file: one line each, at once, nothing changed', () => {
  const folder = scratchDir('referat-out-');
  const file = join(folder, 'en-fil.txt');
  writeFileSync(file, 'hendes noter\n');
  mkdirSync(join(folder, 'ud'));
  const source = join(sourcesDir, 'greve-byraadet-2024-10-02.json');
  const before = snapshot(folder);
  refused(
    run(['import', source, '-o', join(folder, 'ud')]),
    join(folder, 'ud'),
    /is a folder; -o names the file, use --out-dir DIR to write into the folder \/ er en mappe; -o navngiver filen, brug --out-dir MAPPE/,
    '-o FOLDER',
  );
  refused(run(['import', source, '--out-dir', file]), file, /is a file, not a folder; --out-dir needs a folder \/ er en fil, ikke en mappe/, '--out-dir FILE');
  refused(run(['import', source, '--out-dir', join(file, 'under')]), join(file, 'under'), /a part of the path is a file, not a folder/, '--out-dir FILE/DIR');
  assert.deepEqual(snapshot(folder), before);
});

test('an out-dir the import made is not left behind when nothing was written; one that was there stays', () => {
  const folder = scratchDir('referat-empty-out-');
  const bad = join(folder, 'side.html');
  writeFileSync(bad, '<!doctype html><html><body><p>Her er ingen møder.</p></body></html>');
  const r = run(['import', bad, '--out-dir', join(folder, 'ny', 'dybere')]);
  assert.equal(r.code, 2);
  assert.deepEqual(readdirSync(folder), ['side.html'], 'the folders made for the run are gone');
  mkdirSync(join(folder, 'findes'));
  assert.equal(run(['import', bad, '--out-dir', join(folder, 'findes', 'ny')]).code, 2);
  assert.deepEqual(readdirSync(folder).sort(), ['findes', 'side.html'], 'a folder that was there before is kept');
  assert.deepEqual(readdirSync(join(folder, 'findes')), []);
});

test('create-referat never writes through a link, not even a dangling one', { skip: !posix }, () => {
  const folder = scratchDir('referat-create-link-');
  const outside = scratchDir('referat-outside-');
  const link = join(folder, 'referat.referat');
  symlinkSync(join(outside, 'nyt.referat'), link);
  refused(run(['create-referat', dagsorden, '-o', link]), link, /already exists; it is not overwritten/, 'a dangling link');
  assert.deepEqual(readdirSync(outside), []);
});

/** The referat's text as UTF-16 with its byte order mark, as Word and Notepad save "Unicode". */
function utf16(text: string, order: 'le' | 'be'): Buffer {
  const le = Buffer.from(text, 'utf16le');
  if (order === 'le') return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
  const be = Buffer.from(le);
  be.swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
}

test('a UTF-16 referat with its byte order mark is read as the same text: checked and rendered as its UTF-8 twin', () => {
  const folder = scratchDir('referat-utf16-');
  const text = readFileSync(join(rulesDir, 'weekday-mismatch.referat'), 'utf8');
  const utf8 = run(['check', join(rulesDir, 'weekday-mismatch.referat')]);
  for (const order of ['le', 'be'] as const) {
    const file = join(folder, `${order}.referat`);
    writeFileSync(file, utf16(text, order));
    const r = run(['check', file]);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout.replaceAll(file, 'F'), utf8.stdout.replaceAll(join(rulesDir, 'weekday-mismatch.referat'), 'F'), order);
    const html = run(['render', file]);
    assert.match(html.stdout, /<h1[^>]*>/, order);
    assert.ok(!html.stdout.includes('\uFEFF') && !html.stdout.includes('\0'), order);
  }
  // Without its byte order mark it is not told from binary, and is not guessed at.
  const bare = join(folder, 'uden-bom.referat');
  writeFileSync(bare, Buffer.from(text, 'utf16le'));
  refused(run(['check', bare]), bare, /binary file/, 'UTF-16 without a BOM');
});

test('decodeReferat: UTF-16 LE and BE with a BOM, the BOM dropped; broken UTF-16 and UTF-32 refused', () => {
  assert.deepEqual(decodeReferat(utf16('REFERAT Møde æøå 😀\n', 'le')), { ok: true, text: 'REFERAT Møde æøå 😀\n', encoding: 'utf-16le' });
  assert.deepEqual(decodeReferat(utf16('REFERAT Møde æøå 😀\n', 'be')), { ok: true, text: 'REFERAT Møde æøå 😀\n', encoding: 'utf-16be' });
  assert.deepEqual(decodeReferat(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])), { ok: true, text: 'A', encoding: 'utf-8-bom' });
  assert.deepEqual(decodeReferat(new Uint8Array([0x41])), { ok: true, text: 'A', encoding: 'utf-8' });
  const odd = decodeReferat(Buffer.concat([utf16('AB', 'le'), Buffer.from([0x41])]));
  assert.ok(!odd.ok && /not valid UTF-16/.test(odd.problem.en));
  // A lone surrogate is not text.
  const lone = decodeReferat(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]));
  assert.ok(!lone.ok && /not valid UTF-16/.test(lone.problem.en));
  const utf32 = decodeReferat(Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00]));
  assert.ok(!utf32.ok && /binary/.test(utf32.problem.en));
});

/** What Windows refuses as a file name: a device's name before the first dot, its reserved characters, a trailing dot or space. */
function windowsRefuses(name: string): boolean {
  const stem = name.split('.')[0]!;
  return (
    /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i.test(stem.trim()) ||
    [...name].some((c) => '<>:"/\\|?*'.includes(c) || c.charCodeAt(0) < 0x20) ||
    /[. ]$/.test(name) ||
    name.length > 255
  );
}

test('an import file name Windows accepts, whatever the body is called', () => {
  const bodies = ['CON', 'con', 'Nul', 'PRN', 'aux', 'COM1', 'com9', 'LPT1', 'lpt9', 'COM¹', 'LPT³', 'CON.txt', 'nul.', 'AUX ', ' prn', 'CONIN$', 'CONOUT$'];
  bodies.push('Udvalg.', 'Udvalg ', 'Udvalg. . ', 'a<b>c:d"e/f\\g|h?i*j', '\u0001\u001f', '...', '   ', 'Æ'.repeat(300), 'Byrådet: "Økonomi" / Plan?');
  for (const body of bodies)
    for (const date of [undefined, '2024-10-02'])
      for (const document of ['referat', 'dagsorden'] as const) {
        const name = meetingFileName(body, date, document, 'kilde');
        assert.ok(!windowsRefuses(name), `${JSON.stringify(body)} ${date} ${document}: ${name}`);
        assert.match(name, /^[a-z0-9-]+\.referat$/, name);
      }
  assert.equal(meetingFileName('CON', undefined, 'referat', 'x'), 'con-referat.referat');
  assert.equal(meetingFileName('NUL', '2024-10-02', 'referat', 'x'), 'nul-2024-10-02.referat');
  assert.equal(meetingFileName('lpt1', undefined, 'dagsorden', 'x'), 'lpt1-dagsorden.referat');
  assert.equal(meetingFileName('', undefined, 'referat', 'aux'), 'aux-referat.referat');
  assert.equal(meetingFileName('Udvalget. ', undefined, 'referat', 'x'), 'udvalget.referat');
});

test('check of a folder: a link to a referat is checked like the file; a folder it cannot read is named, exit 2', { skip: !posix }, () => {
  const ws = scratchDir('referat-check-links-');
  const real = join(ws, 'real.referat');
  copyFileSync(join(rulesDir, 'weekday-mismatch.referat'), real);
  mkdirSync(join(ws, 'lnk'));
  symlinkSync(real, join(ws, 'lnk', 'link.referat'));
  const linked = run(['check', join(ws, 'lnk')]);
  assert.equal(linked.code, 1, linked.stderr);
  assert.match(linked.stdout, /lnk\/link\.referat:3:\d+: error weekday-mismatch/);
  // A folder below that cannot be read (a process without the right: root reads every folder, so as nobody where the system allows it).
  const nobody = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true'], { encoding: 'utf8' });
  if (nobody.status !== 0) return;
  const open = join(ws, 'open');
  mkdirSync(join(open, 'a'), { recursive: true });
  mkdirSync(join(open, 'secret'));
  copyFileSync(join(rulesDir, 'base.ok.referat'), join(open, 'a', 'x.referat'));
  copyFileSync(join(rulesDir, 'base.ok.referat'), join(open, 'secret', 'y.referat'));
  spawnSync('chmod', ['-R', 'a+rX', ws]);
  spawnSync('chmod', ['000', join(open, 'secret')]);
  const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cli, 'check', open], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8' },
    timeout: HANG_MS,
  });
  spawnSync('chmod', ['755', join(open, 'secret')]);
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /secret: permission denied/);
});

test('property: a text encoded as a referat was read is read back as the same text in the same encoding', () => {
  const encodings: readonly ReferatEncoding[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'];
  fc.assert(
    fc.property(
      // No NUL (binary) and no byte order mark of its own at the start (no part of the text).
      fc.string({ unit: 'grapheme', maxLength: 200 }).filter((t) => !t.includes('\0') && !t.startsWith('\ufeff')),
      fc.constantFrom(...encodings),
      (text, encoding) => assert.deepEqual(decodeReferat(encodeReferat(text, encoding)), { ok: true, text, encoding }),
    ),
    { numRuns: 2000 },
  );
});
