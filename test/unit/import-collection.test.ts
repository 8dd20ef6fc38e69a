import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFolder, importSource } from '../../server/src/import/index';
import { sourceFolder } from '../../server/src/import/bundle';
import { parseReferat } from '../../server/src/model/parse';
import { repoRoot, scratchDir } from '../helpers';

/*
 * What is published as a meeting and is none: Greve's questions and answers to the byråd, one
 * item of attachments a year, refused in one line whether closed or still open, while a meeting of
 * the same shape with a word of text or someone attending still imports. And Acadre's index imported alone
 * from the command line, which reads the referat it names beside it.
 */

const QA = join(repoRoot, 'test/fixtures/greve-2022/greve-spoergsmaal-svar-til-byraadet-2022-2025-2022-01-01-5034dee3.json');
const GREVE = join(repoRoot, 'test/fixtures/sources/greve-klima-teknik-og-miljoeudvalget-2024-09-05.json');
const ACADRE = join(repoRoot, 'test/fixtures/systems/acadre-syddjurs-udvalget-for-plan-udvikling-og-kultur-2013-06-20');
const cli = join(repoRoot, 'dist/cli.js');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Json = { Moede: { Afsluttet?: boolean; Moededeltagere?: unknown[] }; Dagsordenpunkter: { Felter: { Html: string }[] }[] };
const qa = (): Json => JSON.parse(readFileSync(QA, 'utf8')) as Json;
const bytes = (data: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(data));

test("Greve's questions and answers to the byråd are no meeting: refused with what they are, in both languages", async () => {
  const r = await importSource(QA, readFileSync(QA));
  if (r.ok) assert.fail(`imported as ${r.meetings.map((m) => m.fileName).join(', ')}`);
  assert.equal(r.problem, 'no-minutes');
  assert.equal(
    r.message.en,
    'The file is no meeting but documents published as one ("Spørgsmål / Svar til Byrådet 2022-2025": 57 attachments, no text, no decision, nobody attending). There are no minutes to import.',
  );
  assert.match(r.message.da, /^Filen er intet møde, men dokumenter udgivet som ét \("Spørgsmål \/ Svar til Byrådet 2022-2025": 57 bilag; /);
  assert.doesNotMatch(r.message.en, /\n/);
});

test('a meeting of the same shape with a word of text, someone attending, or an agenda with a word of text still to be held is imported', async () => {
  const written = qa();
  written.Dagsordenpunkter[0]!.Felter[0]!.Html = '<div><p>Byrådet tager spørgsmål og svar til efterretning.</p></div>';
  const attended = qa();
  attended.Moede.Moededeltagere = [{ Name: 'Pernille Beckmann (V)', Absent: false }];
  const agenda = qa();
  agenda.Moede.Afsluttet = false;
  agenda.Dagsordenpunkter[0]!.Felter[0]!.Html = '<div><p>Byrådet tager spørgsmål og svar til efterretning.</p></div>';
  for (const [name, data, document] of [
    ['with text', written, 'referat'],
    ['attended', attended, 'referat'],
    ['an agenda', agenda, 'dagsorden'],
  ] as const) {
    const r = await importSource('greve.json', bytes(data));
    if (!r.ok) assert.fail(`${name}: ${r.message.en}`);
    assert.deepEqual(
      r.meetings.map((m) => [m.document, m.punkter]),
      [[document, 1]],
      name,
    );
    assert.equal(parseReferat(r.meetings[0]!.text).punkter[0]!.title, 'Spørgsmål/Svar Byrådet 2022', name);
  }
});

test('referat import of a folder with the collection and a meeting: the meeting written, the collection one line on stderr, exit 2', () => {
  const dir = scratchDir('referat-greve-2022-');
  mkdirSync(join(dir, 'kilder'));
  copyFileSync(QA, join(dir, 'kilder/spoergsmaal-svar.json'));
  copyFileSync(GREVE, join(dir, 'kilder/klima.json'));
  const out = join(dir, 'ud');
  const r = run(['import', '--out-dir', out, join(dir, 'kilder')]);
  assert.equal(r.code, 2);
  assert.deepEqual(r.stderr.trimEnd().split('\n'), [
    `${join(dir, 'kilder/spoergsmaal-svar.json')}: The file is no meeting but documents published as one ("Spørgsmål / Svar til Byrådet 2022-2025": 57 attachments, no text, no decision, nobody attending). There are no minutes to import.`,
  ]);
  assert.deepEqual(readdirSync(out), ['klima-teknik-og-miljoeudvalget-2024-09-05.referat']);
  assert.deepEqual(run(['check', out]), { code: 0, stdout: '', stderr: '' });
});

test("referat import of Acadre's index alone reads the referat it names beside it, notes the file that is not there, and the referat checks clean", () => {
  const dir = scratchDir('referat-acadre-index-');
  // The index and its referat, in a folder of their own, the index named on the command line.
  for (const name of readdirSync(ACADRE)) copyFileSync(join(ACADRE, name), join(dir, name));
  const out = join(dir, 'ud');
  const r = run(['import', '--out-dir', out, join(dir, 'XML_1863.xml')]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, `${join(out, 'udvalget-for-plan-udvikling-og-kultur-puk-2013-06-20.referat')}: minutes with 1 item from XML_1863.xml (acadre)\n`);
  assert.equal(r.stderr, `${join(dir, 'XML_1863.xml')}: The Acadre index names 3686423.xml, which is not here; it was passed over.\n`);
  const check = run(['check', '--verbose', out]);
  assert.deepEqual([check.code, check.stdout], [0, '']);
  assert.match(check.stderr, /: minutes, 1 item, dialect acadre \(Acadre\)\n$/);
  // Among four sources, on the import's worker threads, the index reads its referat the same way.
  const many = join(dir, 'many');
  mkdirSync(many);
  const sources = [join(dir, 'XML_1863.xml'), GREVE, join(repoRoot, 'test/fixtures/sources/greve-byraadet-2024-10-02.json'), QA];
  const threaded = run(['import', '--jobs', '2', '--out-dir', many, ...sources]);
  assert.equal(threaded.code, 2, 'the collection is refused');
  assert.ok(existsSync(join(many, 'udvalget-for-plan-udvikling-og-kultur-puk-2013-06-20.referat')), threaded.stderr);
  assert.equal(
    readFileSync(join(many, 'udvalget-for-plan-udvikling-og-kultur-puk-2013-06-20.referat'), 'utf8'),
    readFileSync(join(out, 'udvalget-for-plan-udvikling-og-kultur-puk-2013-06-20.referat'), 'utf8'),
  );
});

test('an empty folder or zip is said to be one, not an empty file', async () => {
  const folder = await importFolder(sourceFolder([]));
  assert.equal(folder.ok, false);
  if (!folder.ok) assert.equal(folder.message.en, 'The folder holds no files that can be imported.');
  const zip = await importFolder(sourceFolder([]), {}, { zip: true });
  if (!zip.ok) assert.equal(zip.message.en, 'The zip holds no files. Download it again.');
  assert.equal(zip.ok, false);
});
