// Rules that judge each punkt on its own, and the memory that spares judging a punkt again: an edit
// touches one punkt, and its neighbours' findings are what they were, as long as the facts of the
// document the rules read (its kind, dialect, meeting day, the punkter's numbers, referat.yaml's
// limits; the document's length for the last punkt) are too. The header's text is not among them: a
// weekday or a name edited there changes no punkt's findings.
import { meetingDate } from '../model/meeting';
import { punktLabel } from '../model/numbering';
import { PunktMemo, withMovedRange, type Exactly } from '../model/moved';
import type { Mutable } from '../model/types';
import type { Finding, Fix, PerPunkt, PunktRuleContext, Rule } from './types';

/** A rule written per punkt: `check` walks the punkter, the document's check remembers. */
export function punktRule(rule: Omit<Rule, 'check' | 'perPunkt'> & PerPunkt): Rule {
  const perPunkt: PerPunkt = {
    checkPunkt: rule.checkPunkt,
    ...(rule.applies ? { applies: rule.applies } : {}),
    ...(rule.namesLines ? { namesLines: rule.namesLines } : {}),
  };
  return {
    code: rule.code,
    severity: rule.severity,
    description: rule.description,
    ...(rule.defaultOff ? { defaultOff: rule.defaultOff } : {}),
    perPunkt,
    *check(ctx) {
      if (perPunkt.applies?.(ctx) === false) return;
      for (const p of ctx.referat.punkter) yield* perPunkt.checkPunkt(p, ctx);
    },
  };
}

/** Objects told apart by identity in a facts key: the knowledge a host hands the rules. */
const ids = new WeakMap<object, number>();
let nextId = 1;
function idOf(o: object | undefined): number {
  if (!o) return 0;
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = nextId++));
  return id;
}

/** Facts strings seen lately, each kept as one object. */
const interned = new Map<string, string>();
/** Documents' facts kept at once: a workspace's open documents. */
const INTERNED_FACTS = 64;

/**
 * Everything besides the punkt itself that a per-punkt rule may read, as one string: the same
 * object as last time where it is the same text, so each punkt's memory is checked by identity, not
 * by comparing the header's text once per punkt and rule.
 */
export function documentFacts(ctx: PunktRuleContext): string {
  const facts = factsText(ctx);
  const known = interned.get(facts);
  if (known !== undefined) return known;
  if (interned.size >= INTERNED_FACTS) interned.clear();
  interned.set(facts, facts);
  return facts;
}

function factsText(ctx: PunktRuleContext): string {
  const r = ctx.referat;
  return JSON.stringify([
    r.kind,
    idOf(r.dialect),
    meetingDate(r) ?? null,
    // The punkter's numbers: whether a punkt heads a group of sub-items is told by the one after it.
    r.punkter.map(punktLabel).join(' '),
    idOf(ctx.kle),
    ctx.lixLimit ?? null,
    ctx.udvalgMembers ?? null,
  ]);
}

/**
 * One punkt's findings, per rule, under one set of facts: a new set of facts (or a new last line)
 * judges the punkt again for every rule anyway, so they are kept once per punkt, not once per rule.
 */
interface Judged {
  readonly facts: string;
  /** The document's last line, for the last punkt only: a decision written at the document's end needs no blank line after it. */
  readonly lastLine: number | undefined;
  /** By the rule's slot (`slotOf`); a hole for a rule not judged yet under these facts. */
  readonly findings: (readonly Finding[] | undefined)[];
}

const FINDING_FIELDS: {
  finding: Exactly<Finding, 'range' | 'message' | 'fixes'>;
  fix: Exactly<Fix, 'title' | 'edits' | 'preferred' | 'cursor'>;
} = { finding: true, fix: true };
void FINDING_FIELDS;

function movedFix(f: Fix, lines: number): Fix {
  const out: Mutable<Fix> = { ...f };
  out.edits = f.edits.map((e) => withMovedRange(e, lines));
  if (f.cursor) out.cursor = { line: f.cursor.line + lines, character: f.cursor.character };
  return out;
}

/** A punkt's findings, moved with it by whole lines (`model/moved.ts`). */
export function movedFindings(found: readonly Finding[], lines: number): readonly Finding[] {
  if (found.length === 0) return found;
  return found.map((f) => {
    const out: Mutable<Finding> = withMovedRange(f, lines);
    if (f.fixes) out.fixes = f.fixes.map((x) => movedFix(x, lines));
    return out;
  });
}

/**
 * Per punkt object: the findings last made and the facts they were made under. A punkt an added or
 * removed line moved takes its origin's, moved with it: the rules read no punkt's place in the document.
 */
const remembered = new PunktMemo<Judged>((judged, lines) => ({
  facts: judged.facts,
  lastLine: judged.lastLine === undefined ? undefined : judged.lastLine + lines,
  findings: judged.findings.map((found, slot) => (found === undefined || slotsNamingLines.has(slot) ? undefined : movedFindings(found, lines))),
}));

/** Each rule's place in a punkt's findings, by its code: a slot of an array, not a key of a map per punkt. */
const slots = new Map<string, number>();
/** The slots of rules whose messages name a line (`PerPunkt.namesLines`): their findings are not moved. */
const slotsNamingLines = new Set<number>();
function slotOf(code: string, perPunkt: PerPunkt): number {
  let slot = slots.get(code);
  if (slot === undefined) {
    slots.set(code, (slot = slots.size));
    if (perPunkt.namesLines) slotsNamingLines.add(slot);
  }
  return slot;
}

/** Most punkter give a rule nothing to say: they share one empty list. */
const NONE: readonly Finding[] = [];

/**
 * A per-punkt rule's findings in one document, from memory for each punkt judged under the same
 * facts; without facts (a document checked once) each punkt is judged and nothing is remembered.
 */
export function punktFindings(rule: Rule, perPunkt: PerPunkt, ctx: PunktRuleContext, facts: string | undefined): readonly Finding[] {
  if (perPunkt.applies?.(ctx) === false) return NONE;
  const out: Finding[] = [];
  const { punkter } = ctx.referat;
  if (facts === undefined) {
    for (let i = 0; i < punkter.length; i++) {
      const found = perPunkt.checkPunkt(punkter[i]!, ctx);
      for (let k = 0; k < found.length; k++) out.push(found[k]!);
    }
    return out;
  }
  const last = punkter[punkter.length - 1];
  const slot = slotOf(rule.code, perPunkt);
  // Indexed loops: this runs for every punkt and rule, mostly before it is optimised, where an
  // iterator (one even for an empty list) costs several times the loop.
  for (let i = 0; i < punkter.length; i++) {
    const p = punkter[i]!;
    const lastLine = p === last ? ctx.referat.syntax.lineCount - 1 : undefined;
    let judged = remembered.get(p);
    if (!judged || judged.facts !== facts || judged.lastLine !== lastLine) remembered.set(p, (judged = { facts, lastLine, findings: [] }));
    let found = judged.findings[slot];
    if (found === undefined) {
      const made = perPunkt.checkPunkt(p, ctx);
      judged.findings[slot] = found = made.length > 0 ? made : NONE;
    }
    for (let k = 0; k < found.length; k++) out.push(found[k]!);
  }
  return out;
}
