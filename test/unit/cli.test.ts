import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { checkFile } from '../../server/src/cli/checkFile';
import { COMMANDS } from '../../server/src/cli/commands';
import { usageLine } from '../../server/src/cli/options';
import { nodeHost } from '../../server/src/node/host';
import { createLanguageService } from '../../server/src/service/languageService';
import { join } from 'node:path';
import { repoRoot, rulesDir, corpusDir, scratchDir } from '../helpers';

const dialectsDir = join(repoRoot, 'test/fixtures/dialects');

const cli = join(repoRoot, 'dist/cli.js');

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
before(() => {
  dir = scratchDir('referat-cli-');
  mkdirSync(join(dir, 'arkiv/2023'), { recursive: true });
  copyFileSync(join(corpusDir, 'direktionen-2023-12-07.referat'), join(dir, 'arkiv/2023/direktionen-2023-12-07.referat'));
  copyFileSync(join(rulesDir, 'weekday-mismatch.referat'), join(dir, 'arkiv/defekt.referat'));
  writeFileSync(join(dir, 'arkiv/noter.txt'), 'not a referat');
  writeFileSync(join(dir, 'binary.referat'), Buffer.from([0x52, 0x45, 0x00, 0x01, 0x02]));
  writeFileSync(join(dir, 'latin1.referat'), Buffer.from('REFERAT Direktionen d. 07-12-2023\nMødested R\xe5dhuset\n', 'latin1'));
  writeFileSync(join(dir, 'journal-year.referat'), '');
  copyFileSync(join(rulesDir, 'journal-year.referat'), join(dir, 'journal-year.referat'));
});

test('a clean referat: exit 0, no output', () => {
  const r = run(['check', join(corpusDir, 'direktionen-2019-06-26.referat')]);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, '');
});

test('errors: exit 1 and one line per finding as file:line:col: severity code: message', () => {
  const file = join(rulesDir, 'weekday-mismatch.referat');
  const r = run(['check', '--locale', 'da', file]);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, `${file}:3:10: error weekday-mismatch: 7. december 2023 er en torsdag, ikke en fredag.\n`);
});

test('warnings only: exit 0 but they are printed', () => {
  const r = run(['check', '--locale=en', join(dir, 'journal-year.referat')]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /:\d+:\d+: warning journal-year: The case was opened in 2024, after the meeting in 2023/);
});

test('folders are searched for *.referat, other files are left alone', () => {
  const r = run(['check', join(dir, 'arkiv')]);
  assert.equal(r.code, 1);
  const files = new Set(
    r.stdout
      .trim()
      .split('\n')
      .map((l) => l.split(':')[0]),
  );
  assert.deepEqual([...files], [join(dir, 'arkiv/defekt.referat')]);
});

test('JSON output has 1-based positions and every field', () => {
  const r = run(['check', '--format', 'json', '--locale', 'en', join(rulesDir, 'journal-format.referat')]);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout) as unknown[];
  assert.deepEqual(out, [
    {
      file: join(rulesDir, 'journal-format.referat'),
      dialect: 'sbsys',
      line: 44,
      column: 1,
      endLine: 44,
      endColumn: 16,
      severity: 'error',
      code: 'journal-format',
      message: 'The journal number "00.13.2G01-1-23" is mistyped: the KLE subject must be three two-digit numbers with dots (00.01.00).',
    },
  ]);
});

test('the locale follows LANG when --locale is not given', () => {
  const file = join(rulesDir, 'weekday-mismatch.referat');
  assert.match(run(['check', file], { LANG: 'en_US.UTF-8' }).stdout, /is a Thursday, not a Friday/);
  assert.match(run(['check', file], { LANG: 'da_DK.UTF-8' }).stdout, /er en torsdag, ikke en fredag/);
});

