import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentOf, ROOT, serviceWith } from './helpers';

/*
 * The udvalg's members and parties from referat.yaml: a header that names no party still has its
 * votes counted, and a vote is added up on hover.
 */

const YAML = `udvalg:
  - navn: Byrådet
    medlemmer:
      - Anna Holm (A)
      - Bent Lund (A)
      - Dorte Vang (V)
      - Erik Sand (V)
      - Inge Bak (Ø)
`;

const REFERAT = (count: string): string => `REFERAT Byrådet d. 04-04-2024

Mødedato Torsdag d. 04. april 2024 kl. 19:00

Mødested Byrådssalen

Mødedeltagere Anna Holm, Bent Lund, Dorte Vang, Erik Sand, Inge Bak

Punkt 1: Ny skolestruktur

17.01.00P05-2-24

Beslutning

Godkendt med ${count}.

For stemte: (A) og (V).

Imod stemte: (Ø).
`;

test("referat.yaml's members give the parties: a count the lists contradict is found; a right one is not", async () => {
  const service = await serviceWith({ 'referat.yaml': YAML });
  const findings = async (count: string) =>
    (await service.findings(documentOf(`${ROOT}/byraad.referat`, REFERAT(count)))).filter((d) => d.code.startsWith('vote-'));
  assert.deepEqual(await findings('4 stemmer for og 1 imod'), []);
  const wrong = await findings('5 stemmer for og 1 imod');
  assert.deepEqual(
    wrong.map((d) => [d.code, d.range.start.line]),
    [['vote-count-mismatch', 14]],
  );
  // Without referat.yaml no party is known: the lists are not counted, only the total against those present.
  const bare = await serviceWith({});
  const unknown = (await bare.findings(documentOf(`${ROOT}/byraad.referat`, REFERAT('5 stemmer for og 1 imod')))).filter((d) => d.code.startsWith('vote-'));
  assert.deepEqual(
    unknown.map((d) => d.message),
    ['Punkt 1: 6 stemmer, men kun 5 medlemmer er til stede.'],
  );
  assert.deepEqual(
    (await bare.findings(documentOf(`${ROOT}/byraad.referat`, REFERAT('4 stemmer for og 1 imod')))).filter((d) => d.code.startsWith('vote-')),
    [],
  );
});

test('hover on a vote adds it up with those present', async () => {
  const service = await serviceWith({ 'referat.yaml': YAML });
  const text = REFERAT('4 stemmer for og 1 imod');
  const h = await service.hover(documentOf(`${ROOT}/byraad.referat`, text), { line: 16, character: 3 }, text.split('\n')[16]);
  const value = h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
  assert.match(value, /For 4 · Imod 1 · Undlod 0 · 5 medlemmer/);
});

test('hover on a vote names those present whom it names on no side, where no written count settles it', async () => {
  const service = await serviceWith({ 'referat.yaml': YAML });
  const hoverAt = async (text: string): Promise<string> => {
    const line = text.split('\n').findIndex((l) => l.startsWith('For stemte'));
    const h = await service.hover(documentOf(`${ROOT}/byraad.referat`, text), { line, character: 3 }, text.split('\n')[line]);
    return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
  };
  const without = REFERAT('flertal').replace('For stemte: (A) og (V).', 'For stemte: (A) og Dorte Vang.');
  assert.match(await hoverAt(without), /Til stede, men ikke nævnt i afstemningen: Erik Sand \(V\)/);
  // Everyone named: nothing more to say.
  assert.doesNotMatch(await hoverAt(REFERAT('flertal')), /ikke nævnt/);
  // A written count settles it: the lists may name only the minority.
  assert.doesNotMatch(await hoverAt(REFERAT('4 stemmer for og 1 imod').replace('For stemte: (A) og (V).', 'For stemte: (A).')), /ikke nævnt/);
});
