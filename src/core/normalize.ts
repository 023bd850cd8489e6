/**
 * Normalization with an offset map.
 *
 * Versions of one article differ in ways a reader does not care about: full- vs
 * half-width punctuation (，/,), curly vs straight quotes, layout breaks in the
 * middle of a sentence, zero-width characters. Matching and alignment run on a
 * normalized copy; every normalized character remembers the span of raw text
 * it came from, so a difference found in normalized text lands on the right
 * raw characters.
 */

/** A normalized text and the raw span of each of its UTF-16 code units. */
export interface NormText {
  /** The raw text this was made from. */
  raw: string;
  /** Normalized text: NFKC, punctuation folded, no whitespace or zero-width characters. */
  norm: string;
  /** `rawStart[i]`: raw index where the character behind `norm[i]` starts. */
  rawStart: Uint32Array;
  /** `rawEnd[i]`: raw index just past the character behind `norm[i]`. */
  rawEnd: Uint32Array;
}

// Folds NFKC leaves alone: quotes and brackets whose half-width twin is a
// different character, and the ideographic space (NFKC maps it to U+0020,
// which is then dropped as whitespace anyway).
const FOLD: Record<string, string> = {
  '\u201c': '"', // “
  '\u201d': '"', // ”
  '\u201e': '"',
  '\u300c': '"', // 「
  '\u300d': '"', // 」
  '\u300e': '"', // 『
  '\u300f': '"', // 』
  '\u2018': "'", // ‘
  '\u2019': "'", // ’
  '\u3010': '[', // 【
  '\u3011': ']', // 】
  '\u3014': '[', // 〔
  '\u3015': ']', // 〕
  '\u2014': '-', // — (Chinese dashes come as ——)
  '\u2013': '-',
  '\u2015': '-',
  '\u2026': '...', // …
  '\u00b7': '.', // · (NFKC keeps the middle dot)
  '\u30fb': '.',
  '\u2027': '.',
};

/** Characters that carry no text: whitespace (incl. U+3000) and zero-width/format characters. */
const INVISIBLE = /[\s\u00ad\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/u;

const foldCache = new Map<string, string>();

/** The normalized form of one code point ('' when it is dropped). */
export function foldChar(ch: string): string {
  let out = foldCache.get(ch);
  if (out !== undefined) return out;
  if (INVISIBLE.test(ch)) {
    out = '';
  } else {
    const nfkc = ch.normalize('NFKC');
    out = '';
    for (const c of nfkc) out += INVISIBLE.test(c) ? '' : (FOLD[c] ?? c);
  }
  if (foldCache.size < 20000) foldCache.set(ch, out);
  return out;
}

/**
 * Normalize `raw`, keeping a map from every normalized code unit back to raw.
 * Code points are folded one at a time (NFKC per code point): composition
 * across characters is not needed for Chinese news text and would break the
 * one-source-span-per-output-character map.
 */
export function normalize(raw: string): NormText {
  // Output can outgrow the input (NFKC expands … to ...), so buffers grow.
  let cap = raw.length + 16;
  let units = new Uint16Array(cap);
  let rawStart = new Uint32Array(cap);
  let rawEnd = new Uint32Array(cap);
  let n = 0;
  const push = (code: number, from: number, to: number): void => {
    if (n === cap) {
      cap *= 2;
      const u = new Uint16Array(cap);
      u.set(units);
      units = u;
      const s = new Uint32Array(cap);
      s.set(rawStart);
      rawStart = s;
      const e = new Uint32Array(cap);
      e.set(rawEnd);
      rawEnd = e;
    }
    units[n] = code;
    rawStart[n] = from;
    rawEnd[n] = to;
    n++;
  };
  for (let i = 0; i < raw.length;) {
    const c = raw.charCodeAt(i);
    // Fast paths: printable ASCII and CJK unified ideographs are left as they are.
    if ((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff)) {
      push(c, i, i + 1);
      i++;
      continue;
    }
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < raw.length ? 2 : 1;
    const out = c <= 0x20 || c === 0x7f ? '' : foldChar(raw.slice(i, i + width));
    for (let k = 0; k < out.length; k++) push(out.charCodeAt(k), i, i + width);
    i += width;
  }
  let norm = '';
  for (let k = 0; k < n; k += 8192) {
    norm += String.fromCharCode(...units.subarray(k, Math.min(n, k + 8192)));
  }
  return { raw, norm, rawStart: rawStart.slice(0, n), rawEnd: rawEnd.slice(0, n) };
}

/** Map a normalized range [start, end) to the raw range it covers. */
export function toRawRange(t: NormText, start: number, end: number): [number, number] {
  if (t.norm.length === 0) return [0, 0];
  if (end <= start) {
    // An empty range (a removal point): place it after the previous character.
    const at = start <= 0 ? (t.rawStart[0] ?? 0) : t.rawEnd[Math.min(start, t.norm.length) - 1]!;
    return [at, at];
  }
  return [t.rawStart[start]!, t.rawEnd[end - 1]!];
}
