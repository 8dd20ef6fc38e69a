import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { PunktMemory } from '../../server/src/model/build';
import { parseReferat } from '../../server/src/model/parse';
import { renderHtml } from '../../server/src/render/html';
import { loadSpeller } from '../../server/src/node/speller';
import { createLanguageService } from '../../server/src/service/languageService';
import { MemoryWorkspace } from '../../server/src/workspace/memoryWorkspace';
import { ROOT } from '../features/helpers';
import { corpusDir, repoRoot } from '../helpers';

/*
 * Incremental work is only an optimisation: a document read again after edits, with the punkter
 * of its last reading in memory, has exactly the model and the findings of a fresh reading of the
 * same text. Checked over random edits to real referater (the corpus, beslutningsprotokoller).
 */

const protokolDir = join(repoRoot, 'test/fixtures/protokol');
const referater = [
  ...readdirSync(corpusDir).map((f) => join(corpusDir, f)),
  ...readdirSync(protokolDir)
    .filter((f) => f.endsWith('.referat'))
    .map((f) => join(protokolDir, f)),
].map((p) => readFileSync(p, 'utf8'));

interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

// What a secretary types: a letter, a line, a heading, a decision, a journal number, a date; or deletes.
const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  remove: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 200 })),
  insert: fc.constantFrom(
    '',
    'x',
    ' ',
    '\n',
    '\n\n',
    'æøå',
    'Punkt 3: Nyt punkt\n',
    '\nBeslutning\n\nGodkendt.\n',
    '81.39.15G01-4-23\n',
    'Torsdag d. 7. december 2023',
    '- ',
    // CPR numbers, also over a line break: the rule remembers which lines of a punkt may hold one.
    ' 010203-1234 ',
    '0102\n03-1234',
    '1511850000',
  ),
});

