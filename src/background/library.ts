/**
 * The reader's library in the background: every version they kept (read,
 * saved, imported), known by fingerprints (core/library) and by what the
 * memory's caps need (size, when last read). Waking up reads the stored
 * snapshot and the stored versions' keys — no text; a version stored since
 * the snapshot is added from its stored fingerprints, one missing them gets
 * them made from its text. A page gets the texts of the few versions that
 * share passages with it. A damaged snapshot is rebuilt, in the background,
 * from the versions themselves; nothing is lost.
 */
import type { Extra, Prepared } from '../core/engine';
import { LibraryIndex } from '../core/library';
import { asVersion, fromMemory, type UserVersion } from '../core/user-versions';
import { printOf, type Print, type VersionInfo, type VersionStore } from './store';

/** Changes are stored this long after the last one (a reading session adds a few in a row). */
const SAVE_AFTER_MS = 3000;
/** Texts made into fingerprints per step when versions lack them (after an upgrade or damage). */
const REPRINT_BATCH = 50;

export class Library {
  private index = LibraryIndex.empty();
  private readonly info = new Map<string, VersionInfo>();
  private loaded: Promise<void> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** Why the last load had to rebuild (tests and the console), or ''. */
  rebuilt = '';

  constructor(private readonly store: VersionStore) {}

  /** Ready to answer: the stored snapshot read and brought up to date with the stored versions. */
  ready(): Promise<void> {
    this.loaded ??= this.load().catch((e: unknown) => console.warn('[tifa] could not read the library', e));
    return this.loaded;
  }

  private async load(): Promise<void> {
    const stored = await this.store.loadSnapshot().catch(() => undefined);
    if (stored) {
      try {
        if (stored.info.length !== stored.ids.length) throw new Error('index snapshot: sizes differ');
        this.index = LibraryIndex.fromSnapshot(stored);
        stored.ids.forEach((id, i) => this.info.set(id, stored.info[i]!));
      } catch (e) {
        this.rebuilt = (e as Error).message;
        this.index = LibraryIndex.empty();
        this.info.clear();
      }
    }
    const ids = new Set(await this.store.ids());
    let changed = false;
    for (const id of [...this.info.keys()]) {
      if (ids.has(id)) continue;
      this.index.remove(id);
      this.info.delete(id);
      changed = true;
    }
    const missing = [...ids].filter((id) => !this.index.has(id));
    if (missing.length) {
      changed = true;
      const prints = await this.store.prints(missing);
      for (const p of prints) this.put(p);
      const unprinted = missing.filter((id) => !this.index.has(id));
      // Versions without fingerprints: made from their texts, a batch at a time, without blocking pages.
      if (unprinted.length) void this.reprint(unprinted);
    }
    if (changed) this.scheduleSave();
  }

  private async reprint(ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += REPRINT_BATCH) {
      const vs = await this.store.getMany(ids.slice(i, i + REPRINT_BATCH));
      const ps = vs.map((v) => printOf(v));
      await this.store.putPrints(ps);
      for (const p of ps) this.put(p);
      await new Promise((ok) => setTimeout(ok, 0));
    }
    this.scheduleSave();
  }

  private put(p: Print): void {
    this.index.add(p.id, p.hashes);
    this.info.set(p.id, { chars: p.chars, origin: p.origin, at: p.at });
  }

  /** The library versions that share passages with a prepared page, their texts loaded. */
  async extras(p: Prepared): Promise<{ extras: Extra[]; records: UserVersion[] }> {
    await this.ready();
    const cands = this.index.candidates(p.fp);
    if (!cands.length) return { extras: [], records: [] };
    const records = await this.store.getMany(cands.map((c) => c.id));
    const byId = new Map(records.map((r) => [r.id, r]));
    const extras = cands.flatMap((c) => {
      const r = byId.get(c.id);
      return r ? [{ version: asVersion(r), positions: c.positions }] : [];
    });
    return { extras, records };
  }

  /** Know a stored version from now on, by the fingerprints stored with it. */
  add(print: Print): void {
    this.put(print);
    this.scheduleSave();
  }

  /** The reader read a known version again. */
  touch(id: string, at: string): void {
    const i = this.info.get(id);
    if (i) this.info.set(id, { ...i, at });
    this.scheduleSave();
  }

  remove(id: string): void {
    this.index.remove(id);
    this.info.delete(id);
    this.scheduleSave();
  }

  /** Forget everything (Erase everything): the store is cleared by its owner. */
  clear(): void {
    this.index = LibraryIndex.empty();
    this.info.clear();
    clearTimeout(this.saveTimer);
  }

  get size(): number {
    return this.info.size;
  }

  /** Characters of text kept, in all. */
  chars(): number {
    let n = 0;
    for (const i of this.info.values()) n += i.chars;
    return n;
  }

  /** The versions the memory may let go of (read or remembered, not saved or imported), least recently read first. */
  evictable(): string[] {
    return [...this.info]
      .filter(([, i]) => fromMemory(i.origin))
      .sort((a, b) => a[1].at.localeCompare(b[1].at))
      .map(([id]) => id);
  }

  private scheduleSave(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(
      () => void this.save().catch((e: unknown) => console.warn('[tifa] could not store the library', e)),
      SAVE_AFTER_MS,
    );
  }

  /** Store the index now (it is also stored a moment after every change). */
  async save(): Promise<void> {
    clearTimeout(this.saveTimer);
    const s = this.index.snapshot();
    const info = s.ids.map((id) => this.info.get(id) ?? { chars: 0, origin: 'read' as const, at: '' });
    await this.store.saveSnapshot({ ...s, info, at: new Date().toISOString() });
  }

  /** Memory held by the index, in bytes (approximate). */
  byteSize(): number {
    return this.index.byteSize() + this.info.size * 64;
  }
}
