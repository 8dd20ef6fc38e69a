import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeFonts } from '../../server/src/node/fonts';
import { createLanguageService, type ReferatLanguageService, type ReferatDocument } from '../../server/src/service/languageService';
import { defaultPaths } from '../../server/src/service/paths';
import { MemoryWorkspace } from '../../server/src/workspace/memoryWorkspace';
import { repoRoot, rulesDir, scratchDir } from '../helpers';
import { inspectPdf } from './pdfInspect';

/*
 * No CPR number is ever published: the service refuses every public rendering (HTML and PDF) of a
 * referat whose public text holds one, and says where; the internal version is made. A closed
 * punkt may hold one, and its public rendering leaves it out.
 */

const base = readFileSync(join(rulesDir, 'base.ok.referat'), 'utf8');
// Line 26 (0-based 25): an open punkt's Sagsfremstilling.
const openCpr = base.replace(
  'HR-konsulent Ditte Ågård deltager i mødet kl. 10:00.',
  'HR-konsulent Ditte Ågård deltager i mødet kl. 10:00 om borger 010203-1234.',
);
const closedCpr = readFileSync(join(rulesDir, 'cpr-number.closed.ok.referat'), 'utf8');

let version = 0;
const docOf = (text: string, name = 'm.referat'): ReferatDocument => ({ uri: defaultPaths.toUri(`/ws/${name}`), version: ++version, getText: () => text });
function service(files: Record<string, string> = {}, locale: 'da' | 'en' = 'da'): ReferatLanguageService {
  const s = createLanguageService({ workspace: new MemoryWorkspace(files), locale, fonts: nodeFonts });
  s.setRoots(['/ws']);
  return s;
}
const pdfText = async (bytes: Uint8Array): Promise<string> => (await inspectPdf(bytes)).pages.map((p) => p.text).join(' ');

test('a CPR number in an open punkt: an error on its line; public HTML and PDF refused, with where and why; internal made', async () => {
  const s = service();
  const doc = docOf(openCpr);
  const cpr = (await s.findings(doc)).filter((d) => d.code === 'cpr-number');
  assert.deepEqual(
    cpr.map((d) => [d.severity, d.range.start.line, openCpr.split('\n')[d.range.start.line]!.slice(d.range.start.character, d.range.end.character)]),
    [['error', 25, '010203-1234']],
  );
  for (const rendered of [await s.renderHtml(doc, { audience: 'public' }), await s.renderPdf(doc, { audience: 'public' })]) {
    assert.equal(rendered.output, null);
    assert.deepEqual(rendered.refused?.range, cpr[0]!.range);
    assert.match(rendered.refused.message.da, /^Den offentlige udgave laves ikke\. Et CPR-nummer i et åbent punkt/);
    assert.match(rendered.refused.message.en, /^The public version is not made\. A CPR number in an open item/);
    assert.doesNotMatch(JSON.stringify(rendered.refused), /010203/);
  }
  const html = await s.renderHtml(doc, { audience: 'internal' });
  assert.ok(html.output?.includes('010203-1234'), 'the internal HTML is made, as written');
  const pdf = await s.renderPdf(doc, { audience: 'internal' });
  assert.ok(pdf.output && (await pdfText(pdf.output)).includes('010203-1234'), 'the internal PDF is made, as written');
});

test('the refusal holds when referat.yaml switches the rule off, and names the first of several', async () => {
  const s = service({ '/ws/referat.yaml': 'regler:\n  cpr-number: off\n' });
  const text = openCpr.replace('Deltagerkredsen fastholdes.', 'Deltagerkredsen fastholdes for 0505501234.');
  const doc = docOf(text);
  assert.deepEqual(
    (await s.findings(doc)).filter((d) => d.code === 'cpr-number'),
    [],
  );
  const refused = (await s.renderPdf(doc, { audience: 'public' })).refused;
  assert.equal(refused?.range.start.line, 25);
  assert.match(refused.message.da, /\(1 CPR-nummer mere\.\)$/);
});

