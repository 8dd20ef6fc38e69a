import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction } from 'vscode-languageserver-types';
import { Protocol } from '../../server/src/protocol';
import { applyEdits, at, BASE, documentOf, ROOT, serviceWith } from './helpers';
import { parseReferat } from '../../server/src/core';
import { approve } from '../../server/src/features/approve';

/** The code actions at the cursor, and the text after the preferred one. */
async function check(marked: string, expected: (actions: CodeAction[], afterPreferred: string | undefined) => void): Promise<void> {
  const { text, position } = at(marked);
  const service = await serviceWith();
  const doc = documentOf(`${ROOT}/c.referat`, text);
  const actions = await service.codeActions(doc, { start: position, end: position });
  const preferred = actions.find((a) => a.isPreferred);
  expected(actions, preferred?.edit ? applyEdits(text, Object.values(preferred.edit.changes ?? {})[0] ?? []) : undefined);
}

test('a wrong weekday: the fix writes the right one', () =>
  check(BASE.replace('Torsdag', 'Fre‸dag'), (actions, after) => {
    assert.equal(actions[0]!.title, 'Ret ugedagen til Torsdag');
    assert.match(after!, /Mødedato Torsdag d\. 07\./);
  }));

test('a missing decision: the section goes in before Bilag, and the cursor after it', () => {
  const marked = BASE.replace('Punkt 1: Deltager', 'Punkt 1: Del‸tager').replace('Beslutning\n\nDeltagerkredsen fastholdes.\n', 'Bilag\n\nListe.\n');
  return check(marked, (actions, after) => {
    const fix = actions.find((a) => a.isPreferred)!;
    assert.equal(fix.title, 'Tilføj afsnittet Beslutning og skriv beslutningen');
    assert.match(after!, /HR-konsulent Ditte Ågård deltager i mødet kl\. 10:00\.\n\nBeslutning\n\n\n\nBilag\n/);
    assert.equal(fix.command?.command, Protocol.moveCursorCommand);
    const [, cursor] = fix.command.arguments as [string, { line: number; character: number }];
    assert.equal(after!.split('\n')[cursor.line - 2], 'Beslutning');
  });
});

test("a table of contents that no longer matches: one preferred fix updates it in the document's own form", () => {
  const marked =
    BASE.replace('Mødedeltagere', 'Indholdsfortegnelse\n\nDeltager‸kreds.....\t3\n\nMødedeltagere').replace('Mødedeltagere Claus', 'X Claus') +
    '\nPunkt 2: Eventuelt\n\n00.01.00I00-1-23\n\nBeslutning\n\nIntet.\n';
  return check(marked, (actions, after) => {
    assert.equal(actions.filter((a) => a.isPreferred).length, 1);
    assert.equal(actions.find((a) => a.isPreferred)!.title, 'Opdatér indholdsfortegnelsen');
    assert.match(after!, /Indholdsfortegnelse\n\nDeltagerkreds, Lederforum\.\.\.\.\.\t3\nEventuelt\.\.\.\.\.\t3\n/);
  });
});

test('a table of contents with right-aligned pages keeps them aligned', () => {
  const toc = 'Indholdsfortegnelse\nGammel titel............................   3\nEventuelt...............................   4\n';
  const marked =
    BASE.replace('Mødedeltagere', `${toc}\nMødedeltagere`).replace('Gammel ‸titel', 'Gammel titel').replace('Gammel titel', 'Gammel ti‸tel') +
    '\nPunkt 2: Eventuelt\n\n00.01.00I00-1-23\n\nBeslutning\n\nIntet.\n';
  return check(marked, (_, after) => {
    const lines = after!.split('\n').filter((l) => /\.{3,}/.test(l));
    assert.deepEqual(
      lines,
      ['Deltagerkreds, Lederforum...............   3', 'Eventuelt...............................   4'],
      'leaders and pages end in their columns',
    );
  });
});

