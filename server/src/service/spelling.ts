import type { ArchiveIndex } from '../archive/index';
import type { NameCatalog } from '../config/catalog';
import type { KleCatalog } from '../model/kle';
import type { LinePlace, SpellingKnowledge } from '../rules/types';
import type { HouseWord, Speller } from '../spelling/speller';
import { words, type WordToken } from '../spelling/words';
import { rejectedWords } from '../rules/writing';
import { decodeReferat } from '../workspace/decode';
import { yieldToHost, type Workspace } from '../workspace/workspace';

const LINE_CACHE_LIMIT = 200_000;
/** Lines spliced at once (a paste of many lines would otherwise pass too many arguments). */
const COUNT_STRETCH = 2_000;
/** Time counted between two turns of the editor's requests: a request that comes meanwhile waits no longer. */
const COUNT_SLICE_MS = 4;
/** While findings were asked for this recently, she is at work (typing, saving): the count waits for a pause this long. */
const COUNT_QUIET_MS = 100;
/** Work that never pauses still lets the count go on by a slice this often. */
const COUNT_MAX_STALL_MS = 500;
/**
 * While a count goes on (saves that never pause, a large archive), the words that became the
 * archive's own, or stopped being it, are told this often, not only when it ends.
 */
const COUNT_TELL_MS = 1_000;
/** Files whose lines are kept for counting their next save by its changes: the documents being edited. */
const SAVED_LINES_FILES = 8;
const NO_WORDS: readonly string[] = [];

/** A saved file's lines, each line's unknown words, and how often each word stands in the file. */
interface SavedLines {
  lines: string[];
  readonly words: (readonly string[])[];
  readonly counts: Map<string, number>;
}

/** The unknown words of a file whose lines were counted before: the lines between the unchanged ends are counted again. */
function countChangedLines(last: SavedLines, lines: string[], unknownIn: (line: string) => readonly string[]): Set<string> {
  const old = last.lines;
  const max = Math.min(lines.length, old.length);
  let head = 0;
  while (head < max && lines[head] === old[head]) head++;
  let tail = 0;
  while (tail < max - head && lines[lines.length - 1 - tail] === old[old.length - 1 - tail]) tail++;
  for (let i = head; i < old.length - tail; i++)
    for (const w of last.words[i]!) {
      const n = (last.counts.get(w) ?? 1) - 1;
      if (n <= 0) last.counts.delete(w);
      else last.counts.set(w, n);
    }
  const added: (readonly string[])[] = [];
  for (let i = head; i < lines.length - tail; i++) {
    const found = unknownIn(lines[i]!);
    added.push(found);
    for (const w of found) last.counts.set(w, (last.counts.get(w) ?? 0) + 1);
  }
  // Spliced in stretches: a paste of many lines would otherwise pass too many arguments at once.
  last.words.splice(head, old.length - tail - head);
  for (let i = 0; i < added.length; i += COUNT_STRETCH) last.words.splice(head + i, 0, ...added.slice(i, i + COUNT_STRETCH));
  last.lines = lines;
  return new Set(last.counts.keys());
}

/** A saved file's words are counted this long after the last save: the findings of the saves reach the editor first. */
const SAVED_COUNT_DELAY_MS = 250;
/** Saves that keep coming sooner than that are counted after this long all the same. */
const SAVED_COUNT_MAX_WAIT_MS = 2_000;

/** A word written in this many referater of the archive is the municipality's own, whatever the dictionary says. */
export const ARCHIVE_WORD_MIN = 3;

export interface SpellingHost {
  /** Loads the speller (the host reads the dictionary); absent where the host has none. */
  readonly load?: () => Promise<Speller>;
  readonly workspace: Workspace;
  readonly archive: ArchiveIndex;
  readonly toPath: (uri: string) => string | undefined;
  readonly log: (message: string) => void;
}

const NO_MODELS: ReadonlyMap<string, string> = new Map();

