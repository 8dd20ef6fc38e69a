import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { decodeHTMLStrict } from 'entities';
import { nodeFonts } from '../../server/src/node/fonts';
import { createLanguageService, type ReferatLanguageService, type ReferatDocument } from '../../server/src/service/languageService';
import { outputRefusal } from '../../server/src/service/publication';
import { defaultPaths } from '../../server/src/service/paths';
import { MemoryWorkspace } from '../../server/src/workspace/memoryWorkspace';
import { repoRoot, rulesDir } from '../helpers';
import { CPR_FORMS } from '../cprForms';
import { inspectPdf } from './pdfInspect';

/*
 * The promise of the public version, tried as an attacker and a careless colleague would: no CPR
 * number in any written form, and no word of a closed punkt, in the public HTML or PDF as a reader
 * sees them (text, title, bookmarks, metadata). Either the rendering is refused, or it holds
 * none of it. The oracle here is independent of the finder: every digit the reader sees, in any
 * script, joined into one string, must not contain a planted number.
 */

const base = readFileSync(join(rulesDir, 'base.ok.referat'), 'utf8');
const closedOk = readFileSync(join(rulesDir, 'cpr-number.closed.ok.referat'), 'utf8');
const CPR = '0101901234';

let version = 0;
const docOf = (text: string): ReferatDocument => ({ uri: defaultPaths.toUri('/ws/m.referat'), version: ++version, getText: () => text });
function service(): ReferatLanguageService {
  const s = createLanguageService({ workspace: new MemoryWorkspace({}), fonts: nodeFonts });
  s.setRoots(['/ws']);
  return s;
}

/** What a reader of an HTML page sees: its text without tags, style and script, entities decoded. */
function htmlReaderText(html: string): string {
  return decodeHTMLStrict(
    html
      .replace(/<(style|script)\b[\s\S]*?<\/\1>/gi, '')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&(?![#A-Za-z0-9]+;)/g, '&amp;'),
  );
}

/** Everything a PDF shows or carries as text: its pages, bookmarks, title and metadata. */
async function pdfReaderText(bytes: Uint8Array): Promise<string> {
  const pdf = await inspectPdf(bytes);
  const outline = (entries: typeof pdf.outline): string[] => entries.flatMap((e) => [e.title, ...outline(e.items)]);
  return [...pdf.pages.map((p) => `${p.text}\n${p.artifactText}`), ...outline(pdf.outline), JSON.stringify(pdf.info), pdf.xmpTitle ?? ''].join('\n');
}

/** Every digit a reader sees, in any script and any compatibility form, in a row. */
function digitsSeen(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC')) {
    if (/\p{Nd}/u.test(ch)) {
      const cp = ch.codePointAt(0)!;
      // Every script's digits run from zero in a block of ten.
      let zero = cp;
      while (zero > 0 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1)) && cp - zero < 9) zero--;
      out += String((cp - zero) % 10);
    }
  }
  return out;
}

test('the unchanged referater render publicly, as HTML and PDF', async () => {
  const s = service();
  for (const text of [base, closedOk]) {
    const doc = docOf(text);
    assert.ok((await s.renderHtml(doc, { audience: 'public' })).output, 'HTML');
    assert.ok((await s.renderPdf(doc, { audience: 'public' })).output, 'PDF');
  }
});

