/**
 * The background's engine host, with the extension APIs faked in memory, a
 * fake IndexedDB and Node's jieba: remembering new versions (never from a
 * private window) and "Erase everything".
 */
import { fakeBrowser } from './fake-extension';
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineHost } from '../../src/background/host';
import { VersionStore } from '../../src/background/store';
import { nodeSegmenter } from '../../src/cli/jieba';
import type { Word } from '../../src/core/word-record';
import { B, version } from './helpers';

// Version 001 with two edits: a known article that reads like none of its versions.
const edited = version(B).text.replace('82个', '83个').replace('心绪激荡', '心情激荡');
// `complete`: wait for jieba (a page's first answer after start-up may be partial; see the last test).
const page = (privateTab: boolean): { text: string; url: string; title: string; privateTab: boolean; complete: boolean } => ({
  text: edited,
  url: 'https://www.news.cn/a.html',
  title: '凝心聚力',
  privateTab,
  complete: true,
});
let n = 0;
const freshHost = (): EngineHost => new EngineHost(new VersionStore(`host-test-${n++}`), (words) => Promise.resolve(nodeSegmenter(words)));

afterEach(() => fakeBrowser.reset());

describe('EngineHost', () => {
  it('remembers a new version of a known article, but nothing from a private window', async () => {
    const host = freshHost();
    const inPrivate = await host.annotate(1, 0, 1, page(true));
    expect(inPrivate?.annotations.matches).toHaveLength(3);
    expect(inPrivate?.remembered).toBeUndefined();
    expect(await host.list()).toEqual([]);

    const normal = await host.annotate(2, 0, 1, page(false));
    expect(normal?.remembered?.id).toMatch(/^user-/);
    expect((await host.list()).map((v) => v.origin)).toEqual(['read']);
  });

  it('does not remember when the reader switched it off', async () => {
    const host = freshHost();
    await fakeBrowser.storage.local.set({ rememberVersions: false });
    expect((await host.annotate(1, 0, 1, page(false)))?.remembered).toBeUndefined();
    expect(await host.list()).toEqual([]);
  });

  it('"Erase everything" forgets the kept versions in the store and in the engine', async () => {
    const host = freshHost();
    await host.annotate(1, 0, 1, page(false)); // remembered
    const again = await host.annotate(1, 0, 2, page(false));
    // the text read before is not another version of itself: the three bundled versions, nothing new kept
    expect(again?.annotations.matches).toHaveLength(3);
    expect(host.result(1)?.remembered).toBeUndefined();
    expect(await host.eraseAll()).toBe(1);
    expect(await host.list()).toEqual([]);
    await fakeBrowser.storage.local.set({ rememberVersions: false });
    expect((await host.annotate(1, 0, 3, page(false)))?.annotations.matches).toHaveLength(3);
    expect(await host.eraseAll()).toBe(0);
  });

  it('skips a run made stale by a newer one for the same frame', async () => {
    const host = freshHost();
    const [older, newer] = await Promise.all([host.annotate(1, 0, 1, page(true)), host.annotate(1, 0, 2, page(true))]);
    expect(older).toBeUndefined();
    expect(newer?.annotations.matches).toHaveLength(3);
  });
});

describe('EngineHost while jieba starts', () => {
  it('answers at once with the differences (partial), and completely once jieba is ready', async () => {
    let release!: () => void;
    const gate = new Promise<void>((ok) => (release = ok));
    const host = new EngineHost(new VersionStore(`host-test-${n++}`), async (words) => {
      await gate;
      return nodeSegmenter(words);
    });
    const text = `${edited}\n\n他们在滨海两新区推进“两新”组织党建。`;
    const first = await host.annotate(1, 0, 1, { ...page(false), text, complete: false });
    expect(first?.partial).toBe(true);
    expect(first?.annotations.matches).toHaveLength(3);
    const changed = first!.annotations.differences.filter((d) => d.versionId === B && d.category !== 'punctuation');
    expect(changed.map((d) => d.pageText)).toEqual(expect.arrayContaining(['83个']));
    expect(first?.remembered).toBeUndefined(); // nothing is remembered from a partial result
    expect(await host.list()).toEqual([]);

    const pending = host.annotate(1, 0, 2, { ...page(false), text, complete: true });
    release();
    const full = await pending;
    expect(full?.partial).toBeUndefined();
    // short terms come with jieba, on word boundaries only: 两新 in quotes, not in 两新区
    const twoNew = full!.annotations.terms.filter((t) => t.termId === 'two-new').map((t) => t.start);
    expect(twoNew).toContain(text.lastIndexOf('两新'));
    expect(twoNew).not.toContain(text.indexOf('两新区'));
    // before jieba, a short form counts only where no Chinese character touches it (“两新”); inside words it waits
    const early = first!.annotations.terms.filter((t) => t.termId === 'two-new');
    expect(early.map((t) => t.start)).toContain(text.lastIndexOf('两新'));
    for (const t of early) expect(`${text[t.start - 1]}${text[t.end]}`).not.toMatch(/\p{Script=Han}/u);
    expect(full!.annotations.differences.filter((d) => d.versionId === B && d.category !== 'punctuation').map((d) => d.pageText)).toEqual(
      expect.arrayContaining(['83个', '心情']),
    );
    expect(full?.remembered?.id).toMatch(/^user-/);
  });
});

describe('the word list in the store', () => {
  it('keeps starred words once each, oldest first, and erases them', async () => {
    const { VersionStore: Store } = await import('../../src/background/store');
    const store = new Store(`host-test-${n++}`);
    const w = (id: string, at: string): Word => ({
      id: `word:${id}`,
      simplified: id,
      traditional: id,
      pinyin: 'x',
      definitions: ['d'],
      classifiers: [],
      sentence: '',
      url: '',
      title: '',
      addedAt: at,
    });
    expect(await store.addWords([w('骑手', '2026-12-01T02:00:00Z'), w('外卖', '2026-12-01T01:00:00Z')])).toBe(2);
    expect(await store.addWords([w('骑手', '2026-12-01T03:00:00Z')])).toBe(0);
    expect((await store.words()).map((x) => x.simplified)).toEqual(['外卖', '骑手']);
    await store.deleteWord('word:外卖');
    expect((await store.words()).map((x) => x.simplified)).toEqual(['骑手']);
    expect(await store.clearWords()).toBe(1);
    expect(await store.words()).toEqual([]);
  });
});
