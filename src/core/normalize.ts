/**
 * Normalization with an offset map.
 *
 * Versions of one article differ in ways a reader does not care about: full- vs
 * half-width punctuation (，/,), curly vs straight quotes, layout breaks in the
 * middle of a sentence, zero-width characters, and script: a Taiwan or Hong
 * Kong reprint writes 楓橋經驗 for 枫桥经验. Traditional characters and variant
 * forms fold to Simplified one character to one (script-fold.ts), so the
 * offset map stays exact. Matching and alignment run on a
 * normalized copy; every normalized character remembers the span of raw text
 * it came from, so a difference found in normalized text lands on the right
 * raw characters.
 */

import { FROM, TO } from './script-fold';

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

/** Script fold for the CJK block (U+4E00–9FFF), where nearly all of it lies: 0 = unchanged. */
const HAN_FOLD = new Uint16Array(0xa000 - 0x4e00);
/** Script fold for the rest (extension A, compatibility ideographs). */
const OTHER_FOLD = new Map<string, string>();
for (let i = 0; i < FROM.length; i++) {
  const c = FROM.charCodeAt(i);
  if (c >= 0x4e00 && c < 0xa000) HAN_FOLD[c - 0x4e00] = TO.charCodeAt(i);
  else OTHER_FOLD.set(FROM[i]!, TO[i]!);
}

/** `s` with Traditional characters and variant forms folded to Simplified, one character to one. */
export function foldScript(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const f = c >= 0x4e00 && c < 0xa000 ? HAN_FOLD[c - 0x4e00]! : 0;
    out += f ? String.fromCharCode(f) : (OTHER_FOLD.get(s[i]!) ?? s[i]!);
  }
  return out;
}

/** Does `s` hold a character that folds to another script (Traditional, a variant form)? */
export function hasFoldedScript(s: string): boolean {
  return foldScript(s) !== s;
}

/** Characters that carry no text: whitespace (incl. U+3000) and zero-width/format characters. */
const INVISIBLE = /[\s\u00ad\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/u;

const foldCache = new Map<string, string>();
/** foldChar of each BMP code unit met so far (normalize's slow path: punctuation, letters, other scripts). */
const BMP_FOLD: (string | undefined)[] = new Array<string | undefined>(0x10000);

/** The normalized form of one code point ('' when it is dropped). */
export function foldChar(ch: string): string {
  let out = foldCache.get(ch);
  if (out !== undefined) return out;
  if (INVISIBLE.test(ch)) {
    out = '';
  } else {
    const nfkc = ch.normalize('NFKC');
    out = '';
    for (const c of nfkc) out += INVISIBLE.test(c) ? '' : (FOLD[c] ?? OTHER_FOLD.get(c) ?? foldScript(c));
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
  // Output is rarely longer than the input (NFKC expands … to ...): buffers grow only then.
  let cap = raw.length + 16;
  let units = new Uint16Array(cap);
  let rawStart = new Uint32Array(cap);
  let rawEnd = new Uint32Array(cap);
  let n = 0;
  for (let i = 0; i < raw.length;) {
    const c = raw.charCodeAt(i);
    // Fast path: printable ASCII as it is, CJK unified ideographs through the script fold.
    if ((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff)) {
      if (n === cap) [cap, units, rawStart, rawEnd] = grow(cap, units, rawStart, rawEnd);
      units[n] = c >= 0x4e00 ? HAN_FOLD[c - 0x4e00]! || c : c;
      rawStart[n] = i;
      rawEnd[n++] = i + 1;
      i++;
      continue;
    }
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < raw.length ? 2 : 1;
    let out: string;
    if (c <= 0x20 || c === 0x7f) out = '';
    else if (width === 1)
      out = BMP_FOLD[c] ??= foldChar(raw[i]!); // punctuation, mostly: one lookup per kind
    else out = foldChar(raw.slice(i, i + width));
    for (let k = 0; k < out.length; k++) {
      if (n === cap) [cap, units, rawStart, rawEnd] = grow(cap, units, rawStart, rawEnd);
      units[n] = out.charCodeAt(k);
      rawStart[n] = i;
      rawEnd[n++] = i + width;
    }
    i += width;
  }
  let norm = '';
  for (let k = 0; k < n; k += 8192) {
    norm += String.fromCharCode(...units.subarray(k, Math.min(n, k + 8192)));
  }
  return { raw, norm, rawStart: rawStart.slice(0, n), rawEnd: rawEnd.slice(0, n) };
}

function grow(
  cap: number,
  u: Uint16Array<ArrayBuffer>,
  s: Uint32Array<ArrayBuffer>,
  e: Uint32Array<ArrayBuffer>,
): [number, Uint16Array<ArrayBuffer>, Uint32Array<ArrayBuffer>, Uint32Array<ArrayBuffer>] {
  const next = cap * 2;
  const u2 = new Uint16Array(next);
  u2.set(u);
  const s2 = new Uint32Array(next);
  s2.set(s);
  const e2 = new Uint32Array(next);
  e2.set(e);
  return [next, u2, s2, e2];
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