test('every written form of a CPR number, in an open punkt and in a punkt title: reported on its line and refused in HTML and PDF', async () => {
  const s = service();
  const line = base.split('\n').indexOf('HR-konsulent Ditte Ågård deltager i mødet kl. 10:00.');
  const titleLine = base.split('\n').indexOf('Punkt 1: Deltagerkreds, Lederforum');
  assert.ok(line > 0 && titleLine > 0);
  for (const form of CPR_FORMS) {
    for (const [where, text, at] of [
      ['body', base.replace('deltager i mødet kl. 10:00.', `deltager i mødet kl. 10:00 om ${form.write(CPR)}.`), line],
      ['title', base.replace('Punkt 1: Deltagerkreds, Lederforum', `Punkt 1: Deltagerkreds ${form.write(CPR)}`), titleLine],
    ] as const) {
      const doc = docOf(text);
      const cpr = (await s.findings(doc)).filter((d) => d.code === 'cpr-number');
      assert.ok(cpr.length >= 1, `${form.what} in the ${where}: reported`);
      assert.equal(cpr[0]!.range.start.line, at, `${form.what} in the ${where}: on its line`);
      for (const rendered of [await s.renderHtml(doc, { audience: 'public' }), await s.renderPdf(doc, { audience: 'public' })]) {
        assert.equal(rendered.output, null, `${form.what} in the ${where}: refused`);
        assert.equal(rendered.refused?.range.start.line, at, `${form.what} in the ${where}: the refusal names the line`);
      }
    }
  }
});

test('the finished page is read again: a number the source check did not see is still refused (the check that removal happened)', () => {
  for (const [html, line] of [
    ['<main><p data-line="7">Borger <strong>010190</strong>-1234</p></main>', 7],
    ['<p data-line="3">x</p><p data-line="9">&#48;10190&ndash;1234</p>', 9],
    ['<h2 data-line="2">010190-</h2><p>1234</p>', 2],
    ['<title>010190 1234</title>', 0],
    // A link's address and title are published with the page: read, percent-encoded digits as digits.
    ['<p data-line="4"><a href="https://kommune.dk/borger/0101901234">sagen</a></p>', 4],
    ['<p data-line="5"><a href="https://kommune.dk/b?id=%30%31%30%31%39%30-%31%32%33%34">sagen</a></p>', 5],
    ['<p data-line="6"><a href="#x" title="010190-1234">sagen</a></p>', 6],
    // A right-to-left override shows the digits backwards: `4321-091010` reads as 010190-1234.
    ['<p data-line="8">\u202e4321-091010\u202c</p>', 8],
  ] as const) {
    const refused = outputRefusal(html, 'html');
    assert.ok(refused, html);
    assert.equal(refused.range.start.line, line, html);
    assert.doesNotMatch(JSON.stringify(refused), /1234/);
  }
  assert.equal(outputRefusal('<style>.a{width:0101901234px}</style><p>Mødet 1. januar 2024 kl. 10:00</p>', 'html'), undefined);
  // The page's own attributes are not the text's: its source lines, a punkt's anchor.
  assert.equal(outputRefusal('<p data-line="010190">12.05.20</p><span data-line="1234"></span><a href="#punkt-3">Punkt 3</a>', 'html'), undefined);
});

/** A closed punkt with something inside that must stay there, in each of the ways it was seen to leak. */
const closedVariants: readonly { readonly what: string; readonly text: string; readonly refusedAt?: number }[] = (() => {
  const lines = closedOk.split('\n');
  const secretLine = lines.findIndex((l) => l.startsWith('Fortroligt indhold'));
  const withLines = (at: number, add: readonly string[]): string => [...lines.slice(0, at), ...add, ...lines.slice(at)].join('\n');
  return [
    {
      what: "a Lemvig heading inside ('Punkt 7: …')",
      text: withLines(secretLine + 1, ['', 'Punkt 7: Borgerens HEMMELIGHED', '', 'Mere HEMMELIGT.']),
      refusedAt: secretLine + 2,
    },
    {
      what: "the next number as a heading inside ('Punkt 5: …')",
      text: withLines(secretLine + 1, ['', 'Punkt 5: Borgerens HEMMELIGHED', '', 'Mere HEMMELIGT.']),
      refusedAt: secretLine + 2,
    },
    {
      what: 'text after the case number',
      text: closedOk.replace('00.01.00I00-2-22', '00.01.00I00-2-22 HEMMELIG borger'),
      refusedAt: lines.indexOf('00.01.00I00-2-22'),
    },
    {
      what: 'a CPR number after the case number',
      text: closedOk.replace('00.01.00I00-2-22', `00.01.00I00-2-22 ${CPR}`),
    },
  ];
})();

