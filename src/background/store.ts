/**
 * The reader's versions in IndexedDB (through idb): one object store keyed by
 * id ("user-" + content hash), so saving the same text twice keeps one.
 * Writes are single transactions: an import of many versions lands whole or
 * not at all. A full disk is reported as such, never swallowed.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { checkUserVersion, type UserVersion } from '../core/user-versions';
import { checkWord, type Word } from '../core/words';

interface TifaDB extends DBSchema {
  versions: { key: string; value: UserVersion; indexes: { savedAt: string } };
  /** Ids of versions the reader deleted: never remembered automatically again. */
  dismissed: { key: string; value: { id: string; at: string } };
  /** The learner's word list. */
  words: { key: string; value: Word; indexes: { addedAt: string } };
}

const opened = new Map<string, Promise<IDBPDatabase<TifaDB>>>();

/** Tifa's database (one per name: tests use their own), opened once and upgraded in place. */
function openTifaDB(name: string): Promise<IDBPDatabase<TifaDB>> {
  let db = opened.get(name);
  if (!db) {
    db = openDB<TifaDB>(name, 3, {
      upgrade(d, oldVersion) {
        if (oldVersion < 1) d.createObjectStore('versions', { keyPath: 'id' }).createIndex('savedAt', 'savedAt');
        if (oldVersion < 2) d.createObjectStore('dismissed', { keyPath: 'id' });
        if (oldVersion < 3) d.createObjectStore('words', { keyPath: 'id' }).createIndex('addedAt', 'addedAt');
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

  /** Store `v` unless the same text is already there; returns the stored record and whether it is new. */
  async add(v: UserVersion): Promise<{ version: UserVersion; added: boolean }> {
    try {
      const db = await this.open();
      const tx = db.transaction('versions', 'readwrite');
      const existing = await tx.store.get(v.id);
      if (!existing) await tx.store.put(v);
      await tx.done;
      return { version: existing ?? v, added: !existing };
    } catch (e) {
      throw wrap(e);
    }
  }

  /** Add many in one transaction: all land, or none (on any failure the transaction aborts). Returns the ids added. */
  async addAll(vs: readonly UserVersion[]): Promise<string[]> {
    try {
      const db = await this.open();
      const tx = db.transaction('versions', 'readwrite');
      const added: string[] = [];
      try {
        for (const v of vs) {
          if (await tx.store.get(v.id)) continue;
          await tx.store.put(v);
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
    const tx = db.transaction(['versions', 'dismissed'], 'readwrite');
    const v = await tx.objectStore('versions').get(id);
    if (v) {
      await tx.objectStore('versions').delete(id);
      await tx.objectStore('dismissed').put({ id, at: new Date().toISOString() });
    }
    await tx.done;
    return v;
  }

  /**
   * Erase every version and every record of a deleted one, in one transaction
   * ("Erase everything" in the options page). Returns the ids of the versions
   * there were (their keys only: the texts are not read).
   */
  async clear(): Promise<string[]> {
    try {
      const db = await this.open();
      const tx = db.transaction(['versions', 'dismissed'], 'readwrite');
      const ids = await tx.objectStore('versions').getAllKeys();
      await Promise.all([tx.objectStore('versions').clear(), tx.objectStore('dismissed').clear(), tx.done]);
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
