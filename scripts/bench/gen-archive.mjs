// A secretariat's archive: five bodies meeting weekly for years, one referat per meeting, each
// first punkt a case carried over from that body's previous meeting.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateReferat } from './gen-referat.mjs';

export const BODIES = [
  { name: 'Direktionen', genitive: 'Direktionens', folder: 'direktionen' },
  { name: 'Økonomi- og Erhvervsudvalget', genitive: 'Økonomi- og Erhvervsudvalgets', folder: 'oeu' },
  { name: 'Kommunalbestyrelsen', genitive: 'Kommunalbestyrelsens', folder: 'kb' },
  { name: 'Arbejdsmarkeds- og Integrationsudvalget', genitive: 'Arbejdsmarkeds- og Integrationsudvalgets', folder: 'aiu' },
  { name: 'Teknik- og Miljøudvalget', genitive: 'Teknik- og Miljøudvalgets', folder: 'tmu' },
];

/** Writes `count` referater under dir; returns what it wrote, for tests and the bench. */
export function generateArchive(dir, count = 2000, bytesEach = 20_000) {
  const written = [];
  const perBody = Math.ceil(count / BODIES.length);
  BODIES.forEach((body, b) => {
    let previous;
    for (let k = 0; k < perBody && written.length < count; k++) {
      // Weekly from 2016-01-04 (a Monday), each body on its own weekday.
      const date = new Date(Date.UTC(2016, 0, 4 + b + 7 * k));
      const year = date.getUTCFullYear();
      const caseJournal = `00.01.00P${String(20 + b).padStart(2, '0')}-${b + 1}-16`;
      const text = generateReferat(bytesEach, {
        body: body.name,
        date,
        journalYear: year,
        firstSerial: 1000 * (b + 1) + (k % 1000) * 0 + k * 20,
        continues: previous
          ? { title: `Fælles sag for ${body.name}`, journal: caseJournal, bodyGenitive: body.genitive, date: previous, punkt: 1 }
          : { title: `Fælles sag for ${body.name}`, journal: caseJournal, bodyGenitive: body.genitive, date: new Date(Date.UTC(2015, 11, 1)), punkt: 1 },
      });
      const y = String(year);
      mkdirSync(join(dir, body.folder, y), { recursive: true });
      const iso = date.toISOString().slice(0, 10);
      const file = join(dir, body.folder, y, `${body.folder}-${iso}.referat`);
      writeFileSync(file, text);
      written.push({ file, body: body.name, date: iso });
      previous = date;
    }
  });
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, count] = process.argv.slice(2);
  const w = generateArchive(dir, Number(count ?? 2000));
  console.log(`${w.length} referater in ${dir}`);
}
