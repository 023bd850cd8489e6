/**
 * The reader's versions in IndexedDB (through idb): one object store keyed by
 * id ("user-" + content hash), so saving the same text twice keeps one.
 * Writes are single transactions: an import of many versions lands whole or
 * not at all. A full disk is reported as such, never swallowed.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { checkUserVersion, fromMemory, lastRead, type UserVersion } from '../core/user-versions';
import { fingerprint } from '../core/kgrams';
import type { LibrarySnapshot } from '../core/library';
import { normalize } from '../core/normalize';
import { checkWord, type Word } from '../core/words';

interface TifaDB extends DBSchema {
  versions: { key: string; value: UserVersion; indexes: { savedAt: string } };
  /** Ids of versions the reader deleted: never remembered automatically again. */
  dismissed: { key: string; value: { id: string; at: string } };
  /** The learner's word list. */
  words: { key: string; value: Word; indexes: { addedAt: string } };
  /** Each version's fingerprints and what the memory's caps need, so waking up reads no text. */
  prints: { key: string; value: Print };
  /** The library index as stored (key 'snapshot'). */
  library: { key: string; value: StoredLibrary };
}

/** The library index as stored, with what the memory's caps need of each version (in the order of `ids`). */
export interface StoredLibrary extends LibrarySnapshot {
  info: VersionInfo[];
  at: string;
}

/** What the memory's caps need of a version. */
export interface VersionInfo {
  chars: number;
  origin: UserVersion['origin'];
  /** Last read (or stored). */
  at: string;
}

/** What the library needs of a version without reading its text. */
export interface Print {
  id: string;
  hashes: Uint32Array;
  /** Characters of text (the memory's size cap). */
  chars: number;
  origin: UserVersion['origin'];
  /** Last read (or stored): the least recently read go first when the memory is full. */
  at: string;
}

/** The fingerprints of a version, as the library indexes it. */
export function printOf(v: UserVersion): Print {
  return {
    id: v.id,
    hashes: fingerprint(normalize(v.text).norm).hashes,
    chars: v.text.length,
    origin: v.origin,
    at: lastRead(v),
  };
}

const opened = new Map<string, Promise<IDBPDatabase<TifaDB>>>();

/** Tifa's database (one per name: tests use their own), opened once and upgraded in place. */
function openTifaDB(name: string): Promise<IDBPDatabase<TifaDB>> {
  let db = opened.get(name);
  if (!db) {
    db = openDB<TifaDB>(name, 4, {
      upgrade(d, oldVersion) {
        if (oldVersion < 1) d.createObjectStore('versions', { keyPath: 'id' }).createIndex('savedAt', 'savedAt');
        if (oldVersion < 2) d.createObjectStore('dismissed', { keyPath: 'id' });
        if (oldVersion < 3) d.createObjectStore('words', { keyPath: 'id' }).createIndex('addedAt', 'addedAt');
        if (oldVersion < 4) {
          // versions stored before have no prints yet: the library finds them missing and makes them
          d.createObjectStore('prints', { keyPath: 'id' });
          d.createObjectStore('library');
        }
      },
    });
    opened.set(name, db);
  }
  return db;
}