for (const [name, args, pattern] of [
  ['a missing file', () => ['check', join(dir, 'findes-ikke.referat')], /findes-ikke\.referat: no such file or folder/],
  ['a binary file', () => ['check', join(dir, 'binary.referat')], /binary\.referat: binary file/],
  ['a file that is not UTF-8', () => ['check', join(dir, 'latin1.referat')], /latin1\.referat: not valid UTF-8/],
  ['an unknown option', () => ['check', '--fast', 'x'], /unknown option "--fast"/],
  ['an unknown format', () => ['check', '--format', 'xml', 'x'], /unknown format "xml"/],
  ['an option without its value', () => ['check', '--format'], /--format needs a value/],
  ['an unknown locale', () => ['check', '--locale=fr', 'x'], /unknown locale "fr"/],
  ['a bad number of jobs', () => ['check', '--jobs', 'many', 'x'], /--jobs needs a whole number/],
  // Not taken for an option: the value is what is wrong.
  ['a negative number of jobs', () => ['check', '--jobs', '-1', 'x'], /--jobs needs a whole number from 1, not "-1"/],
  ['a value for a switch', () => ['render', '--public=ja', 'x'], /--public takes no value/],
  ['render without its file name after -o', () => ['render', 'x.referat', '-o'], /--output needs a value/],
  ['no path', () => ['check'], /no PATH given/],
  ['an unknown command', () => ['lint', 'x'], /unknown command "lint"/],
] as const) {
  test(`${name}: exit 2 with a clear line, never a stack trace`, () => {
    const r = run(args());
    assert.equal(r.code, 2);
    assert.match(r.stderr, pattern);
    // In English and Danish on the one line: the locale may be what could not be read.
    assert.match(r.stderr.split('\n')[0]!, / \/ \S/, 'the line has its Danish half');
    assert.doesNotMatch(r.stderr, /\bat .*\(.*:\d+:\d+\)/);
  });
}

test('an unreadable file: exit 2 and the other files are still checked', { skip: process.getuid?.() === 0 ? 'root reads every file' : false }, () => {
  const f = join(dir, 'locked.referat');
  writeFileSync(f, 'x');
  chmodSync(f, 0);
  const r = run(['check', f, join(rulesDir, 'weekday-mismatch.referat')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /permission denied/);
  assert.match(r.stdout, /weekday-mismatch/);
});

test('trouble with one file still reports the others, and exits 2', () => {
  const r = run(['check', join(dir, 'binary.referat'), join(rulesDir, 'weekday-mismatch.referat')]);
  assert.equal(r.code, 2);
  assert.match(r.stdout, /weekday-mismatch/);
});

test('a folder of many referater is checked on worker threads, printed in the same order as on one thread', () => {
  const big = scratchDir('referat-cli-many-');
  const sources = readdirSync(rulesDir)
    .filter((f) => f.endsWith('.referat'))
    .sort();
  for (let i = 0; i < 80; i++) copyFileSync(join(rulesDir, sources[i % sources.length]!), join(big, `m${String(i).padStart(3, '0')}.referat`));
  // A file that cannot be read is reported in its place, between the others.
  writeFileSync(join(big, 'm040a.referat'), Buffer.from([0x52, 0x00]));
  for (const format of ['json', 'text']) {
    const parallel = run(['check', '--format', format, '--locale', 'en', '--jobs', '2', big]);
    const single = run(['check', '--format', format, '--locale', 'en', '--jobs', '1', big]);
    assert.equal(parallel.code, 2, 'a file could not be read');
    assert.deepEqual(parallel, single, format);
  }
  // The dialect of each file, on stderr, in the files' order too.
  const verbose = run(['check', '--verbose', '--locale', 'en', '--jobs', '2', big]);
  assert.deepEqual(verbose, run(['check', '--verbose', '--locale', 'en', '--jobs', '1', big]));
  assert.equal(verbose.stderr.split('\n').filter((l) => / dialect /.test(l)).length, 80);
  const findings = JSON.parse(run(['check', '--format', 'json', big]).stdout) as { file: string }[];
  assert.ok(findings.length >= 40, 'the fixtures have findings to compare');
  assert.deepEqual(
    findings.map((f) => f.file),
    [...findings.map((f) => f.file)].sort(),
    "in the files' order",
  );
  assert.equal(run(['check', '--jobs', '0', big]).code, 2);
});

test('the check worker thread gives what the one-thread check gives', async () => {
  const workerFile = join(repoRoot, 'dist/checkWorker.js');
  assert.ok(existsSync(workerFile), 'the build makes dist/checkWorker.js next to dist/cli.js');
  const paths = [join(rulesDir, 'weekday-mismatch.referat'), join(corpusDir, 'direktionen-2023-12-07.referat'), join(dir, 'binary.referat')];
  const worker = new Worker(workerFile, { workerData: { locale: 'da' } });
  const got = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage(paths);
  });
  await worker.terminate();
  const service = createLanguageService({ ...nodeHost(), locale: 'da' });
  assert.deepEqual(got, await Promise.all(paths.map((p) => checkFile(p, service))));
});

