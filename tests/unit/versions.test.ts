/**
 * The reader's versions: the IndexedDB store (fake-indexeddb), importers with
 * every kind of bad input, the backup round trip, and the engine taking
 * versions in and out without a rebuild.
 */
import 'fake-indexeddb/auto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { VersionStore } from '../../src/background/store';
import { extractHtml } from '../../src/cli/extract-html';
import { contentHash } from '../../src/core/content-hash';
import { asVersion, makeBackup, makeUserVersion, parseBackup, type UserVersion } from '../../src/core/user-versions';
import { versionFromPaste, versionsFromFile, versionsFromFiles } from '../../src/shared/import';
import { ROOT } from '../../src/cli/assets';
import { engine, version, B } from './helpers';

const now = new Date('2026-11-22T08:00:00Z');
const article = fs.readFileSync(path.join(ROOT, 'tests/fixtures/unrelated.txt'), 'utf8').split('\n').slice(2).join('\n');
const meta = { title: '城市随笔', outlet: '测试报', date: '2026-11-22' };
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
let dbCount = 0;
const freshStore = (): VersionStore => new VersionStore(`tifa-test-${++dbCount}`);

describe('content hash and user versions', () => {
  it('gives the same id to the same text whatever the punctuation width or line breaks', () => {
    expect(contentHash('社会工作，事关\n\n长治久安。')).toBe(contentHash('社会工作,事关长治久安。'));
    expect(contentHash('社会工作事关长治久安')).not.toBe(contentHash('社会工作事关长治久'));
    const v = makeUserVersion(article, { ...meta, origin: 'saved' }, now);
    expect(v.id).toBe(`user-${v.hash}`);
  });
});

describe('VersionStore', () => {
  it('keeps one copy of the same text, lists newest first, renames and deletes (returning the record for undo)', async () => {
    const store = freshStore();
    const a = makeUserVersion(article, { ...meta, origin: 'saved' }, now);
    const b = makeUserVersion(
      `${article}\n补充一段新的文字，说明这是另一个版本。`,
      { ...meta, origin: 'remembered' },
      new Date('2026-11-23T00:00:00Z'),
    );
    expect((await store.add(a)).added).toBe(true);
    expect((await store.add({ ...a, title: 'again' })).added).toBe(false);
    await store.add(b);
    expect((await store.list()).map((v) => v.id)).toEqual([b.id, a.id]);
    expect((await store.rename(a.id, '  新标题 ')).title).toBe('新标题');
    await expect(store.rename(a.id, '   ')).rejects.toThrow(/cannot be empty/);
    const gone = await store.delete(b.id);
    expect(gone?.id).toBe(b.id);
    expect((await store.list()).map((v) => v.id)).toEqual([a.id]);
    await store.addAll([gone!]); // undo
    expect((await store.list()).length).toBe(2);
  });

  it('imports all or nothing', async () => {
    const store = freshStore();
    const good = makeUserVersion(article, { ...meta, origin: 'imported' }, now);
    const broken = { ...good, id: undefined } as unknown as UserVersion; // no key: IndexedDB refuses it
    await expect(store.addAll([good, broken])).rejects.toThrow(/Could not store/);
    expect(await store.list()).toEqual([]);
  });

  it('reports a full disk as such and stores nothing', async () => {
    const store = freshStore();
    const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    try {
      await expect(store.add(makeUserVersion(article, { ...meta, origin: 'saved' }, now))).rejects.toMatchObject({
        quota: true,
        message: /no more room/,
      });
    } finally {
      full.mockRestore();
    }
    expect(await store.list()).toEqual([]);
  });
});