/** A storage failure with a reader-facing message. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly quota = false,
  ) {
    super(message);
  }
}

function wrap(e: unknown): StoreError {
  const name = (e as { name?: string }).name;
  if (name === 'QuotaExceededError')
    return new StoreError(
      'The browser has no more room for saved versions. Delete some versions or free disk space; nothing was saved.',
      true,
    );
  return new StoreError(`Could not store the version: ${(e as Error).message ?? String(e)}`);
}

export class VersionStore {
  private db: Promise<IDBPDatabase<TifaDB>> | undefined;

  constructor(private readonly name = 'tifa') {}

  private open(): Promise<IDBPDatabase<TifaDB>> {
    this.db ??= openTifaDB(this.name);
    return this.db;
  }

  /** All versions, newest first. Records that fail validation (a damaged database) are skipped. */
  async list(): Promise<UserVersion[]> {
    const all = await (await this.open()).getAllFromIndex('versions', 'savedAt');
    return all.filter((v) => checkUserVersion(v).ok).reverse();
  }

  async get(id: string): Promise<UserVersion | undefined> {
    return (await this.open()).get('versions', id);
  }

  /**
   * Store `v` (with its fingerprints, in the same transaction: never one
   * without the other) unless the same text is already there; returns the
   * stored record, whether it is new, and the fingerprints written (made
   * only when something is written: a text read again costs none). Saving a
   * text the reading memory kept makes it the reader's own — `promoted`: the
   * memory's caps never let it go — with its title and addresses as read.
   */
  async add(v: UserVersion): Promise<{ version: UserVersion; added: boolean; promoted?: boolean; print?: Print }> {
    try {
      const db = await this.open();
      const tx = db.transaction(['versions', 'prints'], 'readwrite');
      const existing = await tx.objectStore('versions').get(v.id);
      const promote = existing && fromMemory(existing.origin) && !fromMemory(v.origin);
      const kept = promote ? { ...existing, origin: v.origin, savedAt: v.savedAt } : (existing ?? v);
      const print = !existing || promote ? { ...printOf(v), origin: kept.origin } : undefined;
      if (print) await Promise.all([tx.objectStore('versions').put(kept), tx.objectStore('prints').put(print)]);
      await tx.done;
      return { version: kept, added: !existing, ...(promote && { promoted: true }), ...(print && { print }) };
    } catch (e) {
      throw wrap(e);
    }
  }

  /**
   * Add many in one transaction: all land, or none (on any failure the
   * transaction aborts). `prints[i]` are vs[i]'s fingerprints (made here when
   * not given). Returns the ids added.
   */
  async addAll(vs: readonly UserVersion[], prints: readonly Print[] = vs.map(printOf)): Promise<string[]> {
    try {
      const db = await this.open();
      const tx = db.transaction(['versions', 'prints'], 'readwrite');
      const added: string[] = [];
      try {
        for (const [i, v] of vs.entries()) {
          if (await tx.objectStore('versions').get(v.id)) continue;
          await tx.objectStore('versions').put(v);
          await tx.objectStore('prints').put(prints[i]!);
          added.push(v.id);
        }
      } catch (e) {
        // A request that throws (rather than fails) does not abort the transaction by itself.
        tx.abort();
        await tx.done.catch(() => undefined);
        throw e;
      }
      await tx.done;
      return added;
    } catch (e) {
      throw wrap(e);
    }
  }

  async rename(id: string, title: string): Promise<UserVersion> {
    const t = title.trim();
    if (!t) throw new StoreError('A title cannot be empty.');
    try {
      const db = await this.open();
      const tx = db.transaction('versions', 'readwrite');
      const v = await tx.store.get(id);
      if (!v) throw new StoreError('That version no longer exists.');
      const renamed = { ...v, title: t.slice(0, 500) };
      await tx.store.put(renamed);
      await tx.done;
      return renamed;
    } catch (e) {
      throw e instanceof StoreError ? e : wrap(e);
    }
  }

  /** Delete and return the record (for undo). A deleted text is never remembered automatically again. */
  async delete(id: string): Promise<UserVersion | undefined> {
    const db = await this.open();
    const tx = db.transaction(['versions', 'dismissed', 'prints'], 'readwrite');
    const v = await tx.objectStore('versions').get(id);
    if (v) {
      await tx.objectStore('versions').delete(id);
      await tx.objectStore('prints').delete(id);
      await tx.objectStore('dismissed').put({ id, at: new Date().toISOString() });
    }
    await tx.done;
    return v;
  }

  /** The texts of these versions (those that exist), for the pages that need them. */
  async getMany(ids: readonly string[]): Promise<UserVersion[]> {
    const db = await this.open();
    const tx = db.transaction('versions');
    const all = await Promise.all(ids.map((id) => tx.store.get(id)));
    return all.filter((v): v is UserVersion => v !== undefined && checkUserVersion(v).ok);
  }

  /** The ids of every stored version (keys only: no text is read). */
  async ids(): Promise<string[]> {
    return (await this.open()).getAllKeys('versions');
  }

  /** The fingerprints of these versions (all when `ids` is not given). */
  async prints(ids?: readonly string[]): Promise<Print[]> {
    const db = await this.open();
    if (!ids) return db.getAll('prints');
    const tx = db.transaction('prints');
    return (await Promise.all(ids.map((id) => tx.store.get(id)))).filter((p): p is Print => p !== undefined);
  }

  /** Store the fingerprints of versions that have none (stored before the library existed, or after damage). */
  async putPrints(ps: readonly Print[]): Promise<void> {
    const tx = (await this.open()).transaction('prints', 'readwrite');
    await Promise.all([...ps.map((p) => tx.store.put(p)), tx.done]);
  }

  /** The reader read this version again now (at `url`): it goes last in the line for eviction, and the address is noted. */
  async touch(id: string, at: string, url = ''): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(['versions', 'prints'], 'readwrite');
    const [v, p] = await Promise.all([tx.objectStore('versions').get(id), tx.objectStore('prints').get(id)]);
    const urls = v && url && url !== v.url && !(v.urls ?? []).includes(url) ? [...(v.urls ?? []), url].slice(-20) : v?.urls;
    if (v) await tx.objectStore('versions').put({ ...v, readAt: at, ...(urls && { urls }) });
    if (p) await tx.objectStore('prints').put({ ...p, at });
    await tx.done;
  }

  /** Remove versions to make room (the memory's caps): not remembered as deleted by the reader. */
  async evict(ids: readonly string[]): Promise<void> {
    const tx = (await this.open()).transaction(['versions', 'prints'], 'readwrite');
    await Promise.all([...ids.flatMap((id) => [tx.objectStore('versions').delete(id), tx.objectStore('prints').delete(id)]), tx.done]);
  }

  async loadSnapshot(): Promise<StoredLibrary | undefined> {
    return (await this.open()).get('library', 'snapshot');
  }

  async saveSnapshot(s: StoredLibrary): Promise<void> {
    await (await this.open()).put('library', s, 'snapshot');
  }

  /**
   * Erase every version and every record of a deleted one, in one transaction
   * ("Erase everything" in the options page). Returns the ids of the versions
   * there were (their keys only: the texts are not read).
   */
  async clear(): Promise<string[]> {
    try {
      const db = await this.open();
      const tx = db.transaction(['versions', 'dismissed', 'prints', 'library'], 'readwrite');
      const ids = await tx.objectStore('versions').getAllKeys();
      await Promise.all([
        tx.objectStore('versions').clear(),
        tx.objectStore('dismissed').clear(),
        tx.objectStore('prints').clear(),
        tx.objectStore('library').clear(),
        tx.done,
      ]);
      return ids;
    } catch (e) {
      throw wrap(e);
    }
  }

  /** Did the reader delete this text before? */
  async dismissed(id: string): Promise<boolean> {
    return (await (await this.open()).get('dismissed', id)) !== undefined;
  }

  /** The word list, oldest first. Records that fail validation are skipped. */
  async words(): Promise<Word[]> {
    const all = await (await this.open()).getAllFromIndex('words', 'addedAt');
    return all.filter((w) => checkWord(w).ok);
  }

  /** Star words (the same word again replaces its record); all or none. Returns how many were new. */
  async addWords(ws: readonly Word[]): Promise<number> {
    try {
      const db = await this.open();
      const tx = db.transaction('words', 'readwrite');
      let added = 0;
      for (const w of ws) {
        if (!(await tx.store.get(w.id))) added++;
        await tx.store.put(w);
      }
      await tx.done;
      return added;
    } catch (e) {
      throw wrap(e);
    }
  }

  async deleteWord(id: string): Promise<void> {
    await (await this.open()).delete('words', id);
  }

  /** Erase the word list; returns how many words there were. */
  async clearWords(): Promise<number> {
    const db = await this.open();
    const n = await db.count('words');
    await db.clear('words');
    return n;
  }
}