test('check --verbose: one line per file on stderr with its kind, its punkter and its dialect (and the referat.yaml that chose it); stdout as without it', () => {
  const ws = scratchDir('referat-cli-verbose-');
  mkdirSync(join(ws, 'syddjurs'));
  copyFileSync(join(corpusDir, 'direktionen-2019-06-26.referat'), join(ws, 'lemvig.referat'));
  copyFileSync(join(dialectsDir, 'rules/edoc/punkt-numbering.referat'), join(ws, 'ballerup.referat'));
  copyFileSync(join(dialectsDir, 'syddjurs-acadre.referat'), join(ws, 'syddjurs/puk.referat'));
  writeFileSync(join(ws, 'syddjurs/referat.yaml'), 'dialekt: acadre\n');
  const en = run(['check', '--verbose', '--locale', 'en', ws]);
  assert.equal(en.code, 1);
  assert.deepEqual(en.stderr.trimEnd().split('\n').sort(), [
    `${join(ws, 'ballerup.referat')}: minutes, 2 items, dialect edoc (eDoc)`,
    `${join(ws, 'lemvig.referat')}: minutes, 6 items, dialect sbsys (SBSYS/KLE (First Agenda PDF, Lemvig))`,
    `${join(ws, 'syddjurs/puk.referat')}: minutes, 1 item, dialect acadre (Acadre), chosen in ${join(ws, 'syddjurs/referat.yaml')}`,
  ]);
  // The findings are what they are without --verbose: a script reading stdout sees no difference.
  const quiet = run(['check', '--locale', 'en', ws]);
  assert.deepEqual([en.stdout, quiet.stderr], [quiet.stdout, '']);
  assert.match(en.stdout, /ballerup\.referat:\d+:\d+: error punkt-numbering/);
  const da = run(['check', '--verbose', '--locale', 'da', join(ws, 'ballerup.referat')]);
  assert.equal(da.stderr, `${join(ws, 'ballerup.referat')}: referat, 2 punkter, dialekt edoc (eDoc)\n`);
  // --format json: each finding names the dialect its file was read in; the verbose lines stay on stderr.
  const json = run(['check', '--format', 'json', '--verbose', '--locale', 'en', join(ws, 'ballerup.referat')]);
  const findings = JSON.parse(json.stdout) as { dialect: string; code: string }[];
  assert.ok(findings.length > 0);
  assert.deepEqual([...new Set(findings.map((f) => f.dialect))], ['edoc']);
  assert.equal(json.stderr.split('\n').length, 2);
});

test('an empty Beslutning is an error: referat check exits 1', () => {
  const r = run(['check', '--locale', 'da', join(rulesDir, 'missing-beslutning.empty.referat')]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /:34:1: error missing-beslutning: Beslutningen i punkt 1 er ikke skrevet/);
});

test('render says on stderr that errors remain, and renders anyway', () => {
  const r = run(['render', '--locale', 'en', join(rulesDir, 'missing-beslutning.empty.referat')]);
  assert.equal(r.code, 0);
  assert.match(r.stderr, /missing-beslutning\.empty\.referat:34:1: 1 error\(s\) remain in the referat/);
  // The stderr line follows --locale; the document is Danish whatever the locale.
  assert.match(r.stdout, /Beslutningen er ikke skrevet\./);
});

test('referat check applies the nearest referat.yaml as the editor does: off in the folder, raised in a sub-folder', () => {
  const ws = scratchDir('referat-cli-yaml-');
  mkdirSync(join(ws, 'udvalg'));
  writeFileSync(join(ws, 'referat.yaml'), 'regler:\n  missing-beslutning: off\n');
  writeFileSync(join(ws, 'udvalg/referat.yaml'), 'regler:\n  journal-year: error\n');
  copyFileSync(join(rulesDir, 'missing-beslutning.referat'), join(ws, 'mangler.referat'));
  copyFileSync(join(rulesDir, 'journal-year.referat'), join(ws, 'år.referat'));
  copyFileSync(join(rulesDir, 'journal-year.referat'), join(ws, 'udvalg/år.referat'));
  const top = run(['check', '--format', 'json', join(ws, 'mangler.referat'), join(ws, 'år.referat')]);
  assert.equal(top.code, 0, 'missing-beslutning is off, journal-year a warning');
  assert.deepEqual(
    (JSON.parse(top.stdout) as { code: string; severity: string }[]).map((f) => `${f.code}:${f.severity}`),
    ['journal-year:warning'],
  );
  const sub = run(['check', '--format', 'json', join(ws, 'udvalg/år.referat')]);
  assert.equal(sub.code, 1, 'journal-year is an error in the sub-folder');
  assert.deepEqual(
    (JSON.parse(sub.stdout) as { code: string; severity: string }[]).map((f) => `${f.code}:${f.severity}`),
    ['journal-year:error'],
  );
});

