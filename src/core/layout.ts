/**
 * The page's structure as the engine uses it: blocks (paragraphs, headings,
 * list items) and page chrome (header, navigation, side columns, footer).
 *
 * The extraction knows both: it separates blocks with "\n" and knows which
 * text sits under a landmark. Plain text has neither; its blocks are its
 * blank-line paragraphs (or lines, when it has no blank line). The engine
 * leaves chrome out of the comparison and reports edits at the article's
 * edges only up to the block that holds them (see align.ts).
 */
import { foldScript, type NormText } from './normalize';

/** What an extraction knows of its text's structure, in raw (UTF-16) offsets of that text. */
export interface Layout {
  /** Offsets of the separator characters between blocks. Default: derived from the text (blankLineBreaks). */
  breaks?: readonly number[];
  /** Page chrome, [start, end) ranges: left out of matching and comparison. */
  chrome?: readonly (readonly [number, number])[];
}

const BLANK_LINE = /\n[^\S\n]*\n/;

/**
 * Block separators of plain text: blank lines when the text has any (a text
 * file's paragraphs; single line breaks inside them are layout), else every
 * line break (extracted page text, one block per line).
 */
export function blankLineBreaks(raw: string): number[] {
  const out: number[] = [];
  const re = BLANK_LINE.test(raw) ? /\n[^\S\n]*\n/g : /\n/g;
  for (const m of raw.matchAll(re)) out.push(m.index);
  return out;
}

/**
 * Where blocks start in normalized text: sorted, unique, starting with 0.
 * A block that normalizes to nothing (blank, punctuation-free space) vanishes.
 */
export function normBlockStarts(t: NormText, breaks: readonly number[]): number[] {
  const out = [0];
  const n = t.norm.length;
  for (const r of breaks) {
    // first normalized character whose raw text starts after the separator
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (t.rawStart[mid]! <= r) lo = mid + 1;
      else hi = mid;
    }
    if (lo < n && lo > out[out.length - 1]!) out.push(lo);
  }
  return out;
}

/** The block [start, end) of `starts` that holds normalized position `pos` (`len`: the text's length). */
export function blockAt(starts: readonly number[], len: number, pos: number): [number, number] {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return [starts[lo]!, starts[lo + 1] ?? len];
}

/**
 * `t` without the characters whose raw text lies in `ranges` (sorted or not).
 * Offsets still map to the same raw text, so results land where they were.
 */
export function withoutRanges(t: NormText, ranges: readonly (readonly [number, number])[]): NormText {
  if (!ranges.length) return t;
  const rs = [...ranges].filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  // Which normalized characters stay: one pass over the sorted ranges, into typed arrays (pages run to millions).
  const keep = new Uint8Array(t.norm.length);
  let kept = 0;
  let r = 0;
  for (let i = 0; i < t.norm.length; i++) {
    const at = t.rawStart[i]!;
    while (r < rs.length && rs[r]![1] <= at) r++;
    if (r < rs.length && rs[r]![0] <= at) continue;
    keep[i] = 1;
    kept++;
  }
  if (kept === t.norm.length) return t;
  const units = new Uint16Array(kept);
  const rawStart = new Uint32Array(kept);
  const rawEnd = new Uint32Array(kept);
  for (let i = 0, j = 0; i < t.norm.length; i++) {
    if (!keep[i]) continue;
    units[j] = t.norm.charCodeAt(i);
    rawStart[j] = t.rawStart[i]!;
    rawEnd[j++] = t.rawEnd[i]!;
  }
  let norm = '';
  for (let k = 0; k < kept; k += 8192) norm += String.fromCharCode(...units.subarray(k, Math.min(kept, k + 8192)));
  return { raw: t.raw, norm, rawStart, rawEnd };
}

/**
 * How alike two short texts are: Dice's coefficient over character bigrams
 * (0: nothing shared, 1: the same bigrams). Cheap, and robust to the
 * insertions and rewordings that separate a paragraph from its edited twin.
 */
export function likeness(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < a.length; i++) {
    const g = a.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let common = 0;
  for (let i = 0; i + 1 < b.length; i++) {
    const g = b.slice(i, i + 2);
    const c = grams.get(g);
    if (c) {
      common++;
      grams.set(g, c - 1);
    }
  }
  return (2 * common) / (a.length - 1 + (b.length - 1));
}

/** A block is part of the article when at least this share of it agrees with the other version. */
export const ARTICLE_SHARE = 0.3;

/**
 * Which blocks are the article's: those at least ARTICLE_SHARE covered by
 * `agree`, the [start, end) ranges that agree with the other version. Returns
 * a test for a position (false outside the text).
 */
export function articleBlocks(
  starts: readonly number[],
  len: number,
  agree: Iterable<readonly [number, number]>,
): (pos: number) => boolean {
  const covered = new Map<number, number>();
  for (const [a0, a1] of agree) {
    for (let p = a0; p < a1;) {
      const [s, e] = blockAt(starts, len, p);
      const upto = Math.min(e, a1);
      covered.set(s, (covered.get(s) ?? 0) + upto - p);
      p = upto;
    }
  }
  return (pos) => {
    if (pos < 0 || pos >= len) return false;
    const [s, e] = blockAt(starts, len, pos);
    return (covered.get(s) ?? 0) >= ARTICLE_SHARE * (e - s);
  };
}

/** Labels of a page's metadata lines: source, author, editor, time, "share to". */
const META_LABEL = /(来源|作者|编辑|责编|责任编辑|发布时间|发布日期|稿源|供稿|原标题|分享到)\s*[:：]/;
/** A date with a time of day (2026-01-25 09:30, 2026年01月26日08:15): a page's timestamp, not article prose. */
const DATE_TIME = /\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?\s*\d{1,2}[:：]\d{2}/;
/** Lines longer than this are prose, whatever they contain. */
const META_MAX = 100;

/**
 * Blocks that are a page's metadata lines — "来源：新华网 | 2026-01-25 09:30",
 * "（责任编辑：王小明）", "分享到：微信 微博" — as [start, end) raw ranges.
 * Every site writes its own, so two versions of one article differ there
 * without the article differing: the engine leaves them out, like chrome.
 */
export function metadataBlocks(raw: string, breaks: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (const at of [...breaks, raw.length]) {
    const line = foldScript(raw.slice(from, at).trim()); // 來源 is 来源
    if (line && line.length <= META_MAX && (META_LABEL.test(line) || DATE_TIME.test(line))) out.push([from, at]);
    from = at + 1;
  }
  return out;
}
