// A source that is more than one file: the folder a meeting system writes (its XML with the PDFs
// and enclosures beside it) or the same folder as a zip. Pure: the host reads a folder's files, a
// zip's bytes are unpacked here (fflate), within limits that a zip bomb cannot pass.
import { unzipSync } from 'fflate';

/** One file of a folder or zip: its `/`-separated path inside it, and its bytes. */
export interface SourceFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A folder's files, and a file looked up as an export names it. */
export interface SourceFolder {
  readonly files: readonly SourceFile[];
  /**
   * The file an export names (`Enclosures\1.pdf`, `Files_1863_3687982/3687981.xml`), without
   * regard to case: by its path from the naming file's folder (`from`), then from the top, then by
   * its base name alone (an index whose folder is missing names a file that lies beside it).
   */
  find(name: string, from?: string): SourceFile | undefined;
}

/** More files than any meeting's export holds (Region Hovedstaden's: one XML and 14 enclosures). */
export const MAX_SOURCE_FILES = 5_000;
/** A folder or zip unpacked larger than this is not read: the largest published meetings are near 60 MB. */
export const MAX_SOURCE_BYTES = 512 * 1024 * 1024;

/** Why a zip gives no files. */
export type ZipProblem = { readonly problem: 'malformed' | 'too-large'; readonly detail: string };

/** A name as the folder reader compares it: `/` between parts, no `.` parts, a `..` taking its parent away. */
export function normaliseName(name: string): string {
  const parts: string[] = [];
  for (const part of name.normalize('NFC').replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  // A drive letter (`D:`) says where the system wrote it, not where it is now.
  if (parts.length > 1 && /^[A-Za-z]:$/.test(parts[0]!)) parts.shift();
  return parts.join('/');
}

/** Files a system or an archiver adds that are no part of the export: macOS's resource forks and folder settings, Windows's thumbnails. */
export function isNoise(name: string): boolean {
  const parts = name.split('/');
  const base = parts[parts.length - 1] ?? '';
  return parts.some((p) => p === '__MACOSX') || base.startsWith('._') || /^(?:\.DS_Store|Thumbs\.db|desktop\.ini)$/i.test(base);
}

export function sourceFolder(files: readonly SourceFile[]): SourceFolder {
  const kept = files.map((f) => ({ name: normaliseName(f.name), bytes: f.bytes })).filter((f) => f.name !== '' && !isNoise(f.name));
  const byPath = new Map<string, SourceFile>();
  const byBase = new Map<string, SourceFile>();
  for (const f of kept) {
    const key = f.name.toLowerCase();
    if (!byPath.has(key)) byPath.set(key, f);
    const base = key.slice(key.lastIndexOf('/') + 1);
    if (!byBase.has(base)) byBase.set(base, f);
  }
  return {
    files: kept,
    find(name, from) {
      const wanted = normaliseName(name).toLowerCase();
      if (wanted === '') return undefined;
      const dir = from
        ? normaliseName(from)
            .toLowerCase()
            .replace(/(?:^|\/)[^/]*$/, '')
        : '';
      return (
        (dir ? byPath.get(normaliseName(`${dir}/${wanted}`).toLowerCase()) : undefined) ??
        byPath.get(wanted) ??
        byBase.get(wanted.slice(wanted.lastIndexOf('/') + 1))
      );
    },
  };
}

/** A zip's local header begins `PK\x03\x04`; an empty zip is its end record alone, `PK\x05\x06`. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/** Thrown inside fflate's filter to stop at a limit; caught below. */
class OverLimit extends Error {}

/**
 * A zip's files (folders, macOS's resource forks and the like left out, names normalised), or why
 * not. Every entry's size is known from the zip's directory before it is unpacked, so more files
 * than MAX_SOURCE_FILES or more bytes than MAX_SOURCE_BYTES are refused before any is; an entry
 * that unpacks to more than it declared is cut at what it declared. Never throws.
 */
export function unzip(bytes: Uint8Array): SourceFile[] | ZipProblem {
  let entries = 0;
  let total = 0;
  let unpacked: Record<string, Uint8Array>;
  try {
    unpacked = unzipSync(bytes, {
      filter: (file) => {
        if (++entries > MAX_SOURCE_FILES) throw new OverLimit(`more than ${MAX_SOURCE_FILES} entries`);
        const name = normaliseName(entryName(file.name));
        if (name === '' || file.name.endsWith('/') || isNoise(name)) return false;
        // A stored entry is copied as its directory says it is long, whatever it declares unpacked.
        total += Math.max(file.originalSize, file.compression === 0 ? file.size : 0);
        if (total > MAX_SOURCE_BYTES) throw new OverLimit(`more than ${MAX_SOURCE_BYTES} bytes unpacked`);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof OverLimit) return { problem: 'too-large', detail: e.message };
    return { problem: 'malformed', detail: e instanceof Error ? e.message : String(e) };
  }
  const files: SourceFile[] = [];
  for (const [raw, data] of Object.entries(unpacked)) {
    const name = normaliseName(entryName(raw));
    if (name !== '' && !raw.endsWith('/') && !isNoise(name)) files.push({ name, bytes: data });
  }
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * An entry's name as its writer meant it: fflate reads a name without the zip's UTF-8 flag as
 * Latin-1, but such names are UTF-8 (Info-ZIP, 7-Zip) or DOS code page 437 (Windows's own zips).
 */
function entryName(name: string): string {
  if (!/[\u0080-\u00ff]/.test(name) || [...name].some((c) => c.charCodeAt(0) > 0xff)) return name;
  const bytes = Uint8Array.from(name, (c) => c.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return String.fromCharCode(...bytes).replace(/[\u0080-\u00ff]/g, (c) => CP437_HIGH[c.charCodeAt(0) - 0x80] ?? c);
  }
}

/** Code page 437's upper half (the letters and signs DOS put in 0x80–0xFF). */
const CP437_HIGH = 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';
