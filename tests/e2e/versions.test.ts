/// <reference types="chrome" />
/**
 * Versions the reader keeps, in Chromium: save a page, revisit an edited copy
 * and see its differences; a remembered version and its undo; importing in the
 * options page, good and bad files.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifact,
  tabIdOf,
  highlightTexts,
  launchWithExtension,
  openTab,
  ROOT,
  StaticServer,
  waitForMarks,
  type Launched,
} from './harness';
import { articleHtml, UNRELATED } from './fixture-pages';

const server = new StaticServer();
let ext: Launched;
const pageErrors: string[] = [];

const article = UNRELATED;
const seed001 = fs.readFileSync(path.join(ROOT, 'assets/corpus/001_37e5b51ccce53404.txt'), 'utf8');
const html = articleHtml;

beforeAll(async () => {
  server.extra.set('/v/original.html', { body: html('城市的一天', article) });
  server.extra.set('/v/edited.html', {
    body: html('城市的一天', article.replace('二十多年', '三十多年').replace('一位中学生', '两位中学生')),
  });
  server.extra.set('/v/known-edited.html', {
    body: html('凝心聚力推动社会工作高质量发展', seed001.replace('82个', '83个').replace('心绪激荡', '心情激荡')),
  });
  await server.start();
  ext = await launchWithExtension(server, { memory: true });
});

afterAll(async () => {
  await ext?.close();
  await server.stop();
});

const open = (p: string): Promise<Page> => openTab(ext, `${server.origin}${p}`, pageErrors);

async function panelFor(page: Page): Promise<Page> {
  const panel = await ext.context.newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tab=${await tabIdOf(ext, page)}`);
  return panel;
}

describe('versions the reader keeps', () => {
  it('saves a page, then marks what an edited copy changed', async () => {
    const page = await open('/v/original.html');
    await page.waitForTimeout(800); // content script idle: nothing to mark on an unknown page
    const panel = await panelFor(page);
    await panel.locator('#save').click();
    await expect.poll(() => panel.locator('#notice').textContent()).toContain('Saved as a version');
    await panel.locator('#save').click();
    await expect.poll(() => panel.locator('#notice').textContent()).toContain('already saved');
    await panel.close();
    await page.close();

    const edited = await open('/v/edited.html');
    const badge = await waitForMarks(edited);
    expect(badge).toMatch(/^1 versions · [1-9]\d* differences/);
    const h = await highlightTexts(edited);
    const changed = Object.entries(h)
      .filter(([k]) => k.startsWith('tifa-diff-'))
      .flatMap(([, v]) => v);
    expect(changed.join('|')).toMatch(/三十/);
    expect(changed.join('|')).toMatch(/两位/);
    await edited.screenshot({ path: artifact('versions-edited-copy.png') });
    await edited.close();
  });

  it('keeps an article read (reading memory); the same text read again is nothing new, and can be forgotten', async () => {
    const page = await open('/v/known-edited.html');
    expect(await waitForMarks(page)).toMatch(/^3 versions/);
    const panel = await panelFor(page);
    await panel.locator('#remembered').waitFor();
    await panel.locator('#memory-notice').waitFor(); // said once: Tifa keeps the articles read
    await panel.screenshot({ path: artifact('versions-remembered.png') });
    await page.reload();
    await waitForMarks(page);
    // the text read before is no other version of itself
    await expect.poll(() => page.locator('tifa-overlay .badge').textContent()).toMatch(/^3 versions/);
    await panel.reload();
    await panel.locator('#forget').waitFor();
    expect(await panel.locator('#remembered').count()).toBe(0);
    await panel.close();
    await page.close();
  });

  it('undo on the side panel removes the remembered version, and it is not remembered again', async () => {
    server.extra.set('/v/known-edited-2.html', {
      body: html('凝心聚力', seed001.replace('宏阔', '恢宏').replace('28个', '38个').replace('82个', '84个')),
    });
    const page = await open('/v/known-edited-2.html');
    const before = await waitForMarks(page); // the three bundled versions and the one remembered above
    const panel = await panelFor(page);
    await panel.locator('#remembered button').click();
    await expect.poll(() => panel.locator('#notice').textContent()).toContain('Removed the remembered version');
    expect(await panel.locator('#remembered').count()).toBe(0);
    await page.reload();
    // had it been kept, this visit would know one version more
    await expect.poll(() => page.locator('tifa-overlay .badge').textContent()).toMatch(new RegExp(`^${before.split(' ')[0]} versions`));
    await panel.reload();
    await panel.getByText('Known versions of this article').waitFor();
    expect(await panel.locator('#remembered').count()).toBe(0); // dismissed: not remembered again
    await panel.close();
    await page.close();
  });
});

describe('options: import and manage', () => {
  it('imports a text file, refuses a binary one without changing anything, deletes with undo', async () => {
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.locator('#lib-list').waitFor();
    const before = await options.locator('#lib-list li[data-id]').count();
    await options.locator('#imp-title').fill('导入的文章');
    await options
      .locator('#imp-files')
      .setInputFiles({ name: 'import.txt', mimeType: 'text/plain', buffer: Buffer.from(`${article}\n导入时附加的一段。`) });
    await expect.poll(() => options.locator('#lib-status').textContent()).toContain('Imported: 1 new');
    await expect.poll(() => options.locator('#lib-list li[data-id]').count()).toBe(before + 1);
    await options
      .locator('#imp-files')
      .setInputFiles({ name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]) });
    await expect.poll(() => options.locator('#lib-status').textContent()).toMatch(/Nothing was imported: photo.txt: binary/);
    expect(await options.locator('#lib-list li[data-id]').count()).toBe(before + 1);
    await options.locator('#lib-search').fill('导入的文章');
    await expect.poll(() => options.locator('#lib-list li[data-id]').count()).toBe(1);
    await options.screenshot({ path: artifact('options-versions.png'), fullPage: true });
    // Centred first: at the viewport's edge, focusing the button on mousedown scrolls the page, and the
    // mouseup then lands on the section around it (no click).
    const del = options.locator('#lib-list li[data-id] button', { hasText: 'Delete' });
    await del.evaluate((b) => b.scrollIntoView({ block: 'center' }));
    await del.click();
    await expect.poll(() => options.locator('#lib-status').textContent()).toContain('Deleted');
    await options.locator('#lib-undo').click();
    await expect.poll(() => options.locator('#lib-list li[data-id]').count()).toBe(1);
    await options.close();
  });

  it('library requests refuse broken input and never touch the bundled versions', async () => {
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const replies = await options.evaluate(async () => {
      const send = (m: unknown): Promise<unknown> => chrome.runtime.sendMessage(m);
      return {
        bundled: await send({ type: 'deleteVersion', id: '000_7d7e2c4cace67202' }),
        renameBundled: await send({ type: 'renameVersion', id: '001_37e5b51ccce53404', title: 'x' }),
        invalid: await send({ type: 'importVersions', versions: [{ id: 'user-0', text: '假' }] }),
        badSave: await send({ type: 'saveVersion', text: '', title: '', outlet: '', date: '', url: '', origin: 'saved' }),
        unknown: await send({ type: 'formatDisk' }).catch(() => 'no answer'),
      };
    });
    const failed = (x: unknown): { ok: boolean; error: string } => x as { ok: boolean; error: string };
    expect(failed(replies.bundled).ok).toBe(false);
    expect(failed(replies.bundled).error).toMatch(/bundled versions cannot/);
    expect(failed(replies.renameBundled).ok).toBe(false);
    expect(failed(replies.invalid).ok).toBe(false);
    expect(failed(replies.invalid).error).toMatch(/version 1 is invalid/);
    expect(replies.badSave ?? null).toBeNull(); // fails the protocol schema: dropped, no answer
    expect(replies.unknown ?? 'no answer').toBe('no answer');
    await options.close();
  });

  it('"Erase everything" (two clicks) erases the versions, the settings and what the engine knew', async () => {
    const page = await open('/v/edited.html');
    expect(await waitForMarks(page)).toMatch(/^[1-9] versions/); // saved and imported in the tests above
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.locator('#showPinyin').check();
    await expect.poll(() => options.evaluate(() => chrome.storage.local.get(null))).toMatchObject({ showPinyin: true });
    const count = (): Promise<number> =>
      options.evaluate(
        async () => (await chrome.runtime.sendMessage<unknown, { value: unknown[] }>({ type: 'listVersions' })).value.length,
      );
    const kept = await count();
    expect(kept).toBeGreaterThan(1);
    await options.locator('#erase-all').click();
    expect(await count()).toBe(kept); // one click erases nothing
    await expect.poll(() => options.locator('#erase-all').textContent()).toMatch(/^Click again/);
    await options.screenshot({ path: artifact('options-erase.png'), fullPage: true });
    await options.locator('#erase-all').click();
    await expect
      .poll(() => options.locator('#erase-status').textContent())
      .toBe(`Erased: ${kept} versions, every setting, and the sites you had added.`);
    await expect.poll(() => options.locator('#lib-list').textContent()).toBe('No versions yet.');
    expect(await options.evaluate(() => chrome.storage.local.get(null))).toEqual({});
    expect(await options.locator('#showPinyin').isChecked()).toBe(false); // redrawn with the defaults
    await page.reload(); // the engine no longer knows the saved version
    const id = await tabIdOf(ext, page);
    await expect
      .poll(() =>
        options.evaluate(async (tabId) => {
          const r = await chrome.runtime.sendMessage<unknown, { annotations: { matches: unknown[] } } | null>({
            type: 'getTabResult',
            tabId,
          });
          return r?.annotations.matches.length ?? -1;
        }, id),
      )
      .toBe(0);
    await options.close();
    await page.close();
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
