// The floor: what any line-oriented checker must at least do — read the file, split lines,
// test one regex per line.
import { readFileSync } from 'node:fs';
const text = readFileSync(process.argv[2], 'utf8');
let n = 0;
for (const line of text.split(/\r\n|\r|\n/)) if (/^Punkt \d+:/.test(line)) n++;
process.stdout.write(`${n}\n`);
