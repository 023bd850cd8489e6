/// <reference types="chrome" />
/**
 * Tifa in real Chromium with the built extension: recognition on a page made
 * from each bundled version, marks read back through CSS.highlights, the
 * hover card, side panel, popup and options, page integrity, dynamic pages.
 * Screenshots go to test-results/ (look at them).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifact,
  tabIdOf,
  highlightTexts,
  launchPlain,
  launchWithExtension,
  openTab,
  StaticServer,
  waitForMarks,
  type Launched,
} from './harness';

const server = new StaticServer();
let ext: Launched;
let plain: Awaited<ReturnType<typeof launchPlain>>;
const pageErrors: string[] = [];

beforeAll(async () => {
  await server.start();
  ext = await launchWithExtension(server);
  plain = await launchPlain(server);
});

afterAll(async () => {
  await ext?.close();
  await plain?.close();
  await server.stop();
});

const open = (path: string): Promise<Page> => openTab(ext, `${server.origin}${path}`, pageErrors);

function rectsOverlap(
  a: { x: number; y: number; width: number; height: number },
  b: { left: number; top: number; right: number; bottom: number },
): boolean {
  return a.x < b.right && b.left < a.x + a.width && a.y < b.bottom && b.top < a.y + a.height;
}

describe('recognition and marks', () => {
  it.each([
    ['000', 3],
    ['001', 3],
    ['002', 3],
    ['003', 1],
    ['004', 1],
  ])('a page made from version %s is recognised (%i known versions)', async (seed, versions) => {
    const page = await open(`/demo/seed-${seed}.html`);
    const badge = await waitForMarks(page);
    expect(badge).toMatch(new RegExp(`^${versions} versions · \\d+ differences · \\d+ terms$`));
    const h = await highlightTexts(page);
    expect(Object.keys(h).every((n) => n.startsWith('tifa-'))).toBe(true);
    expect(h['tifa-term']?.length ?? 0).toBeGreaterThan(5);
    if (versions === 1) expect(Object.keys(h).filter((n) => n.startsWith('tifa-diff-'))).toEqual([]);
    await page.screenshot({ path: artifact(`seed-${seed}.png`) });
    await page.close();
  });

  it('marks the known differences and terms on the page itself', async () => {
    const page = await open('/demo/seed-001.html');
    await waitForMarks(page);
    const h = await highlightTexts(page);
    expect(h['tifa-diff-number']).toEqual(expect.arrayContaining(['82个']));
    expect(h['tifa-diff-wording']).toEqual(expect.arrayContaining(['快递员', '心绪']));
    expect(h['tifa-diff-moved']?.[0]).toContain('管理服务向');
    expect(h['tifa-term']).toEqual(expect.arrayContaining(['新就业群体', '两新', '一老一小']));
    // a removal is drawn in the overlay, never in the page, and hovering it shows what is missing
    const marker = page.locator('tifa-overlay .removed').first();
    expect(await page.locator('tifa-overlay .removed').count()).toBeGreaterThan(0);
    await marker.scrollIntoViewIfNeeded();
    await marker.hover({ force: true });
    const card = page.locator('tifa-overlay .card');
    await card.waitFor({ state: 'visible' });
    expect(await card.textContent()).toContain('Missing on this page');
    await page.screenshot({ path: artifact('card-removed.png') });
    await page.close();
  });
});

describe('the page is left as it was', () => {
  it('has byte-identical DOM and text with and without the extension', async () => {
    const path = '/demo/xinhua-social-work.html';
    const page = await open(path);
    await waitForMarks(page);
    const base = await plain.context.newPage();
    await base.goto(`${server.origin}${path}`);
    const snapshot = (p: Page): Promise<{ body: string; text: string }> =>
      p.evaluate(() => ({ body: new XMLSerializer().serializeToString(document.body), text: document.body.innerText }));
    const [withExt, without] = await Promise.all([snapshot(page), snapshot(base)]);
    expect(withExt.body).toBe(without.body);
    expect(withExt.text).toBe(without.text);
    // Tifa's only element is its overlay host, outside <body>
    expect(await page.evaluate(() => [...document.documentElement.children].map((e) => e.localName))).toEqual([
      'head',
      'body',
      'tifa-overlay',
    ]);
    await base.close();
    await page.close();
  });
});

describe('hover card', () => {
  it('shows the note for a term and never covers the word; click pins, Esc closes', async () => {
    const page = await open('/demo/xinhua-social-work.html');
    await waitForMarks(page);
    const word = await page.evaluate(() => {
      const r = ([...CSS.highlights.get('tifa-term')!] as Range[]).find((x) => x.toString() === '十五五')!;
      const q = r.getClientRects()[0]!;
      return { text: r.toString(), left: q.left, top: q.top, right: q.right, bottom: q.bottom };
    });
    await page.mouse.move((word.left + word.right) / 2, (word.top + word.bottom) / 2);
    const card = page.locator('tifa-overlay .card');
    await card.waitFor({ state: 'visible' });
    await expect.poll(() => card.textContent()).toContain('shíwǔwǔ');
    expect(await card.textContent()).toContain('15th Five-Year Plan');
    const box = (await card.boundingBox())!;
    expect(rectsOverlap(box, word)).toBe(false);
    await page.screenshot({ path: artifact('card-term.png') });
    await page.mouse.click((word.left + word.right) / 2, (word.top + word.bottom) / 2);
    expect(await card.getAttribute('class')).toContain('pinned');
    await page.mouse.move(5, 5);
    await page.waitForTimeout(100);
    expect(await card.isVisible()).toBe(true); // pinned: stays
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });
    await page.close();
  });

  it('shows what each other version says for a difference', async () => {
    const page = await open('/demo/xinhua-social-work.html');
    await waitForMarks(page);
    const word = await page.evaluate(() => {
      const r = [...CSS.highlights.get('tifa-diff-name')!][0] as Range;
      const q = r.getClientRects()[0]!;
      return { left: q.left, top: q.top, right: q.right, bottom: q.bottom };
    });
    await page.mouse.move((word.left + word.right) / 2, (word.top + word.bottom) / 2);
    const card = page.locator('tifa-overlay .card');
    await card.waitFor({ state: 'visible' });
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('肖娜');
    expect(text).toContain('李肖娜');
    expect(text).toContain('新华社 Xinhua');
    expect(rectsOverlap((await card.boundingBox())!, word)).toBe(false);
    await page.screenshot({ path: artifact('card-difference.png') });
    await page.close();
  });

  it('steps through marks from the keyboard command (next/previous)', async () => {
    const page = await open('/demo/xinhua-social-work.html');
    await waitForMarks(page);
    const id = await tabIdOf(ext, page);
    await ext.worker.evaluate((tab) => chrome.tabs.sendMessage(tab, { type: 'step', direction: 1 }), id);
    const card = page.locator('tifa-overlay .card');
    await card.waitFor({ state: 'visible' });
    expect(await page.evaluate(() => CSS.highlights.has('tifa-focus'))).toBe(true);
    await page.close();
  });
});

describe('side panel, popup and options', () => {
  it('lists the differences; a click scrolls the page to one and flashes it', async () => {
    const page = await open('/demo/seed-001.html');
    await waitForMarks(page);
    const id = await tabIdOf(ext, page);
    const panel = await ext.context.newPage();
    await panel.setViewportSize({ width: 420, height: 1000 });
    await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tab=${id}`);
    await panel.getByText('Known versions of this article (3)').waitFor();
    const items = panel.locator('li.jump');
    expect(await items.count()).toBeGreaterThan(20);
    await panel.screenshot({ path: artifact('sidepanel.png'), fullPage: false });
    const target = panel.locator('li.jump', { hasText: '82个' }).first();
    await page.evaluate(() => window.scrollTo(0, 0));
    await target.click();
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('tifa-flash'))).toBe(true);
    const flashed = await page.evaluate(() => ([...CSS.highlights.get('tifa-flash')!] as Range[])[0]!.toString());
    expect(flashed).toBe('82个');
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
    // compare view: the page's article against a version, with insertions and deletions
    await panel.getByText('Compare with a version').scrollIntoViewIfNeeded();
    expect(await panel.locator('.compare ins').count()).toBeGreaterThan(0);
    expect(await panel.locator('.compare del').count()).toBeGreaterThan(0);
    await panel.locator('.compare').scrollIntoViewIfNeeded();
    await panel.screenshot({ path: artifact('sidepanel-compare.png') });
    await panel.close();
    await page.close();
  });

  it('popup shows the counts; options switch punctuation marks on', async () => {
    const page = await open('/demo/seed-001.html');
    const badge = await waitForMarks(page);
    const id = await tabIdOf(ext, page);
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${id}`);
    await expect.poll(() => popup.locator('#status').textContent()).toBe(badge);
    expect(await popup.title()).toBe('Tifa: this page');
    expect(await ext.worker.evaluate(() => chrome.action.getTitle({}))).toBe('Tifa: this page'); // the toolbar tooltip, localized
    await popup.screenshot({ path: artifact('popup.png') });
    await popup.close();

    expect(await page.evaluate(() => CSS.highlights.has('tifa-diff-punctuation'))).toBe(false);
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.locator('#showPunctuation').check();
    await options.screenshot({ path: artifact('options.png'), fullPage: true });
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('tifa-diff-punctuation'))).toBe(true);
    await options.locator('#showPunctuation').uncheck();
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('tifa-diff-punctuation'))).toBe(false);
    await options.close();
    await page.close();
  });
});

describe('badge', () => {
  it('opens the side panel on click (the click is the user gesture sidePanel.open requires)', async () => {
    const page = await open('/demo/seed-001.html');
    await waitForMarks(page);
    const logs: string[] = [];
    const onLog = (m: { text(): string }): void => void logs.push(m.text());
    ext.worker.on('console', onLog);
    await page.locator('tifa-overlay .badge').click();
    await page.waitForTimeout(1500);
    ext.worker.off('console', onLog);
    expect(logs.filter((l) => l.includes('could not open the side panel'))).toEqual([]);
    // control: the same call without a user gesture is refused, so the click above is what made it work
    const id = await tabIdOf(ext, page);
    const refused = await ext.worker.evaluate(async (tab) => {
      try {
        await chrome.sidePanel.open({ tabId: tab });
        return 'opened';
      } catch (e) {
        return String(e);
      }
    }, id);
    expect(refused).toMatch(/user gesture/);
    await page.close();
  });
});

describe('pinyin above terms', () => {
  it('draws pinyin labels in the overlay when the option is on', async () => {
    const page = await open('/demo/xinhua-social-work.html');
    await waitForMarks(page);
    expect(await page.locator('tifa-overlay .ruby').count()).toBe(0);
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.locator('#showPinyin').check();
    await expect.poll(() => page.locator('tifa-overlay .ruby').count()).toBeGreaterThan(5);
    expect(await page.locator('tifa-overlay .ruby').first().textContent()).toMatch(/[āáǎàēéěèīíǐìōóǒòūúǔù]/);
    await page.screenshot({ path: artifact('pinyin.png') });
    await options.locator('#showPinyin').uncheck();
    await expect.poll(() => page.locator('tifa-overlay .ruby').count()).toBe(0);
    await options.close();
    await page.close();
  });
});

describe('dynamic pages', () => {
  it('reads a static page once: putting its own overlay in place does not start a second run', async () => {
    const page = await open('/demo/seed-002.html');
    await waitForMarks(page);
    await page.waitForTimeout(1500); // past the 700 ms debounce a mutation would start
    expect(await page.evaluate(() => performance.getEntriesByName('tifa:run').length)).toBe(1);
    await page.close();
  });

  it('annotates content inserted after load and after a history-API navigation', async () => {
    const page = await open('/fixtures/dynamic.html');
    await expect.poll(async () => (await highlightTexts(page))['tifa-term'] ?? [], { timeout: 10000 }).toContain('新时代“枫桥经验”');
    await page.click('#next');
    await expect.poll(async () => (await highlightTexts(page))['tifa-term'] ?? [], { timeout: 10000 }).toContain('小马拉大车');
    expect(page.url()).toContain('?article=2');
    await page.close();
  });
});

describe('health', () => {
  it('raised no page errors in any test above', () => {
    expect(pageErrors).toEqual([]);
  });

  it('made no network requests: in this whole run nothing but the test server and the extension’s own files was fetched', async () => {
    for (const p of ['sidepanel.html', 'popup.html', 'options.html']) {
      const page = await ext.context.newPage();
      await page.goto(`chrome-extension://${ext.extensionId}/${p}`);
      await page.waitForTimeout(300);
      await page.close();
    }
    expect(ext.requests.length).toBeGreaterThan(10);
    const foreign = ext.requests.filter(
      (u) => !u.startsWith(`${server.origin}/`) && !u.startsWith(`chrome-extension://${ext.extensionId}/`),
    );
    expect(foreign).toEqual([]);
    // and what reached the network (the test proxy, which sees the whole browser's traffic): the test
    // site's pages, plus Chromium's own Google services (updates, clock, accounts, optimization hints),
    // which it calls without Tifa too. (In Firefox the proxy sees nothing else at all: firefox.test.ts.)
    expect(server.seen.length).toBeGreaterThan(5);
    const browserOwn = /^(https?:\/\/|connect:)([a-z0-9-]+\.)*(google\.com|googleapis\.com|gstatic\.com)[:/]/;
    expect(server.seen.filter((u) => !u.startsWith(`${server.origin}/`) && !browserOwn.test(u))).toEqual([]);
  });
});
