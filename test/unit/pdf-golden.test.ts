import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { importSource } from '../../server/src/import/index';
import { readPdf } from '../../server/src/import/pdf';
import { cMapReader, defaultCMapDir } from '../../server/src/node/importer';
import { repoRoot } from '../helpers';

/*
 * What the PDF reader and the import make of every PDF among the fixtures, and of damaged copies of
 * the published ones, byte for byte as stored: a change made for speed (how pdf.js is loaded, how
 * its streams are inflated, how pages are read) must leave every result as it was. A change meant
 * to alter results updates them with UPDATE_SNAPSHOTS=1, and the diff shows what changed.
 */

const fixtures = join(repoRoot, 'test/fixtures');
const snapshots = join(repoRoot, 'test/unit/__snapshots__/pdf');
const cMaps = cMapReader(defaultCMapDir());

function pdfsUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => {
      const p = join(dir, e.name);
      if (e.isDirectory()) return pdfsUnder(p);
      return e.isFile() && e.name.toLowerCase().endsWith('.pdf') ? [p] : [];
    });
}

/** Deterministic damage of three kinds at places a seeded generator picks, as a download or a disk may do it. */
function damaged(source: Uint8Array, i: number): Uint8Array {
  let seed = 7 + i * 104_729;
  const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const b = Buffer.from(source);
  const at = Math.floor(random() * b.length);
  if (i % 3 === 0) for (let k = 0; k < 40; k++) b[Math.floor(random() * b.length)] = Math.floor(random() * 256);
  else if (i % 3 === 1) for (let k = at; k < Math.min(b.length, at + 1500); k++) b[k] = Math.floor(random() * 256);
  else {
    // Inside a compressed stream: what the inflating and the fonts see.
    const latin1 = b.toString('latin1');
    const starts = [...latin1.matchAll(/stream\r?\n/g)].map((m) => m.index + m[0].length);
    const s = starts[Math.floor(random() * starts.length)]! + 20;
    for (let k = 0; k < 6; k++) b[s + k] = (b[s + k] ?? 0) ^ 0xa5;
  }
  return new Uint8Array(b);
}

const digest = (lines: readonly string[]): string => createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);

/**
 * Everything a result holds, one JSON value a line where it is text: a diff shows the line that
 * changed. With `digests`, each page's and meeting's text is a digest of it (a damaged copy's text
 * is the original's but for its damage, and need not be stored again).
 */
async function describe(name: string, bytes: Uint8Array, { digests }: { readonly digests: boolean }): Promise<string> {
  const read = await readPdf(bytes, { cMaps, timeoutMs: 60_000 });
  const imported = await importSource(name, bytes, { cMap: cMaps, pdfTimeoutMs: 60_000 });
  const out: unknown[] = [];
  if (read.ok) {
    const { pages, text, ...rest } = read;
    out.push({ read: { ...rest, textLength: text.length } });
    pages.forEach((lines, p) => out.push(`page ${p + 1}`, ...(digests ? [digest(lines)] : lines)));
  } else out.push({ read });
  if (imported.ok) {
    const { meetings, ...rest } = imported;
    out.push({ import: rest });
    for (const { text, ...m } of meetings) out.push({ meeting: m }, ...(digests ? [digest(text.split('\n'))] : text.split('\n')));
  } else out.push({ import: imported });
  return `${out.map((x) => JSON.stringify(x)).join('\n')}\n`;
}

function compare(file: string, actual: string): void {
  const path = join(snapshots, file);
  if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(path)) {
    mkdirSync(snapshots, { recursive: true });
    writeFileSync(path, actual);
    if (process.env.CI) assert.fail(`snapshot ${path} was missing; run the tests locally and commit it`);
  }
  assert.equal(actual, readFileSync(path, 'utf8'));
}

const pdfs = pdfsUnder(fixtures);

test('the fixtures hold PDFs to compare', () => {
  assert.ok(pdfs.length >= 8, pdfs.join('\n'));
});

for (const path of pdfs) {
  const rel = relative(fixtures, path);
  test(`as stored: ${rel}`, async () => {
    compare(`${rel.replace(/[/\\ ]/g, '_')}.jsonl`, await describe(rel, readFileSync(path), { digests: false }));
  });
}

const PUBLISHED = [
  'aarhus-byraadet-2025-08-27.pdf',
  'ballerup-sundheds-og-forebyggelsesudvalget-2012-12-04.pdf',
  'syddjurs-udvalget-for-plan-udvikling-og-kultur-2013-06-20.pdf',
];
const DAMAGED_COPIES = 18;

test(`as stored: ${DAMAGED_COPIES} damaged copies of the published PDFs`, async () => {
  for (let i = 0; i < DAMAGED_COPIES; i++) {
    const name = PUBLISHED[i % PUBLISHED.length]!;
    const bytes = damaged(readFileSync(join(fixtures, 'sources', name)), i);
    compare(`damaged-${String(i).padStart(2, '0')}-${name.slice(0, 8)}.jsonl`, await describe(name, bytes, { digests: true }));
  }
});