function apply(text: string, e: Edit): string {
  const at = text.length === 0 ? 0 : e.at % text.length;
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

type Service = ReturnType<typeof createLanguageService>;

/**
 * The edits applied in turn to a document open in `edited`: after each, its findings equal those a
 * service made by `fresh` gives the same text read once; with a `memory`, so does the model of a
 * reading with that memory. `place` moves each edit (to a line's start).
 */
async function assertEditedAsFresh(
  services: { readonly edited: () => Promise<Service>; readonly fresh: () => Promise<Service> },
  start: string,
  edits: readonly Edit[],
  options: { readonly place?: (text: string, e: Edit) => Edit; readonly memory?: PunktMemory } = {},
): Promise<void> {
  const { place = (_text: string, e: Edit) => e, memory } = options;
  const service = await services.edited();
  const uri = `file://${ROOT}/m.referat`;
  let text = start;
  let version = 1;
  if (memory) parseReferat(text, undefined, { memory });
  assert.ok(Array.isArray(await service.findings({ uri, version, getText: () => text })));
  for (const e of edits) {
    text = apply(text, place(text, e));
    const current = text;
    if (memory) assert.deepEqual(parseReferat(text, undefined, { memory }).punkter, parseReferat(text).punkter);
    service.forget(uri);
    const incremental = await service.findings({ uri, version: ++version, getText: () => current });
    const fresh = await services.fresh();
    assert.deepEqual(incremental, await fresh.findings({ uri, version: 1, getText: () => current }));
    fresh.dispose();
  }
  service.dispose();
}

let speller: ReturnType<typeof loadSpeller> | undefined;

/** A service as the editor's, the spell check on once its dictionary (loaded once) is there. */
async function spellingService(): Promise<Service> {
  const loaded = await (speller ??= loadSpeller());
  const s = createLanguageService({ workspace: new MemoryWorkspace(), locale: 'da', speller: () => Promise.resolve(loaded) });
  s.setRoots([ROOT]);
  await s.spellingReady();
  return s;
}

test('a referat read again after random edits, with its punkter in memory, has the model of a fresh reading', () => {
  fc.assert(
    fc.property(fc.nat({ max: referater.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (which, edits) => {
      const memory = new PunktMemory();
      let text = referater[which]!;
      parseReferat(text, undefined, { memory });
      for (const e of edits) {
        text = apply(text, e);
        const again = parseReferat(text, undefined, { memory });
        const fresh = parseReferat(text);
        assert.deepEqual(again.punkter, fresh.punkter);
        assert.deepEqual(again.toc, fresh.toc);
        assert.deepEqual(again.header, fresh.header);
      }
    }),
    { numRuns: 60 },
  );
});

test('the findings of a document edited in the service equal those of a fresh service reading it once', async () => {
  const service =
    (options: { readonly reading?: 'once' } = {}) =>
    () => {
      const s = createLanguageService({ workspace: new MemoryWorkspace(), ...options });
      s.setRoots([ROOT]);
      return Promise.resolve(s);
    };
  await fc.assert(
    fc.asyncProperty(fc.nat({ max: referater.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (which, edits) =>
      // The fresh check reads as the command line does, once and keeping nothing.
      assertEditedAsFresh({ edited: service(), fresh: service({ reading: 'once' }) }, referater[which]!, edits),
    ),
    { numRuns: 30 },
  );
});

test('with the spell check on, the notes of an edited document equal those of a fresh check, the cap included', async () => {
  // Misspellings typed into the text, many of them, so the document's cap of notes is reached too.
  const typo = fc.record({
    at: fc.nat(),
    remove: fc.constant(0),
    insert: fc.constantFrom(' beslutnnig ', ' kommmune ', '\nSkrivfejl overalt: aaa bbb ccc ddd eee fff ggg.\n', 'Byrådt'),
  });
  await fc.assert(
    fc.asyncProperty(
      fc.nat({ max: referater.length - 1 }),
      fc.array(fc.oneof(edit, typo), { minLength: 1, maxLength: 6 }),
      fc.boolean(),
      (which, edits, flood) =>
        assertEditedAsFresh(
          { edited: spellingService, fresh: spellingService },
          referater[which]! + (flood ? Array.from({ length: 400 }, (_, i) => `Ordet zqx${i}q står her.`).join('\n') : ''),
          edits,
        ),
    ),
    { numRuns: 12 },
  );
});

// Lines added and removed (Enter, a line deleted, a paragraph pasted): the punkter after the edit are moved, not built.
const lineEdit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  remove: fc.constantFrom(0, 1),
  // A section written twice: its finding names the first one's line, which moves with it.
  insert: fc.constantFrom('\n', '\n\n', '', 'Et nyt afsnit.\n', '\n- Et punkt i en liste\n', 'Beslutning\n\nGodkendt.\n\n'),
});

/** The edit moved to the start of the line it falls on: whole lines added or removed. */
function atLineStart(text: string, e: Edit): Edit {
  const at = text.length === 0 ? 0 : e.at % text.length;
  return { ...e, at: text.lastIndexOf('\n', at) + 1 };
}

test('whole lines added and removed: the model and the findings, spelling notes included, are those of a fresh reading', async () => {
  await fc.assert(
    fc.asyncProperty(fc.nat({ max: referater.length - 1 }), fc.array(lineEdit, { minLength: 1, maxLength: 6 }), (which, edits) =>
      assertEditedAsFresh({ edited: spellingService, fresh: spellingService }, referater[which]!, edits, {
        place: atLineStart,
        memory: new PunktMemory(),
      }),
    ),
    { numRuns: 15 },
  );
});

test('the preview and the export of a referat read again after edits, each punkt rendered once and kept, equal a fresh rendering', () => {
  const audiences = ['internal', 'public'] as const;
  const rendered = (referat: ReturnType<typeof parseReferat>): string[] => audiences.map((audience) => renderHtml(referat, { audience, locale: 'da' }));
  // Each edition of its own reading: nothing kept from one is seen by the other.
  const fresh = (text: string): string[] => audiences.map((audience) => renderHtml(parseReferat(text), { audience, locale: 'da' }));
  fc.assert(
    fc.property(
      fc.nat({ max: referater.length - 1 }),
      fc.array(
        fc.oneof(
          edit,
          lineEdit.map((e) => ({ ...e, lines: true })),
        ),
        { minLength: 1, maxLength: 8 },
      ),
      (which, edits) => {
        const memory = new PunktMemory();
        let text = referater[which]!;
        rendered(parseReferat(text, undefined, { memory }));
        for (const e of edits) {
          text = apply(text, 'lines' in e ? atLineStart(text, e) : e);
          assert.deepEqual(rendered(parseReferat(text, undefined, { memory })), fresh(text));
        }
      },
    ),
    { numRuns: 60, examples: [[0, [{ at: 0, remove: 0, insert: '\n', lines: true }]]] },
  );
});

test('a punkt kept from memory is rendered anew when what it is rendered with changed: a referat retitled as a dagsorden shows no missing decision', () => {
  const memory = new PunktMemory();
  const referat = referater[0]!;
  // A punkt without its decision: the referat says it is missing, a dagsorden has none yet.
  const undecided = referat.replace(/\nBeslutning\n\n[^\n]+\n/, '\nBeslutning\n\n');
  assert.notEqual(undecided, referat);
  const dagsorden = undecided.replace('REFERAT Direktionen', 'DAGSORDEN Direktionen');
  const asReferat = renderHtml(parseReferat(undecided, undefined, { memory }), { audience: 'internal' });
  assert.match(asReferat, /class="missing-decision"/);
  const again = renderHtml(parseReferat(dagsorden, undefined, { memory }), { audience: 'internal' });
  assert.equal(again, renderHtml(parseReferat(dagsorden), { audience: 'internal' }));
  assert.doesNotMatch(again, /class="missing-decision"/);
});

test('a finding whose message names a line says the line where its punkt now stands', async () => {
  const service = createLanguageService({ workspace: new MemoryWorkspace() });
  service.setRoots([ROOT]);
  const uri = `file://${ROOT}/m.referat`;
  const original = referater[0]!;
  // A second Beslutning in the punkt of the first: `duplicate-section` names the first one's line.
  const next = original.indexOf('\nPunkt ', original.indexOf('\nBeslutning\n')) + 1;
  const twice = `${original.slice(0, next)}Beslutning\n\nGodkendt igen.\n\n${original.slice(next)}`;
  const first = await service.findings({ uri, version: 1, getText: () => twice });
  const duplicate = (found: typeof first) => (Array.isArray(found) ? found : []).filter((d) => d.code === 'duplicate-section');
  assert.equal(duplicate(first).length, 1);
  // Enter below the title: the punkt, and the line its message names, one further down.
  const at = twice.indexOf('\n') + 1;
  const down = `${twice.slice(0, at)}\n${twice.slice(at)}`;
  service.forget(uri);
  const after = duplicate(await service.findings({ uri, version: 2, getText: () => down }));
  assert.equal(after.length, 1);
  assert.equal(after[0]!.range.start.line, duplicate(first)[0]!.range.start.line + 1);
  const line = (m: string) => Number(/(?:linje|line) (\d+)/.exec(m)?.[1]);
  assert.equal(line(after[0]!.message), line(duplicate(first)[0]!.message) + 1);
  service.dispose();
});

test('an edit inside one punkt builds that punkt again; the others come from memory', () => {
  const memory = new PunktMemory();
  const text = referater[0]!;
  const before = parseReferat(text, undefined, { memory });
  assert.ok(before.punkter.length > 2);
  const last = before.punkter[before.punkter.length - 1]!;
  const at = text.indexOf('\n', text.lastIndexOf(last.title)) + 1;
  const after = parseReferat(`${text.slice(0, at)}x${text.slice(at)}`, undefined, { memory });
  const same = after.punkter.filter((p, i) => p === before.punkter[i]).length;
  assert.equal(same, before.punkter.length - 1);
  assert.notEqual(after.punkter[after.punkter.length - 1], last);
});
