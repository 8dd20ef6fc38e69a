/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { parseReferat, renderHtml } from '../../server/src/core';
import { refusalPage } from '../../server/src/render/html';
import { corpusFiles, repoRoot } from '../helpers';
import chromiumLaunch from '../../scripts/test/chromium.json';

/*
 * The preview's page as the webview holds it (the server's rendering, the extension's stylesheet
 * and script under its CSP): a new rendering replaces the body in place. The page is not loaded
 * again, so the stylesheet never goes away, and the toolbar still answers.
 */

const skip = existsSync(chromiumLaunch.executablePath) ? false : `${chromiumLaunch.executablePath} is missing: run \`npm run test:all\``;
let browser: Browser | undefined;
before(async () => {
  if (!skip) browser = await chromium.launch(chromiumLaunch);
});
after(async () => {
  await browser?.close();
});

const ORIGIN = 'https://webview.test';
const page = (text: string, audience: 'internal' | 'public', nonce = 'n0nce'): string =>
  renderHtml(parseReferat(text), {
    audience,
    webview: { cspSource: ORIGIN, nonce, styleUri: `${ORIGIN}/preview.css`, scriptUri: `${ORIGIN}/preview.js` },
  });

/**
 * A tab as the webview: its own resources served as VS Code serves them, its API stood in for
 * (what the page sends kept in `window.sent`), and the page at `${ORIGIN}/` as `html` says.
 */
async function webviewTab(html: () => string) {
  const context = await browser!.newContext({ viewport: { width: 900, height: 700 } });
  const tab = await context.newPage();
  await tab.route(`${ORIGIN}/**`, (route) => {
    const name = new URL(route.request().url()).pathname.slice(1);
    if (name === '') return void route.fulfill({ body: html(), contentType: 'text/html' });
    void route.fulfill({ body: readFileSync(join(repoRoot, 'media', name), 'utf8'), contentType: name.endsWith('.css') ? 'text/css' : 'text/javascript' });
  });
  await tab.addInitScript(() => {
    const w = window as unknown as { sent: unknown[]; acquireVsCodeApi: () => object };
    w.sent = [];
    let state: unknown;
    w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => w.sent.push(m), getState: () => state, setState: (s: unknown) => (state = s) });
  });
  await tab.goto(`${ORIGIN}/`, { waitUntil: 'load' });
  return { context, tab };
}

test('a new rendering replaces the body in place: no reload, the same stylesheet, the toolbar still answers', { skip }, async () => {
  const text = corpusFiles().find((c) => c.name.includes('2023'))!.text;
  const { context, tab } = await webviewTab(() => page(text, 'internal'));
  const styled = (): Promise<string> => tab.evaluate(() => getComputedStyle(document.querySelector('.audience button[aria-pressed="true"]')!).backgroundColor);
  const before = await styled();
  await tab.evaluate(() => {
    const w = window as unknown as { link: Element | null; loadedOnce: boolean };
    w.link = document.querySelector('link[rel="stylesheet"]');
    w.loadedOnce = true;
  });
  assert.deepEqual(await tab.evaluate(() => (window as unknown as { sent: unknown[] }).sent), [{ type: 'ready' }]);

  // She types: the next rendering arrives as a message.
  const edited = text.replace('Direktionen', 'Direktionen (rettet)');
  await tab.evaluate((html) => window.postMessage({ type: 'update', html }, '*'), page(edited, 'public'));
  await tab.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('rettet'));
  const after = await tab.evaluate(() => {
    const w = window as unknown as { link: Element | null; loadedOnce?: boolean };
    return {
      sameStylesheet: document.querySelector('link[rel="stylesheet"]') === w.link && w.link !== null,
      notReloaded: w.loadedOnce === true,
      scripts: document.querySelectorAll('script').length,
      pressed: document.querySelector('.audience button[aria-pressed="true"]')?.getAttribute('data-audience'),
    };
  });
  // The script ran once, at load; it is not brought in again with the body.
  assert.deepEqual(after, { sameStylesheet: true, notReloaded: true, scripts: 0, pressed: 'public' });
  assert.equal(await styled(), before, 'the active button is drawn by the stylesheet as before');
  // The toolbar of the new body still switches the version.
  await tab.click('.audience button[data-audience="internal"]');
  assert.deepEqual((await tab.evaluate(() => (window as unknown as { sent: unknown[] }).sent)).at(-1), { type: 'audience', value: 'internal' });
  await context.close();
});

