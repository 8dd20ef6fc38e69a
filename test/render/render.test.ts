import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { bodyMarkdown, parseReferat, renderHtml } from '../../server/src/core';
import { pdfText } from '../../server/src/render/pdf';
import { corpusFiles, repoRoot, scratchDir } from '../helpers';

const snapshots = join(repoRoot, 'test/render/__snapshots__');
const fixtures = join(repoRoot, 'test/fixtures/render');

/** The text a reader sees: tags removed, entities decoded, white space folded. */
function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
const fold = (s: string): string => s.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();

/** The stylesheet a standalone page inlines; the snapshots hold a marker in its place, not its lines. */
const stylesheet = readFileSync(join(repoRoot, 'media/preview.css'), 'utf8');
const STYLESHEET_MARKER = '<style>/* media/preview.css */</style>';
function withoutStylesheet(html: string): string {
  const inlined = `<style>${stylesheet}</style>`;
  assert.equal(html.split(inlined).length - 1, 1, 'the page inlines media/preview.css once');
  return html.replace(inlined, STYLESHEET_MARKER);
}

test('a standalone page inlines exactly media/preview.css, in its one style element', () => {
  for (const audience of ['internal', 'public'] as const) {
    const html = renderHtml(parseReferat(corpusFiles()[0]!.text), { audience });
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    assert.deepEqual(styles, [stylesheet]);
    assert.ok(html.indexOf('<style>') < html.indexOf('</head>'), 'the style sits in the head');
  }
});

