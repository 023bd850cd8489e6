/**
 * Inverted index from winnowed fingerprints to the versions that contain them.
 *
 * Built once over the bundled corpus; sized for 10,000 articles. Postings are
 * two flat typed arrays, sorted by hash (a binary search finds a hash's run)
 * and the document of each posting: 6 bytes a posting, no per-key objects,
 * no GC pressure. Versions
 * added later go into a small overlay map, deletions into a tombstone set, so
 * neither needs a rebuild.
 */
import type { Fingerprints } from './kgrams';

/** A document that shares fingerprints with a page. */
export interface Candidate {
  doc: number;
  /** Number of distinct page fingerprints found in the document. */
  hits: number;
  /** Page positions (normalized) of those fingerprints, ascending. */
  positions: number[];
}

export class CorpusIndex {
  private constructor(
    /** One entry per posting, sorted: equal hashes sit together. */
    private readonly hashes: Uint32Array,
    /** The document of each posting (16-bit while there are fewer than 65,536 documents). */
    private readonly docs: Uint16Array | Uint32Array,
    private readonly overlay = new Map<number, number[]>(),
    private readonly deleted = new Set<number>(),
  ) {}

  /** Build from one fingerprint hash list per document (index = document ordinal). */
  static build(perDoc: readonly Uint32Array[]): CorpusIndex {
    let total = 0;
    const uniq = perDoc.map((h) => {
      const u = Uint32Array.from(new Set(h));
      total += u.length;
      return u;
    });
    // Pack (hash, doc) into one float64 so one numeric sort orders both: hash·2^20 + doc.
    const packed = new Float64Array(total);
    let p = 0;
    uniq.forEach((u, doc) => {
      for (const h of u) packed[p++] = h * 1048576 + doc;
    });
    packed.sort();
    const hashes = new Uint32Array(total);
    const docs = perDoc.length < 65536 ? new Uint16Array(total) : new Uint32Array(total);
    for (let i = 0; i < total; i++) {
      const v = packed[i]!;
      const h = Math.floor(v / 1048576);
      hashes[i] = h;
      docs[i] = v - h * 1048576;
    }
    return new CorpusIndex(hashes, docs);
  }

  /** An index from arrays made by arrays() (a stored snapshot): nothing is rebuilt. Throws on arrays that do not fit together. */
  static fromArrays(hashes: Uint32Array, docs: Uint16Array | Uint32Array): CorpusIndex {
    if (hashes.length !== docs.length) throw new Error('index snapshot: hashes and documents differ in length');
    for (let i = 1; i < hashes.length; i++) if (hashes[i - 1]! > hashes[i]!) throw new Error('index snapshot: hashes out of order');
    return new CorpusIndex(hashes, docs);
  }

  /**
   * The index as two sorted arrays, additions merged in and removed
   * documents left out, each document renumbered by `renumber` (its new
   * ordinal, or -1 to drop it): what a stored snapshot holds.
   */
  arrays(renumber: (doc: number) => number = (d) => d): { hashes: Uint32Array; docs: Uint32Array } {
    const pairs: number[] = [];
    const keep = (h: number, d: number): void => {
      if (this.deleted.has(d)) return;
      const n = renumber(d);
      if (n >= 0) pairs.push(h * 1048576 + n);
    };
    for (let i = 0; i < this.hashes.length; i++) keep(this.hashes[i]!, this.docs[i]!);
    for (const [h, ds] of this.overlay) for (const d of ds) keep(h, d);
    const packed = Float64Array.from(pairs).sort();
    const hashes = new Uint32Array(packed.length);
    const docs = new Uint32Array(packed.length);
    for (let i = 0; i < packed.length; i++) {
      const v = packed[i]!;
      const h = Math.floor(v / 1048576);
      hashes[i] = h;
      docs[i] = v - h * 1048576;
    }
    return { hashes, docs };
  }

  /** Add a document after the build (it gets the next ordinal the caller assigned). */
  add(doc: number, hashes: Uint32Array): void {
    this.deleted.delete(doc);
    for (const h of new Set(hashes)) {
      const list = this.overlay.get(h);
      if (list) list.push(doc);
      else this.overlay.set(h, [doc]);
    }
  }

  /** Forget a document; its postings are skipped from now on. */
  remove(doc: number): void {
    this.deleted.add(doc);
  }

  /** Approximate memory held by the index, in bytes. */
  byteSize(): number {
    let overlay = 0;
    for (const l of this.overlay.values()) overlay += 16 + 8 * l.length;
    return this.hashes.byteLength + this.docs.byteLength + overlay;
  }

  /** [first, end) of the postings of hash h (empty when absent). */
  private range(h: number): [number, number] {
    let lo = 0;
    let hi = this.hashes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.hashes[mid]! < h) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < this.hashes.length && this.hashes[end] === h) end++;
    return [lo, end];
  }

  /**
   * Documents sharing at least `minHits` fingerprints with the page.
   * Fingerprints found in more than `maxPostings` documents are boilerplate
   * (formulaic phrases every article repeats) and are skipped: they say
   * nothing about which article this is and would make lookups slow.
   */
  candidates(fp: Fingerprints, minHits = 3, maxPostings = 64): Candidate[] {
    const byDoc = new Map<number, Candidate>();
    const seen = new Set<number>();
    const note = (doc: number, pos: number): void => {
      if (this.deleted.has(doc)) return;
      let c = byDoc.get(doc);
      if (!c) byDoc.set(doc, (c = { doc, hits: 0, positions: [] }));
      c.hits++;
      c.positions.push(pos);
    };
    for (let i = 0; i < fp.hashes.length; i++) {
      const h = fp.hashes[i]!;
      if (seen.has(h)) continue;
      seen.add(h);
      const pos = fp.positions[i]!;
      const [from, to] = this.range(h);
      const extra = this.overlay.get(h);
      const n = to - from + (extra?.length ?? 0);
      if (n === 0 || n > maxPostings) continue;
      for (let j = from; j < to; j++) note(this.docs[j]!, pos);
      if (extra) for (const d of extra) note(d, pos);
    }
    return [...byDoc.values()].filter((c) => c.hits >= minHits).sort((a, b) => b.hits - a.hits);
  }
}
