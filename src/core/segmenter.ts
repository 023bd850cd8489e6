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
  /** Words of `text`, in order, covering it exactly. */
  tokenize(text: string): SegToken[];
}

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

/** Tokens of s[lo, hi), with offsets into s. */
export function tokensIn(seg: Segmenter, s: string, lo: number, hi: number): SegToken[] {
  return seg.tokenize(s.slice(lo, hi)).map((t) => ({ start: t.start + lo, end: t.end + lo, tag: t.tag }));
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
