/**
 * The reading memory, in the background host with fake IndexedDB and Node's
 * jieba: every article read is kept; a reprint elsewhere and a silent edit of
 * the same address show their differences; the same text read again is no
 * "version"; private windows, excluded sites and the switch keep nothing;
 * the caps let the least recently read go; the stored index wakes without
 * reading texts and a damaged one is rebuilt without losing anything.
 */
import { fakeBrowser } from './fake-extension';
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EngineHost } from '../../src/background/host';
import { Library } from '../../src/background/library';
import { VersionStore } from '../../src/background/store';
import { nodeSegmenter } from '../../src/cli/jieba';
import { makeUserVersion } from '../../src/core/user-versions';
import { UNRELATED_ARTICLE } from './memory-fixtures';

let n = 0;
const fresh = (): { host: EngineHost; store: VersionStore } => {
  const store = new VersionStore(`memory-test-${n++}`);
  return { store, host: new EngineHost(store, (words) => Promise.resolve(nodeSegmenter(words))) };
};
const read = (host: EngineHost, text: string, url: string, opts: { privateTab?: boolean; run?: number } = {}) =>
  host.annotate(1, 0, opts.run ?? ++n, { text, url, title: '城市的一天', privateTab: opts.privateTab ?? false, complete: true });

afterEach(() => fakeBrowser.reset());

const A = 'http://www.news.cn/2026-12/01/c_1.htm';
const B = 'http://www.people.com.cn/n1/2026/1201/c1.html';
const reprint = UNRELATED_ARTICLE.replace('二十多年', '三十多年').replace('老顾客', '老主顾');