/** The ordliste's and her own single words, each with its model where referat.yaml gives one. */
function houseWords(ordliste: readonly string[], personal: ReadonlySet<string>, models: ReadonlyMap<string, string>): HouseWord[] {
  const out = new Map<string, HouseWord>();
  for (const w of [...ordliste, ...personal]) {
    const word = w.trim().toLowerCase();
    // A name of several words or an abbreviation is known as written; only a word inflects.
    if (!/^\p{L}[\p{L}-]*$/u.test(word)) continue;
    const model = models.get(word);
    out.set(word, model ? { word, model } : { word });
  }
  return [...out.values()];
}

/** Whether two sets of words hold the same words. */
function sameWords(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const w of a) if (!b.has(w)) return false;
  return true;
}

/** `Søndergaard Kjær` → `søndergaard`, `kjær`: the words a name or title is made of, lower case. */
function wordsOf(text: string): string[] {
  return [...words(text)].map((w) => w.word.toLowerCase().replace(/\.$/, ''));
}

/**
 * What the spell checker knows beyond the dictionary, and when the dictionary is there. The
 * dictionary is loaded on first use, off the path of start-up and the first diagnostics; the
 * archive's own words are counted in the background once it is. Listeners hear when either
 * arrives, so the host can check open documents again.
 */
export class Spelling {
  private speller: Speller | undefined;
  private loading: Promise<Speller | undefined> | undefined;
  private failed = false;
  private personal = new Set<string>();
  private readonly listeners: (() => void)[] = [];
  /** Per archive file, the words of it the dictionary does not know (lower case). */
  private readonly unknownByFile = new Map<string, ReadonlySet<string>>();
  /** In how many archive files each of those words stands. */
  private readonly fileCount = new Map<string, number>();
  private counting: Promise<void> | undefined;
  private dirty = new Set<string>();
  private readonly knownSets = new WeakMap<object, { ordliste: readonly string[]; words: Set<string> }>();
  private kle: Set<string> | undefined;
  /** Per line of text, the words the dictionary rejects: the dictionary's verdicts never change, so a line is judged once. */
  private readonly rejectedByLine = new Map<string, readonly WordToken[]>();
  /** Per line of an archive file counted again, its words the dictionary does not know (lower case). */
  private readonly unknownByLine = new Map<string, readonly string[]>();
  /** Per file the editor saved lately: its lines and their unknown words, so its next save is counted by the lines it changed. */
  private readonly savedLines = new Map<string, SavedLines>();
  /** The text the editor saved, per file waiting to be counted: it is not read from the disk again. */
  private readonly saved = new Map<string, string>();
  private disposed = false;
  private countTimer: ReturnType<typeof setTimeout> | undefined;
  /** When findings were last asked for (`knowledge`): the background count gives way to her work. */
  private lastAsked = 0;
  /** When a count going on last told that words changed sides. */
  private toldAt = 0;
  /** When the first save not yet counted came. */
  private countWaitingSince: number | undefined;
  /** Counts the changes that can change an answer (the dictionary, the personal words, a word that changed sides in the archive). */
  private generation = 0;
  /** The knowledge last handed out, while nothing it answers from has changed: the same object, so what was judged with it is remembered. */
  private lastKnowledge:
    | {
        generation: number;
        personer: object;
        ordliste: readonly string[];
        kle: KleCatalog;
        models: ReadonlyMap<string, string>;
        /** The names' and word list's words it knows. */
        known: ReadonlySet<string>;
        knowledge: SpellingKnowledge;
      }
    | undefined;

  constructor(private readonly host: SpellingHost) {}

