/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { parseReferat, renderHtml } from '../../server/src/core';
import { refusalPage } from '../../server/src/render/html';
import { corpusFiles, repoRoot } from '../helpers';
import chromiumLaunch from '../../scripts/test/chromium.json';

// Debian's chromium, launched as the VS Code suite launches it.
const CHROMIUM = chromiumLaunch.executablePath;
const out = join(repoRoot, 'test-output/screenshots');
let browser: Browser | undefined;

// The project's test command installs chromium (scripts/system-deps.mjs); only a bare `npm test` may lack it.
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing: run \`npm run test:all\`, which installs it`;

before(async () => {
  if (skip) return;
  browser = await chromium.launch(chromiumLaunch);
});
after(async () => {
  await browser?.close();
});

const hostile = readFileSync(join(repoRoot, 'test/fixtures/render/hostile.referat'), 'utf8');

for (const withCsp of [true, false]) {
  test(`hostile text runs no script and creates no element (${withCsp ? 'as exported' : 'even without the CSP'})`, { skip }, async () => {
    const page = await browser!.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    let html = renderHtml(parseReferat(hostile), { audience: 'internal' });
    if (!withCsp) html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    await page.setContent(html, { waitUntil: 'load' });
    // Give any handler a chance to fire: every element gets the events a reader's mouse sends.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('body *'))
        for (const type of ['mouseover', 'mouseenter', 'focus', 'load', 'error']) el.dispatchEvent(new Event(type));
    });
    const result = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: string }).__pwned,
      scripts: document.querySelectorAll('script').length,
      iframes: document.querySelectorAll('iframe').length,
      images: document.querySelectorAll('img').length,
      svgs: document.querySelectorAll('svg').length,
      bold: document.querySelectorAll('main b').length,
      jsLinks: [...document.querySelectorAll('a')].filter((a) => a.getAttribute('href')?.trim().toLowerCase().startsWith('javascript')).length,
      handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
      text: document.body.innerText,
    }));
    assert.equal(result.pwned, undefined);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(
      { ...result, text: undefined, pwned: undefined },
      { scripts: 0, iframes: 0, images: 0, svgs: 0, bold: 0, jsLinks: 0, handlers: 0, text: undefined, pwned: undefined },
    );
    assert.match(result.text, /<script>window.__pwned = "script"<\/script>/, 'the text is shown as written');
    await page.close();
  });
}

