import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kleCatalog } from '../../server/src/model/kle';
import { parseReferat } from '../../server/src/model/parse';
import { PunktMemory } from '../../server/src/model/build';
import { documentFacts, punktFindings, punktRule } from '../../server/src/rules/perPunkt';
import { checkReferat } from '../../server/src/rules/index';
import { repoRoot } from '../helpers';

const text = readFileSync(join(repoRoot, 'test/fixtures/corpus/direktionen-2023-12-07.referat'), 'utf8');

test("a per-punkt rule judges again only the punkter an edit touched, and every punkt when the document's facts change", () => {
  const judged: number[] = [];
  const rule = punktRule({
    code: 'test-rule',
    severity: 'warning',
    description: { da: 'prøve', en: 'test' },
    checkPunkt(p) {
      judged.push(p.number);
      return /drøftet grundigt/.test(p.sections.map((s) => s.body.map((l) => l.text).join('\n')).join('\n'))
        ? [{ range: p.headingRange, message: { da: 'grundigt', en: 'thoroughly' } }]
        : [];
    },
  });
  const memory = new PunktMemory();
  const run = (t: string) => {
    const referat = parseReferat(t, undefined, { memory });
    const ctx = { referat, kle: kleCatalog() };
    judged.length = 0;
    return { found: punktFindings(rule, rule.perPunkt!, ctx, documentFacts(ctx)), referat };
  };
  const first = run(text);
  assert.equal(judged.length, first.referat.punkter.length);
  assert.equal(first.found.length, 0);
  // One punkt edited: it alone is judged, and its new finding comes out.
  const edited = text.replace('Profilering af Lemvig Kommune blev drøftet.', 'Profilering af Lemvig Kommune blev drøftet grundigt.');
  const second = run(edited);
  assert.equal(judged.length, 1);
  assert.equal(second.found.length, 1);
  // Nothing changed: nothing judged, the finding remembered.
  assert.equal(run(edited).found.length, 1);
  assert.equal(judged.length, 0);
  // The header's text is no fact of a punkt: a weekday or a place edited there judges nothing again.
  const place = edited.replace('Mødedato Torsdag d. 07.', 'Mødedato Fredag d. 07.').replace('Mødested Udvalgsværelse 1', 'Mødested Udvalgsværelse 2');
  assert.notEqual(place, edited);
  assert.equal(run(place).found.length, 1);
  assert.equal(judged.length, 0);
  // Another meeting day is another fact: every punkt is judged again.
  const moved = place.replace('Mødedato Fredag d. 07. december 2023', 'Mødedato Fredag d. 08. december 2023');
  assert.notEqual(moved, place, 'Mødedato names the meeting day');
  run(moved);
  assert.equal(judged.length, first.referat.punkter.length);
});

test("the check's findings on an edited document equal a check from scratch, rule for rule", () => {
  const memory = new PunktMemory();
  checkReferat(parseReferat(text, undefined, { memory }));
  const edited = text.replace('Profilering af Lemvig Kommune blev drøftet.', 'Profilering af Lemvig Kommune blev.\n\n- \n');
  const remembered = checkReferat(parseReferat(edited, undefined, { memory }));
  assert.ok(remembered.some((d) => d.code === 'empty-bullet'));
  assert.deepEqual(remembered, checkReferat(parseReferat(edited)));
});

test('a referat checked once (the command line) has the findings of one checked with memory, in every dialect and fixture', () => {
  const dirs = ['test/fixtures/corpus', 'test/fixtures/dialects', 'test/fixtures/rules', 'test/fixtures/protokol'].map((d) => join(repoRoot, d));
  const files = dirs
    .flatMap((d) => (existsSync(d) ? readdirSync(d, { recursive: true }).map((f) => join(d, String(f))) : []))
    .filter((f) => f.endsWith('.referat'));
  assert.ok(files.length >= 20, `only ${files.length} fixtures`);
  let findings = 0;
  for (const file of files) {
    const t = readFileSync(file, 'utf8');
    const once = checkReferat(parseReferat(t), { reading: 'once' });
    findings += once.length;
    assert.deepEqual(once, checkReferat(parseReferat(t)), file);
  }
  assert.ok(findings > 0, 'no fixture had a finding: nothing was compared');
});
