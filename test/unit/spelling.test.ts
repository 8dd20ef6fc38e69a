import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { findSpellingData, loadedSpeller, loadSpeller, type Speller } from '../../server/src/node/speller';
import type { HouseWord } from '../../server/src/spelling/speller';
import { edits } from '../../server/src/spelling/suggest';
import { isInsideSentence, words } from '../../server/src/spelling/words';
import { corpusFiles, repoRoot, scratchDir } from '../helpers';

const list = (line: string): string[] => [...words(line)].map((t) => t.word);
let speller: Promise<Speller> | undefined;
const danish = (): Promise<Speller> => (speller ??= loadSpeller());

// --- the engine ---

test('valid Danish compounds are accepted, the ones a naive checker rejects among them', async () => {
  const s = await danish();
  for (const w of [
    'ansættelsesstop',
    'kvalitetsstandarder',
    'administrationsanalysen',
    'styregruppemøde',
    'kommunaldirektøren',
    'budgetforhandlingerne',
    'digitaliseringsstrategi',
    'rekrutteringsudfordringer',
    'nettoanlægsudgiftsbevilling',
    'Deltagerkredsen',
    'HR-konsulent',
    'Lemvig-modellen',
    'skole-',
    'cd’er',
  ]) {
    assert.ok(s.correct(w), w);
  }
});

test('the usual abbreviations are words with their period, and not without it', async () => {
  const s = await danish();
  for (const w of [
    'kl.',
    'pct.',
    'stk.',
    'ca.',
    'inkl.',
    'jf.',
    'bl.a.',
    'mv.',
    'evt.',
    'fx',
    'dvs.',
    'mio.',
    'mia.',
    'nr.',
    'pkt.',
    'f.eks.',
    'Sagsnr.',
    'Jf.',
  ]) {
    assert.ok(s.correct(w), w);
  }
  for (const w of ['kl', 'jf', 'bl.a']) assert.ok(!s.correct(w), w);
});

test('typos of each kind are flagged and the right word is among the first three suggestions', async () => {
  const s = await danish();
  const cases: [string, string][] = [
    ['beslutnig', 'beslutning'], // a letter dropped
    ['kommmunen', 'kommunen'], // doubled
    ['beslutnign', 'beslutning'], // swapped
    ['orienterign', 'orientering'],
    ['moede', 'møde'], // æ/ø/å written ae/oe/aa
    ['boern', 'børn'],
    ['aarsag', 'årsag'],
    ['ressourcekortlaegning', 'ressourcekortlægning'], // a compound, which Hunspell's own suggest never offers
    ['Beslutnign', 'Beslutning'], // a sentence's first word keeps its capital
    ['arelaer', 'arealer'], // real typos from published minutes
    ['abonnemeter', 'abonnementer'],
    ['igang', 'i gang'], // two words written as one
    ['iøvrigt', 'i øvrigt'],
  ];
  for (const [typo, right] of cases) {
    assert.ok(!s.correct(typo), `${typo} is flagged`);
    const got = s.suggest(typo);
    assert.ok(got.length <= 3, `${typo}: at most three, got ${got.join(', ')}`);
    assert.ok(got.includes(right), `${typo} → ${right}, got ${got.join(', ')}`);
  }
  assert.deepEqual(s.suggest('beslutnign', 1), ['beslutning']);
  assert.deepEqual(s.suggest('igang', 1), ['i gang'], 'the space left out is the likeliest slip');
  // Two edits away: Hunspell's own suggestions are the fallback.
  assert.ok(s.suggest('besluttnigen').includes('beslutningen'));
});

test('suggestions rank a word of the dictionary above a compound that merely passes', async () => {
  const s = await danish();
  assert.equal(s.suggest('vuggestun')[0], 'vuggestuen');
  assert.equal(s.suggest('afdelinen')[0], 'afdelingen');
});

test('the speller is loaded once, lazily, and leaves no process hooks behind', async () => {
  const before = process.listenerCount('uncaughtException');
  const a = loadSpeller();
  assert.equal(loadSpeller(), a);
  const s = await a;
  assert.equal(loadedSpeller(), s);
  assert.equal(process.listenerCount('uncaughtException'), before);
});

