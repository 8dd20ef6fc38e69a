// The beslutningsprotokol's words: how minutes write a vote, an absence, inhabilitet, a
// suppleant and a protokoltilførsel. Every system and municipality writes them as plain text in
// the decision (Greve: "For stemte: (V), (A) og (C).", Aarhus: "Imod stemte: V, A, C"), so these
// are the forms seen in real minutes, each anchored and linear (no nested quantifiers).

/** Which way a voter went. */
export type VoteSide = 'for' | 'against' | 'abstain';

/** `For stemte: …`, `Imod stemte …`, `Undlod at stemme: …`, `Hverken for eller imod: …`. */
export const VOTE_LABEL: readonly { readonly side: VoteSide; readonly pattern: RegExp }[] = [
  { side: 'for', pattern: /^(?:For[ \t]+stemte|Stemte[ \t]+for)[ \t]*:?[ \t]*/i },
  { side: 'against', pattern: /^(?:Imod[ \t]+stemte|Stemte[ \t]+imod)[ \t]*:?[ \t]*/i },
  {
    side: 'abstain',
    pattern: /^(?:Undlod[ \t]+at[ \t]+(?:stemme|tage[ \t]+stilling)|Undlod|Hverken[ \t]+for[ \t]+eller[ \t]+imod|Stemte[ \t]+blankt|Blank)[ \t]*:[ \t]*/i,
  },
];

/** `(Ø) stemte imod …`, `John T. Olsen (A) undlod at tage stilling.`: the verb after the voters. */
export const VOTE_VERB: readonly { readonly side: VoteSide; readonly pattern: RegExp }[] = [
  { side: 'against', pattern: /[ \t]+stemte[ \t]+(?:imod|nej)\b/i },
  { side: 'abstain', pattern: /[ \t]+(?:undlod[ \t]+at[ \t]+(?:stemme|tage[ \t]+stilling)|stemte[ \t]+(?:hverken[ \t]+for[ \t]+eller[ \t]+imod|blankt))\b/i },
  { side: 'for', pattern: /[ \t]+stemte[ \t]+(?:for|ja)\b/i },
];

/** Aarhus' form: `Alternativet kunne ikke tiltræde indstillingen.`, `… kunne tiltræde indstillingen.` */
export const AGREE_VERB: readonly { readonly side: VoteSide; readonly pattern: RegExp }[] = [
  { side: 'against', pattern: /[ \t]+kunne[ \t]+ikke[ \t]+(?:tiltræde|anbefale|godkende)\b/i },
  { side: 'for', pattern: /[ \t]+kunne[ \t]+(?:tiltræde|anbefale|godkende)\b/i },
];

/** Either of them, to read a line's outcome without the voters' own verb. */
export const AGREE_VERB_ANY = /kunne[ \t]+(?:ikke[ \t]+)?(?:tiltræde|anbefale|godkende)/gi;

/**
 * A word every pattern of VOTE_VERB and AGREE_VERB needs, with their flags: the many lines without
 * one are passed by one scan, not one per pattern (each, unanchored, tries every space of the line).
 * The same for the other unanchored patterns below, each with its own.
 */
export const VERB_WORD = /stemte|undlod|kunne/i;

/**
 * The parties by name, as minutes write them (`Radikale Venstres og Alternativets byrådsgrupper`),
 * with the letter each stands for on the ballot.
 */
export const PARTY_NAMES: ReadonlyMap<string, string> = new Map([
  ['socialdemokratiet', 'A'],
  ['socialdemokraterne', 'A'],
  ['radikale venstre', 'B'],
  ['det radikale venstre', 'B'],
  ['det konservative folkeparti', 'C'],
  ['konservative', 'C'],
  ['de konservative', 'C'],
  ['nye borgerlige', 'D'],
  ['socialistisk folkeparti', 'F'],
  ['sf', 'F'],
  ['liberal alliance', 'I'],
  ['kristendemokraterne', 'K'],
  ['moderaterne', 'M'],
  ['dansk folkeparti', 'O'],
  ['venstre', 'V'],
  ['enhedslisten', 'Ø'],
  ['enhedslisten de rød-grønne', 'Ø'],
  ['enhedslisten - de rød-grønne', 'Ø'],
  ['alternativet', 'Å'],
  ['danmarksdemokraterne', 'Æ'],
]);
/** `… byrådsgruppe`, `… byrådsgrupper`, `… gruppe` after a party's name. */
export const PARTY_GROUP_SUFFIX = /[ \t]+(?:byråds|udvalgs|kommunalbestyrelses)?grupper?n?e?$/i;

