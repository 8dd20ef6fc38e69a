import type { DocumentLink } from 'vscode-languageserver-types';
import type { ArchiveIndex } from '../archive/index';
import { localize, type Locale } from '../i18n/locale';
import type { Referat } from '../model/types';
import { earlierMeetingLocation } from './definition';

/** Every earlier-decision heading whose meeting is in the archive, as a link to that punkt. */
export function documentLinks(referat: Referat, archive: ArchiveIndex, locale: Locale): DocumentLink[] {
  const tooltip = localize({ da: 'Åbn det tidligere møde', en: 'Open the earlier meeting' }, locale);
  const links: DocumentLink[] = [];
  for (const p of referat.punkter) {
    for (const s of p.sections) {
      if (!s.earlier) continue;
      const loc = earlierMeetingLocation(s.earlier, archive);
      if (loc) links.push({ range: s.earlier.range, target: `${loc.uri}#L${loc.range.start.line + 1}`, tooltip });
    }
  }
  return links;
}
