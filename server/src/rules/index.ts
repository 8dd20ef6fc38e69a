import { kleCatalog } from '../model/kle';
import type { Referat } from '../model/types';
import { localize, type Locale } from '../i18n/locale';
import { APPROVAL_RULES, punktAfterApproval } from './approval';
import { ATTENDEE_RULES } from './attendees';
import { CLOSED_RULES } from './closed';
import { CPR_RULES } from './cpr';
import { HEADER_RULES } from './header';
import { JOURNAL_RULES } from './journal';
import { PROTOKOL_RULES } from './protokol';
import { PUNKT_RULES } from './punkter';
import { REFERENCE_RULES } from './references';
import { SECTION_RULES } from './sections';
import { TEXT_RULES } from './text';
import { TOC_RULES } from './toc';
import { WRITING_RULES } from './writing';
import { documentFacts, punktFindings } from './perPunkt';
import type { ArchiveLookup, Diagnostic, Rule, RuleSettings, SpellingKnowledge } from './types';

export const RULES: readonly Rule[] = [
  ...HEADER_RULES,
  ...PUNKT_RULES,
  ...JOURNAL_RULES,
  ...SECTION_RULES,
  ...REFERENCE_RULES,
  ...TOC_RULES,
  ...ATTENDEE_RULES,
  ...PROTOKOL_RULES,
  ...TEXT_RULES,
  ...CLOSED_RULES,
  ...CPR_RULES,
  ...WRITING_RULES,
  ...APPROVAL_RULES,
  punktAfterApproval,
];

export const RULE_CODES: ReadonlySet<string> = new Set(RULES.map((r) => r.code));

export interface CheckOptions {
  readonly settings?: RuleSettings;
  readonly locale?: Locale;
  readonly archive?: ArchiveLookup;
  readonly spelling?: SpellingKnowledge;
  readonly lixLimit?: number;
  readonly udvalgMembers?: readonly string[];
  /** A referat checked once (the command line): no memory of each punkt's findings is kept for a next version. */
  readonly reading?: 'once';
}

/** Runs every rule that is not switched off; one broken rule never hides the others' findings. */
export function checkReferat(referat: Referat, options: CheckOptions = {}): Diagnostic[] {
  const locale = options.locale ?? 'da';
  const ctx = {
    referat,
    kle: kleCatalog(),
    ...(options.archive ? { archive: options.archive } : {}),
    ...(options.spelling ? { spelling: options.spelling } : {}),
    ...(options.lixLimit !== undefined ? { lixLimit: options.lixLimit } : {}),
    ...(options.udvalgMembers ? { udvalgMembers: options.udvalgMembers } : {}),
  };
  const out: Diagnostic[] = [];
  const facts = options.reading === 'once' ? undefined : documentFacts(ctx);
  for (const rule of RULES) {
    const setting = options.settings?.[rule.code];
    if (setting === 'off' || (setting === undefined && rule.defaultOff)) continue;
    const severity = setting ?? rule.severity;
    try {
      for (const f of rule.perPunkt ? punktFindings(rule, rule.perPunkt, ctx, facts) : rule.check(ctx)) {
        out.push({
          code: rule.code,
          severity,
          range: f.range,
          message: localize(f.message, locale),
          fixes: (f.fixes ?? []).map((x) => ({ ...x, title: localize(x.title, locale) })),
        });
      }
    } catch (e) {
      out.push({
        code: 'internal-error',
        severity: 'warning',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: localize({ da: `Reglen ${rule.code} fejlede: ${String(e)}`, en: `Rule ${rule.code} failed: ${String(e)}` }, locale),
        fixes: [],
      });
    }
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
