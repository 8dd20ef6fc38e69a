// A source that is more than one file: the folder a meeting system writes (its XML with the PDFs
// and enclosures beside it) or the same folder as a zip. Pure: the host reads a folder's files, a
// zip's bytes are unpacked here (fflate), within limits that a zip bomb cannot pass.
import { Inflate, strFromU8 } from 'fflate';

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

/** An entry of a zip's central directory: what it says of the file, and where its data begins. */
interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressed: number;
  readonly size: number;
  readonly header: number;
}

/** Why a zip is refused, thrown while it is read; caught in {@link unzip}. */
class ZipRefusal extends Error {
  constructor(
    readonly problem: ZipProblem['problem'],
    detail: string,
  ) {
    super(detail);
  }
}

/** Compressed bytes handed to the inflater at a time: what one push may unpack is bounded by about a thousand times this. */
const INFLATE_STEP = 16 * 1024;
/** The end of central directory record, and how far before the end it may stand (its comment). */
const END_RECORD = 0x06054b50;
const END_SEARCH = 22 + 0xffff;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** A 32-bit size or offset that is in the entry's ZIP64 extra field instead. */
const IN_ZIP64 = 0xffffffff;

/**
 * A zip's files (folders, macOS's resource forks and the like left out, names normalised), or why
 * not. The central directory is read first: more entries than MAX_SOURCE_FILES, more bytes declared
 * than MAX_SOURCE_BYTES, or entries whose data overlap (the same compressed stream named a thousand
 * times) are refused before anything is unpacked. Each entry is then unpacked a little at a time and
 * refused as soon as it gives more than it declared: a stream that would unpack to gigabytes costs
 * what its first few megabytes cost. Never throws.
 */
export function unzip(bytes: Uint8Array): SourceFile[] | ZipProblem {
  try {
    const entries = centralDirectory(bytes);
    const files: SourceFile[] = [];
    for (const e of entries) files.push({ name: e.name, bytes: unpack(bytes, e) });
    return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (e) {
    if (e instanceof ZipRefusal) return { problem: e.problem, detail: e.message };
    return { problem: 'malformed', detail: e instanceof Error ? e.message : String(e) };
  }
}

/** The entries to unpack, in the directory's order: folders and noise left out, every limit checked. */
function centralDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - END_SEARCH); i--)
    if (view.getUint32(i, true) === END_RECORD) {
      end = i;
      break;
    }
  if (end < 0) throw new ZipRefusal('malformed', 'no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  const spans: [number, number][] = [];
  let total = 0;
  for (let k = 0; k < count || (count === 0xffff && at + 4 <= end && view.getUint32(at, true) === CENTRAL_ENTRY); k++) {
    if (k >= MAX_SOURCE_FILES) throw new ZipRefusal('too-large', `more than ${MAX_SOURCE_FILES} entries`);
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_ENTRY) throw new ZipRefusal('malformed', 'damaged central directory');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    let compressed = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let header = view.getUint32(at + 42, true);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    // Without the UTF-8 flag a name is read as Latin-1, and then as its writer meant it (entryName).
    const raw = strFromU8(nameBytes, (flags & 0x800) === 0);
    // ZIP64: the sizes and the offset that do not fit are in the extra field, in this order.
    if (size === IN_ZIP64 || compressed === IN_ZIP64 || header === IN_ZIP64) {
      const zip64 = zip64Fields(view, at + 46 + nameLength, extraLength);
      let f = 0;
      if (size === IN_ZIP64) size = zip64[f++] ?? Infinity;
      if (compressed === IN_ZIP64) compressed = zip64[f++] ?? Infinity;
      if (header === IN_ZIP64) header = zip64[f++] ?? Infinity;
    }
    at += 46 + nameLength + extraLength + commentLength;
    const name = normaliseName(entryName(raw));
    if (name === '' || raw.endsWith('/') || isNoise(name)) continue;
    // A stored entry is copied as its directory says it is long, whatever it declares unpacked.
    total += Math.max(size, method === 0 ? compressed : 0);
    if (total > MAX_SOURCE_BYTES) throw new ZipRefusal('too-large', `more than ${MAX_SOURCE_BYTES} bytes unpacked`);
    if (method !== 0 && method !== 8) throw new ZipRefusal('malformed', `${raw}: compression method ${method} is not read`);
    if (header + 30 > bytes.length || view.getUint32(header, true) !== LOCAL_HEADER) throw new ZipRefusal('malformed', `${raw}: damaged entry`);
    const data = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
    if (data + compressed > bytes.length) throw new ZipRefusal('malformed', `${raw}: entry runs past the end of the file`);
    spans.push([data, data + compressed]);
    entries.push({ name, method, compressed, size, header: data });
  }
  // Two entries over the same bytes: a zip bomb's way to name one stream a thousand times.
  spans.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i++) if (spans[i]![0] < spans[i - 1]![1]) throw new ZipRefusal('too-large', 'entries share their data');
  return entries;
}

/** The 64-bit values of an entry's ZIP64 extra field (id 1), in order. */
function zip64Fields(view: DataView, from: number, length: number): number[] {
  for (let i = from; i + 4 <= from + length;) {
    const id = view.getUint16(i, true);
    const size = view.getUint16(i + 2, true);
    if (id === 1) {
      const out: number[] = [];
      for (let k = i + 4; k + 8 <= i + 4 + size; k += 8) out.push(Number(view.getBigUint64(k, true)));
      return out;
    }
    i += 4 + size;
  }
  return [];
}

/** An entry's bytes: stored ones as they are, deflated ones unpacked a step at a time, never past what it declared. */
function unpack(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const data = bytes.subarray(e.header, e.header + e.compressed);
  if (e.method === 0) return data.slice();
  const out = new Uint8Array(e.size);
  let length = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    if (length + chunk.length > e.size) throw new ZipRefusal('too-large', `${e.name}: unpacks to more than the ${e.size} bytes it declares`);
    out.set(chunk, length);
    length += chunk.length;
    done ||= final;
  });
  for (let i = 0; i < data.length && !done; i += INFLATE_STEP) inflater.push(data.subarray(i, i + INFLATE_STEP), i + INFLATE_STEP >= data.length);
  if (length !== e.size) throw new ZipRefusal('malformed', `${e.name}: unpacks to ${length} bytes, not the ${e.size} it declares`);
  return out;
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
