import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReferat } from '../../server/src/core';
import { documentSymbols } from '../../server/src/features/symbols';
import { repoRoot, scratchDir } from '../helpers';
import { makePdf, pdfFixtureDir, scannedPage, sourcesDir } from '../pdfFixtures';

/*
 * `referat import` as a secretary runs it: the built CLI, with no PDF tool on the PATH (only the
 * folder node itself is in), on the published sources and on every kind of bad input.
 */
const cli = join(repoRoot, 'dist/cli.js');
/** A PATH with node alone on it: no pdftotext, no poppler, nothing but the runtime. */
const nodeOnly = scratchDir('referat-path-');
symlinkSync(process.execPath, join(nodeOnly, 'node'));
const bare = { PATH: nodeOnly, LANG: 'en_US.UTF-8' };

function run(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: bare, cwd, timeout: 240_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const PUNKTER: Record<string, number> = {
  'aarhus-byraad-2025-08-27.referat': 21,
  'teknisk-udvalg-2025-10-01.referat': 6,
  'aarhus-byraad-dagsorden-2025-10-08.referat': 33,
  'byraad-2022-2025-2024-10-02.referat': 15,
  'klima-teknik-og-miljoeudvalget-2024-09-05.referat': 12,
  'beskaeftigelses-og-erhvervsudvalget-2024-11-18.referat': 13,
  'sundheds-og-forebyggelsesudvalget-2012-12-04.referat': 8,
  'kmb-it-udvalget-dagsorden-2013-05-15.referat': 5,
  'udvalget-for-plan-udvikling-og-kultur-puk-2013-06-20.referat': 1,
};

test('no PDF tool is on the PATH the import runs with', () => {
  for (const tool of ['pdftotext', 'pdfinfo', 'mutool', 'qpdf', 'gs'])
    assert.notEqual(spawnSync('/bin/sh', ['-c', `command -v ${tool}`], { env: bare }).status, 0, `${tool} is reachable`);
});

test('every published source imports (exit 0), checks with zero errors and warnings, and has every punkt in its outline', () => {
  const out = scratchDir('referat-import-');
  const r = run(['import', '--out-dir', out, sourcesDir]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.deepEqual(readdirSync(out).sort(), Object.keys(PUNKTER).sort());
  // One line per referat written: where, what, how many punkter.
  assert.equal(r.stdout.trim().split('\n').length, 9);
  assert.match(r.stdout, /aarhus-byraad-2025-08-27\.referat: minutes with 21 items from aarhus-byraadet-2025-08-27\.pdf \(first-agenda-pdf\)/);
  const check = run(['check', out]);
  assert.equal(check.code, 0, check.stdout);
  assert.equal(check.stdout, '');
  for (const [file, n] of Object.entries(PUNKTER)) {
    const symbols = documentSymbols(parseReferat(readFileSync(join(out, file), 'utf8'))).filter((s) => s.name.startsWith('Punkt '));
    assert.equal(symbols.length, n, file);
  }
});

test('one source beside itself, or to -o; the same again is refused and the file left as it was, --force replaces it', () => {
  const dir = scratchDir('referat-import-');
  const source = join(dir, 'greve-byraadet-2024-10-02.json');
  copyFileSync(join(sourcesDir, 'greve-byraadet-2024-10-02.json'), source);
  const first = run(['import', source]);
  assert.equal(first.code, 0, first.stderr);
  const target = join(dir, 'byraad-2022-2025-2024-10-02.referat');
  assert.ok(existsSync(target));
  writeFileSync(target, 'her har hun skrevet\n');
  const again = run(['import', source]);
  assert.equal(again.code, 2);
  assert.equal(again.stderr.trim().split('\n').length, 1);
  assert.match(again.stderr, /already exists.*--force/);
  assert.equal(readFileSync(target, 'utf8'), 'her har hun skrevet\n');
  const forced = run(['import', '--force', source]);
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(readFileSync(target, 'utf8'), /^REFERAT Byråd 2022-2025 d\. 02-10-2024\n/);
  const named = run(['import', source, '-o', join(dir, 'byrådet.referat')]);
  assert.equal(named.code, 0, named.stderr);
  assert.ok(existsSync(join(dir, 'byrådet.referat')));
});

/** Each kind of bad input, as a file in a folder of its own. */
function badInputs(): Record<string, Uint8Array | string> {
  const pdf = readFileSync(join(sourcesDir, 'ballerup-sundheds-og-forebyggelsesudvalget-2012-12-04.pdf'));
  const corrupt = Buffer.from(pdf);
  corrupt.fill(0x41, 2000, 60_000);
  return {
    'afbrudt.pdf': pdf.subarray(0, pdf.length >> 1),
    'beskadiget.pdf': Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5000, 0x78), Buffer.from('\n%%EOF\n')]),
    'kodeord.pdf': readFileSync(join(pdfFixtureDir, 'password.pdf')),
    'scannet.pdf': makePdf([scannedPage, scannedPage]),
    'side.html': '<!doctype html><html><body><h1>Velkommen</h1><p>Her er ingen møder.</p></body></html>',
    'data.json': '{"Udvalg": {"Navn": "Byrådet"}, "Moede": {}}',
    'feed.xml': '<?xml version="1.0"?><rss><channel><title>Nyheder</title></channel></rss>',
    'tom.pdf': '',
  };
}