describe('reading memory', () => {
  it('keeps an article read, and shows a reprint elsewhere with its edits', async () => {
    const { host, store } = fresh();
    const first = await read(host, UNRELATED_ARTICLE, A);
    expect(first?.annotations.matches).toEqual([]); // nothing known yet
    expect(first?.remembered).toBeDefined();
    const [kept] = await store.list();
    expect(kept).toMatchObject({ origin: 'read', url: A, outlet: 'news.cn' });
    const again = await read(host, reprint, B);
    expect(again?.annotations.matches.map((m) => m.versionId)).toEqual([kept!.id]);
    const diffs = again!.annotations.differences.filter((d) => d.category !== 'punctuation').map((d) => `${d.otherText}→${d.pageText}`);
    expect(diffs).toEqual(['二十多年→三十多年', '老顾客→老主顾']);
    expect(again?.edited).toBeUndefined(); // another address: a reprint, not an edit
    expect(again?.versions[0]).toMatchObject({ url: A, origin: 'read' });
  });

  it('the same address with other text: "edited since you read it", marked against what was read; its history', async () => {
    const { host } = fresh();
    await read(host, UNRELATED_ARTICLE, A);
    const later = await read(host, reprint, A);
    expect(later?.edited?.readOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(later?.annotations.differences.some((d) => d.pageText.includes('三十'))).toBe(true);
    expect(later?.history).toHaveLength(1);
    // read again as it is now: nothing new, no edit to show
    const third = await read(host, reprint, A);
    expect(third?.edited).toBeUndefined();
    expect(third?.annotations.matches).toEqual([]);
    expect(third?.history).toHaveLength(2);
  });

  it('the same text read again is no version of itself, and is kept once', async () => {
    const { host, store } = fresh();
    await read(host, UNRELATED_ARTICLE, A);
    const again = await read(host, UNRELATED_ARTICLE, A);
    expect(again?.annotations.matches).toEqual([]);
    expect(again?.remembered).toBeUndefined();
    expect(await store.list()).toHaveLength(1);
  });

  it("saving a text the memory kept makes it the reader's own (the caps never let it go), with its address as read", async () => {
    const { host, store } = fresh();
    await read(host, UNRELATED_ARTICLE, A);
    const [asRead] = await store.list();
    const r = await host.keep(makeUserVersion(UNRELATED_ARTICLE, { title: '另存的标题', origin: 'saved' }, new Date()));
    expect(r).toMatchObject({ added: false, promoted: true });
    const [saved] = await store.list();
    expect(saved).toMatchObject({ id: asRead!.id, origin: 'saved', url: A, title: asRead!.title, readAt: asRead!.readAt });
    expect((await store.prints([asRead!.id]))[0]?.origin).toBe('saved');
    // saved again: nothing changes
    expect(await host.keep(makeUserVersion(UNRELATED_ARTICLE, { title: 'x', origin: 'saved' }, new Date()))).toMatchObject({
      added: false,
    });
    expect(await store.list()).toHaveLength(1);
  });

  it('keeps nothing from a private window, an excluded site, or with the memory switched off', async () => {
    const { host, store } = fresh();
    await read(host, UNRELATED_ARTICLE, A, { privateTab: true });
    await fakeBrowser.storage.local.set({ memoryExcludedSites: ['www.people.com.cn'] });
    await read(host, UNRELATED_ARTICLE, B);
    await fakeBrowser.storage.local.set({ rememberVersions: false });
    await read(host, UNRELATED_ARTICLE, A);
    expect(await store.list()).toEqual([]);
  });

  it('keeps no page with fewer than 200 Chinese characters of article', async () => {
    const { host, store } = fresh();
    await read(host, UNRELATED_ARTICLE.slice(0, 150), A);
    expect(await store.list()).toEqual([]);
  });

  it('lets the least recently read go when the memory is over its cap; saved versions stay', async () => {
    const { host, store } = fresh();
    await fakeBrowser.storage.local.set({ memoryMaxArticles: 2 });
    const variant = (k: number): string => UNRELATED_ARTICLE.replace('二十多年', `${k}多年`).repeat(1) + `第${k}篇。`.repeat(3);
    for (let k = 1; k <= 3; k++) {
      await read(host, variant(k), `http://www.news.cn/a${k}.htm`);
      await new Promise((ok) => setTimeout(ok, 5));
    }
    const left = (await store.list()).map((v) => v.url).sort();
    expect(left).toEqual(['http://www.news.cn/a2.htm', 'http://www.news.cn/a3.htm']);
  });

  it('wakes from the stored index without reading every text, and rebuilds a damaged one without losing versions', async () => {
    const { host, store } = fresh();
    await read(host, UNRELATED_ARTICLE, A);
    await host.library.save();
    // a new worker: the library from storage
    const woke = new Library(store);
    const getMany = vi.spyOn(store, 'getMany');
    const list = vi.spyOn(store, 'list');
    await woke.ready();
    expect(woke.size).toBe(1);
    expect(getMany).not.toHaveBeenCalled();
    expect(list).not.toHaveBeenCalled();
    // damaged: the snapshot's arrays no longer fit together
    const s = (await store.loadSnapshot())!;
    await store.saveSnapshot({ ...s, docs: new Uint32Array(s.docs.length + 1) });
    const rebuilt = new Library(store);
    await rebuilt.ready();
    expect(rebuilt.rebuilt).toMatch(/snapshot/);
    expect(rebuilt.size).toBe(1);
    expect(await store.list()).toHaveLength(1);
  });
});

describe('reading memory and versions kept before', () => {
  it('a text saved before and now read at an address: a later edit there is still noticed', async () => {
    const { host, store } = fresh();
    const { makeUserVersion } = await import('../../src/core/user-versions');
    await host.keep(
      makeUserVersion(UNRELATED_ARTICLE, { title: '另存的', origin: 'saved', url: 'http://www.news.cn/elsewhere.html' }, new Date()),
    );
    const first = await read(host, UNRELATED_ARTICLE, A);
    expect(first?.annotations.matches).toEqual([]); // the same text: nothing new
    expect((await store.list())[0]?.urls).toEqual([A]);
    const later = await read(host, UNRELATED_ARTICLE.replace('老顾客', '老主顾'), A);
    expect(later?.edited).toBeDefined();
  });
});