test(
  'a rendering that changed a punkt or the header replaces only those: the page is then the new rendering, as a whole replacement makes it',
  { skip },
  async () => {
    const text = corpusFiles().find((c) => c.name.includes('2023'))!.text;
    const loaded = page(text, 'internal', 'first0nce');
    const { context, tab } = await webviewTab(() => loaded);
    /** The rendering sent as the extension sends it; then the body as it is, the body a whole replacement gives, and which punkt sections were kept. */
    const send = (html: string) =>
      tab.evaluate((h) => {
        const sections = Array.from(document.querySelectorAll('main > section.punkt'));
        window.dispatchEvent(new MessageEvent('message', { data: { type: 'update', html: h } }));
        const whole = new DOMParser().parseFromString(h, 'text/html');
        for (const s of whole.querySelectorAll('script')) s.remove();
        const now = Array.from(document.querySelectorAll('main > section.punkt'));
        // The script element the page was loaded with stays where only parts were replaced; it ran once, at load.
        const body = document.body.cloneNode(true) as HTMLElement;
        for (const sc of body.querySelectorAll('script')) sc.remove();
        return { body: body.innerHTML, whole: whole.body.innerHTML, kept: now.filter((s, i) => s === sections[i]).length, count: now.length };
      }, html);
    // Each step edits the text of the one before.
    const word = text.replace('Profilering af Lemvig Kommune blev drøftet.', 'Profilering af Lemvig Kommune blev drøftet grundigt.');
    const place = word.replace('Mødested Udvalgsværelse 1', 'Mødested Udvalgsværelse 2');
    const enter = place.replace('\n', '\n\n');
    const added = `${enter.trimEnd()}\n\nPunkt 7: Nyt\n\n00.01.00I00-3-23\n\nBeslutning\n\nGodkendt.\n`;
    // Without knowing what it shows, the first rendering replaces the whole body.
    assert.equal((await send(page(text, 'internal', 'second'))).kept, 0);
    // Told the page it was loaded with (as the extension tells it when it is ready), it replaces only what changed.
    await tab.goto(`${ORIGIN}/`, { waitUntil: 'load' });
    await tab.evaluate((html) => window.dispatchEvent(new MessageEvent('message', { data: { type: 'shown', html } })), loaded);
    // Each rendering has a nonce of its own, as the extension makes them.
    const steps: [string, string, 'internal' | 'public', (r: { kept: number; count: number }) => boolean][] = [
      ['the same text again', text, 'internal', (r) => r.kept === r.count],
      ['a word in one punkt', word, 'internal', (r) => r.kept === r.count - 1],
      ['the meeting place in the header', place, 'internal', (r) => r.kept === r.count],
      ['Enter below the title: every punkt a line down', enter, 'internal', (r) => r.kept === 0],
      ['the public version', enter, 'public', () => true],
      ['a punkt added', added, 'public', () => true],
    ];
    for (const [i, [what, next, audience, kept]] of steps.entries()) {
      const r = await send(page(next, audience, `nonce${i}`));
      assert.equal(r.body, r.whole, what);
      assert.ok(kept(r), `${what}: ${r.kept} of ${r.count} sections kept`);
    }
    await context.close();
  },
);

