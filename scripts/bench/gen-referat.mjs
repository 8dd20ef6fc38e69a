// Generates realistic referater of any size from the corpus: real punkter, renumbered, with a
// matching table of contents and distinct journal numbers, so a generated file has zero findings.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const source = readFileSync(`${root}test/fixtures/corpus/direktionen-2023-12-07.referat`, 'utf8');

const blocks = source.split(/\n(?=Punkt \d+: )/);
const openTemplates = blocks
  .slice(1)
  .filter((b) => !/^Punkt \d+: (Lukket|Eventuelt)/.test(b))
  .map((b) => {
    const [heading, , journal, ...rest] = b.split('\n');
    return { title: heading.replace(/^Punkt \d+: /, ''), journal, body: rest.join('\n').trimEnd() };
  });

const WEEKDAYS = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'];
const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const pad = (n) => String(n).padStart(2, '0');

/**
 * A referat of about targetBytes (UTF-8). Options: body (udvalg), date (a Date, UTC), firstSerial
 * and journalYear let an archive of many meetings have distinct, plausible journal numbers;
 * continues = {title, journal, bodyGenitive, date, punkt} makes punkt 1 a case carried over
 * from an earlier meeting.
 */
export function generateReferat(targetBytes, options = {}) {
  const body = options.body ?? 'Direktionen';
  const date = options.date ?? new Date(Date.UTC(2023, 11, 7));
  const yy = pad((options.journalYear ?? date.getUTCFullYear()) % 100);
  const serial0 = options.firstSerial ?? 1;
  const d = date.getUTCDate();
  const m = date.getUTCMonth();
  const y = date.getUTCFullYear();
  const weekday = WEEKDAYS[date.getUTCDay()];
  const header = [
    '',
    `REFERAT ${body} d. ${pad(d)}-${pad(m + 1)}-${y}`,
    '',
    `Mødedato ${weekday[0].toUpperCase()}${weekday.slice(1)} d. ${pad(d)}. ${MONTHS[m]} ${y} kl. 09:00`,
    '',
    'Mødested Udvalgsværelse 1, Lemvig Rådhus',
    '',
  ];
  const punkter = [];
  let bytes = Buffer.byteLength(header.join('\n'));
  for (let i = 0; bytes < targetBytes || punkter.length === 0; i++) {
    const t = openTemplates[i % openTemplates.length];
    const n = i + 1;
    const continued = i === 0 && options.continues;
    const title = continued ? options.continues.title : `${t.title} (${n})`;
    const journal = continued ? options.continues.journal : t.journal.replace(/-\d+-\d{2}$/, `-${serial0 + i}-${yy}`);
    // A case carried over from an earlier meeting quotes that decision, then the new one.
    const carried = continued
      ? `\nBeslutning fra ${options.continues.bodyGenitive} møde den ${options.continues.date.getUTCDate()}. ${MONTHS[options.continues.date.getUTCMonth()]} ${options.continues.date.getUTCFullYear()}, pkt. ${options.continues.punkt}:\n\nDrøftes igen på næste møde.\n\nSupplerende sagsfremstilling\n\nSagen er genoptaget med nyt materiale.\n\nBeslutning\n\nGodkendt.\n`
      : '';
    const text = `Punkt ${n}: ${title}\n\n${journal}\n${t.body}\n${carried}`;
    punkter.push({ title, text });
    bytes += Buffer.byteLength(text) + title.length + 12;
  }
  const n = punkter.length;
  punkter.push({ title: 'Eventuelt', text: `Punkt ${n + 1}: Eventuelt\n\n00.15.00I00-${serial0 + n}-${yy}\n\nBeslutning\n\nIntet.\n` });
  punkter.push({ title: 'Lukket: Møde med Borgmesteren', text: `Punkt ${n + 2}: Lukket: Møde med Borgmesteren\n\n00.01.00I00-${serial0 + n + 1}-${yy}\n` });
  const toc = ['Indholdsfortegnelse', '', ...punkter.map((p, i) => `${p.title}.....\t${i + 3}`), ''];
  return [...header, ...toc, punkter.map((p) => p.text).join('\n')].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(generateReferat(Number(process.argv[2] ?? 40_000)));
}
