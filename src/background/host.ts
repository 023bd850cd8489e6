/**
 * The engine host in the background: builds the engine once (lazily, on the
 * first page) from the bundled versions and the reader's own, runs it for each
 * tab, keeps each tab's latest result for the side panel and popup, skips runs
 * made stale by a newer one, and remembers new versions of known articles.
 */
import { articleText } from '../core/context';
import { Engine } from '../core/engine';
import { CHARACTERS, type Segmenter } from '../core/segmenter';
import type { Layout } from '../core/layout';
import { publicEntry } from '../core/glossary';
import { asVersion, makeBackup, makeUserVersion, type Backup, type UserVersion } from '../core/user-versions';
import { sameAs, type PageResult, type VersionMeta } from '../shared/protocol';
import { settings } from '../shared/settings';
import { siteOf } from '../shared/sites';
import { bundledGlossary, bundledVersions } from './bundled';
import { webSegmenter } from './jieba-web';
import type { VersionStore } from './store';

/** jieba starts this long after the engine if no page asked for it first. */
const JIEBA_IDLE_MS = 1000;

export class EngineHost {
  private engine: Promise<Engine> | undefined;
  /** jieba's start-up, then handed to the engine. */
  private jieba: Promise<void> | undefined;
  /** Latest result per tab and frame ("tab:frame"): an article can sit in an iframe. */
  private readonly results = new Map<string, PageResult>();
  private readonly latestRun = new Map<string, number>();

  /** `segmenter` is jieba for the engine: the extension's wasm build unless a test passes the Node one. */
  constructor(
    private readonly store: VersionStore,
    private readonly segmenter: (words: readonly string[]) => Promise<Segmenter> = webSegmenter,
  ) {}

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
      for (const u of await this.store.list().catch(() => [])) engine.addVersion(asVersion(u));
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
    const annotations = engine.annotate(text, page.layout);
    const usage = engine.termUsage(annotations);
    const engineMs = performance.now() - t0;
    const versions: VersionMeta[] = annotations.matches.map((m) => {
      const v = engine.version(m.versionId)!;
      return { id: v.id, title: v.title, outlet: v.outlet, date: v.date };
    });
    const entries: PageResult['entries'] = {};
    const want = new Set([...annotations.terms.map((t) => t.termId), ...usage.map((u) => u.termId)]);
    for (const id of [...want]) for (const r of engine.entry(id)?.related ?? []) want.add(r);
    for (const id of want) {
      const e = engine.entry(id);
      if (e) entries[id] = publicEntry(e);
    }
    const result: PageResult = { annotations, versions, entries, usage, url, title, frameId, engineMs };
    if (engine.provisional) {
      result.partial = true; // the page asks again for the complete result; remembering waits for that
      this.results.set(key, result);
      setTimeout(() => void this.startJieba(engine).catch(() => undefined), 0); // after this answer is on its way
      return result;
    }
    const remembered = await this.remember(engine, result, page.privateTab).catch((e: unknown) => {
      console.warn('[tifa] could not remember this version', e);
      return undefined;
    });
    if (remembered) result.remembered = { id: remembered.id, title: remembered.title };
    this.results.set(key, result);
    return result;
  }

  /**
   * The page's article when it matches a known article but reads like none of
   * its versions: kept as a new version (setting "remember versions"), so the
   * next visit, or another site, is compared with it too.
   */
  private async remember(engine: Engine, r: PageResult, privateTab: boolean): Promise<UserVersion | undefined> {
    if (privateTab) return undefined; // nothing from a private window is kept
    const a = r.annotations;
    if (!a.matches.length || a.matches.some((m) => sameAs(r, m.versionId))) return undefined;
    if (!(await settings.rememberVersions.getValue())) return undefined;
    const v = makeUserVersion(
      articleText(a)!,
      {
        title: r.title || a.matches[0]!.title,
        outlet: siteOf(r.url),
        date: new Date().toISOString().slice(0, 10),
        url: r.url,
        origin: 'remembered',
      },
      new Date(),
    );
    if (await this.store.dismissed(v.id)) return undefined; // the reader deleted (or undid) this one before
    const { added } = await this.store.add(v);
    if (!added) return undefined;
    engine.addVersion(asVersion(v));
    return v;
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
  async keep(v: UserVersion): Promise<{ version: UserVersion; added: boolean }> {
    const r = await this.store.add(v);
    if (r.added) (await this.load()).addVersion(asVersion(v));
    return r;
  }

  /** Import many at once: all or nothing. */
  async keepAll(vs: readonly UserVersion[]): Promise<string[]> {
    const added = await this.store.addAll(vs);
    const engine = await this.load();
    for (const v of vs) if (added.includes(v.id)) engine.addVersion(asVersion(v));
    return added;
  }

  async drop(id: string): Promise<UserVersion | undefined> {
    readOnlyGuard(id);
    const v = await this.store.delete(id);
    (await this.load()).removeVersion(id);
    for (const r of this.results.values()) if (r.remembered?.id === id) delete r.remembered;
    return v;
  }

  async rename(id: string, title: string): Promise<UserVersion> {
    readOnlyGuard(id);
    const v = await this.store.rename(id, title);
    (await this.load()).addVersion(asVersion(v));
    return v;
  }

  /** Erase every version the reader kept, and the memory of deleted ones; the bundled versions stay. */
  async eraseAll(): Promise<number> {
    const ids = await this.store.clear();
    const engine = await this.load();
    for (const id of ids) engine.removeVersion(id);
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