test('an empty bullet: the fix removes the lone dash and its line, and nothing else', () =>
  check(BASE.replace('Deltagerkredsen fastholdes.', 'Deltagerkredsen fastholdes.\n‸-'), (actions, after) => {
    assert.equal(actions[0]!.title, 'Fjern det tomme punkttegn');
    // The text as it was before the dash was typed: no empty line left where it stood.
    assert.equal(after, BASE);
  }));

test('an empty bullet between empty lines: the fix takes one of them with it, so the paragraphs stay one empty line apart', async () => {
  const planted = 'Deltagerkredsen fastholdes.\n\n‸-\n\nListen sendes ud.';
  await check(BASE.replace('Deltagerkredsen fastholdes.', `Følgende:\n\n- Claus\n\n${planted}`), (actions, after) => {
    assert.equal(actions[0]!.title, 'Fjern det tomme punkttegn');
    assert.equal(after, BASE.replace('Deltagerkredsen fastholdes.', 'Følgende:\n\n- Claus\n\nDeltagerkredsen fastholdes.\n\nListen sendes ud.'));
  });
  // Text right below it is never taken: only the dash's own line goes.
  await check(BASE.replace('Deltagerkredsen fastholdes.', 'Følgende:\n\n- Claus\n\n‸-\nListen sendes ud.'), (_, after) => {
    assert.equal(after, BASE.replace('Deltagerkredsen fastholdes.', 'Følgende:\n\n- Claus\n\nListen sendes ud.'));
  });
});

test('out of order numbers: a whole-document renumbering besides the quick fix', () =>
  check(BASE.replace('Punkt 1:', 'Punkt ‸3:'), (actions) => {
    assert.ok(actions.some((a) => a.title === 'Omnummerér til 1'));
    assert.ok(actions.some((a) => a.title === 'Omnummerér punkterne 1..N' && a.kind === 'refactor'));
  }));

test('a CPR number in an open punkt: the preferred fix replaces it, and nothing else', () =>
  check(BASE.replace('Deltagerkredsen fastholdes.', 'Deltagerkredsen fastholdes for 010203-‸1234.'), (actions, after) => {
    assert.equal(actions.find((a) => a.isPreferred)?.title, 'Erstat CPR-nummeret med [CPR-nr. fjernet]');
    assert.equal(after, BASE.replace('Deltagerkredsen fastholdes.', 'Deltagerkredsen fastholdes for [CPR-nr. fjernet].'));
  }));

test('a change after the approval: our VS Code extension is offered to approve again, which its command does; another editor, which lacks the command, is not', async () => {
  const approved = approve(BASE, parseReferat(BASE), { by: ['Claus Borg'], date: '2023-12-14' }, (t) => parseReferat(t));
  assert.ok(approved.ok);
  const { text, position } = at(approved.text.replace('Deltagerkredsen fastholdes.', 'Deltagerkredsen ‸ændres.'));
  const service = await serviceWith();
  const doc = documentOf(`${ROOT}/godkendt.referat`, text);
  const heading = parseReferat(text).punkter[0]!.headingRange;
  const onHeading = { start: heading.start, end: heading.start };
  const again = (await service.codeActions(doc, onHeading, { approveCommand: true })).find((a) => a.command?.command === Protocol.approveMinutesCommand);
  assert.equal(again?.title, 'Godkend referatet igen…');
  assert.equal(again?.kind, 'quickfix');
  assert.deepEqual(
    again?.diagnostics?.map((d) => d.code),
    ['changed-after-approval'],
  );
  assert.equal(
    (await service.codeActions(doc, onHeading)).some((a) => a.command?.command === Protocol.approveMinutesCommand),
    false,
  );
  // Nowhere near the finding, nothing to approve again.
  assert.equal(
    (await service.codeActions(doc, { start: position, end: position }, { approveCommand: true })).some(
      (a) => a.command?.command === Protocol.approveMinutesCommand,
    ),
    false,
  );
});