test("referat check reads referat.yaml's dialect as the editor does, and reports its mistakes at their line and column", () => {
  const ws = scratchDir('referat-cli-dialekt-');
  const referat = [
    'REFERAT Økonomiudvalget d. 03-02-2025',
    '',
    'Mødedato Mandag d. 3. februar 2025 kl. 16:00',
    '',
    'Mødested Byrådssalen',
    '',
    'Punkt 41: Budgetopfølgning',
    '',
    'S2025-00012',
    '',
    'Beslutning',
    '',
    'Taget til efterretning.',
    '',
  ].join('\n');
  writeFileSync(join(ws, 'x.referat'), referat);
  writeFileSync(join(ws, 'referat.yaml'), "dialekt:\n  sagsnummer: 'S(?<år>\\d{4})-\\d{5}'\n  nummerering: løbende\n");
  const ok = run(['check', join(ws, 'x.referat')]);
  assert.deepEqual([ok.code, ok.stdout], [0, '']);
  writeFileSync(join(ws, 'referat.yaml'), "dialekt:\n  sagsnummer: 'S(?<år>\\d{4})-\\d{5}'\n  nummerering: hver gang\n");
  const bad = run(['check', join(ws, 'x.referat')], { LANG: 'en_US.UTF-8' });
  assert.equal(bad.code, 1);
  assert.match(bad.stdout, /referat\.yaml:3:16: error referat-yaml: "hver gang" is not fra-1 \(items numbered 1, 2, 3 …\) or løbende/);
  // The bad numbering is not applied: the minutes are read with numbers from 1.
  assert.match(bad.stdout, /x\.referat:7:\d+: error punkt-numbering/);
  // referat.yaml named on its own is checked as the configuration, not read as a referat.
  const alone = run(['check', join(ws, 'referat.yaml')], { LANG: 'en_US.UTF-8' });
  assert.equal(alone.code, 1);
  assert.match(alone.stdout, /referat\.yaml:3:16: error referat-yaml: "hver gang" is not fra-1/);
  assert.doesNotMatch(alone.stdout, /missing-header|title/i);
  // Named without a folder, from the folder itself, the file and the folder find the same referat.yaml and its mistake.
  for (const args of [
    ['check', 'x.referat'],
    ['check', '.'],
  ]) {
    const here = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: ws, env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8' } });
    assert.equal(here.status, 1, args.join(' '));
    assert.match(here.stdout, /^referat\.yaml:3:16: error referat-yaml: /m, args.join(' '));
  }
});

test('referat create-referat writes the referat beside its dagsorden, never over an existing file', () => {
  const ws = scratchDir('referat-cli-create-');
  const dagsorden = join(ws, 'direktionen-dagsorden-2023-12-07.referat');
  writeFileSync(
    dagsorden,
    [
      'DAGSORDEN Direktionen d. 07-12-2023',
      '',
      'Mødedato Torsdag d. 07. december 2023 kl. 09:00',
      '',
      'Mødested Udvalgsværelse 1, Lemvig Rådhus',
      '',
      'Punkt 1: Deltagerkreds, Lederforum',
      '',
      '81.39.15G01-4-23',
      '',
      'Sagsfremstilling',
      '',
      'Direktionen bedes drøfte deltagerkredsen.',
      '',
      'Bilag',
      '',
      'Liste over medlemmer',
      '',
    ].join('\n'),
  );
  writeFileSync(join(ws, 'referat.yaml'), 'udvalg:\n  - navn: Direktionen\n    medlemmer: [Claus Borg, Lars Borst Hansen]\n');
  const made = run(['create-referat', dagsorden], { LANG: 'en_US.UTF-8' });
  assert.equal(made.code, 0, made.stderr);
  const out = join(ws, 'direktionen-referat-2023-12-07.referat');
  assert.match(made.stdout, /direktionen-referat-2023-12-07\.referat:\d+:1: the referat is created with 1 empty decision to write/);
  const text = readFileSync(out, 'utf8');
  assert.match(text, /^REFERAT Direktionen d\. 07-12-2023$/m);
  assert.match(text, /^Mødedeltagere Claus Borg, Lars Borst Hansen$/m);
  // Once there, it is never overwritten: not by a second run, not with -o.
  writeFileSync(out, 'her står allerede noget');
  const again = run(['create-referat', dagsorden]);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /already exists; it is not overwritten/);
  assert.equal(readFileSync(out, 'utf8'), 'her står allerede noget');
  assert.equal(run(['create-referat', dagsorden, '-o', out]).code, 2);
  // A referat is not a dagsorden.
  const notAgenda = run(['create-referat', join(corpusDir, 'direktionen-2019-06-26.referat'), '-o', join(ws, 'x.referat')], { LANG: 'en_US.UTF-8' });
  assert.equal(notAgenda.code, 2);
  assert.match(notAgenda.stderr, /not an agenda/);
  assert.equal(existsSync(join(ws, 'x.referat')), false);
});

