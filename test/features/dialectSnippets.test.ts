import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionItemKind, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { parseReferat } from '../../server/src/core';
import { dialectById } from '../../server/src/dialect/dialects';
import { applyEdits, documentOf, lineAt, ROOT, serviceWith } from './helpers';

/*
 * referat.yaml's dialect picks the form of the snippets: a new referat begun with the header
 * snippet and a punkt snippet, its blanks filled as a secretary fills them, is read in that
 * dialect with nothing to complain about.
 */

const UDVALG = `udvalg:
  - navn: Økonomiudvalget
    medlemmer: [Anne Holm, Bo Lund]
    mødested: Byrådssalen
    mødetid: "16:00"
`;

/** The text a snippet inserts once she has typed `values[n]` into tab stop n (defaults and the first choice elsewhere). */
function expand(snippet: string, values: Readonly<Record<number, string>>): string {
  const chosen = new Map<number, string>();
  const value = (n: number, fallback: string): string => {
    if (!chosen.has(n)) chosen.set(n, values[n] ?? fallback);
    return chosen.get(n)!;
  };
  let out = '';
  for (let i = 0; i < snippet.length;) {
    const c = snippet[i]!;
    if (c === '\\' && i + 1 < snippet.length) {
      out += snippet[i + 1];
      i += 2;
      continue;
    }
    const m = /^\$(?:(\d+)|\{(\d+):((?:\\.|[^}\\])*)\}|\{(\d+)\|((?:\\.|[^|\\])*)\|\})/.exec(snippet.slice(i));
    if (c === '$' && m) {
      if (m[1] !== undefined) out += value(Number(m[1]), '');
      else if (m[2] !== undefined) out += value(Number(m[2]), m[3]!.replace(/\\(.)/g, '$1'));
      else out += value(Number(m[4]), m[5]!.split(/(?<!\\),/)[0]!.replace(/\\(.)/g, '$1'));
      i += m[0].length;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

interface Form {
  readonly dialect: string;
  /** The case number she writes in the punkt; none where the dialect's punkter have none. */
  readonly caseNumber?: string;
  /** The header's line that has the date: the dialect's own form of it. */
  readonly dateLine: string;
  readonly punkt: string;
  /** The punkt's sections as the snippet heads them, in order. */
  readonly sections: readonly string[];
}
const FORMS: readonly Form[] = [
  {
    dialect: 'sbsys',
    caseNumber: '00.01.00A00-12-25',
    dateLine: 'Mødedato Mandag d. 03. februar 2025 kl. 16:00',
    punkt: 'Punkt 1: Budgetopfølgning',
    sections: ['Sagsfremstilling', 'Beslutning'],
  },
  {
    dialect: 'first-agenda-pdf',
    caseNumber: 'EMN-2025-000412',
    dateLine: 'Mødedato Mandag d. 03. februar 2025 kl. 16:00',
    punkt: 'Punkt 1: Budgetopfølgning',
    sections: ['Beslutninger', 'Resume'],
  },
  {
    dialect: 'first-agenda-page',
    caseNumber: 'EMN-2025-000412',
    dateLine: 'Mødedato:\tmandag den 3. februar 2025 kl. 16.00',
    punkt: '1',
    sections: ['Beslutninger', 'Resume'],
  },
  {
    dialect: 'greve',
    caseNumber: '25-000412',
    dateLine: 'Mødedato Mandag d. 03. februar 2025 kl. 16:00',
    punkt: 'Punkt 1: Budgetopfølgning',
    sections: ['Beslutning', 'Fremstilling', 'Sagsprocedure', 'Resume', 'Indstilling'],
  },
  {
    dialect: 'edoc',
    caseNumber: '2025-00412',
    dateLine: 'mandag den 3. februar 2025, kl. 16:00',
    punkt: '1.   Budgetopfølgning',
    sections: ['Sammendrag', 'Indstilling', 'Økonomiudvalgets beslutning den 03.02.2025 Punkt 1'],
  },
  {
    dialect: 'acadre',
    caseNumber: '25/00412',
    dateLine: 'Mandag den 3. februar 2025',
    punkt: '1. Budgetopfølgning',
    sections: ['Resumé', 'Indstilling', 'Beslutning i Økonomiudvalget den 03-02-2025'],
  },
  {
    dialect: 'sbsys-edagsorden',
    dateLine: 'mandag den 3. februar 2025, kl. 16:00',
    punkt: '1.   Budgetopfølgning',
    sections: ['Sammendrag', 'Indstilling', 'Beslutning'],
  },
  {
    dialect: 'edoc-fujitsu',
    caseNumber: '2025-000412',
    dateLine: 'mandag den 3. februar 2025, kl. 16:00',
    punkt: '1. Budgetopfølgning',
    sections: ['Præsentation', 'Forvaltningen foreslår', 'Sagsbeskrivelse', 'Økonomi', 'Høring', 'Beslutning'],
  },
  {
    dialect: 'getorganized-publication',
    dateLine: 'Mødedato:\t3. februar 2025',
    punkt: 'Punkt 1: Budgetopfølgning',
    sections: ['Sagsfremstilling', 'Indstilling', 'Beslutning'],
  },
  {
    dialect: 'getorganized',
    dateLine: 'Dato:         3. februar 2025',
    punkt: '1  Budgetopfølgning',
    sections: ['Oplæg:', 'Referat:'],
  },
];

/** What she types into the punkt snippet's tab stops: the case number where the form has one, else the text of its first section. */
const punktValues = (form: Form, values: Readonly<Record<number, string>>): Readonly<Record<number, string>> =>
  form.caseNumber === undefined ? { ...values, 2: values[4]! } : { ...values, 2: form.caseNumber };

for (const form of FORMS) {
  test(`${form.dialect}: the header and punkt snippets write a referat in that form, correct once filled in`, async () => {
    const files = { 'referat.yaml': `dialekt: ${form.dialect}\n${UDVALG}` };
    const service = await serviceWith(files);
    const path = `${ROOT}/2025-02-03-oekonomiudvalget.referat`;

    // The header, on an empty file.
    let text = '';
    const header = (await service.completion(documentOf(path, text), { line: 0, character: 0 }, '')).items;
    assert.equal(header.length, 1);
    const headerEdit = header[0]!.textEdit as TextEdit;
    text = applyEdits(text, [{ range: headerEdit.range, newText: expand(headerEdit.newText, {}) }]);
    assert.ok(text.includes('Økonomiudvalget') && text.includes('2025') && text.includes('Byrådssalen'), text);

    // The first punkt, on the line after the header.
    const lines = text.split('\n');
    const last = lines.length - 1;
    const doc = documentOf(path, text);
    const items: CompletionItem[] = (await service.completion(doc, { line: last, character: lineAt(text, last).length }, lineAt(text, last))).items;
    const punkt = items.find((i) => i.kind === CompletionItemKind.Snippet && !/lukket/i.test(i.label));
    assert.ok(punkt, `a punkt snippet among ${items.map((i) => i.label).join(', ')}`);
    const punktEdit = punkt.textEdit as TextEdit;
    const filled = expand(
      punktEdit.newText,
      punktValues(form, {
        0: 'Taget til efterretning.',
        1: 'Budgetopfølgning',
        3: form.dialect === 'acadre' ? 'Økonomiudvalget' : 'Opfølgningen viser et mindreforbrug.',
        4: 'Opfølgningen viser et mindreforbrug.',
        5: 'Administrationen indstiller, at opfølgningen tages til efterretning.',
      }),
    );
    text = applyEdits(text, [{ range: punktEdit.range, newText: filled }]);
    assert.ok(text.split('\n').includes(form.dateLine), text);
    assert.ok(text.split('\n').includes(form.punkt), text);

    const referat = parseReferat(text, dialectById(form.dialect));
    assert.equal(referat.header.title?.udvalg, 'Økonomiudvalget', text);
    assert.deepEqual(
      referat.header.deltagere?.names.map((n) => n.name),
      ['Anne Holm', 'Bo Lund'],
      text,
    );
    assert.equal(referat.punkter.length, 1, text);
    const punktRead = referat.punkter[0]!;
    assert.equal(punktRead.title, 'Budgetopfølgning');
    assert.deepEqual(
      punktRead.sections.map((s) => s.title),
      form.sections,
      text,
    );
    // A case number where the form has one; where it has none, no line of the punkt is taken for one.
    if (form.caseNumber !== undefined) assert.equal(punktRead.journal?.kind, 'valid');
    else assert.equal(punktRead.journal, undefined, text);
    const found = await service.findings(documentOf(path, text));
    assert.deepEqual(
      found.map((d) => `${d.range.start.line + 1} ${d.code}: ${d.message}`),
      [],
      text,
    );
  });
}

test("the general snippets stay where the dialect has no form of its own, and Lemvig's indstiller line only in SBSYS", async () => {
  const labels = async (dialect: string): Promise<string[]> => {
    const service = await serviceWith({ 'referat.yaml': `dialekt: ${dialect}\n${UDVALG}` });
    const text =
      'REFERAT Økonomiudvalget d. 03-02-2025\n\nMødedato Mandag d. 3. februar 2025 kl. 16:00\n\nMødested Byrådssalen\n\nPunkt 1: Budget\n\n00.01.00A00-12-25\n\nBeslutning\n\nGodkendt.\n\n';
    // Above the decision, where a recommendation stands (after it, SBSYS's order has none).
    const list = await service.completion(documentOf(`${ROOT}/x.referat`, text), { line: 9, character: 0 }, '');
    return list.items.filter((i) => i.kind === CompletionItemKind.Snippet).map((i) => i.label);
  };
  const sbsys = await labels('sbsys');
  assert.ok(
    sbsys.some((l) => l.endsWith(' indstiller, - At …')),
    sbsys.join(', '),
  );
  assert.ok(sbsys.includes('Beslutning fra … møde den …, pkt. …:'));
  const aarhus = await labels('first-agenda-pdf');
  assert.ok(!aarhus.some((l) => l.endsWith(' indstiller, - At …')), aarhus.join(', '));
  assert.ok(aarhus.includes('Sagsforløb: Udvalg, Dato, Punktnummer'));
  assert.ok(aarhus.includes('… deltager i mødet kl. …'));
});

for (const form of FORMS) {
  test(`${form.dialect}: the lukket snippet writes the same sections as the punkt snippet, as a closed punkt`, async () => {
    const service = await serviceWith({ 'referat.yaml': `dialekt: ${form.dialect}\n${UDVALG}` });
    const path = `${ROOT}/2025-02-03-oekonomiudvalget.referat`;
    const header = (await service.completion(documentOf(path, ''), { line: 0, character: 0 }, '')).items[0]!.textEdit as TextEdit;
    const start = applyEdits('', [{ range: header.range, newText: expand(header.newText, {}) }]);
    const last = start.split('\n').length - 1;
    const items = (await service.completion(documentOf(path, start), { line: last, character: lineAt(start, last).length }, lineAt(start, last))).items;
    const filled = (label: RegExp, values: Readonly<Record<number, string>>): string => {
      const item = items.find((i) => i.kind === CompletionItemKind.Snippet && label.test(i.label));
      assert.ok(item, `${label} among ${items.map((i) => i.label).join(', ')}`);
      const edit = item.textEdit as TextEdit;
      return applyEdits(start, [{ range: edit.range, newText: expand(edit.newText, values) }]);
    };
    const values = punktValues(form, { 0: 'Godkendt.', 1: 'Personalesag', 3: 'Økonomiudvalget', 4: 'Sagen drøftes.', 5: 'Indstillingen.' });
    const open = parseReferat(filled(/^(?!.*lukket)/i, values), dialectById(form.dialect)).punkter[0]!;
    const closedText = filled(/lukket/i, values);
    const closed = parseReferat(closedText, dialectById(form.dialect)).punkter[0]!;
    assert.equal(closed.closed, true, closedText);
    assert.equal(open.closed, false);
    assert.match(closed.title, /Personalesag$/, closedText);
    assert.deepEqual(
      closed.sections.map((s) => s.kind),
      open.sections.map((s) => s.kind),
      closedText,
    );
    assert.ok(
      closed.sections.some((s) => s.kind === 'beslutning'),
      closedText,
    );
  });
}