test('closed is closed: heading-shaped lines and text after the case number in a closed punkt are never published', async () => {
  const s = service();
  // The rules that see these mistakes switched off: the refusal and the renderer must hold without them.
  const lenient = createLanguageService({
    workspace: new MemoryWorkspace({
      '/ws/referat.yaml': 'regler:\n  journal-format: off\n  missing-journal-number: off\n  punkt-numbering: off\n  toc-mismatch: off\n',
    }),
    fonts: nodeFonts,
  });
  lenient.setRoots(['/ws']);
  for (const v of closedVariants) {
    const doc = docOf(v.text);
    if (v.refusedAt !== undefined)
      for (const r of [await s.renderHtml(doc, { audience: 'public' }), await s.renderPdf(doc, { audience: 'public' })]) {
        assert.equal(r.output, null, `${v.what}: refused`);
        assert.equal(r.refused?.range.start.line, v.refusedAt, `${v.what}: names the line`);
        assert.match(r.refused.message.da, /lukkede punkt 4/);
      }
    const html = await lenient.renderHtml(doc, { audience: 'public' });
    const pdf = await lenient.renderPdf(doc, { audience: 'public' });
    if (v.what.includes('heading')) {
      // The heading is still in doubt: refused on the structure alone.
      assert.equal(html.output, null, `${v.what}: refused with the rules off`);
      assert.match(html.refused.message.en, /looks like an item heading inside the closed item 4/);
      continue;
    }
    assert.ok(html.output && pdf.output, `${v.what}: rendered`);
    for (const seen of [htmlReaderText(html.output), await pdfReaderText(pdf.output)]) {
      assert.doesNotMatch(seen, /HEMMELIG|borger\b/, v.what);
      assert.ok(!digitsSeen(seen).includes(CPR), v.what);
      assert.match(seen, /Punkt 4: Lukket: Møde med Borgmesteren/, `${v.what}: the heading is published`);
    }
  }
});

test('closed is closed however the marker is set off: a colon left off, a dash, brackets; a form read as open is refused, also with the rules off', async () => {
  const heading = 'Punkt 4: Lukket: Møde med Borgmesteren';
  assert.ok(closedOk.includes(heading));
  // Each rule switched off: the refusal must hold without the rule that names the mistake.
  const lenient = createLanguageService({
    workspace: new MemoryWorkspace({
      '/ws/referat.yaml': 'regler:\n  closed-marker: off\n  toc-mismatch: off\n  agenda-order: off\n  missing-beslutning: off\n',
    }),
    fonts: nodeFonts,
  });
  lenient.setRoots(['/ws']);
  const lines = closedOk.split('\n');
  const at = lines.indexOf(heading);
  // Read as closed: the punkt's text is left out.
  for (const written of [
    'Punkt 4: Lukket',
    'Punkt 4: Lukket - Møde med Borgmesteren',
    'Punkt 4: Lukket; Møde',
    'Punkt 4: Lukket. Møde',
    'Punkt 4: Lukket punkt – Møde',
    'Punkt 4: Møde (lukket) med Borgmesteren',
  ]) {
    const doc = docOf(closedOk.replace(heading, written));
    for (const s of [service(), lenient]) {
      const html = await s.renderHtml(doc, { audience: 'public' });
      assert.ok(html.output, `${written}: rendered`);
      assert.doesNotMatch(htmlReaderText(html.output), /Fortroligt indhold/, written);
    }
  }
  // Read as open, or its heading not read as one: the public version is refused at that line.
  const refused: readonly { readonly text: string; readonly line: number }[] = [
    { text: closedOk.replace(heading, 'Punkt 4: Lukket Møde med Borgmesteren'), line: at },
    { text: [...lines.slice(0, at), 'Punkt 4 (lukket): Møde med Borgmesteren', ...lines.slice(at + 1)].join('\n'), line: at },
    { text: [...lines.slice(0, at), '**Lukket punkt 4:** Møde med Borgmesteren', ...lines.slice(at + 1)].join('\n'), line: at },
    // Other words for closed, as a tester wrote them in VS Code: published whole before.
    ...[
      'Fortroligt punkt',
      'Ikke offentligt: Personale',
      'Personalesag (ikke offentlig)',
      'Personalesag - ikke offentligt',
      'Ikke offentligt punkt',
      'Møde med Borgmesteren. Lukket',
      'Personalesag – lukket punkt',
      'Personalesag | Lukket',
    ].map((title) => ({ text: closedOk.replace(heading, `Punkt 4: ${title}`), line: at })),
  ];
  for (const v of refused)
    for (const s of [service(), lenient]) {
      const doc = docOf(v.text);
      for (const r of [await s.renderHtml(doc, { audience: 'public' }), await s.renderPdf(doc, { audience: 'public' })]) {
        assert.equal(r.output, null, `${v.text.split('\n')[v.line]}: refused`);
        assert.equal(r.refused.range.start.line, v.line);
        assert.match(r.refused.message.da, /offentliggjort/);
      }
    }
  // Inside a closed punkt such a line is that punkt's text: nothing is published, nothing refused.
  const secret = lines.findIndex((l) => l.startsWith('Fortroligt indhold'));
  const inside = await service().renderHtml(
    docOf([...lines.slice(0, secret + 1), '', 'Punkt 5 (lukket): Mere HEMMELIGT', ...lines.slice(secret + 1)].join('\n')),
    {
      audience: 'public',
    },
  );
  assert.ok(inside.output, 'a closed punkt holding such a line is rendered');
  assert.doesNotMatch(htmlReaderText(inside.output), /HEMMELIGT|Fortroligt/);
  // In the editor: an error at the line, with a fix that writes the heading as it is read.
  const found = (await service().findings(docOf(refused[1]!.text))).filter((d) => d.code === 'closed-marker');
  assert.deepEqual(
    found.map((d) => [d.severity, d.range.start.line, d.fixes[0]?.edits[0]?.newText]),
    [['error', at, 'Punkt 4: Lukket: Møde med Borgmesteren']],
  );
});

