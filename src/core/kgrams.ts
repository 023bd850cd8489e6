/**
 * k-gram hashing and winnowing (Schleimer, Wilkerson & Aiken, "Winnowing:
 * local algorithms for document fingerprinting", SIGMOD 2003).
 *
 * Hashes are 32-bit: polynomial rolling hash over UTF-16 code units, then a
 * murmur3 finalizer so that winnowing's "minimum in window" picks evenly.
 * Collisions are possible; every consumer that needs exactness (anchors)
 * verifies the characters.
 */

const BASE = 0x01000193; // odd multiplier (FNV prime)

/** Murmur3's 32-bit finalizer: spreads bits so minima are unbiased. */
export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of every k-gram of `s`: result[i] covers s[i, i+k). Empty when s is shorter than k. */
export function kgramHashes(s: string, k: number): Uint32Array {
  const n = s.length - k + 1;
  if (n <= 0) return new Uint32Array(0);
  const out = new Uint32Array(n);
  let pow = 1; // BASE^(k-1) mod 2^32
  for (let i = 1; i < k; i++) pow = Math.imul(pow, BASE);
  let h = 0;
  for (let i = 0; i < k; i++) h = (Math.imul(h, BASE) + s.charCodeAt(i)) | 0;
  out[0] = mix(h);
  for (let i = 1; i < n; i++) {
    h = (h - Math.imul(s.charCodeAt(i - 1), pow)) | 0;
    h = (Math.imul(h, BASE) + s.charCodeAt(i + k - 1)) | 0;
    out[i] = mix(h);
  }
  return out;
}

/** Fingerprints chosen by winnowing: hashes and the k-gram positions they stand at. */
export interface Fingerprints {
  hashes: Uint32Array;
  positions: Uint32Array;
}

/**
 * Winnow `hashes` with window `w`: from every window of w consecutive hashes
 * keep the minimum (the rightmost one on ties), each selected position once.
 * Any shared substring of length ≥ w + k − 1 is then guaranteed to share a
 * fingerprint. Runs in O(n) with a monotone deque.
 */
export function winnow(hashes: Uint32Array, w: number): Fingerprints {
  const n = hashes.length;
  const outH: number[] = [];
  const outP: number[] = [];
  if (n === 0) return { hashes: new Uint32Array(0), positions: new Uint32Array(0) };
  if (n < w) w = n;
  const dq = new Int32Array(n);
  let head = 0;
  let tail = 0;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const h = hashes[i]!;
    while (tail > head && hashes[dq[tail - 1]!]! >= h) tail--;
    dq[tail++] = i;
    if (dq[head]! <= i - w) head++;
    if (i >= w - 1) {
      const m = dq[head]!;
      if (m !== last) {
        outH.push(hashes[m]!);
        outP.push(m);
        last = m;
      }
    }
  }
  return { hashes: Uint32Array.from(outH), positions: Uint32Array.from(outP) };
}

/**
 * Fingerprint parameters shared by the corpus index and page lookups. Any
 * shared passage of FP_K + FP_W − 1 = 25 characters shares a fingerprint;
 * about 2 / (FP_W + 1) ≈ 12% of positions are kept, which holds a
 * 10,000-article index under 30 MB.
 */
export const FP_K = 10;
export const FP_W = 16;

/** Winnowed fingerprints of a normalized text. */
export function fingerprint(norm: string): Fingerprints {
  return winnow(kgramHashes(norm, FP_K), FP_W);
}