  /** Listeners hear when the speller or the archive's words arrive. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Starts loading the dictionary, once; nothing waits for it. */
  start(): void {
    if (this.loading || !this.host.load) return;
    this.loading = this.host.load().then(
      (s) => {
        this.speller = s;
        this.changed();
        this.countArchive();
        return s;
      },
      (e: unknown) => {
        this.failed = true;
        this.host.log(`referat: the Danish dictionary could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
        return undefined;
      },
    );
  }

  /** No more listeners, counting or cached verdicts: the service is done. */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.countTimer);
    this.countTimer = undefined;
    this.listeners.length = 0;
    this.dirty.clear();
    this.rejectedByLine.clear();
    this.unknownByLine.clear();
    this.savedLines.clear();
    this.saved.clear();
  }

  /** Resolves when the dictionary is loaded (or cannot be) and the archive's words are counted: for the command line and tests. */
  async ready(): Promise<void> {
    this.start();
    await this.loading;
    this.countArchive();
    while (this.counting) await this.counting;
  }

  setPersonalWords(list: readonly string[]): void {
    this.personal = new Set(list.map((w) => w.trim().toLowerCase()).filter((w) => w.length > 0));
    this.changed();
  }

  /** An archive file changed, appeared or went: its words are counted again; from `text` where the editor saved it. */
  archiveChanged(uri?: string, text?: string): void {
    if (uri === undefined) for (const u of this.host.archive.uris()) this.dirty.add(u);
    else this.dirty.add(uri);
    if (uri !== undefined && text !== undefined) this.saved.set(uri, text);
    else if (uri !== undefined) this.saved.delete(uri);
    // Files that left the archive leave the counts too.
    for (const u of [...this.unknownByFile.keys()]) if (!this.host.archive.get(u)) this.dirty.add(u);
    if (!this.speller) return;
    if (text === undefined) this.countArchive();
    else this.countSoon();
  }

  /** Counts once saves pause (after the findings of the last are out); the saves before are counted with it. */
  private countSoon(): void {
    const now = Date.now();
    this.countWaitingSince ??= now;
    // Saves that never pause are counted all the same, this often.
    if (this.countTimer !== undefined && now - this.countWaitingSince >= SAVED_COUNT_MAX_WAIT_MS) return;
    clearTimeout(this.countTimer);
    const timer = setTimeout(() => {
      this.countTimer = undefined;
      this.countWaitingSince = undefined;
      this.countArchive();
    }, SAVED_COUNT_DELAY_MS);
    // Node's timers would otherwise keep a finished command-line run alive.
    (timer as { unref?: () => void }).unref?.();
    this.countTimer = timer;
  }

  /** What the rule needs, for a document with these names and word list; undefined until the dictionary is loaded. */
  knowledge(
    catalog: NameCatalog,
    ordliste: readonly string[],
    kle: KleCatalog,
    models: ReadonlyMap<string, string> = NO_MODELS,
  ): SpellingKnowledge | undefined {
    const speller = this.speller;
    if (!speller) return undefined;
    this.lastAsked = Date.now();
    const last = this.lastKnowledge;
    const sameRest = last?.generation === this.generation && last.ordliste === ordliste && last.kle === kle && last.models === models;
    if (sameRest && last.personer === catalog.personer) return last.knowledge;
    const known = this.knownWords(catalog, ordliste);
    // The archive harvested again (a save that brought a new meeting) mostly knows the same names: the
    // knowledge stays the same object, so no punkt is judged again for it.
    if (sameRest && sameWords(last.known, known)) {
      this.lastKnowledge = { ...last, personer: catalog.personer, known };
      return last.knowledge;
    }
    const knowledge = this.makeKnowledge(speller, known, ordliste, kle, models);
    this.lastKnowledge = { generation: this.generation, personer: catalog.personer, ordliste, kle, models, known, knowledge };
    return knowledge;
  }

  private makeKnowledge(
    speller: Speller,
    known: ReadonlySet<string>,
    ordliste: readonly string[],
    kle: KleCatalog,
    models: ReadonlyMap<string, string>,
  ): SpellingKnowledge {
    // The word lists' words with their inflections and in compounds (`Mindreforbruget`), by the dictionary's affix rules.
    const house = speller.withWords?.(houseWords(ordliste, this.personal, models));
    const kleWords = this.kleWords(kle);
    const personal = this.personal;
    const fileCount = this.fileCount;
    const rejectedByLine = this.rejectedByLine;
    return {
      speller,
      rejected(line: string, place: LinePlace): readonly WordToken[] {
        const key = place.continuesSentence ? `\u0001${line}` : line;
        let hit = rejectedByLine.get(key);
        if (!hit) {
          if (rejectedByLine.size >= LINE_CACHE_LIMIT) rejectedByLine.clear();
          rejectedByLine.set(key, (hit = rejectedWords(line, place, { speller })));
        }
        return hit;
      },
      isKnown(word: string): boolean {
        const w = word.toLowerCase().replace(/’/g, "'");
        const bare = w.replace(/\.$/, '');
        if (known.has(bare) || kleWords.has(bare) || personal.has(bare) || personal.has(w)) return true;
        // A name's genitive: `Lemvigs`, `Borgs`.
        if (bare.endsWith('s') && known.has(bare.slice(0, -1))) return true;
        if (house?.correct(word)) return true;
        return (fileCount.get(w) ?? 0) >= ARCHIVE_WORD_MIN;
      },
    };
  }

  private knownWords(catalog: NameCatalog, ordliste: readonly string[]): ReadonlySet<string> {
    // The catalog's lists are replaced, never changed, when referat.yaml or the archive changes:
    // one set per list of people and word list.
    const key = catalog.personer as object;
    const hit = this.knownSets.get(key);
    if (hit && hit.ordliste === ordliste) return hit.words;
    const set = new Set<string>();
    const add = (text: string | undefined): void => {
      if (text) for (const w of wordsOf(text)) set.add(w);
    };
    for (const u of catalog.udvalg) {
      add(u.navn);
      for (const m of u.medlemmer) add(m);
      add(u.moedested);
    }
    for (const p of catalog.personer) {
      add(p.navn);
      add(p.titel);
    }
    for (const s of [...catalog.strategier, ...catalog.lovgrundlag, ...catalog.indstillere]) add(s);
    for (const w of ordliste) set.add(w.trim().toLowerCase().replace(/\.$/, ''));
    this.knownSets.set(key, { ordliste, words: set });
    return set;
  }

  /** The words of the KLE subject titles, once. */
  private kleWords(kle: KleCatalog): Set<string> {
    if (!this.kle) {
      this.kle = new Set<string>();
      for (const title of kle.emner().values()) for (const w of wordsOf(title)) this.kle.add(w);
    }
    return this.kle;
  }

  private changed(): void {
    this.generation++;
    for (const l of this.listeners) l();
  }

  /** Counts, in the background, which unknown words each archive file holds. */
  private countArchive(): void {
    if (this.counting || !this.speller || this.disposed) return;
    for (const u of this.host.archive.uris()) if (!this.unknownByFile.has(u)) this.dirty.add(u);
    if (this.dirty.size === 0) return;
    // Each word counted again, with whether the archive made it known before.
    const before = new Map<string, boolean>();
    this.counting = this.count(this.speller, before).finally(() => {
      this.counting = undefined;
      if (this.changedSides(before)) this.changed();
      // Files changed while counting are counted next.
      if (this.dirty.size > 0) this.countArchive();
    });
  }

  /** Whether a word counted since `before` was taken became the archive's own, or stopped being it: only then are open documents checked again. */
  private changedSides(before: ReadonlyMap<string, boolean>): boolean {
    for (const [w, known] of before) if (known !== (this.fileCount.get(w) ?? 0) >= ARCHIVE_WORD_MIN) return true;
    return false;
  }

  private async count(speller: Speller, before: Map<string, boolean>): Promise<void> {
    while (this.dirty.size > 0 && !this.disposed) {
      const uri = this.dirty.values().next().value as string;
      this.dirty.delete(uri);
      const unknown = await this.unknownWordsOf(uri, speller);
      // The file's old words go and its new ones come in one step: a check meanwhile sees whole counts.
      this.forgetFile(uri, before);
      if (!unknown) continue;
      this.unknownByFile.set(uri, unknown);
      for (const w of unknown) {
        const n = this.fileCount.get(w) ?? 0;
        if (!before.has(w)) before.set(w, n >= ARCHIVE_WORD_MIN);
        this.fileCount.set(w, n + 1);
      }
      // A count that goes on and on (she saves without a pause) tells what changed sides meanwhile.
      if (Date.now() - this.toldAt >= COUNT_TELL_MS && this.changedSides(before)) {
        before.clear();
        this.toldAt = Date.now();
        this.changed();
      }
      // One file at a time: the editor's requests go first.
      await this.giveWay();
    }
  }

  /**
   * The words of an archive file the dictionary does not know; undefined for a file gone or
   * unreadable. A file counted before is counted again line by line from memory (a save changes a
   * few lines), and a long file gives way to the editor's requests between stretches of lines.
   */
  private async unknownWordsOf(uri: string, speller: Speller): Promise<Set<string> | undefined> {
    const given = this.saved.get(uri);
    this.saved.delete(uri);
    if (!this.host.archive.get(uri)) return undefined;
    const path = this.host.toPath(uri);
    if (path === undefined) return undefined;
    let text: string;
    if (given !== undefined) text = given;
    else
      try {
        const decoded = decodeReferat(await this.host.workspace.readFile(path));
        if (!decoded.ok) return undefined;
        text = decoded.text;
      } catch {
        return undefined;
      }
    const remember = this.unknownByFile.has(uri);
    const lines = text.split(/\r\n|\r|\n/);
    const unknownIn = (line: string): readonly string[] => {
      let hit = this.unknownByLine.get(line);
      if (hit) return hit;
      const found: string[] = [];
      for (const w of words(line)) if (!speller.correct(w.word)) found.push(w.word.toLowerCase().replace(/’/g, "'"));
      hit = found.length > 0 ? found : NO_WORDS;
      if (remember) {
        if (this.unknownByLine.size >= LINE_CACHE_LIMIT) this.unknownByLine.clear();
        this.unknownByLine.set(line, hit);
      }
      return hit;
    };
    // A save changes a few lines: only those are counted again, from the last save's lines.
    const last = given !== undefined && remember ? this.savedLines.get(uri) : undefined;
    if (last) return countChangedLines(last, lines, unknownIn);
    const counted: SavedLines = { lines, words: [], counts: new Map<string, number>() };
    let slice = Date.now();
    for (let i = 0; i < lines.length; i++) {
      if ((i & 63) === 0 && Date.now() - slice >= COUNT_SLICE_MS) {
        await this.giveWay();
        slice = Date.now();
      }
      const found = unknownIn(lines[i]!);
      counted.words.push(found);
      for (const w of found) counted.counts.set(w, (counted.counts.get(w) ?? 0) + 1);
    }
    if (given !== undefined) {
      this.savedLines.delete(uri);
      this.savedLines.set(uri, counted);
      for (const oldest of this.savedLines.keys()) {
        if (this.savedLines.size <= SAVED_LINES_FILES) break;
        this.savedLines.delete(oldest);
      }
    } else this.savedLines.delete(uri);
    return new Set(counted.counts.keys());
  }

  /**
   * A turn for the editor's requests; and while she is at work (findings asked for in the last
   * COUNT_QUIET_MS), a wait for a pause in it, so that a count's slices do not land between her
   * edit and its findings. Work that never pauses still lets a slice through every COUNT_MAX_STALL_MS.
   */
  private async giveWay(): Promise<void> {
    await yieldToHost();
    const since = Date.now();
    for (let busy = since - this.lastAsked; busy < COUNT_QUIET_MS && !this.disposed; busy = Date.now() - this.lastAsked) {
      const stalled = Date.now() - since;
      if (stalled >= COUNT_MAX_STALL_MS) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(COUNT_QUIET_MS - busy, COUNT_MAX_STALL_MS - stalled)));
    }
  }

  private forgetFile(uri: string, before: Map<string, boolean>): void {
    const old = this.unknownByFile.get(uri);
    if (!old) return;
    for (const w of old) {
      if (!before.has(w)) before.set(w, (this.fileCount.get(w) ?? 0) >= ARCHIVE_WORD_MIN);
      const n = (this.fileCount.get(w) ?? 1) - 1;
      if (n <= 0) this.fileCount.delete(w);
      else this.fileCount.set(w, n);
    }
    this.unknownByFile.delete(uri);
  }

  /** The speller once loaded, for the quick fixes' suggestions. */
  get loaded(): Speller | undefined {
    return this.speller;
  }

  /** Whether the dictionary could not be loaded (the rule then says nothing). */
  get unavailable(): boolean {
    return this.failed;
  }
}
