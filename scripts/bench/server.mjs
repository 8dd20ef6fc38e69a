// The language server's latency over stdio, p50 and p95: edit → diagnostics published (onType,
// no debounce), completion, document symbols, on a 40 KB and a 1 MB referat, side by side with
// a request that does no work (the protocol's own cost); then, with the default settings (onSave,
// the spell check on), edit + save → the diagnostics of that edit, as a secretary meets them.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateReferat } from './gen-referat.mjs';
import { createRequire } from 'node:module';
import { row, stats, timeCollected as time } from './stats.mjs';

// The protocol tests' own client, bundled by the build: one LSP client for tests and benchmarks.
const { LspClient } = createRequire(import.meta.url)('../../out/bench/lspClient.js');

const quick = process.argv.includes('--quick');
const N = quick ? 50 : 200;

function rssMb(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

const widths = [10, 52, 10, 10];
const lines = [
  `\nlanguage server over stdio — ${N} requests each; with the spell check (on by default) and, side by side, without it\n`,
  row(['size', 'request', 'p50 ms', 'p95 ms'], widths),
];
const notes = [];

for (const spelling of [false, true]) {
  const dir = mkdtempSync(join(tmpdir(), 'referat-bench-server-'));
  const server = new LspClient();
  const started = performance.now();
  await server.initialize(dir, {
    locale: 'da',
    settings: { validate: { trigger: 'onType', debounceMs: 0 }, ...(spelling ? {} : { rules: { spelling: 'off' } }) },
  });
  await server.waitIndexed();
  const tag = spelling ? 'spelling' : 'no spelling';
  for (const size of [40_000, 1_000_000]) {
    const text = generateReferat(size);
    const uri = pathToFileURL(join(dir, `bench-${size}.referat`)).href;
    let version = 1;
    const opened = performance.now();
    const first = server.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri);
    await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'referat', version, text } });
    await first;
    if (size === 40_000)
      notes.push(
        `${tag}: server start → first diagnostics of the 40 KB referat ${(performance.now() - started).toFixed(0)} ms (open → diagnostics ${(performance.now() - opened).toFixed(0)} ms)`,
      );
    // With the spell check, measure once the dictionary is there: its findings are published by then.
    if (spelling)
      await Promise.race([
        server.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'spelling')),
        new Promise((resolve) => setTimeout(resolve, 30_000)),
      ]);
    const lineOf = text.split('\n');
    const bodyLine = lineOf.findIndex((l) => l.startsWith('Deltagerkredsen til Lemvig'));
    const journalLine = lineOf.findIndex((l) => /^\d{2}\.\d{2}\.\d{2}/.test(l));
    const label = `${(Buffer.byteLength(text) / 1000).toFixed(0)} KB`;

    const ping = [];
    const edit = [];
    const completion = [];
    const symbols = [];
    for (let i = 0; i < N; i++) {
      ping.push(await time(() => server.conn.sendRequest('referat/ping')));
      // Type one character into a body line, as a secretary would; wait for that version's findings.
      const v = ++version;
      const published = server.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === v);
      edit.push(
        await time(async () => {
          await server.conn.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: v },
            contentChanges: [{ range: { start: { line: bodyLine, character: 0 }, end: { line: bodyLine, character: 0 } }, text: i % 2 ? 'x' : '' }],
          });
          await published;
        }),
      );
      completion.push(
        await time(() => server.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: journalLine, character: 2 } })),
      );
      symbols.push(await time(() => server.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })));
    }
    for (const [name, samples] of [
      ['baseline: ping (no work)', ping],
      ['edit → diagnostics published (onType)', edit],
      ['completion (journal-number line)', completion],
      ['documentSymbol', symbols],
    ]) {
      const st = stats(samples);
      lines.push(row([label, `${name}, ${tag}`, st.median.toFixed(2), st.p95.toFixed(2)], widths));
    }
  }
  notes.push(`${tag}: server resident memory after both documents ${rssMb(server.child.pid).toFixed(0)} MB`);
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
// The default settings: findings follow saving, the spell check is on. Each edit changes the
// findings (a weekday turned wrong and right again), is saved as an editor saves (the file on
// disk, didSave, the watcher's change), and is timed until the diagnostics of that version arrive;
// the text the editor writes is made before the timing starts (an editor holds it), its write is timed.
{
  const SAVES = quick ? 15 : 30;
  // Longer than the server's wait before it makes the findings of a pause (PREPARE_AFTER_MS), as a pause in typing is.
  const PAUSE_MS = 500;
  const dir = mkdtempSync(join(tmpdir(), 'referat-bench-save-'));
  // Her referat is a file of her archive when the editor starts, as the ones she opens are: read by
  // the archive's index at start, not met first at its first save.
  const sizes = [40_000, 1_000_000];
  const texts = new Map(sizes.map((size) => [size, generateReferat(size)]));
  for (const [size, text] of texts) writeFileSync(join(dir, `save-${size}.referat`), text);
  const server = new LspClient();
  await server.initialize(dir, { locale: 'da' });
  await server.waitIndexed();
  lines.push('', `edit + save → diagnostics of that edit, default settings (onSave, spell check on) — ${SAVES} saves each`, '');
  for (const size of sizes) {
    const text = texts.get(size);
    const path = join(dir, `save-${size}.referat`);
    const uri = pathToFileURL(path).href;
    const published = new Map();
    server.listen((m, p) => {
      if (m === 'textDocument/publishDiagnostics' && p.uri === uri) published.set(p.version, (published.get(p.version) ?? 0) + 1);
    });
    let version = 1;
    const hasSpelling = (p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'spelling');
    const spelled = server.waitFor('textDocument/publishDiagnostics', hasSpelling);
    await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'referat', version, text } });
    // Once the dictionary is there: its findings are published by then (a generated referat has some notes).
    const withSpelling = await Promise.race([spelled, new Promise((resolve) => setTimeout(() => resolve(undefined), 30_000))]);
    const lineOf = text.split('\n');
    const dateLine = lineOf.findIndex((l) => l.startsWith('Mødedato '));
    const weekday = /^Mødedato (\S+)/.exec(lineOf[dateLine])[1];
    const wrong = weekday === 'Mandag' ? 'Tirsdag' : 'Mandag';
    let current = weekday;
    const samples = [];
    let lastFindings = 0;
    for (let i = 0; i < SAVES; i++) {
      const next = current === weekday ? wrong : weekday;
      const v = ++version;
      lineOf[dateLine] = lineOf[dateLine].replace(current, next);
      // The editor holds its text: what it writes on the save is ready before her edit.
      const saved = lineOf.join('\n');
      const done = server.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === v);
      samples.push(
        await time(async () => {
          await server.conn.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: v },
            contentChanges: [{ range: { start: { line: dateLine, character: 9 }, end: { line: dateLine, character: 9 + current.length } }, text: next }],
          });
          writeFileSync(path, saved);
          await server.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
          await server.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
          lastFindings = (await done).diagnostics;
        }),
      );
      current = next;
    }
    // As she mostly works: an edit, a pause in her typing, then the save; timed from the save.
    const paused = [];
    for (let i = 0; i < SAVES; i++) {
      const next = current === weekday ? wrong : weekday;
      const v = ++version;
      lineOf[dateLine] = lineOf[dateLine].replace(current, next);
      const done = server.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === v);
      await server.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start: { line: dateLine, character: 9 }, end: { line: dateLine, character: 9 + current.length } }, text: next }],
      });
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      const saved = lineOf.join('\n');
      paused.push(
        await time(async () => {
          // The save writes the file, as at once above.
          writeFileSync(path, saved);
          await server.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
          await server.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
          lastFindings = (await done).diagnostics;
        }),
      );
      current = next;
    }
    // Enter, and the line taken away again (with the weekday turned, so the findings change): every
    // punkt below moves one line, and is moved, not read again. Saved at once, after the saves above.
    const entered = [];
    for (let i = 0; i < SAVES; i++) {
      const next = current === weekday ? wrong : weekday;
      const v = ++version;
      lineOf[dateLine] = lineOf[dateLine].replace(current, next);
      const end = lineOf[dateLine].length;
      const adds = i % 2 === 0;
      if (adds) lineOf.splice(dateLine + 1, 0, '');
      else lineOf.splice(dateLine + 1, 1);
      const saved = lineOf.join('\n');
      const done = server.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === v);
      entered.push(
        await time(async () => {
          await server.conn.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: v },
            contentChanges: [
              { range: { start: { line: dateLine, character: 9 }, end: { line: dateLine, character: 9 + current.length } }, text: next },
              adds
                ? { range: { start: { line: dateLine, character: end }, end: { line: dateLine, character: end } }, text: '\n' }
                : { range: { start: { line: dateLine, character: end }, end: { line: dateLine + 1, character: 0 } }, text: '' },
            ],
          });
          writeFileSync(path, saved);
          await server.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
          await server.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
          lastFindings = (await done).diagnostics;
        }),
      );
      current = next;
    }
    await server.conn.sendRequest('referat/ping');
    const st = stats(samples);
    const label = `${(Buffer.byteLength(text) / 1000).toFixed(0)} KB`;
    lines.push(row([label, 'edit + save → diagnostics of that edit', st.median.toFixed(2), st.p95.toFixed(2)], widths));
    const sp = stats(paused);
    lines.push(row([label, `edit, ${PAUSE_MS} ms pause, save → diagnostics`, sp.median.toFixed(2), sp.p95.toFixed(2)], widths));
    const se = stats(entered);
    lines.push(row([label, 'Enter (a line added or removed) + save at once', se.median.toFixed(2), se.p95.toFixed(2)], widths));
    const twice = [...published.values()].filter((n) => n > 1).length;
    const spelling = lastFindings.filter((d) => d.code === 'spelling');
    notes.push(
      `${label} save: ${published.size} versions published, ${twice} of them more than once; ${lastFindings.length} findings, ${spelling.length} spelling notes (${new Set(spelling.map((d) => d.message)).size} distinct)${withSpelling ? '' : ' — the dictionary did not arrive in 30 s'}`,
    );
    await server.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}

console.log([...lines, '', ...notes].join('\n'));