test('a rendering sent as the change from the page shown is made from that page; a change of another page asks for the whole one', { skip }, async () => {
  const text = corpusFiles().find((c) => c.name.includes('2023'))!.text;
  const loaded = page(text, 'internal');
  const { context, tab } = await webviewTab(() => loaded);
  await tab.evaluate((html) => window.dispatchEvent(new MessageEvent('message', { data: { type: 'shown', html, id: 's:1' } })), loaded);
  const edited = page(text.replace('Profilering af Lemvig Kommune blev drøftet.', 'Profilering af Lemvig Kommune blev drøftet grundigt.'), 'internal');
  // The change as the server makes it: where the two pages start and stop differing.
  let start = 0;
  while (loaded[start] === edited[start]) start++;
  let same = 0;
  while (same < loaded.length - start && loaded[loaded.length - 1 - same] === edited[edited.length - 1 - same]) same++;
  const patch = {
    type: 'patch',
    from: 's:1',
    id: 's:2',
    start,
    end: loaded.length - same,
    text: edited.slice(start, edited.length - same),
    length: edited.length,
  };
  const sendPatch = (msg: typeof patch) =>
    tab.evaluate((m) => {
      window.dispatchEvent(new MessageEvent('message', { data: m }));
      const body = document.body.cloneNode(true) as HTMLElement;
      for (const sc of body.querySelectorAll('script')) sc.remove();
      return { text: document.body.textContent ?? '', sent: (window as unknown as { sent: unknown[] }).sent };
    }, msg);
  const after = await sendPatch(patch);
  assert.match(after.text, /drøftet grundigt/);
  assert.deepEqual(after.sent, [{ type: 'ready' }]);
  // The next change is made from the page it made; one from a page it does not hold is not applied.
  const again = edited.replace('grundigt', 'kort');
  const second = {
    ...patch,
    from: 's:2',
    id: 's:3',
    start: edited.indexOf('grundigt'),
    end: edited.indexOf('grundigt') + 'grundigt'.length,
    text: 'kort',
    length: again.length,
  };
  assert.match((await sendPatch(second)).text, /drøftet kort/);
  const stale = await sendPatch({ ...second, from: 's:2', id: 's:4', text: 'Xyzzy', length: again.length - 'grundigt'.length + 'Xyzzy'.length });
  assert.doesNotMatch(stale.text, /Xyzzy/);
  assert.deepEqual(stale.sent.at(-1), { type: 'resync' });
  await context.close();
});

test('scrolling with the editor goes to the last block at or above its line, in the page as each rendering left it', { skip }, async () => {
  const text = corpusFiles().find((c) => c.name.includes('2023'))!.text;
  const { context, tab } = await webviewTab(() => page(text, 'internal'));
  /** Where the page stands after the editor's scroll to `line`, and where the block a reading of every block picks would put it. */
  const scrollTo = (line: number) =>
    tab.evaluate((l) => {
      let best: Element | undefined;
      for (const el of document.querySelectorAll('[data-line]')) {
        const at = Number(el.getAttribute('data-line'));
        if (at <= l && (!best || at >= Number(best.getAttribute('data-line')))) best = el;
      }
      if (best) best.scrollIntoView({ block: 'start' });
      else window.scrollTo(0, 0);
      const expected = window.scrollY;
      window.scrollTo(0, expected > 300 ? 0 : 5000);
      window.dispatchEvent(new MessageEvent('message', { data: { type: 'scroll', line: l } }));
      return { got: window.scrollY, expected };
    }, line);
  const lines = text.split('\n').length;
  for (const line of [0, 3, 20, Math.floor(lines / 2), lines - 5]) {
    const r = await scrollTo(line);
    assert.equal(r.got, r.expected, `line ${line}`);
  }
  // Twenty lines added above the punkter: every block moves down, and so does the scroll.
  const moved = text.replace('\n', '\n'.repeat(21));
  await tab.evaluate((html) => window.dispatchEvent(new MessageEvent('message', { data: { type: 'update', html } })), page(moved, 'internal'));
  for (const line of [25, Math.floor(lines / 2) + 20]) {
    const r = await scrollTo(line);
    assert.equal(r.got, r.expected, `after the rendering, line ${line}`);
  }
  await context.close();
});