test('closed is closed in the number-dot dialects: a paragraph "3. Orientering…" inside a closed SBSYS eDagsorden item', async () => {
  const s = service();
  const text = readFileSync(join(repoRoot, 'test/fixtures/dialects/rules/sbsys-edagsorden/ok.referat'), 'utf8')
    .replace('1.   Meddelelser', '1.   Meddelelser (Lukket)')
    .replace(
      'Orienteringen blev taget til efterretning.',
      'Orienteringen blev taget til efterretning.\n\n2. Orientering om borgeren HEMMELIG\n\nBeslutning\nHEMMELIG beslutning.',
    );
  const doc = docOf(text);
  for (const r of [await s.renderHtml(doc, { audience: 'public' }), await s.renderPdf(doc, { audience: 'public' })]) {
    if (r.output === null) continue;
    const seen = typeof r.output === 'string' ? htmlReaderText(r.output) : await pdfReaderText(r.output);
    assert.doesNotMatch(seen, /HEMMELIG/);
  }
});

// ------------------------------------------------------------------ the property

const HEADER = base.slice(0, base.indexOf('Indholdsfortegnelse'));
const titles = ['Budget 2025', 'Orientering', 'Personalesag', 'Lokalplan nr. 102', 'Eventuelt'];

interface Planted {
  readonly text: string;
  readonly secrets: readonly string[];
  readonly cprs: readonly string[];
  /** Text of closed punkter that the public version shows: their public decisions. */
  readonly published: readonly string[];
  /** A CPR number where the public version would show it: the rendering must be refused. */
  readonly mustRefuse: boolean;
}

/** A valid CPR number's digits: a day that exists and four digits. */
const cprDigits = fc
  .tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 9999 }))
  .map(([d, m, y, n]) => `${String(d).padStart(2, '0')}${String(m).padStart(2, '0')}${String(y).padStart(2, '0')}${String(n).padStart(4, '0')}`);

