// Which meeting system wrote an XML export or an HTML page, by its structure, and its reader.
import { readAcadre } from './acadre';
import { isFujitsuXml, readFujitsuPage, readFujitsuXml } from './edocFujitsu';
import { isGetOrganized, readGetOrganized } from './getOrganizedXml';
import type { DomDocument } from './html';
import type { SystemExportRead } from './systemXml';

export type { SystemMeeting, SystemExportRead } from './systemXml';

/** An XML export of Acadre (a meeting or its index), eDoc (Fujitsu) or GetOrganized, read; undefined when it is none of them. */
export function readSystemXml(doc: DomDocument, name: string, find?: (name: string) => Uint8Array | undefined): SystemExportRead | undefined {
  const acadre = readAcadre(doc, name, find);
  if (acadre) return acadre;
  if (isFujitsuXml(doc)) return readFujitsuXml(doc);
  if (isGetOrganized(doc)) return readGetOrganized(doc);
  return undefined;
}

/** A meeting system's own HTML page (eDoc (Fujitsu)'s agenda page), read; undefined when it is none. */
export function readSystemPage(html: string): SystemExportRead | undefined {
  return readFujitsuPage(html);
}
