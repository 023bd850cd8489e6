/**
 * The engine host in the background: builds the engine once (lazily, on the
 * first page), runs it for each tab, keeps each tab's latest result for the
 * side panel and popup, and skips runs made stale by a newer one.
 */
import { Engine } from '../core/engine';
import { publicEntry } from '../core/glossary';
import type { PageResult, VersionMeta } from '../shared/protocol';
import { bundledGlossary, bundledVersions } from './bundled';
import { webSegmenter } from './jieba-web';

export class EngineHost {
  private engine: Promise<Engine> | undefined;
  private readonly results = new Map<number, PageResult>();
  private readonly latestRun = new Map<number, number>();

  private load(): Promise<Engine> {
    this.engine ??= (async () => {
      const glossary = bundledGlossary();
      const seg = await webSegmenter(Engine.dictionaryWords(glossary));
      return new Engine(bundledVersions(), glossary, seg);
    })();
    return this.engine;
  }

  /** Mark runId as the newest for the tab; older runs still queued will be skipped. */
  claim(tabId: number, runId: number): void {
    this.latestRun.set(tabId, Math.max(runId, this.latestRun.get(tabId) ?? -Infinity));
  }

  /** Annotate a tab's text; undefined when a newer run for the tab superseded this one. */
  async annotate(tabId: number, runId: number, text: string): Promise<PageResult | undefined> {
    this.claim(tabId, runId);
    const engine = await this.load();
    if (this.latestRun.get(tabId) !== runId) return undefined;
    const t0 = performance.now();
    const annotations = engine.annotate(text);
    const engineMs = performance.now() - t0;
    const versions: VersionMeta[] = annotations.matches.map((m) => {
      const v = engine.version(m.versionId)!;
      return { id: v.id, title: v.title, outlet: v.outlet, date: v.date };
    });
    const entries: PageResult['entries'] = {};
    for (const t of annotations.terms) {
      const e = engine.entry(t.termId);
      if (e) entries[t.termId] = publicEntry(e);
    }
    const result: PageResult = { annotations, versions, entries, engineMs };
    this.results.set(tabId, result);
    return result;
  }

  result(tabId: number): PageResult | undefined {
    return this.results.get(tabId);
  }

  forget(tabId: number): void {
    this.results.delete(tabId);
    this.latestRun.delete(tabId);
  }

  /** Start jieba and build the index ahead of the first page (called when idle). */
  warm(): void {
    void this.load();
  }
}