type Piece =
  | { readonly kind: 'text' }
  | { readonly kind: 'secret' }
  | { readonly kind: 'cpr'; readonly form: number; readonly digits: string }
  | { readonly kind: 'heading'; readonly shape: number; readonly n: number };

// Weighted so that both outcomes are common: many referater are published, many refused.
const piece: fc.Arbitrary<Piece> = fc.oneof(
  { arbitrary: fc.constant<Piece>({ kind: 'text' }), weight: 6 },
  { arbitrary: fc.constant<Piece>({ kind: 'secret' }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('cpr' as const), form: fc.nat({ max: CPR_FORMS.length - 1 }), digits: cprDigits }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('heading' as const), shape: fc.nat({ max: 4 }), n: fc.integer({ min: 1, max: 9 }) }), weight: 1 },
);

/** The value one time in `every`, otherwise null. */
const rarely = <T>(value: fc.Arbitrary<T>, every: number): fc.Arbitrary<T | null> =>
  fc.oneof({ arbitrary: fc.constant(null), weight: every - 1 }, { arbitrary: value, weight: 1 });

interface PunktSpec {
  readonly closed: boolean;
  readonly title: number;
  readonly titleCpr: { readonly form: number; readonly digits: string } | null;
  readonly journalTail: string | null;
  readonly body: readonly Piece[];
  readonly blankBetween: boolean;
  /** A closed punkt's `Offentlig beslutning`: published; what follows a line that could head something else is not. */
  readonly publicDecision: { readonly trailer: number; readonly cpr: string | null } | null;
}

const punktSpec: fc.Arbitrary<PunktSpec> = fc.record({
  closed: fc.boolean(),
  title: fc.nat({ max: titles.length - 1 }),
  titleCpr: rarely(fc.record({ form: fc.nat({ max: CPR_FORMS.length - 1 }), digits: cprDigits }), 12),
  journalTail: rarely(fc.oneof(fc.constant('secret'), cprDigits), 5),
  body: fc.array(piece, { minLength: 1, maxLength: 4 }),
  blankBetween: fc.boolean(),
  publicDecision: fc.option(fc.record({ trailer: fc.nat({ max: 3 }), cpr: rarely(cprDigits, 6) })),
});

/** Lines after a public decision that could head something else: what follows them stays closed. */
const TRAILERS = ['**Baggrund**', 'Sagsfremstilling', '## Bemærkninger', 'Beslutning'];

function headingShaped(shape: number, n: number, secret: string): string {
  return [`Punkt ${n}: ${secret}`, `${n}. ${secret}`, `## Punkt ${n}: ${secret}`, `Punkt ${n}: Lukket: ${secret}`, `**Punkt ${n}:** ${secret}`][shape]!;
}

function plant(specs: readonly PunktSpec[]): Planted {
  const secrets: string[] = [];
  const cprs: string[] = [];
  const published: string[] = [];
  let mustRefuse = false;
  const out: string[] = [HEADER.trimEnd(), ''];
  specs.forEach((p, i) => {
    const n = i + 1;
    const secret = (): string => {
      const s = `HEMMELIG${n}x${secrets.length}`;
      if (p.closed) secrets.push(s);
      return s;
    };
    let title = `${p.closed ? 'Lukket: ' : ''}${titles[p.title]}`;
    if (p.titleCpr) {
      title += ` ${CPR_FORMS[p.titleCpr.form]!.write(p.titleCpr.digits)}`;
      cprs.push(p.titleCpr.digits);
      mustRefuse = true;
    }
    out.push(`Punkt ${n}: ${title}`, '');
    let journal = `00.01.00I00-${n}-22`;
    if (p.journalTail === 'secret') journal += ` ${secret()}`;
    else if (p.journalTail) {
      journal += ` ${p.journalTail}`;
      cprs.push(p.journalTail);
      // Text after an open punkt's case number is published as written.
      if (!p.closed) mustRefuse = true;
    }
    out.push(journal, '', 'Sagsfremstilling', '');
    for (const b of p.body) {
      if (b.kind === 'text') out.push('Sagen drøftes.');
      else if (b.kind === 'secret') out.push(`Om ${secret()}.`);
      else if (b.kind === 'cpr') {
        out.push(`Borgeren ${CPR_FORMS[b.form]!.write(b.digits)} klager.`);
        cprs.push(b.digits);
        if (!p.closed) mustRefuse = true;
      } else out.push(headingShaped(b.shape, b.n, secret()));
      if (p.blankBetween) out.push('');
    }
    out.push('', 'Beslutning', '', 'Taget til efterretning.', '');
    if (p.publicDecision) {
      const shown = `OFFENTLIG${n} blev godkendt`;
      out.push('Offentlig beslutning', '', `${shown}.`);
      if (p.publicDecision.cpr) {
        out.push(`Borgeren ${p.publicDecision.cpr.slice(0, 6)}-${p.publicDecision.cpr.slice(6)} orienteres.`);
        cprs.push(p.publicDecision.cpr);
        // A public decision is published, of an open punkt and of a closed one alike.
        mustRefuse = true;
      }
      out.push('', TRAILERS[p.publicDecision.trailer]!, '', `Om ${secret()}.`, '');
      if (p.closed) published.push(shown);
    }
  });
  return { text: out.join('\n'), secrets, cprs, published, mustRefuse };
}

