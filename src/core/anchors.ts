/**
 * Unique-k-gram anchors and the exact blocks they grow into.
 *
 * A k-gram that occurs exactly once in each text is an anchor: it pins one
 * place in A to one place in B with no ambiguity, whatever order the texts put
 * their paragraphs in. Anchors on the same diagonal merge into blocks, and
 * blocks grow character by character while both texts agree. This is the
 * "unique common substring" idea behind patience diff, applied at k-gram level.
 */
import { kgramHashes } from './kgrams';

/** A[a, a+len) equals B[b, b+len). */
export interface Block {
  a: number;
  b: number;
  len: number;
}

/**
 * Where each hash occurs, if it occurs once (-1 when it repeats): an
 * open-addressing table in typed arrays. A Map did the same job at five times
 * the cost, and this runs on every alignment.
 */
class UniqueTable {
  private readonly keys: Uint32Array;
  private readonly vals: Int32Array;
  private readonly used: Uint8Array;
  private readonly mask: number;

  constructor(hashes: Uint32Array) {
    let size = 16;
    while (size < hashes.length * 2) size *= 2;
    this.keys = new Uint32Array(size);
    this.vals = new Int32Array(size);
    this.used = new Uint8Array(size);
    this.mask = size - 1;
    for (let i = 0; i < hashes.length; i++) {
      const h = hashes[i]!;
      let slot = h & this.mask;
      while (this.used[slot] && this.keys[slot] !== h) slot = (slot + 1) & this.mask;
      if (this.used[slot]) this.vals[slot] = -1;
      else {
        this.used[slot] = 1;
        this.keys[slot] = h;
        this.vals[slot] = i;
      }
    }
  }

  /** Position of h if it occurs exactly once, else -1. */
  get(h: number): number {
    let slot = h & this.mask;
    while (this.used[slot]) {
      if (this.keys[slot] === h) return this.vals[slot]!;
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }
}

/** Exact blocks shared by A and B, grown from unique k-gram anchors, sorted by `a`. */
export function findBlocks(A: string, B: string, k = 8): Block[] {
  const ha = kgramHashes(A, k);
  const hb = kgramHashes(B, k);
  const ua = new UniqueTable(ha);
  const ub = new UniqueTable(hb);
  const anchors: [number, number][] = [];
  for (let j = 0; j < hb.length; j++) {
    const h = hb[j]!;
    if (ub.get(h) !== j) continue;
    const i = ua.get(h);
    if (i < 0) continue;
    if (A.startsWith(B.slice(j, j + k), i)) anchors.push([i, j]); // hash collisions are dropped here
  }
  anchors.sort((x, y) => x[0] - y[0]);

  const blocks: Block[] = [];
  let cur: Block | undefined;
  for (const [i, j] of anchors) {
    if (cur && j - i === cur.b - cur.a && i <= cur.a + cur.len) {
      cur.len = Math.max(cur.len, i + k - cur.a);
    } else {
      if (cur) blocks.push(cur);
      cur = { a: i, b: j, len: k };
    }
  }
  if (cur) blocks.push(cur);

  // Grow each block while the texts agree; blocks that grow into each other merge.
  const out: Block[] = [];
  for (const blk of blocks) {
    let { a, b, len } = blk;
    while (a > 0 && b > 0 && A.charCodeAt(a - 1) === B.charCodeAt(b - 1)) {
      a--;
      b--;
      len++;
    }
    while (a + len < A.length && b + len < B.length && A.charCodeAt(a + len) === B.charCodeAt(b + len)) len++;
    const last = out[out.length - 1];
    if (last && last.b - last.a === b - a && a <= last.a + last.len) {
      last.len = Math.max(last.len, a + len - last.a);
    } else {
      out.push({ a, b, len });
    }
  }
  return out.sort((x, y) => x.a - y.a);
}

/**
 * The heaviest chain of blocks in the same order in both texts (weighted
 * longest increasing subsequence, weight = block length). Blocks grown by
 * character extension can overlap their neighbour by a few characters (a
 * shared character on both sides of an insertion); such a block may still
 * follow, trimmed by the overlap. O(n²) over blocks, which stay few: one per
 * stretch of agreement. Returns the chain's blocks, trimmed, in order.
 */
export function heaviestChain(blocks: readonly Block[]): Block[] {
  const n = blocks.length;
  const best = new Float64Array(n);
  const prev = new Int32Array(n).fill(-1);
  const overlap = (p: Block, q: Block): number => Math.max(0, p.a + p.len - q.a, p.b + p.len - q.b);
  let top = -1;
  for (let q = 0; q < n; q++) {
    const bq = blocks[q]!;
    best[q] = bq.len;
    for (let p = 0; p < q; p++) {
      const bp = blocks[p]!;
      if (bp.a >= bq.a || bp.b >= bq.b) continue;
      const o = overlap(bp, bq);
      if (o >= bq.len) continue;
      if (best[p]! + bq.len - o > best[q]!) {
        best[q] = best[p]! + bq.len - o;
        prev[q] = p;
      }
    }
    if (top < 0 || best[q]! > best[top]!) top = q;
  }
  const idx: number[] = [];
  for (let q = top; q >= 0; q = prev[q]!) idx.push(q);
  idx.reverse();
  const chain: Block[] = [];
  for (const i of idx) {
    const b = { ...blocks[i]! };
    const last = chain[chain.length - 1];
    const o = last ? overlap(last, b) : 0;
    chain.push({ a: b.a + o, b: b.b + o, len: b.len - o });
  }
  return chain;
}
