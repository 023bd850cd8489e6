/**
 * Alignment of two normalized texts, with moves.
 *
 * 1. Exact blocks from unique anchors (anchors.ts).
 * 2. The heaviest chain of blocks in the same order in both texts is the
 *    backbone; it is cut where both texts jump far ahead (another article on a
 *    newspaper page) and the heaviest piece is the aligned region.
 * 3. Long blocks off the backbone, near the region, are moves.
 * 4. Only the gaps between backbone blocks (minus moved text) go to a
 *    character diff (diff-match-patch, semantic cleanup).
 *
 * Everything outside the region is left alone: the rest of a newspaper page
 * is not "removed".
 */
import DiffMatchPatch from 'diff-match-patch';
import { findBlocks, heaviestChain, type Block } from './anchors';
import { articleBlocks, blockAt, likeness } from './layout';

export type OpKind = 'equal' | 'changed' | 'added' | 'removed' | 'moved';

/**
 * One piece of the alignment: A[a0, a1) against B[b0, b1). `added` has
 * b0 == b1 (where in B it would go), `removed` has a0 == a1.
 */
export interface AlignOp {
  kind: OpKind;
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

export interface Alignment {
  /** The aligned region in A and in B. Ops tile both exactly. */
  a0: number;
  a1: number;
  b0: number;
  b1: number;
  ops: AlignOp[];
  /** Characters of A in equal or moved ops. */
  same: number;
  /**
   * Agreement at the ends of the anchor chain was left out because it sits in
   * page blocks that are not the article: the region is a passage quoted in
   * another text.
   */
  excerpt?: boolean;
}

export interface AlignOptions {
  /** Anchor length in characters. */
  k?: number;
  /** A jump this long in both texts ends the region. */
  maxGap?: number;
  /** Shortest block reported as a move. */
  minMove?: number;
  /** Where A's blocks (paragraphs) start, sorted, from 0 (layout.normBlockStarts). Default: A is one block. */
  aBlocks?: readonly number[];
  /** Where B's blocks start. */
  bBlocks?: readonly number[];
  /**
   * Give up (undefined) when the texts cannot reach this share of agreement,
   * 2·same / (lenA + lenB), before any character diff is run: the caller would
   * reject the result anyway (an article that only shares quotations).
   */
  minScore?: number;
  /** The same for a passage quoted inside other text (Alignment.excerpt). */
  minExcerptScore?: number;
}

const dmp = new DiffMatchPatch();
dmp.Diff_Timeout = 0.2; // seconds; a gap of unrelated text must not stall the engine

interface Piece {
  start: number;
  end: number;
}

/** [start, end) minus the given sorted, disjoint ranges inside it. */
function subtract(start: number, end: number, holes: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  let at = start;
  for (const h of holes) {
    if (h.end <= at || h.start >= end) continue;
    if (h.start > at) out.push({ start: at, end: h.start });
    at = Math.max(at, h.end);
  }
  if (at < end) out.push({ start: at, end });
  return out;
}

/**
 * A gap's text minus moved blocks is a string made of pieces of the original.
 * `Residual` maps ranges of that string back to original offsets.
 */
class Residual {
  readonly text: string;
  private readonly acc: number[] = [];
  constructor(
    src: string,
    private readonly pieces: readonly Piece[],
    private readonly at: number,
  ) {
    let t = '';
    for (const p of pieces) {
      this.acc.push(t.length);
      t += src.slice(p.start, p.end);
    }
    this.text = t;
  }

  /** Original position of residual offset r (an end at a piece boundary stays in the piece it closes). */
  point(r: number): number {
    for (let i = this.pieces.length - 1; i >= 0; i--) {
      const p = this.pieces[i]!;
      if (r > this.acc[i]! || (r === 0 && i === 0)) return p.start + (r - this.acc[i]!);
    }
    return this.at;
  }