test('referat check --spelling adds the spell check, which never changes the exit code', () => {
  const ws = scratchDir('referat-cli-spelling-');
  const text = readFileSync(join(corpusDir, 'direktionen-2023-12-07.referat'), 'utf8').replace('Deltagerkredsen', 'Deltagerkredsen og klimaskjoldsprojektet');
  writeFileSync(join(ws, 'x.referat'), text);
  const plain = run(['check', join(ws, 'x.referat')]);
  assert.equal(plain.code, 0);
  assert.doesNotMatch(plain.stdout, /spelling/);
  const spelt = run(['check', '--spelling', '--format', 'json', join(ws, 'x.referat')]);
  assert.equal(spelt.code, 0, spelt.stderr);
  const found = (JSON.parse(spelt.stdout) as { code: string; severity: string; message: string }[]).filter((f) => f.code === 'spelling');
  assert.ok(
    found.some((f) => f.message.includes('"klimaskjoldsprojektet"')),
    JSON.stringify(found),
  );
  assert.ok(found.every((f) => f.severity === 'info'));
  // Raised to an error in referat.yaml, a misspelling still leaves the exit code to the other rules.
  writeFileSync(join(ws, 'referat.yaml'), 'regler:\n  spelling: error\n');
  assert.equal(run(['check', '--spelling', join(ws, 'x.referat')]).code, 0);
});

test('referat --version and --help: the version, and every command with one line', () => {
  const v = run(['--version']);
  assert.equal(v.code, 0);
  assert.match(v.stdout, /^referat \d+\.\d+\.\d+\n$/);
  const h = run(['--help'], { LANG: 'en_US.UTF-8' });
  assert.equal(h.code, 0);
  assert.match(h.stdout, /^ {2}check +Check referater/m);
  assert.match(h.stdout, /^ {2}render +Render a referat/m);
  assert.match(h.stdout, /--version/);
  assert.match(run(['--help'], { LANG: 'da_DK.UTF-8' }).stdout, /^ {2}check +Tjek referater/m);
});

test('each referat COMMAND --help is made from the table of subcommands: its usage, what it does and every option with one line', () => {
  for (const c of COMMANDS) {
    const en = run([c.name, '--help'], { LANG: 'en_US.UTF-8' });
    assert.equal(en.code, 0, en.stderr);
    assert.ok(en.stdout.startsWith(`usage: ${usageLine(c)}\n\n${c.summary.en}\n`), en.stdout);
    for (const [name, o] of Object.entries(c.options)) assert.match(en.stdout, new RegExp(`--${name}\\b.* ${o.help.en.replace(/[()|.]/g, '\\$&')}$`, 'm'));
    const da = run([c.name, '-h', '--locale', 'da']);
    for (const o of Object.values(c.options)) assert.ok(da.stdout.includes(o.help.da), `${c.name}: ${o.help.da}`);
    // A usage mistake names the command and its usage line.
    const wrong = run([c.name, '--no-such-option']);
    assert.equal(wrong.code, 2);
    assert.ok(wrong.stderr.includes(`referat ${c.name}: `) && wrong.stderr.includes(`usage: ${usageLine(c)}\n`), wrong.stderr);
  }
  // The README's usage lines are the table's.
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  for (const c of COMMANDS) assert.ok(readme.includes(`\n${usageLine(c)}\n`), `README lacks ${usageLine(c)}`);
});
