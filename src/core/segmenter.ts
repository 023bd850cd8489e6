/**
 * Word segmentation, as the engine needs it. The engine never loads jieba
 * itself: each host (CLI in Node, background in the browser) hands it a
 * Segmenter, so src/core stays pure and tests can count calls.
 */

/** A word of the input: UTF-16 offsets and a part-of-speech tag (jieba's: nr = person, ns = place, x = unknown …). */
export interface SegToken {
  start: number;
  end: number;
  tag: string;
}

export interface Segmenter {
  /**
   * A stand-in until the real segmenter is ready (CHARACTERS): results made
   * with it are provisional, and term finding leaves out the forms it would
   * have to confirm as words.
   */
  provisional?: boolean;
  /** Words of `text`, in order, covering it exactly, with part-of-speech tags. */
  tokenize(text: string): SegToken[];
  /** The same words without tags ('' each): where only word boundaries matter (jieba: cut is ~3× cheaper than tag). */
  split?(text: string): SegToken[];
}

/**
 * Every character its own word: what the engine uses while jieba starts, so
 * that differences need not wait for it (they are then not widened to whole
 * words, nor typed as names, until the full run).
 */
export const CHARACTERS: Segmenter = {
  provisional: true,
  tokenize: (text) => Array.from({ length: text.length }, (_, i) => ({ start: i, end: i + 1, tag: 'x' })),
};

/** Sentence ends and separators: a window for jieba never needs to cross them. */
const STOP = /[。!?;\n]/;

/**
 * The stretch of `s` around [start, end) that a segmenter needs to see to
 * decide the words there: out to the nearest sentence stop on each side,
 * at most `reach` characters away.
 */
export function sentenceWindow(s: string, start: number, end: number, reach = 40): [number, number] {
  let lo = start;
  while (lo > 0 && start - lo < reach && !STOP.test(s[lo - 1]!)) lo--;
  let hi = end;
  while (hi < s.length && hi - end < reach && !STOP.test(s[hi]!)) hi++;
  return [lo, hi];
}

/** Tokens of s[lo, hi), with offsets into s; `tags: false` when only the boundaries are wanted. */
export function tokensIn(seg: Segmenter, s: string, lo: number, hi: number, tags = true): SegToken[] {
  const words = !tags && seg.split ? seg.split(s.slice(lo, hi)) : seg.tokenize(s.slice(lo, hi));
  return words.map((t) => ({ start: t.start + lo, end: t.end + lo, tag: t.tag }));
}

const caches = new WeakMap<Segmenter, WeakMap<object, Map<number, SegToken[]>>>();
const untagged = new WeakMap<Segmenter, WeakMap<object, Map<number, SegToken[]>>>();
/** Windows remembered per text, at most. */
const CACHE_MAX = 20000;

/**
 * tokensIn, remembered per text: the same window of the same text (`owner`,
 * e.g. its NormText) is segmented once. A known version's windows are kept
 * for as long as it is known, so a page compared again costs only its own.
 */
export function cachedTokensIn(seg: Segmenter, owner: object, s: string, lo: number, hi: number, tags = true): SegToken[] {
  const m = cacheOf(seg, owner, tags);
  let t = m.get(windowKey(lo, hi));
  if (!t) {
    t = tokensIn(seg, s, lo, hi, tags);
    if (m.size < CACHE_MAX) m.set(windowKey(lo, hi), t);
  }
  return t;
}

function cacheOf(seg: Segmenter, owner: object, tags: boolean): Map<number, SegToken[]> {
  const all = tags ? caches : untagged;
  let bySeg = all.get(seg);
  if (!bySeg) all.set(seg, (bySeg = new WeakMap()));
  let m = bySeg.get(owner);
  if (!m) bySeg.set(owner, (m = new Map<number, SegToken[]>()));
  return m;
}

// offsets stay below 2^24 (MAX_PAGE_CHARS is 5M)
const windowKey = (lo: number, hi: number): number => lo * 0x1000000 + hi;

/**
 * Segment many windows of one text in a single call (they are joined with
 * line breaks, which jieba never joins a word across) and remember them for
 * cachedTokensIn: a call into the wasm costs far more than the words it
 * reads, and an article has a few hundred windows to ask about.
 */
export function prefetchTokens(seg: Segmenter, owner: object, s: string, windows: Iterable<readonly [number, number]>, tags = true): void {
  const m = cacheOf(seg, owner, tags);
  const todo = new Map<number, readonly [number, number]>();
  for (const w of windows) if (w[1] > w[0] && !m.has(windowKey(w[0], w[1]))) todo.set(windowKey(w[0], w[1]), w);
  if (!todo.size || m.size + todo.size > CACHE_MAX) return;
  const parts: string[] = [];
  const starts: number[] = [];
  let at = 0;
  for (const [lo, hi] of todo.values()) {
    starts.push(at);
    parts.push(s.slice(lo, hi));
    at += hi - lo + 1;
  }
  const joined = parts.join('\n');
  const toks = !tags && seg.split ? seg.split(joined) : seg.tokenize(joined);
  let k = 0;
  let i = 0;
  for (const [key, [lo, hi]] of todo) {
    const from = starts[i++]!;
    const to = from + hi - lo;
    const out: SegToken[] = [];
    while (k < toks.length && toks[k]!.end <= from) k++;
    for (; k < toks.length && toks[k]!.start < to; k++) {
      const t = toks[k]!;
      if (t.start < from || t.end > to) return; // a word across a window edge: leave these to one-by-one calls
      out.push({ start: t.start - from + lo, end: t.end - from + lo, tag: t.tag });
    }
    m.set(key, out);
  }
}

/** jieba's words (cut), turned into untagged tokens. */
export function fromWords(words: readonly string[]): SegToken[] {
  const out: SegToken[] = [];
  let at = 0;
  for (const w of words) {
    out.push({ start: at, end: at + w.length, tag: '' });
    at += w.length;
  }
  return out;
}

/** jieba's tagged words, turned into tokens with offsets (the words cover the text in order). */
export function fromTagged(words: readonly { word: string; tag: string }[]): SegToken[] {
  const out: SegToken[] = [];
  let at = 0;
  for (const w of words) {
    out.push({ start: at, end: at + w.word.length, tag: w.tag });
    at += w.word.length;
  }
  return out;
}
