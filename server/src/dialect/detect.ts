import {
  ACADRE,
  EDOC,
  EDOC_FUJITSU,
  FIRST_AGENDA_PAGE,
  FIRST_AGENDA_PDF,
  GETORGANIZED,
  GETORGANIZED_PUBLICATION,
  GREVE,
  SBSYS,
  SBSYS_EDAGSORDEN,
  type Dialect,
} from './dialects';

/** Enough of a document to know its system: its header and its first few punkter. */
const SAMPLE = 48_000;

/*
 * Each system's tell-tale lines. Judged on the document's own lines, so a folder of mixed
 * minutes needs no configuration; a few anchored patterns on the first part of the text, so it
 * costs nothing next to reading the document.
 */
const PUNKT_COLON = /^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?Punkt[ \t]+\d{1,6}[ \t]*[:.]/m;
const PAGE_FIELDS = /^(?:Udvalg|Mødedato|Mødested):\t/m;
const PAGE_NUMBER_LINE = /^\d{1,3}[ \t]*\r?\n(?:[ \t]*\r?\n)*[^\r\n]+\r?\n[ \t]*EMN-\d{4}-\d{6}/m;
const EMN = /^[ \t]*EMN-\d{4}-\d{6}[ \t]*$/gm;
const AARHUS_SECTIONS = /^[ \t]*(?:Beslutninger|Beslutningspunkter|Sagsforløb:?)[ \t]*$/gm;
const GREVE_CASE = /^[ \t]*\d{2}-\d{6}[A-Z]?[ \t]*$/gm;
const GREVE_SECTIONS = /^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?(?:Sagens forløb|Fremstilling|Sagsprocedure)(?:\*\*)?[ \t:]*$/gm;
const SAGSNR = /^[ \t]*Sagsnr\.?:?[ \t]+(\S+)/m;
const EDOC_DECISION = /beslutning den \d{2}\.\d{2}\.\d{4}/i;
// eDoc's numbered items and sections, without a single `Sagsnr.:`: SBSYS eDagsorden's publication.
const NUMBER_DOT = /^\d{1,4}\.[ \t]{2,}\S/m;
// SBSYS's publications write the captions as the system's settings have them, Region Hovedstaden's in capitals.
const EDOC_SECTIONS = /^[ \t]*(?:Sammendrag|Beslutningen træffes af|Sagen afgøres af)[ \t]*$/im;
const ACADRE_DECISION = /^[ \t]*Beslutning i .+ den \d{2}-\d{2}-\d{4}[ \t]*$/m;
// eDoc (Fujitsu)'s template headings, which no other system writes.
const FUJITSU_SECTIONS = /^[ \t]*(?:Præsentation|Forvaltningen foreslår)[ \t:]*$/m;
// GetOrganized's publication as the import writes it: a sub-item's heading (`Punkt 1.2: …`), or its header's `Tidspunkt: 13:00 - 15:00`.
const SUB_ITEM_HEADING = /^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?Punkt[ \t]+\d{1,6}\.\d{1,3}[ \t]*[:.]/m;
const GETORGANIZED_TIME = /^Tidspunkt:[ \t]+\d{1,2}[:.]\d{2}[ \t]*-[ \t]*\d{1,2}[:.]\d{2}[ \t]*$/m;
// GetOrganized's referat: an item numbered as an outline (`1.1  Status siden sidst`), its template's `Oplæg:` under it.
const OUTLINE_ITEM = /^[ \t]*\d{1,3}(?:\.\d{1,3})?[ \t]+\S[^\r\n]*\r?\n(?:[ \t]*\r?\n){0,3}[ \t]*Oplæg[ \t]*:/m;

/** The dialect a document is written in, from its own lines; Lemvig's form where nothing tells otherwise. */
export function detectDialect(text: string): Dialect {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  if (isGetOrganizedReferat(sample)) return GETORGANIZED;
  if (SUB_ITEM_HEADING.test(sample) || (GETORGANIZED_TIME.test(sample) && PUNKT_COLON.test(sample))) return GETORGANIZED_PUBLICATION;
  if (FUJITSU_SECTIONS.test(sample) && !PUNKT_COLON.test(sample)) return EDOC_FUJITSU;
  const sagsnr = SAGSNR.exec(sample);
  if (sagsnr && !PUNKT_COLON.test(sample)) {
    if (ACADRE_DECISION.test(sample) || /^\d{2}\/\d+$/.test(sagsnr[1]!) || /Sagen afgøres i:/.test(sample)) return ACADRE;
    return EDOC;
  }
  // Without a single `Sagsnr.:`, eDoc's sections are SBSYS's publication's, whose minutes date their decisions as eDoc does.
  if (!sagsnr && NUMBER_DOT.test(sample) && EDOC_SECTIONS.test(sample) && !PUNKT_COLON.test(sample)) return SBSYS_EDAGSORDEN;
  if (EDOC_DECISION.test(sample) && !PUNKT_COLON.test(sample)) return EDOC;
  if (PAGE_FIELDS.test(sample) || PAGE_NUMBER_LINE.test(sample)) return FIRST_AGENDA_PAGE;
  // Aarhus's and Greve's words can each turn up in the other's text (`Beslutninger` as a sub-heading of
  // a Greve case), so the one with more of its tell-tale lines wins; an EMN case number is Aarhus's alone.
  const aarhus = count(EMN, sample) * 2 + count(AARHUS_SECTIONS, sample);
  const greve = count(GREVE_CASE, sample) + count(GREVE_SECTIONS, sample);
  if (aarhus > 0 && aarhus >= greve) return FIRST_AGENDA_PDF;
  if (greve > 0) return GREVE;
  return SBSYS;
}

/** GetOrganized's referat as its PDF prints it: outline-numbered items with their `Oplæg:`, no `Punkt N:` heading. */
export function isGetOrganizedReferat(text: string): boolean {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  return OUTLINE_ITEM.test(sample) && !PUNKT_COLON.test(sample);
}

function count(pattern: RegExp, text: string): number {
  return text.match(pattern)?.length ?? 0;
}