/** Written counts: `Med stemmerne 19 for og 2 imod`, `med 15 stemmer for, 4 imod og 2 hverken for eller imod`. */
export const COUNT_FOR = /(\d{1,3})[ \t]+(?:stemmer[ \t]+)?for\b/i;
export const COUNT_AGAINST = /(\d{1,3})[ \t]+(?:stemmer[ \t]+)?imod\b/i;
export const COUNT_ABSTAIN = /(\d{1,3})[ \t]+(?:stemmer[ \t]+)?(?:undlod|hverken[ \t]+for[ \t]+eller[ \t]+imod|blanke?)\b/i;
/** A count is read only on a line that speaks of votes. */
export const COUNT_CONTEXT = /\bstem(?:me|mer|merne|te)\b/i;

/** What a vote was on, written before it: `1 a.`, `1.-6.`, `2.` */
export const VOTE_ON_PREFIX = /^(\d{1,2}(?:[ \t]?[a-zæøå])?(?:\.?[ \t]*[-–][ \t]*\d{1,2}(?:[ \t]?[a-zæøå])?)?)\.[ \t]+/;
/** … or inside it: `godkendte Byrådet administrationens indstillingspunkt 2 og 3`. */
export const VOTE_ON_WITHIN =
  /\bindstillingspunkt(?:erne)?[ \t]+(\d{1,2}(?:[ \t]?[a-z](?![a-zæøå]))?(?:(?:,[ \t]*|[ \t]+og[ \t]+)\d{1,2}(?:[ \t]?[a-z](?![a-zæøå]))?)*)/i;

/** Where a voter's remark follows the vote: `… stemte imod med bemærkning om, at …`. */
export const REMARK_AFTER_VOTE =
  /[ \t]+(?:med[ \t]+(?:den[ \t]+)?bemærkning(?:[ \t]+om)?|med[ \t]+følgende[ \t]+bemærkning)[ \t]*,?[ \t]*(?:at[ \t]+)?:?[ \t]*/i;
export const REMARK_AFTER_WORD = /bemærkning/i;
/** `(Ø) ønskede følgende ført til protokol: …`, `Protokoltilførsel fra (F): …`. */
export const REMARK_VERB =
  /[ \t]+(?:ønskede|ønsker|bad[ \t]+om)[ \t]+(?:at[ \t]+få[ \t]+)?(?:følgende[ \t]+)?(?:ført[ \t]+)?(?:til[ \t]+)?(?:tilført[ \t]+)?protokol(?:len)?(?:[ \t]+tilført)?[ \t]*(?:,[ \t]*at)?:?[ \t]*/i;
export const REMARK_WORD = /protokol/i;
export const REMARK_LABEL = /^Protokoltilførsel(?:[ \t]+fra[ \t]+([^:]{1,200}))?[ \t]*:[ \t]*/i;

/** `Byrådet erklærede Charlotte Levin (A) for inhabil`. */
export const INHABIL_DECLARED = /\berklærede[ \t]+(.{1,120}?)[ \t]+(?:for[ \t]+)?inhabil\b/i;
/** `Charlotte Levin (A) erklærede sig inhabil`, `… var inhabil og forlod mødet`, `… blev erklæret inhabil`. */
export const INHABIL_SUBJECT =
  /[ \t]+(?:erklærede[ \t]+sig|blev[ \t]+erklæret|var|er|blev[ \t]+anset[ \t]+for|anså[ \t]+sig[ \t]+for|fandt[ \t]+sig)[ \t]+(?:selv[ \t]+)?(?:for[ \t]+)?inhabil\b/i;
/** `… deltog ikke i behandlingen af punktet på grund af inhabilitet`. */
export const INHABILITET = /\binhabilitet\b/i;
/** Any mention: a line about inhabilitet is about the protokol, not the decision. */
export const INHABIL_WORD = /\binhabil(?:e|itet)?\b/i;

/** `Charlotte Levin (A) forlod herefter lokalet.`, `… deltog ikke i behandlingen af punktet`. */
export const LEFT_PUNKT =
  /[ \t]+(?:forlod[ \t]+(?:herefter[ \t]+|derefter[ \t]+)?(?:mødet|lokalet|salen|byrådssalen)|deltog[ \t]+ikke[ \t]+i[ \t]+(?:behandlingen|sagens[ \t]+behandling|punktets[ \t]+behandling|mødet[ \t]+under))\b/i;
export const LEFT_WORD = /forlod|deltog/i;

