/**
 * The engine host in the background: builds the engine once from the
 * bundled versions, asks the reader's library (background/library.ts) for
 * the versions that share passages with each page, runs the engine, keeps
 * each tab's latest result for the side panel and popup, skips runs made
 * stale by a newer one — and keeps the articles the reader reads (the
 * reading memory; its policy is here: what is an article, exclusions, caps,
 * a full disk).
 */
import { dateOnPage, mainArticleText } from '../core/article';
import { articleText } from '../core/context';
import { Engine } from '../core/engine';
import { CHARACTERS, type Segmenter } from '../core/segmenter';
import type { Annotations } from '../core/types';
import type { Layout } from '../core/layout';
import { publicEntry } from '../core/glossary';
import { lastRead, makeBackup, makeUserVersion, userVersionId, type Backup, type UserVersion } from '../core/user-versions';
import type { PageResult, VersionMeta } from '../shared/protocol';
import { readSettings } from '../shared/settings';
import { siteOf } from '../shared/sites';
import { bundledGlossary, bundledVersions } from './bundled';
import { webSegmenter } from './jieba-web';
import { Library } from './library';
import { printOf, StoreError, type Print, type VersionStore } from './store';

/** jieba starts this long after the engine if no page asked for it first. */
const JIEBA_IDLE_MS = 1000;
/** An article the reading memory keeps has at least this many Chinese characters. */
export const MIN_ARTICLE_HAN = 200;
const HAN = /\p{Script=Han}/gu;

export class EngineHost {
  private engine: Promise<Engine> | undefined;
  /** jieba's start-up, then handed to the engine. */
  private jieba: Promise<void> | undefined;
  /** Latest result per tab and frame ("tab:frame"): an article can sit in an iframe. */
  private readonly results = new Map<string, PageResult>();
  private readonly latestRun = new Map<string, number>();
  /** The reader's versions, by fingerprints; texts loaded per page. */
  readonly library: Library;
  /** The disk or quota was full: the memory keeps nothing more until the reader makes room (or restarts). */
  private memoryFull = false;

  /** `segmenter` is jieba for the engine: the extension's wasm build unless a test passes the Node one. */
  constructor(
    private readonly store: VersionStore,
    private readonly segmenter: (words: readonly string[]) => Promise<Segmenter> = webSegmenter,
  ) {
    this.library = new Library(store);
  }

  /**
   * The engine, built at once (~50 ms). Until jieba has started it answers
   * with a stand-in segmenter, so differences need not wait; results say
   * `partial`. jieba's start-up (~300 ms) holds the worker's only thread, so
   * it begins once the first page has its answer, or after a moment of quiet
   * (JIEBA_IDLE_MS) — whichever comes first.
   */
  private load(): Promise<Engine> {
    this.engine ??= (async () => {
      const engine = new Engine(bundledVersions(), bundledGlossary(), CHARACTERS);
      setTimeout(() => void this.startJieba(engine).catch(() => undefined), JIEBA_IDLE_MS);
      await this.library.ready();
      return engine;
    })();
    return this.engine;
  }

  private startJieba(engine: Engine): Promise<void> {
    this.jieba ??= this.segmenter(engine.dictionaryWords()).then(
      (seg) => engine.setSegmenter(seg),
      (e: unknown) => {
        console.warn('[tifa] jieba did not start', e);
        throw e;
      },
    );
    return this.jieba;
  }

  /** The engine with jieba started. */
  private async complete(): Promise<Engine> {
    const engine = await this.load();
    await this.startJieba(engine);
    return engine;
  }

  /** Mark runId as the newest for the frame; older runs still queued will be skipped. */
  private claim(key: string, runId: number): void {
    this.latestRun.set(key, Math.max(runId, this.latestRun.get(key) ?? -Infinity));
  }