test('a missing dictionary is a clear error, and a later call may try again', async () => {
  const empty = scratchDir('referat-spelling-');
  try {
    await assert.rejects(loadSpeller({ dataDir: empty }), /da_DK\.aff/);
    await assert.rejects(loadSpeller({ dataDir: empty }), /da_DK\.aff/);
    assert.equal(loadedSpeller({ dataDir: empty }), undefined);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
  assert.equal(findSpellingData(tmpdir()), undefined);
});

test('one-edit candidates cover each kind of slip, æ/ø/å first', () => {
  const all = [...edits('moede')].map((c) => c.word);
  assert.equal(all[0], 'møde');
  for (const w of ['mode', 'moedde', 'omede', 'moeder']) assert.ok(all.includes(w), w);
  assert.deepEqual([...edits('x'.repeat(61))], []);
});

test('on the Lemvig corpus the engine flags only real typos and rare words outside names', async () => {
  const s = await danish();
  let count = 0;
  const flagged: string[] = [];
  for (const f of corpusFiles()) {
    for (const line of f.text.split(/\r?\n/)) {
      for (const t of words(line)) {
        count++;
        if (/^\p{Lu}/u.test(t.word) && isInsideSentence(line, t.start)) continue;
        if (!s.correct(t.word)) flagged.push(t.word);
      }
    }
  }
  assert.ok(count > 4000);
  // Typos (frealtion, udbejdet, beslutes, Kommuniveau, igang), abbreviations without their
  // period (ift, ifm, opd.), and words Stavekontrolden lacks.
  assert.deepEqual([...new Set(flagged)].sort(), [
    'Kommuniveau',
    'Quantic',
    'beslutes',
    'frealtion',
    'ifm',
    'ift',
    'igang',
    'netværkscafeen',
    'opd.',
    'udbejdet',
  ]);
});

// --- compounds, the house's words, abbreviations ---

test('compounds of known words pass, with or without a linking -s-/-e-, the last part inflected; typos in them do not', async () => {
  const s = await danish();
  for (const w of ['milepælsplan', 'milepælsplanen', 'Milepælsplan', 'milepælsplanerne', 'businesscase', 'kvalitetsmilepæl', 'milepælsmødet']) {
    assert.ok(s.correct(w), `${w} is a compound of known words`);
  }
  for (const w of [
    'beslutingen',
    'tidsplanenn',
    'milepælsplanenn',
    'milepælsplna',
    'milepælsingen', // `ingen` ends no compound
    'miplan', // parts of fewer than four letters
    'arelaer', // `are` + `laer`: stems of three letters
    'frealtion',
    'besluttnigen',
    'udbejdet',
    'netværkscafeen', // `cafeen` is no word: Stavekontrolden writes `caféen`
    'frealtion',
  ]) {
    assert.ok(!s.correct(w), `${w} is flagged`);
  }
});

test('an adjective in -bar of a verb in -ere passes, inflected; a typo in the verb, a comparative or a wrong ending does not', async () => {
  const s = await danish();
  for (const w of ['implementerbar', 'implementerbare', 'Implementerbart', 'finansierbar', 'kontrollerbare', 'prioriterbart']) {
    assert.ok(s.correct(w), `${w} is -bar of a verb in -ere`);
  }
  for (const w of [
    'implemeterbar', // a typo in the verb
    'implementerbarr',
    'implementerbars',
    'hurtigerbar', // `hurtigere` is a comparative, not a verb
    'erbar',
    'implementebar',
  ]) {
    assert.ok(!s.correct(w), `${w} is flagged`);
  }
});

test('the abbreviations of public administration are known, and an abbreviation is corrected only to one of the same shape', async () => {
  const s = await danish();
  for (const w of [
    'cpr-nr.',
    'cvr-nr.',
    'j.nr.',
    'J.nr.',
    'sagsnr.',
    'Sagsnr.',
    'jf.',
    'jfr.',
    'bl.a.',
    'pkt.',
    'stk.',
    'mio.',
    'mia.',
    'kr.',
    'inkl.',
    'ekskl.',
    'evt.',
    'ca.',
    'vedr.',
    'iht.',
    'm.fl.',
    'mv.',
    'pga.',
  ])
    assert.ok(s.correct(w), w);
  assert.deepEqual(list('Oplys cpr-nr. og cvr-nr. samt j.nr. i sagen, jf. pkt. 3'), [
    'Oplys',
    'cpr-nr.',
    'og',
    'cvr-nr.',
    'samt',
    'j.nr.',
    'i',
    'sagen',
    'jf.',
    'pkt.',
  ]);
  assert.deepEqual(list('Husk dit cpr-nr.'), ['Husk', 'dit', 'cpr-nr.']);
  assert.deepEqual(list('Husk dit CPR-nr.'), ['Husk', 'dit', 'nr.']);
  assert.deepEqual(list('Husk dit cpr-nrr.'), ['Husk', 'dit', 'cpr-nrr.']);
  // An abbreviation whose period the ellipsis took (Greve: `osv…`) is the abbreviation; another word before one is judged.
  assert.deepEqual(list('Biler, både osv…'), ['Biler', 'både']);
  assert.deepEqual(list('Biler, både osvv… og mere'), ['Biler', 'både', 'osvv', 'og', 'mere']);
  assert.equal(s.suggest('cpr-nrr.')[0], 'cpr-nr.');
  assert.deepEqual(s.suggest('sagnr.').slice(0, 1), ['sagsnr.']);
  assert.deepEqual(s.suggest('Cvr-nt.').slice(0, 1), ['Cvr-nr.']);
  for (const typo of ['cpr-nrr.', 'cpr-nar.', 'cvr-nor.', 'jnr.', 'vedrr.', 'xyz-qq.'])
    for (const got of s.suggest(typo, 10)) assert.match(got, /[-.]/u, `${typo} → ${got} keeps its marks`);
  // A word before a period that does not end the sentence is corrected as a word; a longer abbreviation the dictionary knows is found too.
  assert.ok(s.suggest('beslutnig.').includes('beslutning.'), s.suggest('beslutnig.').join(', '));
  assert.ok(s.suggest('jornalnr.').includes('journalnr.'), s.suggest('jornalnr.').join(', '));
  // A hyphenated word keeps its hyphen.
  for (const got of s.suggest('Lemvig-modelen', 10)) assert.ok(got.includes('-'), got);
});

test("a word of the house accepts its inflections by its model's affix rules, the model guessed or given", async () => {
  const s = await danish();
  const house = (list: HouseWord[]): Speller => {
    const h = s.withWords?.(list);
    assert.ok(h, 'the host makes house spellers');
    return h;
  };
  const bare = house([{ word: 'mindreforbrug' }]);
  for (const w of ['mindreforbrug', 'Mindreforbruget', 'mindreforbrugene', 'mindreforbrugets', 'mindreforbrugs', 'mindreforbrugsplan', 'mindreforbrugsplanen'])
    assert.ok(bare.correct(w), `${w}: an inflection or compound of the house's mindreforbrug`);
  for (const w of ['mindreforbrugenn', 'mindreforbrugetx', 'mindrefobrug']) assert.ok(!bare.correct(w), `${w} is flagged`);
  // Without the house's word, the dictionary alone flags the plural (it gives `forbrug` none; `Mindreforbruget` it reads as `mindre` + `forbruget`).
  assert.ok(!s.correct('mindreforbrugene'));
  // A model given where the guess is wrong: `kvartersløft` ends in `løft`, a verb as well as a noun.
  // The README's example.
  const shield = house([{ word: 'klimaskjold', model: 'skjold' }]);
  for (const w of ['klimaskjoldet', 'klimaskjoldene', 'klimaskjolde']) assert.ok(shield.correct(w), w);
  const given = house([{ word: 'havbrise', model: 'brise' }]);
  for (const w of ['havbrisen', 'havbriser', 'havbriserne', 'havbriseprojektet']) assert.ok(given.correct(w), w);
  assert.ok(!given.correct('havbrisenn'));
  // A word with no model in the dictionary is known as written, and nothing else.
  const odd = house([{ word: 'qzxwv' }]);
  assert.ok(odd.correct('qzxwv'));
  assert.ok(!odd.correct('qzxwvene'));
  // The same list gives the same speller; the dictionary itself never changes.
  assert.equal(house([{ word: 'mindreforbrug' }]), bare);
  assert.ok(!s.correct('mindreforbrugene'));
});

// --- after bundling, as the language server is built ---

test('bundled like dist/server.js, the engine finds dist/spelling (dictionary and WebAssembly) beside it and needs no node_modules', () => {
  const dist = join(repoRoot, 'dist/spelling');
  assert.deepEqual(readdirSync(dist).sort(), [...readdirSync(join(repoRoot, 'server/data/spelling')), 'da_DK.stems', 'hunspell-asm.js'].sort());
  assert.match(readFileSync(join(repoRoot, '.vscodeignore'), 'utf8'), /^!dist\/spelling\/\*\*$/m);
  const dir = scratchDir('referat-spelling-bundle-');
  try {
    const entry = join(dir, 'probe.ts');
    writeFileSync(
      entry,
      [
        `import { loadSpeller } from ${JSON.stringify(join(repoRoot, 'server/src/node/speller'))};`,
        'loadSpeller().then((s) => console.log(JSON.stringify({ ok: s.correct("kvalitetsstandarder"), bad: s.correct("moede"), fix: s.suggest("moede") })));',
      ].join('\n'),
    );
    const esbuild = join(repoRoot, 'node_modules/.bin/esbuild');
    const b = spawnSync(
      esbuild,
      [entry, '--bundle', '--platform=node', '--target=node20', '--format=cjs', `--outfile=${join(dir, 'server.js')}`, '--log-level=warning'],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    assert.equal(b.status, 0, b.stderr);
    // The WebAssembly engine stays out of the bundle, so a server start does not parse it.
    assert.ok(statSync(join(dir, 'server.js')).size < 100_000);
    cpSync(dist, join(dir, 'spelling'), { recursive: true });
    // A folder outside the repository: nothing can be found in the source tree or node_modules.
    const r = spawnSync(process.execPath, [join(dir, 'server.js')], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_PATH: '' } });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { ok: boolean; bad: boolean; fix: string[] };
    assert.equal(out.ok, true);
    assert.equal(out.bad, false);
    assert.equal(out.fix[0], 'møde');
    assert.ok(existsSync(join(dir, 'spelling/LICENSE-MPL-1.1.txt')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// --- the tokenizer ---

test('words of prose come with offsets that slice back to them', () => {
  const line = 'Kommunaldirektøren indstiller, at sagen drøftes.';
  const ts = [...words(line)];
  assert.deepEqual(
    ts.map((t) => t.word),
    ['Kommunaldirektøren', 'indstiller', 'at', 'sagen', 'drøftes'],
  );
  for (const t of ts) assert.equal(line.slice(t.start, t.end), t.word);
  // Two lines walked side by side do not disturb each other.
  const a = words('en to tre');
  const b = words('fire fem seks');
  const pairs: string[] = [];
  for (let x = a.next(), y = b.next(); !x.done && !y.done; x = a.next(), y = b.next()) pairs.push(`${x.value.word}/${y.value.word}`);
  assert.deepEqual(pairs, ['en/fire', 'to/fem', 'tre/seks']);
});

test('numbers, dates and times are skipped', () => {
  assert.deepEqual(list('Mødet holdes 3. marts 2025, og igen 18-02-2019 og 10 sept. 2025'), ['Mødet', 'holdes', 'og', 'igen', 'og']);
  assert.deepEqual(list('Sept. 2012: Anderledes temauge'), ['Anderledes', 'temauge']);
  assert.deepEqual(list('Mødet starter kl. 10:00 og slutter 15.45'), ['Mødet', 'starter', 'kl.', 'og', 'slutter']);
  assert.deepEqual(list('Der er 12 deltagere, 2,5 pct. og 1.250.000 kr. i alt'), ['Der', 'er', 'deltagere', 'pct.', 'og', 'kr.', 'i', 'alt']);
});

test('case numbers of every scheme are skipped', () => {
  for (const n of ['00.01.00I00-3-23', 'EMN-2025-003383', '24-008574', '12/27845', '2012-28504', '00.16.00-P20-1-16']) {
    assert.deepEqual(list(`Sagen ${n} behandles`), ['Sagen', 'behandles'], n);
  }
});

test('URLs, e-mail addresses and file names are skipped', () => {
  assert.deepEqual(list('Se https://www.lemvig.dk/politik og www.aarhus.dk samt borger.dk.'), ['Se', 'og', 'samt']);
  assert.deepEqual(list('Skriv til post@lemvig.dk (eller hr.jensen@aarhus.dk).'), ['Skriv', 'til', 'eller']);
  assert.deepEqual(list('Bilag: Direktionsmøde.pdf og deltag.aarhus'), ['Bilag', 'og']);
});

test('all-capital abbreviations are skipped, also with an ending or in a compound', () => {
  assert.deepEqual(list('KL og BDO, HR samt SF'), ['og', 'samt']);
  assert.deepEqual(list("KL's anbefaling og BDO-rapporten"), ['anbefaling', 'og', 'rapporten']);
  const t = [...words('BDO-rapporten')][0]!;
  assert.deepEqual([t.start, t.end], [4, 13]);
  assert.deepEqual(list('K.B. og IT'), ['og']);
});

test('words with digits are skipped', () => {
  assert.deepEqual(list('Broen ved Dokk1 mindsker CO2-udledningen'), ['Broen', 'ved', 'mindsker']);
});

test('what is not skipped: names, æøåéü, inner hyphens and apostrophes, shared compounds, lone capitals', () => {
  assert.deepEqual(list('Ditte Ågård fra Ærø og Müller på café'), ['Ditte', 'Ågård', 'fra', 'Ærø', 'og', 'Müller', 'på', 'café']);
  assert.deepEqual(list("e-mails og cd'er, app’en"), ['e-mails', 'og', "cd'er", 'app’en']);
  assert.deepEqual(list('Børne- og ungebyrådet, skole-/dagtilbud'), ['Børne-', 'og', 'ungebyrådet', 'skole-', 'dagtilbud']);
  assert.deepEqual(list('I må gerne, sagde hun'), ['I', 'må', 'gerne', 'sagde', 'hun']);
  assert.deepEqual(list('Punkt A-B'), ['Punkt', 'A-B']);
});

test('an abbreviation keeps its period, a sentence keeps its own', () => {
  assert.deepEqual(list('Der er bl.a. givet tilskud, jf. bilag, f.eks. til ca. 3 mv.'), [
    'Der',
    'er',
    'bl.a.',
    'givet',
    'tilskud',
    'jf.',
    'bilag',
    'f.eks.',
    'til',
    'ca.',
    'mv.',
  ]);
  assert.deepEqual(list('Sagen drøftes. Derefter besluttes den.'), ['Sagen', 'drøftes', 'Derefter', 'besluttes', 'den']);
  // An unknown abbreviation is known by what follows its period.
  assert.deepEqual(list('Sagsnr.: 12 og svar på flg. spørgsmål'), ['Sagsnr.', 'og', 'svar', 'på', 'flg.', 'spørgsmål']);
  assert.deepEqual(list('Markdown: **Beslutning** og *tekst*'), ['Markdown', 'Beslutning', 'og', 'tekst']);
  assert.deepEqual(list('beslutning.Derefter'), ['beslutning', 'Derefter']);
});

test('a capitalised word inside a sentence is told from a sentence start', () => {
  const inside = (line: string, word: string): boolean => isInsideSentence(line, line.indexOf(word));
  assert.equal(inside('Ditte Ågård deltager', 'Ditte'), false);
  assert.equal(inside('HR-konsulent Ditte Ågård deltager', 'Ditte'), true);
  assert.equal(inside('Sagen drøftes. Derefter', 'Derefter'), false);
  assert.equal(inside('Tilstede: Lars Hansen', 'Lars'), false);
  assert.equal(inside('Hvem? Lars', 'Lars'), false);
  assert.equal(inside('- At sagen drøftes', 'At'), false);
  assert.equal(inside('  • Beslutning', 'Beslutning'), false);
  assert.equal(inside('1. Meddelelser', 'Meddelelser'), false);
  assert.equal(inside('## **Beslutning**', 'Beslutning'), false);
  assert.equal(inside('Mødet\tLemvig Rådhus', 'Lemvig'), false);
  assert.equal(inside('mødes med (Lemvig Kommune)', 'Lemvig'), true);
  assert.equal(inside('sagde „Vi', 'Vi'), true);
  assert.equal(inside('deltager kl. Lars', 'Lars'), true);
  assert.equal(inside('bl.a. Lemvig', 'Lemvig'), true);
  assert.equal(inside('det blev vedtaget mv. Lemvig', 'Lemvig'), false);
});

test('property: the tokenizer never throws, and its words slice back, in order, without digits', () => {
  const piece = fc.oneof(
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom(
      'kl. 10:00',
      '3. marts 2025',
      '00.01.00I00-3-23',
      'bl.a.',
      'HR-konsulent',
      'www.lemvig.dk',
      'a@b.dk',
      'Børne- og',
      "KL's",
      'æøå',
      '- ',
      '. ',
      '\t',
      'f.eks.',
      '1.250.000 kr.',
      '’',
      '-',
      '.',
      '..',
    ),
  );
  fc.assert(
    fc.property(
      fc.array(piece, { maxLength: 12 }).map((a) => a.join(' ')),
      fc.array(piece, { maxLength: 6 }).map((a) => a.join('')),
      (a, b) => {
        for (const line of [a, b, a + b]) {
          let last = 0;
          for (const t of words(line)) {
            assert.equal(line.slice(t.start, t.end), t.word);
            assert.ok(t.start >= last && t.end > t.start);
            assert.doesNotMatch(t.word, /\d/);
            last = t.end;
            isInsideSentence(line, t.start);
          }
        }
      },
    ),
    { numRuns: 500 },
  );
});