test('property: random referater with closed punkter, planted secrets and CPR numbers in every form: the public HTML and PDF hold none of them', async () => {
  const s = service();
  let rendered = 0;
  let refused = 0;
  const check = async (planted: Planted, pdfToo: boolean): Promise<void> => {
    const doc = docOf(planted.text);
    const html = await s.renderHtml(doc, { audience: 'public' });
    const data = await s.renderData(doc, { audience: 'public' });
    assert.equal(data.output === null, html.output === null, 'HTML and data decide alike');
    const outputs: string[] = [];
    if (html.output !== null) outputs.push(htmlReaderText(html.output));
    if (data.output !== null) outputs.push(data.output);
    if (pdfToo) {
      const pdf = await s.renderPdf(doc, { audience: 'public' });
      assert.equal(pdf.output === null, html.output === null, 'HTML and PDF decide alike');
      if (pdf.output !== null) outputs.push(await pdfReaderText(pdf.output));
    }
    if (html.output === null) {
      if (process.env.DEBUG_PRIVACY) console.log(html.refused.message.en, planted.text.split('\n')[html.refused.range.start.line]);
      refused++;
      return;
    }
    rendered++;
    assert.ok(!planted.mustRefuse, `a CPR number in a published place was rendered:\n${planted.text}`);
    for (const seen of outputs) {
      for (const secret of planted.secrets) assert.ok(!seen.includes(secret), `${secret} published:\n${planted.text}`);
      for (const shown of planted.published) assert.ok(seen.includes(shown), `the public decision ${shown} is missing:\n${planted.text}`);
      const digits = digitsSeen(seen);
      for (const cpr of planted.cprs) assert.ok(!digits.includes(cpr), `${cpr} published:\n${planted.text}`);
    }
  };
  await fc.assert(
    fc.asyncProperty(fc.array(punktSpec, { minLength: 1, maxLength: 5 }), async (specs) => check(plant(specs), false)),
    { numRuns: 300, seed: 20261205 },
  );
  // The PDF is slower to make: fewer runs, each through pdf.js as a reader's viewer reads it.
  await fc.assert(
    fc.asyncProperty(fc.array(punktSpec, { minLength: 1, maxLength: 3 }), async (specs) => check(plant(specs), true)),
    { numRuns: 25, seed: 5122026 },
  );
  // The property is not passed by refusing everything: many random referater are published.
  assert.ok(rendered >= 30, `rendered ${rendered}, refused ${refused}`);
  assert.ok(refused >= 30, `rendered ${rendered}, refused ${refused}`);
});

