/**
 * The reader's library: every version the reader kept (read, saved,
 * imported), known to the engine by its fingerprints only. A page asks the
 * library which versions share passages with it; only those versions' texts
 * are then loaded from storage. The index is stored as a snapshot (two
 * packed typed arrays and the ids) plus the versions added or removed since,
 * so waking up reads no text and rebuilds nothing.
 */
import { CorpusIndex } from './corpus-index';
import type { Fingerprints } from './kgrams';

/** What storage keeps of the index. */
export interface LibrarySnapshot {
  /** Version id of each ordinal ('' for a removed one). */
  ids: string[];
  hashes: Uint32Array;
  docs: Uint32Array;
}

/** A version of the library that shares passages with a page. */
export interface LibraryCandidate {
  id: string;
  hits: number;
  /** Page positions (normalized, chrome left out) of the shared fingerprints. */
  positions: number[];
}

export class LibraryIndex {
  private readonly ordinal = new Map<string, number>();

  private constructor(
    private index: CorpusIndex,
    private ids: string[],
  ) {
    ids.forEach((id, i) => id && this.ordinal.set(id, i));
  }

  static empty(): LibraryIndex {
    return new LibraryIndex(CorpusIndex.build([]), []);
  }

  /** From a stored snapshot; throws when it does not hold together (then rebuild it from the versions). */
  static fromSnapshot(s: LibrarySnapshot): LibraryIndex {
    const index = CorpusIndex.fromArrays(s.hashes, s.docs);
    for (let i = 0; i < s.docs.length; i++) if (s.docs[i]! >= s.ids.length) throw new Error('index snapshot: a posting names no version');
    return new LibraryIndex(index, [...s.ids]);
  }

  /** Built from every version's fingerprints (a rebuild). */
  static build(versions: readonly { id: string; hashes: Uint32Array }[]): LibraryIndex {
    return new LibraryIndex(
      CorpusIndex.build(versions.map((v) => v.hashes)),
      versions.map((v) => v.id),
    );
  }

  get size(): number {
    return this.ordinal.size;
  }

  has(id: string): boolean {
    return this.ordinal.has(id);
  }

  /** Know a version from now on (its fingerprint hashes); an id known already is left as it is. */
  add(id: string, hashes: Uint32Array): void {
    if (this.ordinal.has(id)) return;
    const n = this.ids.length;
    this.ids.push(id);
    this.ordinal.set(id, n);
    this.index.add(n, hashes);
  }

  remove(id: string): void {
    const n = this.ordinal.get(id);
    if (n === undefined) return;
    this.index.remove(n);
    this.ordinal.delete(id);
    this.ids[n] = '';
  }

  /** Versions sharing passages with a page (most shared fingerprints first), at most `max`. */
  candidates(fp: Fingerprints, max = 8): LibraryCandidate[] {
    return this.index
      .candidates(fp)
      .slice(0, max)
      .map((c) => ({ id: this.ids[c.doc]!, hits: c.hits, positions: c.positions }))
      .filter((c) => c.id);
  }

  /** The index as it stands, compacted (removed versions dropped, ordinals renumbered): what storage keeps. */
  snapshot(): LibrarySnapshot {
    const renumber = new Map<number, number>();
    const ids: string[] = [];
    this.ids.forEach((id, i) => {
      if (!id) return;
      renumber.set(i, ids.length);
      ids.push(id);
    });
    const { hashes, docs } = this.index.arrays((d) => renumber.get(d) ?? -1);
    return { ids, hashes, docs };
  }

  /** Memory held, in bytes (approximate). */
  byteSize(): number {
    return this.index.byteSize() + this.ids.reduce((n, id) => n + 2 * id.length + 16, 0);
  }
}