for (const audience of ['internal', 'public'] as const) {
  test(`axe-core finds no serious or critical accessibility violation (${audience})`, { skip }, async () => {
    // Our own CSP forbids injected scripts, axe included: this context lets the checker in.
    const context = await browser!.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const html = renderHtml(parseReferat(corpusFiles().find((c) => c.name.includes('2024'))!.text), { audience });
    await page.setContent(html, { waitUntil: 'load' });
    await page.addScriptTag({ content: readFileSync(join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8') });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }
      ).axe;
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    assert.deepEqual(
      violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
      [],
    );
    await context.close();
  });
}

test('a screenshot of the rendered corpus referat, light and printed', { skip }, async () => {
  mkdirSync(out, { recursive: true });
  const page = await browser!.newPage({ viewport: { width: 900, height: 1200 } });
  const html = renderHtml(parseReferat(corpusFiles().find((c) => c.name.includes('2024'))!.text), { audience: 'internal' });
  await page.setContent(html, { waitUntil: 'load' });
  const file = join(out, 'direktionen-2024-04-17.png');
  await page.screenshot({ path: file, fullPage: false });
  assert.ok(existsSync(file));
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10_000, 'the print stylesheet gives an A4 PDF');
  await page.close();
});

test('the preview shows which version is active: pressed, and drawn unlike the other button', { skip }, async () => {
  const page = await browser!.newPage({ viewport: { width: 900, height: 400 } });
  const referat = parseReferat(corpusFiles().find((c) => c.name.includes('2023'))!.text);
  for (const audience of ['internal', 'public'] as const) {
    // The webview's own resources are stood in for by the inline stylesheet; the toolbar is the webview's.
    const html = renderHtml(referat, { audience, webview: { cspSource: "'self'", nonce: 'n', styleUri: 'about:blank', scriptUri: 'about:blank' } })
      .replace(/<link rel="stylesheet"[^>]*>/, `<style>${readFileSync(join(repoRoot, 'media/preview.css'), 'utf8')}</style>`)
      .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    await page.setContent(html, { waitUntil: 'load' });
    const buttons = await page.evaluate(() =>
      [...document.querySelectorAll('.audience button')].map((b) => {
        const s = getComputedStyle(b);
        return {
          audience: b.getAttribute('data-audience'),
          pressed: b.getAttribute('aria-pressed'),
          background: s.backgroundColor,
          weight: s.fontWeight,
          before: getComputedStyle(b, '::before').content,
        };
      }),
    );
    const active = buttons.find((b) => b.pressed === 'true')!;
    const other = buttons.find((b) => b.pressed === 'false')!;
    assert.equal(active.audience, audience);
    assert.notEqual(active.background, other.background, 'the active button is filled, the other is not');
    assert.equal(active.before, '"✓ "');
    assert.equal(other.before, 'none');
    mkdirSync(out, { recursive: true });
    await page.screenshot({ path: join(out, `toolbar-${audience}.png`), clip: { x: 0, y: 0, width: 900, height: 120 } });
  }
  await page.close();
});

test('a missing decision is marked in the preview, and an empty bullet is not drawn', { skip }, async () => {
  const page = await browser!.newPage();
  const text = readFileSync(join(repoRoot, 'test/fixtures/rules/missing-beslutning.empty.referat'), 'utf8').replace(
    '- At det besluttes om kriterierne fastholdes.',
    '- At det besluttes om kriterierne fastholdes.\n-',
  );
  await page.setContent(renderHtml(parseReferat(text), { audience: 'public' }), { waitUntil: 'load' });
  const seen = await page.evaluate(() => ({
    note: document.querySelector('#punkt-1 .missing-decision')?.textContent,
    emptyItems: [...document.querySelectorAll('li')].filter((li) => li.textContent?.trim() === '').length,
  }));
  assert.equal(seen.note, 'Beslutningen er ikke skrevet.');
  assert.equal(seen.emptyItems, 0);
  await page.close();
});

test('the page shown instead of a refused public version: axe-core finds nothing serious; a screenshot', { skip }, async () => {
  const context = await browser!.newContext({ bypassCSP: true, viewport: { width: 900, height: 400 } });
  const page = await context.newPage();
  const message = {
    da: 'Den offentlige udgave laves ikke. Et CPR-nummer i et åbent punkt bliver offentliggjort: fjern det, eller flyt oplysningen til et lukket punkt.',
    en: 'The public version is not made. A CPR number in an open item would be published: remove it, or move it to a closed item.',
  };
  const html = refusalPage(message, 25, {
    audience: 'public',
    locale: 'en',
    webview: { cspSource: "'self'", nonce: 'n', styleUri: 'about:blank', scriptUri: 'about:blank' },
  })
    .replace(/<link rel="stylesheet"[^>]*>/, `<style>${readFileSync(join(repoRoot, 'media/preview.css'), 'utf8')}</style>`)
    .replace(/<script[^>]*><\/script>/, '');
  await page.setContent(html, { waitUntil: 'load' });
  await page.addScriptTag({ content: readFileSync(join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8') });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => ({ id: v.id, impact: v.impact }));
  });
  assert.deepEqual(
    violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
    [],
  );
  mkdirSync(out, { recursive: true });
  await page.screenshot({ path: join(out, 'refused-public.png') });
  await context.close();
});

test("in a narrow preview the closed punkt's badge stays one box on one line", { skip }, async () => {
  const page = await browser!.newPage({ viewport: { width: 320, height: 800 } });
  const referat = parseReferat(corpusFiles().find((c) => c.name.includes('2023'))!.text);
  const html = renderHtml(referat, { audience: 'internal' });
  await page.setContent(html, { waitUntil: 'load' });
  const boxes = await page.evaluate(() => [...document.querySelectorAll('.badge')].map((b) => b.getClientRects().length));
  assert.ok(boxes.length > 0, 'the corpus referat has closed punkter');
  assert.deepEqual(
    boxes.filter((n) => n !== 1),
    [],
    'each badge is drawn as one box',
  );
  await page.close();
});

test('in a narrow preview a long compound in a heading breaks instead of running past the edge', { skip }, async () => {
  const page = await browser!.newPage({ viewport: { width: 320, height: 800 } });
  const text = corpusFiles()
    .find((c) => c.name.includes('2023'))!
    .text.replace('Punkt 1: Deltagerkreds, Lederforum', 'Punkt 1: Administrationsanalysenopfølgningsrapporten');
  await page.setContent(renderHtml(parseReferat(text), { audience: 'internal' }), { waitUntil: 'load' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'no horizontal scrolling');
  await page.close();
});

test('in the preview a punkt reached from the table of contents stands below the version toolbar, not under it', { skip }, async () => {
  const context = await browser!.newContext({ viewport: { width: 400, height: 700 }, bypassCSP: true });
  const page = await context.newPage();
  const referat = parseReferat(corpusFiles().find((c) => c.name.includes('2023'))!.text);
  const webview = { cspSource: 'https://webview.test', nonce: 'n', styleUri: 'https://webview.test/preview.css', scriptUri: 'https://webview.test/preview.js' };
  await page.setContent(renderHtml(referat, { audience: 'internal', webview }), { waitUntil: 'load' });
  await page.addStyleTag({ content: readFileSync(join(repoRoot, 'media/preview.css'), 'utf8') });
  const links = await page.evaluate(() => document.querySelectorAll('nav.toc a').length);
  assert.ok(links > 3);
  for (let i = 0; i < links; i++) {
    const covered = await page.evaluate((k) => {
      const link = document.querySelectorAll<HTMLAnchorElement>('nav.toc a')[k]!;
      link.click();
      const heading = document.querySelector(link.getAttribute('href')!)!.querySelector('h2')!;
      const bar = document.querySelector('.audience')!.getBoundingClientRect();
      // A punkt near the end cannot scroll to the top: only one that was scrolled to counts.
      const atBottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
      return atBottom ? 0 : bar.bottom - heading.getBoundingClientRect().top;
    }, i);
    assert.ok(covered <= 0, `link ${i + 1}: the heading starts ${covered} px under the toolbar`);
  }
  await context.close();
});