describe('importers', () => {
  const toText = extractHtml;
  it('reads text and HTML (as data) into versions', () => {
    const [t] = versionsFromFile('a.txt', enc(article), meta, toText, now);
    expect(t!.title).toBe('城市随笔');
    expect(t!.origin).toBe('imported');
    const html = `<html><body><script>alert("不运行")</script><p>${article.split('\n').join('</p><p>')}</p></body></html>`;
    const [h] = versionsFromFile('b.html', enc(html), { ...meta, title: '' }, toText, now);
    expect(h!.title).toBe('b');
    expect(h!.text).not.toContain('alert');
    expect(h!.text).toContain('清晨六点');
  });

  it('names an imported page by its own title, outlet and date unless the reader typed them', () => {
    const html = `<html><head><title>城市随笔 | 光明网</title><meta property="og:site_name" content="光明网"><meta name="publishdate" content="2025年6月1日"></head><body><p>${article.split('\n').join('</p><p>')}</p></body></html>`;
    const [own] = versionsFromFile('c.html', enc(html), { title: '', outlet: '', date: '' }, toText, now);
    expect([own!.title, own!.outlet, own!.date]).toEqual(['城市随笔', '光明网', '2025-06-01']);
    const [typed] = versionsFromFile('c.html', enc(html), { title: '我的标题', outlet: '报社', date: '2025-06-02' }, toText, now);
    expect([typed!.title, typed!.outlet, typed!.date]).toEqual(['我的标题', '报社', '2025-06-02']);
  });

  it.each([
    ['a binary file', 'x.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]), /binary/],
    ['a file over 5 MB', 'big.txt', new Uint8Array(5 * 1024 * 1024 + 1).fill(0x41), /larger than 5 MB/],
    ['text in no encoding Tifa reads', 'bad.txt', new Uint8Array([0x41, 0x42, 0xff, 0x43, 0x44]), /not valid text in UTF-8 or GB18030/],
    [
      'HTML whose declared charset does not fit',
      'bad.html',
      enc('<meta charset="big5"><p>\u00ff</p>').map((b) => (b === 0xc3 ? 0xff : b)),
      /not valid text in its declared big5/,
    ],
    ['text with no Chinese', 'en.txt', enc('Only English words here, nothing else at all.'), /no Chinese text/],
    ['an empty file', 'empty.txt', new Uint8Array(0), /empty/],
    ['a backup that is not JSON', 'b.json', enc('{"format": "tifa-versions-backup", '), /not valid JSON/],
    ['JSON of another kind', 'b.json', enc('{"name": "package", "version": "1.0.0"}'), /JSON of another kind/],
    [
      'a corrupt backup',
      'b.json',
      enc(JSON.stringify({ format: 'tifa-versions-backup', formatVersion: 1, exportedAt: 'x', versions: [{ id: 'nope' }] })),
      /corrupt/,
    ],
  ])('refuses %s with a clear message', (_name, file, bytes, message) => {
    expect(() => versionsFromFile(file, bytes, meta, toText, now)).toThrow(message);
  });

  it('refuses a bad date, and a backup whose text does not match its hash', () => {
    expect(() => versionsFromFile('a.txt', enc(article), { ...meta, date: '22/11/2026' }, toText, now)).toThrow(/YYYY/);
    const v = makeUserVersion(article, { ...meta, origin: 'saved' }, now);
    const tampered = JSON.stringify(makeBackup([{ ...v, text: `${v.text}改` }], now));
    expect(() => versionsFromFile('b.json', enc(tampered), meta, toText, now)).toThrow(/does not match its hash/);
  });

  it('imports all files or none: one bad file fails the whole import', () => {
    const files = [
      { name: 'good.txt', bytes: enc(article) },
      { name: 'bad.txt', bytes: new Uint8Array([0, 1, 2]) },
    ];
    expect(() => versionsFromFiles(files, meta, toText, now)).toThrow(/bad.txt: binary/);
    expect(versionsFromFiles([files[0]!, { name: 'same.txt', bytes: enc(article) }], meta, toText, now)).toHaveLength(1);
  });

  it('takes pasted text, and refuses pasted text without Chinese', () => {
    expect(versionFromPaste(article, meta, now).origin).toBe('imported');
    expect(() => versionFromPaste('hello world', meta, now)).toThrow(/no Chinese/);
  });
});

describe('backup', () => {
  it('round-trips, and restoring merges without duplicates', async () => {
    const store = freshStore();
    const a = makeUserVersion(article, { ...meta, origin: 'saved' }, now);
    const b = makeUserVersion(version(B).text.slice(0, 2000), { title: 'B', outlet: '', date: '', origin: 'remembered' }, now);
    await store.addAll([a, b]);
    const text = JSON.stringify(makeBackup(await store.list(), now));
    const parsed = parseBackup(text);
    expect(parsed.versions.map((v) => v.id).sort()).toEqual([a.id, b.id].sort());
    expect(await store.addAll(parsed.versions)).toEqual([]); // restoring into the same store adds nothing
    const other = freshStore();
    await other.add(a);
    expect(await other.addAll(parsed.versions)).toEqual([b.id]);
  });
});

describe('the engine with user versions', () => {
  it('matches a page against an added version and forgets it when removed, without a rebuild', () => {
    const edited = article.replace('二十多年', '三十多年').replace('六点', '五点半');
    const mine = makeUserVersion(article, { ...meta, origin: 'saved' }, now);
    expect(engine.annotate(edited).matches).toEqual([]);
    engine.addVersion(asVersion(mine));
    try {
      const a = engine.annotate(edited);
      expect(a.matches.map((m) => m.versionId)).toEqual([mine.id]);
      const texts = a.differences.filter((d) => d.category !== 'punctuation').map((d) => [d.pageText, d.otherText]);
      expect(texts).toEqual(expect.arrayContaining([expect.arrayContaining([expect.stringContaining('三十')])]));
    } finally {
      expect(engine.removeVersion(mine.id)).toBe(true);
    }
    expect(engine.annotate(edited).matches).toEqual([]);
  });
});

describe('dismissed versions', () => {
  it('remembers that a deleted text was deleted', async () => {
    const store = freshStore();
    const v = makeUserVersion(article, { ...meta, origin: 'remembered' }, now);
    await store.add(v);
    expect(await store.dismissed(v.id)).toBe(false);
    await store.delete(v.id);
    expect(await store.dismissed(v.id)).toBe(true);
  });
});

describe('erase everything', () => {
  it('clears every version and the memory of deleted ones, and says which versions there were', async () => {
    const store = freshStore();
    const a = makeUserVersion(article, { ...meta, origin: 'saved' }, now);
    const b = makeUserVersion(`${article}\n再加一段。`, { ...meta, origin: 'imported' }, now);
    const c = makeUserVersion(`${article}\n另加一段。`, { ...meta, origin: 'remembered' }, now);
    await store.addAll([a, b, c]);
    await store.delete(c.id);
    expect((await store.clear()).sort()).toEqual([a.id, b.id].sort());
    expect(await store.list()).toEqual([]);
    expect(await store.dismissed(c.id)).toBe(false); // a deleted text may be remembered again after a full erase
    expect(await store.clear()).toEqual([]);
    expect((await store.add(a)).added).toBe(true); // the store still works afterwards
  });
});