const EXPECT: Record<string, RegExp> = {
  'afbrudt.pdf': /damaged or incomplete/,
  'beskadiget.pdf': /damaged or incomplete/,
  'kodeord.pdf': /password/,
  'scannet.pdf': /no text.*scanned pages need text recognition/,
  'side.html': /holds no minutes/,
  'data.json': /holds no minutes/,
  'feed.xml': /holds no minutes/,
  'tom.pdf': /empty/,
};

test('bad input: one clear line each, exit 2, no stack trace, nothing written', () => {
  for (const [name, bytes] of Object.entries(badInputs())) {
    const dir = scratchDir('referat-bad-');
    writeFileSync(join(dir, name), bytes);
    const r = run(['import', join(dir, name)]);
    assert.equal(r.code, 2, `${name}: ${r.stdout}${r.stderr}`);
    assert.equal(r.stdout, '', name);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, `${name}: ${r.stderr}`);
    assert.match(lines[0]!, new RegExp(`^${join(dir, name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `), name);
    assert.match(lines[0]!, EXPECT[name]!, name);
    assert.doesNotMatch(r.stderr, /\n\s+at |Error:|TypeError/, name);
    assert.deepEqual(readdirSync(dir), [name], `${name}: a file was written`);
  }
});

test('a folder import reports each bad file and imports the others; in Danish with --locale da', () => {
  const dir = scratchDir('referat-folder-');
  mkdirSync(join(dir, 'pdf'));
  for (const [name, bytes] of Object.entries(badInputs())) writeFileSync(join(dir, name), bytes);
  copyFileSync(join(sourcesDir, 'syddjurs-udvalget-for-plan-udvikling-og-kultur-2013-06-20.pdf'), join(dir, 'pdf', 'syddjurs.pdf'));
  copyFileSync(join(sourcesDir, 'aarhus-teknisk-udvalg-2025-10-01.html'), join(dir, 'teknisk.html'));
  writeFileSync(join(dir, 'noter.txt'), 'ikke en kilde');
  const out = join(dir, 'ud');
  const r = run(['import', '--locale', 'da', '--out-dir', out, dir]);
  assert.equal(r.code, 2);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, Object.keys(EXPECT).length, r.stderr);
  // Told in the folder's order, though its threads take the largest files first.
  const named = lines.map((l) => l.slice(0, l.indexOf(': ')));
  assert.deepEqual(named, [...named].sort(), r.stderr);
  assert.ok(lines.some((l) => /kodeord\.pdf: PDF-filen er beskyttet med en adgangskode/.test(l)));
  assert.ok(lines.some((l) => /scannet\.pdf: .*tekstgenkendelse/.test(l)));
  assert.deepEqual(readdirSync(out).sort(), ['teknisk-udvalg-2025-10-01.referat', 'udvalget-for-plan-udvikling-og-kultur-puk-2013-06-20.referat']);
  assert.match(r.stdout, /referat med 6 punkter fra teknisk\.html/);
});

test('usage: no source, -o with several, -o and --out-dir together: exit 2 and the usage', () => {
  for (const args of [['import'], ['import', sourcesDir, '-o', 'x.referat'], ['import', 'a.pdf', '-o', 'x.referat', '--out-dir', 'd']]) {
    const r = run(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /usage: referat import SOURCE/);
  }
  const missing = run(['import', join(tmpdir(), 'findes-ikke.pdf')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /findes-ikke\.pdf: no such file/);
  assert.match(run(['--help']).stdout, /import +Import published minutes/);
});
