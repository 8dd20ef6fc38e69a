/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { parseReferat, renderHtml } from '../../server/src/core';
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
const page = (text: string, audience: 'internal' | 'public'): string =>
  renderHtml(parseReferat(text), {
    audience,
    webview: { cspSource: ORIGIN, nonce: 'n0nce', styleUri: `${ORIGIN}/preview.css`, scriptUri: `${ORIGIN}/preview.js` },
  });

test('a new rendering replaces the body in place: no reload, the same stylesheet, the toolbar still answers', { skip }, async () => {
  const context = await browser!.newContext({ viewport: { width: 900, height: 700 } });
  const tab = await context.newPage();
  // The webview's own resources, served as VS Code serves them; its API, stood in for.
  await tab.route(`${ORIGIN}/**`, (route) => {
    const name = new URL(route.request().url()).pathname.slice(1);
    void route.fulfill({ body: readFileSync(join(repoRoot, 'media', name), 'utf8'), contentType: name.endsWith('.css') ? 'text/css' : 'text/javascript' });
  });
  await tab.addInitScript(() => {
    const w = window as unknown as { sent: unknown[]; acquireVsCodeApi: () => object };
    w.sent = [];
    let state: unknown;
    w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => w.sent.push(m), getState: () => state, setState: (s: unknown) => (state = s) });
  });
  const text = corpusFiles().find((c) => c.name.includes('2023'))!.text;
  await tab.route(`${ORIGIN}/`, (route) => void route.fulfill({ body: page(text, 'internal'), contentType: 'text/html' }));
  await tab.goto(`${ORIGIN}/`, { waitUntil: 'load' });
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