test("an approval's words in a closed punkt (Godkendelse, Godkendt af:, Tilføjelse) are the punkt's text: refused while unsealed, then approved at the end, and never published", async () => {
  // A personnel case: the contract's approval, then an addition to it, written in the closed last punkt.
  const closedTail = [
    '',
    'Sagsfremstilling',
    '',
    'Kontrakten er forhandlet.',
    '',
    'Godkendelse',
    '',
    'Godkendt af: Claus Borg',
    'Dato: 2023-12-08',
    '',
    'Tilføjelse til kontrakten',
    '',
    'HEMMELIG løn 80.000 kr. og fratrædelsesgodtgørelse.',
    '',
  ].join('\n');
  const text = `${base.trimEnd()}\n${closedTail}`;
  const s = service();
  const doc = docOf(text);
  const heading = text.split('\n').indexOf('Godkendelse');
  // Read as punkt 4's text, not as the approval; said on its heading, and the public version waits for it.
  const found = (await s.findings(doc)).filter((d) => d.code === 'damaged-approval');
  assert.deepEqual(
    found.map((d) => d.range.start.line),
    [heading],
  );
  for (const r of [await s.renderHtml(doc, { audience: 'public' }), await s.renderPdf(doc, { audience: 'public' })]) assert.equal(r.output, null);
  // Approved: the approval is written at the end (not over those lines); the public version holds no word of the punkt.
  const approved = await s.approve(doc, { by: ['Claus Borg'], date: '2023-12-14' });
  assert.ok(approved.ok, approved.ok ? '' : approved.problem.en);
  const after = approved.text;
  assert.equal(after.split('\n').indexOf('Godkendelse'), heading, 'the words stay where she wrote them');
  assert.ok(after.trimEnd().split('\n').at(-1)!.startsWith('Segl: v1 '), 'the approval is the last block');
  const sealedDoc = docOf(after);
  assert.deepEqual(
    (await s.findings(sealedDoc)).filter((d) => d.severity === 'error'),
    [],
  );
  const html = await s.renderHtml(sealedDoc, { audience: 'public' });
  const pdf = await s.renderPdf(sealedDoc, { audience: 'public' });
  assert.ok(html.output && pdf.output);
  const seen = [htmlReaderText(html.output), await pdfReaderText(pdf.output)];
  for (const shown of seen)
    for (const secret of ['HEMMELIG', 'fratrædelsesgodtgørelse', 'Kontrakten er forhandlet', 'kontrakten']) assert.ok(!shown.includes(secret), secret);
});

test('a sealed approval copied into a closed punkt, its sections below it: refused, also when approved again with force; deleted and approved, nothing of the punkt is published', async () => {
  const s = service();
  // The closed punkt's case, approved, then an approval block copied into it (its seal and all), and the rest of the case under it.
  const approvedCase = await s.approve(docOf(`${base.trimEnd()}\n\nSagsfremstilling\n\nKontrakten er forhandlet.\n`), {
    by: ['Claus Borg'],
    date: '2023-12-14',
  });
  assert.ok(approvedCase.ok, approvedCase.ok ? '' : approvedCase.problem.en);
  const tail = ['', 'Tilføjelse til kontrakten', '', 'HEMMELIG løn 80.000 kr.', '', 'Beslutning', '', 'Fratrædelsesgodtgørelse bevilget.', ''].join('\n');
  const text = `${approvedCase.text.trimEnd()}\n${tail}`;
  const section = text.split('\n').indexOf('Beslutning', text.split('\n').indexOf('Tilføjelse til kontrakten'));
  const refusedOn = async (t: string): Promise<void> => {
    const doc = docOf(t);
    assert.deepEqual(
      (await s.findings(doc)).filter((d) => d.code === 'punkt-after-approval').map((d) => d.range.start.line),
      [section],
    );
    for (const r of [await s.renderHtml(doc, { audience: 'public' }), await s.renderPdf(doc, { audience: 'public' })]) {
      assert.equal(r.output, null);
      assert.equal(r.refused?.range.start.line, section);
    }
  };
  await refusedOn(text);
  // Approved again with force: the block is sealed where it stands, and the section under it is still named.
  const forced = await s.approve(docOf(text), { by: ['Claus Borg'], date: '2023-12-15', force: true });
  assert.ok(forced.ok, forced.ok ? '' : forced.problem.en);
  await refusedOn(forced.text);
  // As the finding says: the approval deleted and approved again, it is written at the end, after the case's own text.
  const lines = forced.text.split('\n');
  const heading = lines.indexOf('Godkendelse');
  const withoutApproval = [...lines.slice(0, heading), ...lines.slice(heading + 6)].join('\n');
  assert.ok(!withoutApproval.includes('Segl:'));
  const again = await s.approve(docOf(withoutApproval), { by: ['Claus Borg'], date: '2023-12-15' });
  assert.ok(again.ok, again.ok ? '' : again.problem.en);
  const sealedDoc = docOf(again.text);
  assert.deepEqual(
    (await s.findings(sealedDoc)).filter((d) => d.severity === 'error'),
    [],
  );
  const html = await s.renderHtml(sealedDoc, { audience: 'public' });
  const pdf = await s.renderPdf(sealedDoc, { audience: 'public' });
  assert.ok(html.output && pdf.output);
  for (const shown of [htmlReaderText(html.output), await pdfReaderText(pdf.output)])
    for (const secret of ['HEMMELIG', 'Fratrædelsesgodtgørelse', 'Kontrakten er forhandlet', 'kontrakten']) assert.ok(!shown.includes(secret), secret);
});