/** `Ikke til stede:`, `Fraværende: Tina Rottbøll`, `Afbud: Bjarke Abel`, inside a punkt. */
export const PUNKT_ABSENT_LABEL = /^(?:Ikke[ \t]+til[ \t]+stede|Fraværende|Afbud|Forfald)[ \t]*:[ \t]*/i;

/** `Jette Andersen deltog som suppleant for Kenneth Jerkel`, `Jette Andersen (suppleant for Kenneth Jerkel)`. */
export const SUBSTITUTE = /[ \t]+(?:deltog|mødte|var[ \t]+indkaldt|indkaldtes)[ \t]+som[ \t]+(?:stedfortræder|suppleant)[ \t]+for[ \t]+/i;
export const SUBSTITUTE_PAREN = /[ \t]*\((?:stedfortræder|suppleant)[ \t]+for[ \t]+([^)]{1,80})\)/i;
/** What SUBSTITUTE and SUBSTITUTE_PAREN both need. */
export const SUBSTITUTE_WORD = /suppleant|stedfortræder/i;

/** A decision's outcome, as the minutes write it. The negative forms are tried first. */
export const OUTCOME_REJECTED =
  /\b(?:ikke[ \t]+godkendt|ikke[ \t]+godkendte|godkendte[ \t]+ikke|ikke[ \t]+vedtaget|forkastet|forkastede|kan[ \t]+ikke[ \t]+anbefales|anbefales[ \t]+ikke|anbefalede[ \t]+ikke|kunne[ \t]+ikke[ \t]+tiltræde|afvist|afviste)\b/i;
/**
 * A proposal that fell for want of agreement (`… ikke godkendt, idet der ikke kunne opnås enighed`,
 * `… kræver enstemmighed`): its rejection says nothing of which side had more votes.
 */
export const WANT_OF_UNANIMITY = /\b(?:enighed|enstemmighed|enstemmig|enstemmigt)\b/i;
export const OUTCOME_APPROVED =
  /\b(?:godkendt|godkendte|godkendes|vedtaget|vedtog|anbefales|anbefalede|tiltrådt|tiltrådte|kunne[ \t]+tiltræde|bevilget|bevilgede)\b/i;

/** Words that name the udvalg or a group, not voters: `Udvalget undlod at tage stilling.` */
export const NOT_VOTERS =
  /^(?:Udvalget|Byrådet|Kommunalbestyrelsen|Regionsrådet|Direktionen|Et[ \t]+flertal|Et[ \t]+mindretal|Mindretallet|Flertallet|Alle|Ingen|[A-ZÆØÅ][a-zæøå]+udvalget)\b/;

/** A party letter as written: `(V)`, `(UP)`, `V`, `Ø`. */
export const PARTY_IN_PARENS = /^\(([A-ZÆØÅ]{1,3})\)$/;
export const PARTY_BARE = /^[A-ZÆØÅ]{1,3}$/;
/** A party letter after a name in the header: `Anna Holm (A)`, `Anna Holm (A).` */
export const PARTY_AFTER_NAME = /\(([A-ZÆØÅ]{1,3})\)[ \t*]*\.?[ \t*]*$/;
/** A person with a party: `Liselott Blixt (UP)`. */
export const PERSON_WITH_PARTY = /^(.{1,80}?)[ \t]*\(([A-ZÆØÅ]{1,3})\)$/;
/** A person's name: capitalised words, initials and hyphens (`John T. Olsen`, `Hans-Jørgen Kirstein`). */
export const PERSON_NAME = /^[A-ZÆØÅ][\p{L}'’.-]*(?:[ \t]+(?:[A-ZÆØÅ][\p{L}'’.-]*|von|van|de|la|le))*$/u;
/** How the minutes join a list of voters: commas and `og`. */
export const LIST_SEPARATOR = /[ \t]*,[ \t]*(?:og[ \t]+)?|[ \t]+og[ \t]+|[ \t]*\/[ \t]*/;
/** Where a voters' list ends and prose begins: `… (Ø) idet han …`, `… (F) med bemærkning om …`. */
export const LIST_END = /[ \t]+(?:idet|med|da|fordi|under|i[ \t]+det|som|stemte|undlod)\b|(?<![ \t(][A-ZÆØÅ])[.;:](?:[ \t]|$)/i;

/** The municipality's council, whose decisions behind closed doors are published as far as confidentiality allows (§ 8, stk. 7). */
export const COUNCIL = /\b(?:byråd(?:et)?|byraad|kommunalbestyrelse(?:n)?|borgerrepræsentation(?:en)?|regionsråd(?:et)?)\b/i;