for (const c of corpusFiles()) {
  for (const audience of ['internal', 'public'] as const) {
    test(`snapshot: ${c.name} (${audience})`, () => {
      const html = withoutStylesheet(renderHtml(parseReferat(c.text), { audience }));
      const file = join(snapshots, `${c.name.replace(/\.referat$/, '')}.${audience}.html`);
      if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(file)) {
        mkdirSync(snapshots, { recursive: true });
        writeFileSync(file, html);
        if (process.env.CI) assert.fail(`snapshot ${file} was missing; run the tests locally and commit it`);
      }
      assert.equal(html, readFileSync(file, 'utf8'));
    });
  }

  test(`${c.name}: every punkt, journal number and decision appears in the internal rendering`, () => {
    const r = parseReferat(c.text);
    const text = visibleText(renderHtml(r, { audience: 'internal' }));
    for (const p of r.punkter) {
      assert.ok(text.includes(fold(`Punkt ${p.number}: ${p.title}`)), `punkt ${p.number}`);
      if (p.journal?.kind === 'valid') assert.ok(text.includes(p.journal.journal.text), `journal ${p.journal.journal.text}`);
      for (const s of p.sections.filter((x) => x.kind === 'beslutning')) {
        for (const line of bodyMarkdown(s.body).split('\n').filter(Boolean)) {
          const words = fold(line.replace(/^[-*]\s+/, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'));
          assert.ok(text.includes(words), `decision text "${words}"`);
        }
      }
    }
  });
}

test('one h1, landmarks, lang="da", and a heading hierarchy without jumps', () => {
  const html = renderHtml(parseReferat(corpusFiles()[2]!.text), { audience: 'internal' });
  assert.equal(html.match(/<h1\b/g)?.length, 1);
  assert.match(html, /<html lang="da">/);
  for (const landmark of ['<header', '<nav', '<main']) assert.ok(html.includes(landmark), landmark);
  const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
  for (let i = 1; i < levels.length; i++) assert.ok(levels[i]! <= levels[i - 1]! + 1, `h${levels[i - 1]} followed by h${levels[i]}`);
  assert.match(html, /@page \{\s*size: A4/);
});

test("public rendering: not one character of a closed punkt's content, anywhere in the output", () => {
  const text = readFileSync(join(fixtures, 'closed-secret.referat'), 'utf8');
  const internal = renderHtml(parseReferat(text), { audience: 'internal' });
  const pub = renderHtml(parseReferat(text), { audience: 'public' });
  const secrets = [...text.matchAll(/HEMMELIG[A-Z]+/g)].map((m) => m[0]);
  assert.equal(secrets.length, 8);
  for (const s of secrets) {
    assert.ok(!pub.includes(s), `${s} leaked into the public rendering`);
    assert.ok(!pub.toLowerCase().includes(s.toLowerCase().slice(8)), `${s} leaked in another case`);
  }
  assert.ok(internal.includes('HEMMELIGHEDZULU'), 'the internal version has the content');
  // What the public may see of it: heading and journal number.
  assert.ok(pub.includes('Punkt 2: Lukket: Personalesag'));
  assert.ok(pub.includes('81.39.15G01-4-23'));
  assert.ok(pub.includes('Offentlig tekst om budgettet.'));
  // No source line of the closed punkt's body is referenced either: its heading is line 18, its journal number line 20.
  const lines = [...pub.matchAll(/data-line="(\d+)"/g)].map((m) => Number(m[1]));
  assert.deepEqual(
    lines.filter((l) => l > 20),
    [],
  );
  assert.ok(lines.includes(18) && lines.includes(20));
});

test('hostile text stays text: no script, event handler, javascript: link, iframe or remote image', () => {
  const html = renderHtml(parseReferat(readFileSync(join(fixtures, 'hostile.referat'), 'utf8')), { audience: 'internal' });
  const body = html.slice(html.indexOf('<body>'));
  assert.doesNotMatch(body, /<script\b/i);
  assert.doesNotMatch(body, /<iframe\b/i);
  assert.doesNotMatch(body, /<img\b/i);
  assert.doesNotMatch(body, /<svg\b/i);
  assert.doesNotMatch(body, /<b\b/i);
  // Event handlers: none inside any tag (as escaped text they are harmless and shown as written).
  assert.doesNotMatch(body, /<[^>]*\son[a-z]+\s*=/i);
  assert.doesNotMatch(body, /href="javascript:/i);
  assert.doesNotMatch(body, /src="https:\/\/evil/);
  assert.match(body, /<a href="mailto:sekretariat@lemvig\.dk">mail<\/a>/);
  assert.match(body, /<a href="https:\/\/www\.lemvig\.dk">web<\/a>/);
  assert.match(body, /&lt;script&gt;window.__pwned = &quot;script&quot;&lt;\/script&gt;/);
});

test('rows set out with tabs are a table: cells apart at each run of tabs, figures to the right, no header made up; one such line, a list and markup stay as they are', () => {
  const source = readFileSync(join(fixtures, 'pdf-body.referat'), 'utf8').replace(
    'Beløbet er fordelt således:',
    'Beløbet er fordelt således:\n\n- Punkt\tmed tabulator\n- Et andet\tpunkt\n\nUneven\tB\tC\nKort\t**fed** <b>\n',
  );
  const html = renderHtml(parseReferat(source), { audience: 'internal' });
  const tables = [...html.matchAll(/<table class="tab-table"[^>]*>([\s\S]*?)<\/table>/g)].map((m) =>
    [...m[1]!.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<td([^>]*)>([\s\S]*?)<\/td>/g)].map((c) => `${c[1]!.trim()}|${c[2]}`)),
  );
  assert.deepEqual(tables, [
    // A row of fewer cells is filled out; markup in a cell is read as in any text, HTML stays text.
    [
      ['|Uneven', '|B', '|C'],
      ['|Kort', '|<strong>fed</strong> &lt;b&gt;', '|'],
    ],
    [
      ['|Bornholms Hospital', 'class="align-right"|1,80'],
      ['|Herlev Hospital', 'class="align-right"|14,10'],
      ['|I alt', 'class="align-right"|15,90'],
    ],
  ]);
  assert.doesNotMatch(html, /<th\b[^>]*>(?:Bornholms|Uneven)/);
  // Each row carries its source line, as a block does: a double-click on a row in the preview reveals that row.
  const lineOf = (cell: string): number => Number(new RegExp(`<tr data-line="(\\d+)">\\s*<td[^>]*>${cell}<`).exec(html)?.[1]);
  const sourceLine = (start: string): number => source.split('\n').findIndex((l) => l.startsWith(start));
  assert.equal(lineOf('Kort'), sourceLine('Kort\t'));
  assert.equal(lineOf('Uneven'), sourceLine('Uneven\t'));
  // The pipe table's `---:` is a class too: the preview's policy allows no style attribute.
  assert.match(html, /<td class="align-right">3\.400\.000 kr\.<\/td>/);
  assert.doesNotMatch(html.slice(html.indexOf('<body>')), /style="/);
  assert.match(html, /<li[^>]*>Punkt\tmed tabulator<\/li>/);
  assert.match(html, /Formand:\tÉn linje med en tabulator er tekst\./);
});

test('rows set out with tabs: a first row that names a column of figures below it is the header; a column mostly of figures is set right', () => {
  const base = readFileSync(join(fixtures, 'pdf-body.referat'), 'utf8');
  const cellsOf = (rows: string): string[][][] => {
    const html = renderHtml(parseReferat(base.replace('Beløbet er fordelt således:', `Tabellen:\n\n${rows}\n`)), { audience: 'internal' });
    return [...html.matchAll(/<table class="tab-table"[^>]*>([\s\S]*?)<\/table>/g)].map((m) =>
      [...m[1]!.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) =>
        [...r[1]!.matchAll(/<(t[hd])([^>]*)>([\s\S]*?)<\/t[hd]>/g)].map((c) => `${c[1]}${c[2]!.includes('align-right') ? '>' : ''}:${c[3]}`),
      ),
    );
  };
  // Greve's budget: a header of years, a column of amounts with a word among them.
  assert.deepEqual(
    cellsOf('Budget i kr.\t2022\t2023\nTryghed\t-810.551\t-810.551\nIndsats 1\t10.000\tAfklares\nIndsats 2\t0\t0\nTotal\t-800.551\t-810.551')[0],
    [
      ['th:Budget i kr.', 'th>:2022', 'th>:2023'],
      ['td:Tryghed', 'td>:-810.551', 'td>:-810.551'],
      ['td:Indsats 1', 'td>:10.000', 'td>:Afklares'],
      ['td:Indsats 2', 'td>:0', 'td>:0'],
      ['td:Total', 'td>:-800.551', 'td>:-810.551'],
    ],
  );
  // A header of words over amounts.
  assert.deepEqual(cellsOf('Projektnavn\tOverslag i 1.000 kr.\nByggeri\t1.790\nRådgiver (10%)\t160')[0]![0], ['th:Projektnavn', 'th>:Overslag i 1.000 kr.']);
  // No column of figures: no header, nothing set right.
  assert.deepEqual(cellsOf('Formand:\tAnne Hansen\nNæstformand:\tBo Jensen')[0], [
    ['td:Formand:', 'td:Anne Hansen'],
    ['td:Næstformand:', 'td:Bo Jensen'],
  ]);
  // A first row with an amount in it is a row of the table.
  assert.deepEqual(cellsOf('Bornholms Hospital\t1,80\nI alt\t99,92')[0]![0], ['td:Bornholms Hospital', 'td>:1,80']);
  // Greve's timetable: rows that begin with a date as a list's item would (`10. august`) are rows of the table under `Dato⇥Aktivitet`.
  assert.deepEqual(cellsOf('Dato\tAktivitet\n10. august\tHøring sendes ud\n1.-2. september\tBudgetforhandlinger\n3. oktober\t2. behandling')[0], [
    ['td:Dato', 'td:Aktivitet'],
    ['td:10. august', 'td:Høring sendes ud'],
    ['td:1.-2. september', 'td:Budgetforhandlinger'],
    ['td:3. oktober', 'td:2. behandling'],
  ]);
  // A road fund's disposal, its lines begun with a dash in the source, and its rest: one table, the dashes shown.
  assert.deepEqual(cellsOf('- Asfalt\t-5.500\n- Renovering af broer\t-1.475\nRest til fordeling\t2.775')[0], [
    ['td:- Asfalt', 'td>:-5.500'],
    ['td:- Renovering af broer', 'td>:-1.475'],
    ['td:Rest til fordeling', 'td>:2.775'],
  ]);
  // Rows that all begin as a list's items are that list, and a marker alone before the tab sets out an item.
  const fixtureOnly = cellsOf('Ingen tabel her.');
  assert.deepEqual(cellsOf('- Asfalt\t-5.500\n- Broer\t-1.475'), fixtureOnly);
  assert.deepEqual(cellsOf('Indhold\tSide\n1.\tIndledning\n2.\tBaggrund'), fixtureOnly);
  // Greve's turnout: the header lost its empty corner above the years; its names head the columns to the right.
  assert.deepEqual(cellsOf('Greve Kommune\tHele Danmark\n2021\t65,4\t67,2\n2017\t71,3\t70,8\n2013\t74,2\t71,9')[0], [
    ['th>:', 'th>:Greve Kommune', 'th>:Hele Danmark'],
    ['td>:2021', 'td>:65,4', 'td>:67,2'],
    ['td>:2017', 'td>:71,3', 'td>:70,8'],
    ['td>:2013', 'td>:74,2', 'td>:71,9'],
  ]);
  // An imported table's empty cells (a non-breaking space each): empty, in their columns, and no figure among figures.
  assert.deepEqual(cellsOf('\u00a0\tAntal\tVarighed i %\n2020\tHele landet\t35.912\n\u00a0\tGreve\t225\nI alt\t\u00a0\t36.137')[0], [
    ['th:\u00a0', 'th:Antal', 'th>:Varighed i %'],
    ['td:2020', 'td:Hele landet', 'td>:35.912'],
    ['td:\u00a0', 'td:Greve', 'td>:225'],
    ['td:I alt', 'td:\u00a0', 'td>:36.137'],
  ]);
  // Below rows of amounts in the first column, or rows of different widths, a short first row keeps its place.
  assert.deepEqual(cellsOf('Drift\tAnlæg\n100\t200\t300\n400\t500\t600')[0]![0], ['th>:Drift', 'th>:Anlæg', 'th>:']);
  assert.deepEqual(cellsOf('Område\tBeløb\nSkoler\t1.000\t(ny)\nVeje\t2.000')[0]![0], ['th:Område', 'th>:Beløb', 'th:']);
});

test('rows set out with tabs by the hundred thousand are one table: the rendering takes them, as it takes any text', () => {
  const rows = Array.from({ length: 200_000 }, (_, i) => `Række ${i}\t${i}`).join('\n');
  const source = readFileSync(join(fixtures, 'pdf-body.referat'), 'utf8').replace('Beløbet er fordelt således:', `Tabellen:\n\n${rows}\n`);
  const html = renderHtml(parseReferat(source), { audience: 'internal' });
  assert.equal(html.match(/<tr[ >]/g)?.length, 200_000 + 2 + 3, "every row, beside the pipe table's two and the hospitals' three");
});

test('the webview version uses a strict CSP with a nonce and only the given stylesheet and script', () => {
  const html = renderHtml(parseReferat(corpusFiles()[0]!.text), {
    audience: 'internal',
    webview: { cspSource: 'vscode-resource:', nonce: 'abc123', styleUri: 'vscode-resource:/media/preview.css', scriptUri: 'vscode-resource:/media/preview.js' },
  });
  assert.match(html, /content="default-src 'none'; style-src vscode-resource: 'nonce-abc123'; script-src 'nonce-abc123';/);
  assert.match(html, /<script nonce="abc123" src="vscode-resource:\/media\/preview.js"><\/script>/);
  assert.equal(html.match(/<script\b/g)?.length, 1);
  assert.doesNotMatch(html, /https?:\/\//);
});

test("the document's labels are Danish whatever the display language; only the preview's toolbar follows it, marked with lang", () => {
  const referat = parseReferat(readFileSync(join(fixtures, 'pdf-body.referat'), 'utf8'));
  const webview = { cspSource: 'vscode-resource:', nonce: 'n', styleUri: 's', scriptUri: 'j' };
  const en = renderHtml(referat, { audience: 'public', locale: 'en', webview });
  const da = renderHtml(referat, { audience: 'public', locale: 'da', webview });
  const documentPart = (html: string): string => visibleText(html.slice(html.indexOf('</div>', html.indexOf('class="audience"'))));
  assert.equal(documentPart(en), documentPart(da), 'the document is the same in both display languages');
  for (const label of ['Mødedato', 'Mødested', 'Mødedeltagere', 'Afbud', 'Indholdsfortegnelse', 'Udgave', 'Offentlig udgave: lukkede punkter', 'Journalnr.'])
    assert.ok(documentPart(en).includes(label), label);
  for (const english of ['Meeting date', 'Place', 'Attendees', 'Absent', 'Contents', 'Journal no.', 'Closed item'])
    assert.ok(!visibleText(en).includes(english), english);
  assert.match(en, /<html lang="da">/);
  assert.match(en, /<div class="audience" role="toolbar" lang="en" aria-label="Version"><button[^>]*>Internal<\/button><button[^>]*>Public<\/button><\/div>/);
  assert.match(da, /<div class="audience" role="toolbar" lang="da" aria-label="Udgave"><button[^>]*>Intern<\/button><button[^>]*>Offentlig<\/button><\/div>/);
  // A decision not written is said in the document's language too.
  const missing = renderHtml(parseReferat('REFERAT Direktionen d. 07-12-2023\n\nPunkt 1: Sag\n\n00.01.00I00-1-23\n\nSagsfremstilling\n\nTekst.\n'), {
    audience: 'internal',
    locale: 'en',
  });
  assert.match(missing, /<h3>Beslutning<\/h3>\n<p class="missing-decision" role="note">Beslutningen er ikke skrevet\.<\/p>/);
});

const cli = join(repoRoot, 'dist/cli.js');
const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

test('referat render: stdout, -o, --public, and clear errors with exit 2', () => {
  const file = join(repoRoot, 'test/fixtures/corpus/direktionen-2019-06-26.referat');
  const stdout = run(['render', file]);
  assert.equal(stdout.status, 0);
  assert.match(stdout.stdout, /^<!DOCTYPE html>/);
  const dir = scratchDir('referat-render-');
  const out = join(dir, 'ud.html');
  const r = run(['render', join(fixtures, 'closed-secret.referat'), '-o', out, '--public']);
  assert.equal(r.status, 0);
  assert.equal(r.stdout, '');
  assert.ok(!readFileSync(out, 'utf8').includes('HEMMELIG'));
  const missing = run(['render', join(dir, 'findes-ikke.referat')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /findes-ikke\.referat: no such file/);
  const bad = run(['render', file, '-o', join(dir, 'mappe/findes/ikke/x.html')]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /x\.html: no such folder \/ mappen findes ikke/);
  assert.equal(run(['render']).status, 2);
  assert.equal(run(['render', file, '--pdf']).status, 2);
});

test('referat render --locale en: the trouble lines in English, the document in Danish', () => {
  const r = run(['render', join(repoRoot, 'test/fixtures/corpus/direktionen-2019-06-26.referat'), '--locale', 'en']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /<dt>Mødedato<\/dt>/);
  assert.match(r.stdout, /<h2 id="toc-heading">Indholdsfortegnelse<\/h2>/);
  assert.doesNotMatch(r.stdout, /Meeting date|Contents/);
});

test('referat render -o OUT.pdf: the format from the extension, --format over it; a PDF needs -o', () => {
  const file = join(repoRoot, 'test/fixtures/corpus/direktionen-2023-12-07.referat');
  const dir = scratchDir('referat-render-pdf-');
  const pdf = run(['render', file, '-o', join(dir, 'ud.pdf'), '--public']);
  assert.equal(pdf.status, 0, pdf.stderr);
  assert.equal(pdf.stdout, '');
  assert.equal(readFileSync(join(dir, 'ud.pdf')).subarray(0, 5).toString(), '%PDF-');
  assert.equal(run(['render', file, '-o', join(dir, 'ud.bin'), '--format', 'pdf']).status, 0);
  assert.equal(readFileSync(join(dir, 'ud.bin')).subarray(0, 5).toString(), '%PDF-');
  assert.equal(run(['render', file, '-o', join(dir, 'side.pdf'), '--format', 'html']).status, 0);
  assert.match(readFileSync(join(dir, 'side.pdf'), 'utf8'), /^<!DOCTYPE html>/);
  const noOut = run(['render', file, '--format', 'pdf']);
  assert.equal(noOut.status, 2);
  assert.equal(noOut.stdout, '');
  assert.match(
    noOut.stderr,
    /^referat render: a PDF needs -o FILE \/ en PDF skal have -o FIL\nusage: referat render FILE \[-o OUT\.html\|OUT\.pdf\|OUT\.json\]/,
  );
  const badFormat = run(['render', file, '--format', 'docx', '-o', join(dir, 'x.docx')]);
  assert.equal(badFormat.status, 2);
  assert.match(badFormat.stderr, /unknown format "docx" \(html, pdf or json\)/);
  assert.ok(!existsSync(join(dir, 'x.docx')));
  assert.match(run(['render', '--help']).stdout, /--format html\|pdf/);
});

test('referat render to PDF from the bundles as installed (dist/cli.js, dist/cli-main.js, dist/pdf.js, server/data/fonts), far from node_modules', () => {
  const dir = scratchDir('referat-installed-');
  mkdirSync(join(dir, 'dist'));
  mkdirSync(join(dir, 'server/data/fonts'), { recursive: true });
  for (const f of ['cli.js', 'cli-main.js', 'pdf.js']) copyFileSync(join(repoRoot, 'dist', f), join(dir, 'dist', f));
  const file = join(repoRoot, 'test/fixtures/corpus/direktionen-2019-06-26.referat');
  // Without the fonts: one line, exit 2, no stack trace, no file.
  const bare = spawnSync(process.execPath, [join(dir, 'dist/cli.js'), 'render', file, '-o', join(dir, 'a.pdf')], { encoding: 'utf8', cwd: dir });
  assert.equal(bare.status, 2);
  assert.match(bare.stderr, /^referat render: internal error: PDF fonts not found: no server\/data\/fonts\/SourceSans3-Regular\.ttf above .* \/ intern fejl: /);
  assert.equal(bare.stderr.trimEnd().split('\n').length, 1);
  assert.ok(!existsSync(join(dir, 'a.pdf')));
  for (const f of readdirSync(join(repoRoot, 'server/data/fonts'))) copyFileSync(join(repoRoot, 'server/data/fonts', f), join(dir, 'server/data/fonts', f));
  const r = spawnSync(process.execPath, [join(dir, 'dist/cli.js'), 'render', file, '-o', join(dir, 'a.pdf')], { encoding: 'utf8', cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(join(dir, 'a.pdf')).subarray(0, 5).toString(), '%PDF-');
});

test('the rendering shows the text as written: a wrong weekday is not corrected, indentation is no code, a dagsorden lacks no decision, members are members', () => {
  const base = readFileSync(join(repoRoot, 'test/fixtures/rules/base.ok.referat'), 'utf8');
  const wrong = base.replace('Torsdag d. 07. december 2023', 'Onsdag d. 07. december 2023');
  const html = renderHtml(parseReferat(wrong), { audience: 'internal' });
  assert.match(visibleText(html), /Onsdag d\. 07\. december 2023 kl\. 09:00/);
  assert.doesNotMatch(visibleText(html), /Torsdag/);

  const indented = base.replace('Deltagerkredsen fastholdes.', '    Taget til efterretning.\n\n    Følgende deltog ikke i behandlingen: Claus Borg');
  const page = renderHtml(parseReferat(indented), { audience: 'internal' });
  assert.doesNotMatch(page, /<pre|<code/);
  assert.match(visibleText(page), /Taget til efterretning\. Følgende deltog ikke i behandlingen: Claus Borg/);

  const edagsorden = readFileSync(join(repoRoot, 'test/fixtures/dialects/rules/sbsys-edagsorden/ok.referat'), 'utf8');
  const agenda = edagsorden.replace(/^Referat$/m, 'Dagsorden').replace(/\nBeslutning\n[^\n]*\n/g, '\n');
  const agendaModel = parseReferat(agenda);
  assert.equal(agendaModel.kind, 'dagsorden');
  assert.doesNotMatch(renderHtml(agendaModel, { audience: 'internal' }), /class="missing-decision"/);
  // A dagsorden is published as one: its page's title and heading say so, and so does its PDF.
  const lemvig = parseReferat(readFileSync(join(repoRoot, 'test/fixtures/rules/dagsorden.ok.referat'), 'utf8'));
  assert.equal(lemvig.kind, 'dagsorden');
  const agendaPage = renderHtml(lemvig, { audience: 'public' });
  assert.match(agendaPage, /<title>Dagsorden — Direktionen 7\. december 2023<\/title>/);
  assert.match(agendaPage, /<h1>Dagsorden — Direktionen/);
  assert.doesNotMatch(visibleText(agendaPage), /Referat —/);
  assert.match(pdfText(lemvig, { audience: 'public' }), /^Dagsorden — Direktionen/m);
  assert.match(renderHtml(parseReferat(base), { audience: 'internal' }), /<h1>Referat — Direktionen/);
  // A referat lacking a decision is still marked.
  assert.match(
    renderHtml(parseReferat(edagsorden.replace('Orienteringen blev taget til efterretning.', '')), { audience: 'internal' }),
    /class="missing-decision"/,
  );

  const absent = edagsorden.replace('Afbud/Fraværende\n', 'Afbud/Fraværende\nHanne Bahnsen\n');
  const meta = visibleText(renderHtml(parseReferat(absent), { audience: 'internal' }));
  assert.match(meta, /Medlemmer Doris Børger, Hanne Bahnsen/);
  assert.match(meta, /Afbud Hanne Bahnsen/);
  assert.doesNotMatch(meta, /Mødedeltagere/);
});