test(
  'in a paragraph of many lines, as an import writes a section, the editor scrolls the preview to its line and a double-click reveals the line clicked',
  { skip },
  async () => {
    const text = corpusFiles().find((c) => c.name.includes('2023'))!.text;
    // Thirty lines of one paragraph under the first punkt's Sagsfremstilling, each its own source line.
    const anchor = 'HR-konsulent Ditte Ågård deltager i mødet kl. 10:00.';
    const lines = Array.from(
      { length: 30 },
      (_, i) => `Linje ${i + 1} af et afsnit, som importen skriver det, med tekst nok til at fylde en linje i forhåndsvisningen.`,
    );
    const long = text.replace(anchor, [anchor, ...lines].join('\n'));
    const first = long.split('\n').indexOf(anchor);
    const { context, tab } = await webviewTab(() => page(long, 'internal'));
    // The editor at the paragraph's twentieth line: the page stands with that line at its top (below the
    // version toolbar, as the stylesheet's scroll padding keeps every block), not the paragraph's first.
    const top = await tab.evaluate((line) => {
      window.dispatchEvent(new MessageEvent('message', { data: { type: 'scroll', line } }));
      const mark = document.querySelector(`span[data-line="${line}"]`)!;
      const padding = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
      return { mark: Math.round(mark.getBoundingClientRect().top - padding), paragraph: Math.round(mark.closest('p')!.getBoundingClientRect().top) };
    }, first + 20);
    assert.ok(Math.abs(top.mark) <= 1, `the line's mark at the top of the page, not ${top.mark} px away`);
    assert.ok(top.paragraph < -200, 'the paragraph begins well above the page');
    // A double-click on a word of the twenty-fifth line reveals that line.
    const box = await tab.evaluate((line) => {
      const mark = document.querySelector(`span[data-line="${line}"]`)!;
      mark.scrollIntoView({ block: 'center' });
      const r = mark.getBoundingClientRect();
      return { x: r.left + 30, y: r.top + r.height / 2 };
    }, first + 25);
    await tab.mouse.dblclick(box.x, box.y);
    assert.deepEqual((await tab.evaluate(() => (window as unknown as { sent: unknown[] }).sent)).at(-1), { type: 'reveal', line: first + 25 });
    // On the paragraph's first line, before any mark: the paragraph's own line.
    const start = await tab.evaluate((line) => {
      const p = document.querySelector(`p[data-line="${line}"]`)!;
      p.scrollIntoView({ block: 'start' });
      const r = p.getBoundingClientRect();
      return { x: r.left + 30, y: r.top + 8 };
    }, first);
    await tab.mouse.dblclick(start.x, start.y);
    assert.deepEqual((await tab.evaluate(() => (window as unknown as { sent: unknown[] }).sent)).at(-1), { type: 'reveal', line: first });
    await context.close();
  },
);

test('a refusal of the public version followed by another reason shows the new reason, and then the page when it is made', { skip }, async () => {
  const webview = { cspSource: ORIGIN, nonce: 'n0nce', styleUri: `${ORIGIN}/preview.css`, scriptUri: `${ORIGIN}/preview.js` };
  const first = refusalPage({ da: 'Første grund.', en: 'First reason.' }, 31, { audience: 'public', locale: 'da', webview });
  const second = refusalPage({ da: 'Anden grund.', en: 'Second reason.' }, 33, { audience: 'public', locale: 'da', webview });
  const { context, tab } = await webviewTab(() => first);
  const reason = (): Promise<string> => tab.evaluate(() => document.querySelector('main')!.textContent ?? '');
  assert.match(await reason(), /Første grund/);
  // As the extension tells a page loaded whole what it was loaded with.
  await tab.evaluate((html) => window.dispatchEvent(new MessageEvent('message', { data: { type: 'shown', html } })), first);
  await tab.evaluate((html) => window.dispatchEvent(new MessageEvent('message', { data: { type: 'update', html } })), second);
  assert.match(await reason(), /Linje 34: Anden grund/);
  assert.doesNotMatch(await reason(), /Første grund/);
  // The reason mended: the page itself, its punkter and no refusal left.
  const text = corpusFiles().find((c) => c.name.includes('2023'))!.text;
  await tab.evaluate((html) => window.dispatchEvent(new MessageEvent('message', { data: { type: 'update', html } })), page(text, 'public'));
  assert.equal(await tab.evaluate(() => document.querySelector('main.refused')), null);
  assert.ok((await tab.evaluate(() => document.querySelectorAll('main > section.punkt').length)) > 0);
  await context.close();
});