  /**
   * Annotate a frame's text; undefined when a newer run for the frame
   * superseded this one. Nothing from a private window is remembered.
   */
  async annotate(
    tabId: number,
    frameId: number,
    runId: number,
    page: { text: string; layout?: Layout; url: string; title: string; privateTab: boolean; complete?: boolean },
  ): Promise<PageResult | undefined> {
    const { text, url, title } = page;
    const key = `${tabId}:${frameId}`;
    this.claim(key, runId);
    const engine = await (page.complete ? this.complete() : this.load());
    if (this.latestRun.get(key) !== runId) return undefined;
    const t0 = performance.now();
    const prepared = engine.prepare(text, page.layout);
    const { extras, records } = await this.library.extras(prepared);
    if (this.latestRun.get(key) !== runId) return undefined;
    const found = engine.annotatePrepared(prepared, extras);
    const own = new Map(records.map((r) => [r.id, r]));
    const { annotations, edited, history, article, readId } = readAgain(found, own, url);
    const usage = engine.termUsage(annotations);
    const engineMs = performance.now() - t0;
    const versions: VersionMeta[] = annotations.matches.map((m) => {
      const v = engine.version(m.versionId)!;
      const r = own.get(m.versionId);
      return r
        ? { id: v.id, title: v.title, outlet: v.outlet, date: v.date, url: r.url, origin: r.origin, readOn: readOn(r) }
        : { id: v.id, title: v.title, outlet: v.outlet, date: v.date };
    });
    const entries: PageResult['entries'] = {};
    const want = new Set([...annotations.terms.map((t) => t.termId), ...usage.map((u) => u.termId)]);
    for (const id of [...want]) for (const r of engine.entry(id)?.related ?? []) want.add(r);
    for (const id of want) {
      const e = engine.entry(id);
      if (e) entries[id] = publicEntry(e);
    }
    const result: PageResult = { annotations, versions, entries, usage, url, title, frameId, engineMs };
    if (edited) result.edited = edited;
    if (history.length) result.history = history;
    if (engine.provisional) {
      result.partial = true; // the page asks again for the complete result; remembering waits for that
      this.results.set(key, result);
      setTimeout(() => void this.startJieba(engine).catch(() => undefined), 0); // after this answer is on its way
      return result;
    }
    const remembered = await this.remember(result, page, article).catch((e: unknown) => {
      console.warn('[tifa] could not keep this article', e);
      return undefined;
    });
    if (remembered) result.remembered = { id: remembered.id, title: remembered.title };
    const kept = remembered?.id ?? readId;
    if (kept) result.readId = kept;
    if (this.memoryFull) result.memoryFull = true;
    this.results.set(key, result);
    return result;
  }

  /**
   * The reading memory: the page's article (the matched article's blocks, or
   * else the page's main stretch of prose), at least MIN_ARTICLE_HAN Chinese
   * characters, kept as a version with its title, outlet, the date the page
   * shows, its address and when it was read — never from a private window or
   * an excluded site, never a text the reader deleted. The same text read
   * again is only marked as read again. Returns the version when it is new.
   */
  private async remember(
    r: PageResult,
    page: { text: string; layout?: Layout; url: string; title: string; privateTab: boolean },
    matched: string | undefined,
  ): Promise<UserVersion | undefined> {
    if (page.privateTab || this.memoryFull) return undefined; // nothing from a private window is kept
    const s = await readSettings();
    const site = siteOf(page.url);
    if (!s.rememberVersions || s.memoryExcludedSites.includes(site)) return undefined;
    // the page's own article is looked for only when nothing known matched, and only when it may be kept
    const article = (matched ?? mainArticleText(page.text, page.layout)).trim();
    if ((article.match(HAN)?.length ?? 0) < MIN_ARTICLE_HAN) return undefined;
    const now = new Date();
    const v = makeUserVersion(
      article,
      {
        title: page.title || r.annotations.matches[0]?.title || site,
        outlet: site.replace(/^www\./, ''),
        date: dateOnPage(page.text, page.layout),
        url: page.url,
        origin: 'read',
      },
      now,
    );
    const record: UserVersion = { ...v, readAt: now.toISOString() };
    if (await this.store.dismissed(v.id)) return undefined; // the reader deleted (or undid) this one before
    let print: Print | undefined;
    try {
      ({ print } = await this.store.add(record));
    } catch (e) {
      if (!(e instanceof StoreError && e.quota)) throw e;
      // Full: make room by the cap rule (the least recently read tenth), try once more, else stop and say so.
      await this.evict(Math.max(1, Math.ceil(this.library.evictable().length / 10)));
      try {
        ({ print } = await this.store.add(record));
      } catch {
        this.memoryFull = true;
        return undefined;
      }
    }
    if (!print) {
      // kept already (a version read or saved before): read again now
      await this.store.touch(v.id, record.readAt!, page.url);
      this.library.touch(v.id, record.readAt!);
      return undefined;
    }
    this.library.add(print);
    await this.enforceCaps(s.memoryMaxArticles, s.memoryMaxMB);
    return record;
  }

  /** Keep the memory within its caps: the least recently read go first (saved and imported versions stay). */
  private async enforceCaps(maxArticles: number, maxMB: number): Promise<void> {
    await this.evictWhile(() => this.library.size > maxArticles || this.library.chars() * 2 > maxMB * 1024 * 1024);
  }

  private async evict(n: number): Promise<void> {
    await this.evictWhile((gone) => gone < n);
  }

  /** Forget the memory's least recently read articles, library and store alike, while `more(how many so far)`. */
  private async evictWhile(more: (gone: number) => boolean): Promise<void> {
    const gone: string[] = [];
    for (const id of this.library.evictable()) {
      if (!more(gone.length)) break;
      this.library.remove(id);
      gone.push(id);
    }
    if (gone.length) await this.store.evict(gone);
  }

  /**
   * The tab's result for the side panel and popup: the frame where Tifa found
   * the most (known versions first, then terms), the top frame on a tie.
   */
  result(tabId: number): PageResult | undefined {
    let best: PageResult | undefined;
    const weight = (r: PageResult): number => r.annotations.matches.length * 1e6 + r.annotations.terms.length;
    for (const [key, r] of this.results) {
      if (!key.startsWith(`${tabId}:`)) continue;
      if (!best || weight(r) > weight(best) || (weight(r) === weight(best) && r.frameId < best.frameId)) best = r;
    }
    return best;
  }

