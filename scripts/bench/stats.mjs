// Medians and p95s, timing, and table rows for the benchmarks.
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

export function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  return { median: q(0.5), p95: q(0.95), n: s.length };
}

// The benchmark's own garbage, collected before a sample is timed: a pause of this process's collector
// inside a sample is no time of the server's (a 1 MB save's 13th sample took 25 ms, 15 of them this
// process's collector after the texts its saves had written).
v8.setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc');

/** How long `fn` takes, timed after the benchmark's own garbage is collected. */
export async function timeCollected(fn) {
  collectGarbage();
  return time(fn);
}

export async function time(fn) {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export function row(cells, widths) {
  return cells.map((c, i) => (i < 2 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' ');
}