test('an approval problem after a closed punkt refuses the public version in its own words, not as a closed punkt whose end is in doubt', async () => {
  const s = service();
  const approvedText = await s.approve(docOf(base), { by: ['Claus Borg'], date: '2023-12-14' });
  assert.ok(approvedText.ok, approvedText.ok ? '' : approvedText.problem.en);
  // Its date written by hand before the meeting (the approve command refuses such a date).
  const text = approvedText.text.replace(/^Dato: 14-12-2023$/m, 'Dato: 01-12-2023');
  assert.notEqual(text, approvedText.text);
  const line = text.split('\n').indexOf('Dato: 01-12-2023');
  for (const r of [await s.renderHtml(docOf(text), { audience: 'public' }), await s.renderPdf(docOf(text), { audience: 'public' })]) {
    assert.equal(r.output, null);
    // The block's own findings: its names or date changed since the seal, its date before the meeting.
    const at = r.refused?.range.start.line ?? -1;
    assert.ok(at >= text.split('\n').indexOf('Godkendelse') && at <= line, `line ${at}`);
    assert.match(r.refused.message.da, /^Den offentlige udgave laves ikke\. (?:Navnene eller datoen i godkendelsesblokken|Godkendelsens dato)/);
    assert.doesNotMatch(r.refused.message.en, /in doubt/);
    assert.doesNotMatch(r.refused.message.da, /uvist/);
  }
});

test("a CPR number in a closed punkt's heading: refused as a CPR number shown of the closed punkt, not as a punkt whose end is in doubt", async () => {
  const s = service();
  const text = base.replace('Punkt 4: Lukket: Møde med Borgmesteren', 'Punkt 4: Lukket: Møde med borger 150372-1234');
  assert.notEqual(text, base);
  const doc = docOf(text);
  const line = text.split('\n').indexOf('Punkt 4: Lukket: Møde med borger 150372-1234');
  const cpr = (await s.findings(doc)).filter((d) => d.code === 'cpr-number');
  assert.deepEqual(
    cpr.map((d) => d.range.start.line),
    [line],
  );
  assert.match(cpr[0]!.message, /lukket punkts overskrift.*ned i punktets tekst/);
  for (const r of [await s.renderHtml(doc, { audience: 'public' }), await s.renderPdf(doc, { audience: 'public' })]) {
    assert.equal(r.output, null);
    if (process.env.DBG) console.log(r.refused?.message.en, r.refused?.range, line);
    assert.equal(r.refused?.range.start.line, line);
    assert.doesNotMatch(r.refused.message.en, /in doubt/);
    assert.match(r.refused.message.en, /closed item's heading/);
  }
});
