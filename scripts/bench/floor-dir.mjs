// The archive's floor: what any index must at least do — read every referat below a folder, split
// its lines, test one regex per line — in one node process.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
let n = 0;
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.referat')) for (const line of readFileSync(p, 'utf8').split(/\r\n|\r|\n/)) if (/^Punkt \d+:/.test(line)) n++;
  }
};
walk(process.argv[2]);
process.stdout.write(`${n}\n`);