  /** Forget a tab (closed), or one frame of it (navigated away). */
  forget(tabId: number, frameId?: number): void {
    for (const key of [...this.results.keys(), ...this.latestRun.keys()]) {
      if (frameId === undefined ? key.startsWith(`${tabId}:`) : key === `${tabId}:${frameId}`) {
        this.results.delete(key);
        this.latestRun.delete(key);
      }
    }
  }

  /** Store a version (saved, imported) and know it from now on. */
  async keep(v: UserVersion): Promise<{ version: UserVersion; added: boolean; promoted?: boolean }> {
    const r = await this.store.add(v);
    await this.library.ready();
    if (r.print) this.library.add(r.print);
    return r;
  }

  /** Import many at once: all or nothing. */
  async keepAll(vs: readonly UserVersion[]): Promise<string[]> {
    const prints = vs.map(printOf); // made once, for the store and the library
    const added = await this.store.addAll(vs, prints);
    await this.library.ready();
    const isNew = new Set(added);
    for (const p of prints) if (isNew.has(p.id)) this.library.add(p);
    return added;
  }

  async drop(id: string): Promise<UserVersion | undefined> {
    readOnlyGuard(id);
    const v = await this.store.delete(id);
    (await this.load()).removeVersion(id);
    this.library.remove(id);
    for (const r of this.results.values()) if (r.remembered?.id === id) delete r.remembered;
    return v;
  }

  async rename(id: string, title: string): Promise<UserVersion> {
    readOnlyGuard(id);
    const v = await this.store.rename(id, title);
    (await this.load()).removeVersion(id); // its title, next time it is compared
    return v;
  }

  /** Erase every version the reader kept, and the memory of deleted ones; the bundled versions stay. */
  async eraseAll(): Promise<number> {
    const ids = await this.store.clear();
    const engine = await this.load();
    for (const id of ids) engine.removeVersion(id);
    this.library.clear();
    this.memoryFull = false;
    for (const r of this.results.values()) delete r.remembered;
    return ids.length;
  }

  list(): Promise<UserVersion[]> {
    return this.store.list();
  }

  async backup(): Promise<Backup> {
    return makeBackup(await this.store.list(), new Date(), await this.store.words());
  }

  /** Start jieba and build the index ahead of the first page. */
  warm(): void {
    void this.load();
  }
}

/** The bundled versions are read-only: only the reader's own ("user-…") can be renamed or deleted. */
function readOnlyGuard(id: string): void {
  if (!id.startsWith('user-')) throw new Error('The bundled versions cannot be changed or deleted.');
}

/** The day the reader last read (or stored) a version, YYYY-MM-DD. */
function readOn(r: UserVersion): string {
  return lastRead(r).slice(0, 10);
}

/**
 * What a page read before looks like: its article (and its id, by content);
 * the page never matches the very text read before (that is no other
 * version); of the versions read at this same address only the latest is
 * compared — "edited since you read it on …" when it differs — the older
 * ones are the address's history.
 */
function readAgain(
  a: Annotations,
  own: ReadonlyMap<string, UserVersion>,
  url: string,
): {
  annotations: Annotations;
  edited?: { versionId: string; readOn: string };
  history: { id: string; readOn: string }[];
  article?: string;
  /** The id of this very text, when it is kept already. */
  readId?: string;
} {
  const article = articleText(a);
  const self = article ? userVersionId(article.trim()) : '';
  const here = a.matches
    .map((m) => own.get(m.versionId))
    .filter((r): r is UserVersion => r !== undefined && (r.url === url || (r.urls ?? []).includes(url)) && r.id !== self)
    .sort((x, y) => readOn(y).localeCompare(readOn(x)));
  const selfRecord = own.get(self);
  const history = [...(selfRecord ? [selfRecord] : []), ...here]
    .sort((x, y) => readOn(y).localeCompare(readOn(x)))
    .map((r) => ({ id: r.id, readOn: readOn(r) }));
  // Read before as it is now: no version of this address is news. Else the latest read is the one to compare.
  const selfKnown = selfRecord !== undefined;
  const drop = new Set([self, ...(selfKnown ? here : here.slice(1)).map((r) => r.id)]);
  // Edited: the latest text read here says something else (beyond punctuation) than the page does now.
  const latest =
    !selfKnown && here[0] && a.differences.some((d) => d.versionId === here[0]!.id && d.category !== 'punctuation') ? here[0] : undefined;
  const annotations: Annotations = {
    ...a,
    matches: a.matches.filter((m) => !drop.has(m.versionId)),
    differences: a.differences.filter((d) => !drop.has(d.versionId)),
  };
  return {
    annotations,
    history,
    ...(article && { article }),
    ...(selfKnown && { readId: self }),
    ...(latest && { edited: { versionId: latest.id, readOn: readOn(latest) } }),
  };
}
