import { Transform, type TransformCallback } from 'node:stream';

/*
 * The messages an editor sends over stdio, each a header (`Content-Length: 123`) and its body. The
 * protocol library stops reading for good at a header it cannot read (a missing, negative or
 * unreadable length, a line without a colon), and waits for ever on a length no message has: the
 * server answered nothing more and did not end. This stream lets through what the library can read
 * and passes over what it cannot, up to the next header, with one line on stderr for each stretch.
 */

/** A header block longer than this is no header: a message's are a line or two. */
const MAX_HEADER_BYTES = 8 * 1024;
/** A body longer than this is no message: V8 makes no string of it. */
export const MAX_BODY_BYTES = 512 * 1024 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n');
const LENGTH_FIELD = 'content-length:';
/** Where a header may begin: its length field's name, in any case (the library reads it so). */
const LENGTH_FIELD_BYTES = [Buffer.from(LENGTH_FIELD), Buffer.from(LENGTH_FIELD.toUpperCase())];

/** The body's length a header block gives, or why it gives none. */
export function contentLength(header: string): { readonly length: number } | { readonly problem: string } {
  let length: number | undefined;
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return { problem: `a header line without a name and a colon (${JSON.stringify(line.slice(0, 40))})` };
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d+$/.test(value)) return { problem: `a Content-Length that is no length (${JSON.stringify(value.slice(0, 40))})` };
    length = Number(value);
    if (length > MAX_BODY_BYTES) return { problem: `a Content-Length of ${length} bytes, more than a message can be` };
  }
  return length === undefined ? { problem: 'a header without Content-Length' } : { length };
}

/** The first place after the start where a header may begin, or -1. */
function nextHeader(buffer: Buffer): number {
  for (let i = 1; i < buffer.length; i++) {
    const c = buffer[i]!;
    if (c !== 0x63 && c !== 0x43) continue;
    let k = 0;
    while (k < LENGTH_FIELD.length && i + k < buffer.length && (buffer[i + k] === LENGTH_FIELD_BYTES[0]![k] || buffer[i + k] === LENGTH_FIELD_BYTES[1]![k]))
      k++;
    // A name cut off at the end of what has come may be a header's beginning.
    if (k === LENGTH_FIELD.length || i + k === buffer.length) return i;
  }
  return -1;
}

/**
 * Lets through the editor's messages whose header can be read, byte for byte; passes over what
 * cannot be, to the next header, telling `skipped` why.
 */
export class MessageFraming extends Transform {
  /** A header's bytes so far. */
  private pending: Buffer = Buffer.alloc(0);
  /** The bytes of the current body still to let through. */
  private remaining = 0;
  /** What is being passed over was told: the rest of it, up to the next message, is passed over without a word. */
  private told = false;

  constructor(private readonly skipped: (problem: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let data: Buffer = chunk;
    while (data.length > 0) {
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, data.length);
        this.push(data.subarray(0, n));
        this.remaining -= n;
        data = data.subarray(n);
        continue;
      }
      this.pending = this.pending.length === 0 ? data : Buffer.concat([this.pending, data]);
      data = this.header();
    }
    done();
  }

  /** Reads the header in what has come, if it is all there: the bytes after it, to let through as its body. */
  private header(): Buffer {
    for (;;) {
      const end = this.pending.indexOf(HEADER_END);
      if (end < 0) {
        if (this.pending.length > MAX_HEADER_BYTES) this.passOver(`a header longer than ${MAX_HEADER_BYTES} bytes`);
        else return Buffer.alloc(0);
        continue;
      }
      const read = contentLength(this.pending.subarray(0, end).toString('latin1'));
      if ('problem' in read) {
        this.passOver(read.problem);
        continue;
      }
      this.told = false;
      this.push(this.pending.subarray(0, end + HEADER_END.length));
      const rest = this.pending.subarray(end + HEADER_END.length);
      this.pending = Buffer.alloc(0);
      this.remaining = read.length;
      return rest;
    }
  }

  /** What cannot be read is passed over, to the next place a header may begin; told once until a message comes. */
  private passOver(problem: string): void {
    if (!this.told) this.skipped(problem);
    this.told = true;
    const next = nextHeader(this.pending);
    this.pending = next < 0 ? Buffer.alloc(0) : this.pending.subarray(next);
  }
}
