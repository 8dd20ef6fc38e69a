// Core throughput inside one process: parse + every rule, against the floor done in-process too.
const { parseReferat, checkReferat } = require('../../out/bench/core.js');
const { pathToFileURL } = require('node:url');
const path = require('node:path');

(async () => {
  const { generateReferat } = await import(pathToFileURL(path.join(__dirname, 'gen-referat.mjs')).href);
  const [, , ...args] = process.argv;
  const runs = Number(args.pop());
  const lines = [
    `\nin-process — ${runs} runs each, after one warm-up\n`,
    `${'size'.padEnd(8)} ${'what'.padEnd(34)} ${'median ms'.padStart(10)} ${'p95 ms'.padStart(10)} ${'MB/s'.padStart(8)} ${'× floor'.padStart(8)}`,
  ];
  for (const size of args.map(Number)) {
    const text = generateReferat(size);
    const mb = Buffer.byteLength(text) / 1e6;
    const floor = () => {
      let n = 0;
      for (const line of text.split(/\r\n|\r|\n/)) if (/^Punkt \d+:/.test(line)) n++;
      return n;
    };
    const check = () => checkReferat(parseReferat(text)).length;
    const parseOnly = () => parseReferat(text).punkter.length;
    const measure = (fn) => {
      fn();
      const t = [];
      for (let i = 0; i < runs; i++) {
        const t0 = process.hrtime.bigint();
        fn();
        t.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      t.sort((a, b) => a - b);
      return { median: t[Math.floor(t.length / 2)], p95: t[Math.min(t.length - 1, Math.ceil(0.95 * t.length) - 1)] };
    };
    const f = measure(floor);
    for (const [name, fn] of [
      ['floor (split, 1 regex/line)', floor],
      ['parse (lexer, parser, model)', parseOnly],
      ['parse + all rules', check],
    ]) {
      const s = name.startsWith('floor') ? f : measure(fn);
      lines.push(
        `${`${mb.toFixed(1)} MB`.padEnd(8)} ${name.padEnd(34)} ${s.median.toFixed(1).padStart(10)} ${s.p95.toFixed(1).padStart(10)} ${(mb / (s.median / 1000)).toFixed(1).padStart(8)} ${(s.median / f.median).toFixed(2).padStart(8)}`,
      );
    }
  }
  console.log(lines.join('\n'));
})();