  /** Original sub-ranges covered by residual range [r0, r1), one per piece touched. */
  ranges(r0: number, r1: number): Piece[] {
    if (r1 <= r0) {
      const x = this.point(r0);
      return [{ start: x, end: x }];
    }
    const out: Piece[] = [];
    this.pieces.forEach((p, i) => {
      const s = Math.max(r0, this.acc[i]!);
      const e = Math.min(r1, this.acc[i]! + p.end - p.start);
      if (s < e) out.push({ start: p.start + s - this.acc[i]!, end: p.start + e - this.acc[i]! });
    });
    return out;
  }

  /** Offsets inside (r0, r1) where one piece ends and the next begins. */
  cuts(r0: number, r1: number): number[] {
    return this.acc.filter((c) => c > r0 && c < r1);
  }
}

/** Gaps at least this long on both sides are anchored again before the character diff. */
const REANCHOR_MIN = 32;
/** Gaps longer than this on both sides, with nothing to anchor, are one change. */
const UNRELATED_MIN = 64;

/**
 * Diff of a gap in diff-match-patch's form ([-1 B-only | 0 equal | 1 A-only, text]).
 * A long gap is first re-anchored with shorter k-grams (unique within the gap
 * is far likelier than unique in the article), like patience diff's
 * recursion; what remains goes to diff-match-patch with semantic cleanup,
 * which on long dissimilar stretches would otherwise swallow shared sentences.
 */
function diffText(a: string, b: string, depth: number): [number, string][] {
  if (!a || !b) return a ? [[1, a]] : b ? [[-1, b]] : [];
  if (depth < 2 && a.length >= REANCHOR_MIN && b.length >= REANCHOR_MIN) {
    const chain = heaviestChain(findBlocks(a, b, depth === 0 ? 6 : 4).filter((x) => x.len >= 6));
    if (chain.length) {
      const out: [number, string][] = [];
      let pa = 0;
      let pb = 0;
      for (const blk of chain) {
        out.push(...diffText(a.slice(pa, blk.a), b.slice(pb, blk.b), depth + 1), [0, a.slice(blk.a, blk.a + blk.len)]);
        pa = blk.a + blk.len;
        pb = blk.b + blk.len;
      }
      out.push(...diffText(a.slice(pa), b.slice(pb), depth + 1));
      return out;
    }
    // Two long stretches that share no block of 6 characters are different text, not an edit of each
    // other: one change. (A character diff would find only stray common characters that semantic
    // cleanup throws away, at up to tens of milliseconds a gap.)
    if (a.length > UNRELATED_MIN && b.length > UNRELATED_MIN)
      return [
        [-1, b],
        [1, a],
      ];
  }
  // B is the old text, A the new one: deletions are B-only (removed), insertions A-only (added).
  const diffs = dmp.diff_main(b, a, false);
  dmp.diff_cleanupSemantic(diffs);
  return diffs;
}

/** Character diff of A's gap against B's gap, as ops in original offsets. */
function diffGap(A: string, B: string, ap: Piece[], bp: Piece[], aAt: number, bAt: number): AlignOp[] {
  const ra = new Residual(A, ap, aAt);
  const rb = new Residual(B, bp, bAt);
  if (!ra.text && !rb.text) return [];
  let diffs: [number, string][];
  if (!ra.text) diffs = [[-1, rb.text]];
  else if (!rb.text) diffs = [[1, ra.text]];
  else {
    diffs = diffText(ra.text, rb.text, 0);
  }
  const ops: AlignOp[] = [];
  let xa = 0;
  let xb = 0;
  for (let i = 0; i < diffs.length; i++) {
    const [op, text] = diffs[i]!;
    if (op === 0) {
      // Equal text crossing a hole on either side: cut both sides at the same offsets.
      const rel = new Set([...ra.cuts(xa, xa + text.length).map((c) => c - xa), ...rb.cuts(xb, xb + text.length).map((c) => c - xb)]);
      let from = 0;
      for (const to of [...[...rel].sort((x, y) => x - y), text.length]) {
        const a = ra.ranges(xa + from, xa + to)[0]!;
        const b = rb.ranges(xb + from, xb + to)[0]!;
        ops.push({ kind: 'equal', a0: a.start, a1: a.end, b0: b.start, b1: b.end });
        from = to;
      }
      xa += text.length;
      xb += text.length;
      continue;
    }
    // A run of deletions and insertions is one edit.
    let del = 0;
    let ins = 0;
    for (; i < diffs.length && diffs[i]![0] !== 0; i++) {
      if (diffs[i]![0] === -1) del += diffs[i]![1].length;
      else ins += diffs[i]![1].length;
    }
    i--;
    const as = ra.ranges(xa, xa + ins);
    const bs = rb.ranges(xb, xb + del);
    // Split an edit that spans a hole: pair the pieces up; extra pieces stand alone.
    for (let j = 0; j < Math.max(as.length, bs.length); j++) {
      const a = as[j] ?? { start: as[as.length - 1]!.end, end: as[as.length - 1]!.end };
      const b = bs[j] ?? { start: bs[bs.length - 1]!.end, end: bs[bs.length - 1]!.end };
      const hasA = a.end > a.start;
      const hasB = b.end > b.start;
      if (!hasA && !hasB) continue;
      ops.push({ kind: hasA && hasB ? 'changed' : hasA ? 'added' : 'removed', a0: a.start, a1: a.end, b0: b.start, b1: b.end });
    }
    xa += ins;
    xb += del;
  }
  return ops;
}

/** Cut the backbone where both texts jump ahead by more than maxGap; keep the heaviest piece. */
function bestSegment(chain: Block[], maxGap: number): Block[] {
  let best: Block[] = [];
  let bestWeight = -1;
  let seg: Block[] = [];
  let weight = 0;
  const close = (): void => {
    if (weight > bestWeight) {
      best = seg;
      bestWeight = weight;
    }
  };
  for (const blk of chain) {
    const last = seg[seg.length - 1];
    if (last) {
      const ga = blk.a - (last.a + last.len);
      const gb = blk.b - (last.b + last.len);
      if ((ga > maxGap && gb > maxGap) || ga > 8 * maxGap || gb > 8 * maxGap) {
        close();
        seg = [];
        weight = 0;
      }
    }
    seg.push(blk);
    weight += blk.len;
  }
  close();
  return best;
}

/** Unanchored text on one side only, at an edge of the region, still belongs to it up to this length. */
const LONE_MAX = 200;
/** Unanchored text on both sides this short is one edit whatever it says (a changed first word). */
const SHORT_EDGE = 24;
/** Edge stretches this alike are one passage, edited. */
const EDGE_LIKE = 0.3;
/** Whole neighbouring blocks this alike are counterparts (a rewritten first or last paragraph). */
const BLOCK_LIKE = 0.5;
/** How many whole neighbouring blocks the region may take in, each side. */
const MAX_NEIGHBOURS = 3;

/**
 * Move one edge of the region (dir -1: the start, +1: the end) out over
 * text that evidently belongs to the article: first to the end of the block
 * (paragraph) that holds the edge, where the two texts' stretches there are
 * counterparts (alike, or both short) or only one side has any; then over
 * whole neighbouring blocks that are clearly edited twins. Never over an
 * excerpting page's own words: a stretch that meets the region at a
 * quotation mark on the page only (…说："<quoted article>") stays out.
 */
function reach(
  A: string,
  B: string,
  pa: number,
  pb: number,
  aStarts: readonly number[],
  bStarts: readonly number[],
  dir: -1 | 1,
): [number, number] {
  const block = (starts: readonly number[], len: number, p: number): [number, number] =>
    blockAt(starts, len, dir < 0 ? p : Math.max(0, p - 1));
  const quoteOnPage = dir < 0 ? A[pa - 1] === '"' && B[pb - 1] !== '"' : A[pa] === '"' && B[pb] !== '"';
  if (quoteOnPage) return [pa, pb];
  const [as, ae] = block(aStarts, A.length, pa);
  const [bs, be] = block(bStarts, B.length, pb);
  const aOut = dir < 0 ? as : ae;
  const bOut = dir < 0 ? bs : be;
  const P = dir < 0 ? A.slice(as, pa) : A.slice(pa, ae);
  const V = dir < 0 ? B.slice(bs, pb) : B.slice(pb, be);
  if (P && V) {
    if (!(P.length <= SHORT_EDGE && V.length <= SHORT_EDGE) && likeness(P, V) < EDGE_LIKE) return [pa, pb];
  } else if (P.length > LONE_MAX || V.length > LONE_MAX) {
    return [pa, pb];
  }
  pa = aOut;
  pb = bOut;
  // Whole neighbouring blocks, while they are clearly the same paragraph, edited.
  for (let n = 0; n < MAX_NEIGHBOURS; n++) {
    if (dir < 0 ? pa === 0 || pb === 0 : pa === A.length || pb === B.length) break;
    const [as2, ae2] = block(aStarts, A.length, dir < 0 ? pa - 1 : pa + 1);
    const [bs2, be2] = block(bStarts, B.length, dir < 0 ? pb - 1 : pb + 1);
    if (likeness(A.slice(as2, ae2), B.slice(bs2, be2)) < BLOCK_LIKE) break;
    pa = dir < 0 ? as2 : ae2;
    pb = dir < 0 ? bs2 : be2;
  }
  return [pa, pb];
}

/** Characters to cut from the start and end of [s, s+len) so it stays clear of [ts, te); undefined if te..ts sits inside it. */
function cuts(s: number, len: number, ts: number, te: number): [number, number] | undefined {
  const e = s + len;
  if (te <= s || ts >= e) return [0, 0];
  if (ts > s && te < e) return undefined;
  return ts <= s ? [Math.min(len, te - s), 0] : [0, e - ts];
}

/**
 * A candidate move, trimmed clear of a block already taken. Growing blocks by
 * equal characters lets neighbours overlap by a character or two (the same
 * character on both sides of a boundary); a move is not lost for that.
 */
function trimAgainst(m: Block, t: Block): Block | undefined {
  const ca = cuts(m.a, m.len, t.a, t.a + t.len);
  const cb = cuts(m.b, m.len, t.b, t.b + t.len);
  if (!ca || !cb) return undefined;
  const start = Math.max(ca[0], cb[0]);
  const end = Math.max(ca[1], cb[1]);
  const len = m.len - start - end;
  return len > 0 ? { a: m.a + start, b: m.b + start, len } : undefined;
}

/**
 * Align A (the page) with B (a known version). Returns undefined when the
 * texts share no anchor at all.
 */
export function align(A: string, B: string, opts: AlignOptions = {}): Alignment | undefined {
  const k = opts.k ?? 8;
  const maxGap = opts.maxGap ?? 800;
  const minMove = opts.minMove ?? 16;
  const blocks = findBlocks(A, B, k);
  if (blocks.length === 0) return undefined;
  let backbone = bestSegment(heaviestChain(blocks), maxGap);
  let a0 = backbone[0]!.a;
  let a1 = backbone[backbone.length - 1]!.a + backbone[backbone.length - 1]!.len;
  let b0 = backbone[0]!.b;
  let b1 = backbone[backbone.length - 1]!.b + backbone[backbone.length - 1]!.len;

  // Moves: long blocks off the backbone, near the region, clear of everything taken.
  const taken: Block[] = [...backbone];
  let moves: Block[] = [];
  const offChain = blocks.filter((b) => b.len >= minMove).sort((x, y) => y.len - x.len);
  for (const cand of offChain) {
    const near = cand.a >= a0 - maxGap && cand.a + cand.len <= a1 + maxGap && cand.b >= b0 - maxGap && cand.b + cand.len <= b1 + maxGap;
    if (!near) continue;
    let m: Block | undefined = cand;
    for (const t of taken) if (m) m = trimAgainst(m, t);
    if (!m || m.len < minMove) continue;
    taken.push(m);
    moves.push(m);
  }
  // A page block that hardly agrees with B is not the article (an excerpting page quoting a phrase of
  // it in its own words): agreement there neither starts or ends the region nor makes a move.
  const aStarts = opts.aBlocks ?? [0];
  const bStarts = opts.bBlocks ?? [0];
  let excerpt = false;
  if (aStarts.length > 1) {
    const article = articleBlocks(
      aStarts,
      A.length,
      [...backbone, ...moves].map((b) => [b.a, b.a + b.len] as const),
    );
    const inArticle = (b: Block): boolean => article(b.a) || article(b.a + b.len - 1);
    let i = 0;
    let j = backbone.length;
    while (i < j - 1 && !inArticle(backbone[i]!)) i++;
    while (j - 1 > i && !inArticle(backbone[j - 1]!)) j--;
    excerpt = i > 0 || j < backbone.length;
    backbone = backbone.slice(i, j);
    moves = moves.filter(inArticle);
    a0 = backbone[0]!.a;
    a1 = backbone[backbone.length - 1]!.a + backbone[backbone.length - 1]!.len;
    b0 = backbone[0]!.b;
    b1 = backbone[backbone.length - 1]!.b + backbone[backbone.length - 1]!.len;
  }
  for (const m of moves) {
    a0 = Math.min(a0, m.a);
    a1 = Math.max(a1, m.a + m.len);
    b0 = Math.min(b0, m.b);
    b1 = Math.max(b1, m.b + m.len);
  }
  // An edit in an article's first or last words leaves no anchor there: reach out to the edges of the
  // blocks that hold the region's ends (and over neighbouring blocks that are edited twins).
  [a0, b0] = reach(A, B, a0, b0, aStarts, bStarts, -1);
  [a1, b1] = reach(A, B, a1, b1, aStarts, bStarts, 1);
  // Agreement can only come from the blocks and, at most, the shorter side of each gap between them.
  const need = excerpt ? opts.minExcerptScore : opts.minScore;
  if (need !== undefined) {
    let most = 0;
    let pa = a0;
    let pb = b0;
    for (const blk of backbone) {
      most += Math.min(Math.max(0, blk.a - pa), Math.max(0, blk.b - pb)) + blk.len;
      pa = Math.max(pa, blk.a + blk.len);
      pb = Math.max(pb, blk.b + blk.len);
    }
    most += Math.min(Math.max(0, a1 - pa), Math.max(0, b1 - pb));
    for (const m of moves) most += m.len;
    if ((2 * most) / (a1 - a0 + (b1 - b0)) < need) return undefined;
  }
  const aHoles = moves.map((m) => ({ start: m.a, end: m.a + m.len })).sort((x, y) => x.start - y.start);
  const bHoles = moves.map((m) => ({ start: m.b, end: m.b + m.len })).sort((x, y) => x.start - y.start);

  const ops: AlignOp[] = moves.map((m) => ({ kind: 'moved', a0: m.a, a1: m.a + m.len, b0: m.b, b1: m.b + m.len }));
  let pa = a0;
  let pb = b0;
  for (const blk of backbone) {
    ops.push(...diffGap(A, B, subtract(pa, blk.a, aHoles), subtract(pb, blk.b, bHoles), pa, pb));
    ops.push({ kind: 'equal', a0: blk.a, a1: blk.a + blk.len, b0: blk.b, b1: blk.b + blk.len });
    pa = blk.a + blk.len;
    pb = blk.b + blk.len;
  }
  ops.push(...diffGap(A, B, subtract(pa, a1, aHoles), subtract(pb, b1, bHoles), pa, pb));
  ops.sort((x, y) => x.a0 - y.a0 || x.a1 - y.a1);
  let same = 0;
  for (const op of ops) if (op.kind === 'equal' || op.kind === 'moved') same += op.a1 - op.a0;
  return { a0, a1, b0, b1, ops, same, ...(excerpt && { excerpt }) };
}