test("a CPR number in a closed punkt's body: no finding; the public HTML and PDF leave it out, the internal ones have it", async () => {
  const s = service();
  const doc = docOf(closedCpr);
  assert.deepEqual(
    (await s.findings(doc)).map((d) => d.code),
    [],
  );
  assert.equal(await s.publicRefusal(doc), undefined);
  const publicHtml = (await s.renderHtml(doc, { audience: 'public' })).output!;
  assert.ok(publicHtml.includes('Punkt 4: Lukket: Møde med Borgmesteren'));
  assert.ok(!publicHtml.includes('010203'));
  assert.ok((await s.renderHtml(doc, { audience: 'internal' })).output!.includes('010203-1234'));
  const publicPdf = await pdfText((await s.renderPdf(doc, { audience: 'public' })).output!);
  assert.ok(publicPdf.includes('Punkt 4: Lukket: Møde med Borgmesteren'), publicPdf.slice(-200));
  assert.ok(!publicPdf.includes('010203') && !publicPdf.includes('0102031234'), 'not in the public PDF');
  const internalPdf = await pdfText((await s.renderPdf(doc, { audience: 'internal' })).output!);
  assert.ok(internalPdf.includes('010203-1234'), 'in the internal PDF');
});

test('the preview is shown a page saying why, in the display language, with its toolbar and the line to go to', async () => {
  const s = service({}, 'en');
  const doc = docOf(openCpr);
  const rendered = await s.renderHtml(doc, { audience: 'public', locale: 'en' });
  const webview = { cspSource: 'vscode-resource:', nonce: 'n', styleUri: 's', scriptUri: 'j' };
  const page = await s.refusalPage(rendered.refused!, { audience: 'public', locale: 'en', webview });
  assert.match(page, /<html lang="en">/);
  assert.match(page, /<div class="audience" role="toolbar" lang="en"/);
  assert.match(page, /<p data-line="25"><strong>Line 26:<\/strong> The public version is not made\./);
  assert.ok(!page.includes('010203'));
  assert.equal(page.match(/<script\b/g)?.length, 1);
});

const cli = join(repoRoot, 'dist/cli.js');
const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

test('referat render --public refuses a CPR number in an open punkt: exit 2, one line file:line:col, nothing written', () => {
  const dir = scratchDir('referat-cpr-');
  const file = join(dir, 'cpr.referat');
  writeFileSync(file, openCpr);
  for (const out of ['ud.html', 'ud.pdf']) {
    const r = run(['render', file, '--public', '-o', join(dir, out), '--locale', 'en']);
    assert.equal(r.status, 2, out);
    assert.equal(r.stdout, '');
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    const col = openCpr.split('\n')[25]!.indexOf('010203') + 1;
    const at = `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:26:${col}: `;
    // In the language asked for, as the findings are: not both.
    assert.match(lines[0]!, new RegExp(`${at}The public version is not made\\. A CPR number`));
    assert.doesNotMatch(r.stderr, /Den offentlige/);
    const da = run(['render', file, '--public', '-o', join(dir, out), '--locale', 'da']);
    assert.match(da.stderr.trimEnd(), new RegExp(`${at}Den offentlige udgave laves ikke\\. Et CPR-nummer[^/]*$`));
    assert.doesNotMatch(r.stderr, /010203|at .*\.js:\d+/);
    assert.ok(!existsSync(join(dir, out)), `${out} was not written`);
  }
  const stdout = run(['render', file, '--public']);
  assert.equal(stdout.status, 2);
  assert.equal(stdout.stdout, '', 'no page on stdout either');
  // The internal version is made (with the error said on stderr, as for every error).
  const internal = run(['render', file, '-o', join(dir, 'intern.pdf')]);
  assert.equal(internal.status, 0, internal.stderr);
  assert.match(internal.stderr, /cpr|CPR/);
  assert.ok(readFileSync(join(dir, 'intern.pdf')).subarray(0, 5).toString() === '%PDF-');
});
