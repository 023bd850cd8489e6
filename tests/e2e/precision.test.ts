/**
 * Precision and the new cards in real Chromium with the built extension:
 * chrome-heavy pages (landmarks, div soup, an excerpting blog) get marks only
 * inside the article, with every planted edit marked; a Hong Kong reprint in
 * Traditional script gets only its planted edits and Traditional cards;
 * numbered formulations the glossary lacks get a faint mark, a card with a
 * copy button and a side-panel list; term cards are compact, the rest behind
 * "More". Screenshots go to test-results/.
 */
import * as OpenCC from 'opencc-js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromePages, EDITS, editedParagraphs } from '../fixtures/chrome-pages';
import { artifact, highlightTexts, launchWithExtension, openTab, StaticServer, tabIdOf, waitForMarks, type Launched } from './harness';

const server = new StaticServer();
let ext: Launched;
const pageErrors: string[] = [];
const toHk = OpenCC.Converter({ from: 'cn', to: 'hk' });
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const html = (title: string, body: string): string =>
  `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>${title}</title><style>body{font:17px/1.9 "Noto Sans CJK SC",sans-serif;max-width:760px;margin:24px auto}</style></head><body>${body}</body></html>`;

beforeAll(async () => {
  await server.start();
  for (const pg of chromePages()) if (pg.kind === 'html') server.extra.set(`/chrome/${pg.name}.html`, { body: pg.body });
  const planted = [EDITS.first, EDITS.number, EDITS.removed, EDITS.last];
  const hk = editedParagraphs(planted).map((l) => `<p>${esc(toHk(l))}</p>`);
  server.extra.set('/hk/reprint.html', { body: html('香港轉載', `<article>${hk.join('\n')}</article>`) });
  server.extra.set('/numbered.html', {
    body: html(
      '评论',
      '<article><h1>评论员文章</h1><p>全党必须贯彻“六个坚持”，践行“四个必须”，深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”。</p><p>中央社会工作部推动新时代社会工作高质量发展。三个月后，五个村的十个人参加了培训。</p></article>',
    ),
  });
  ext = await launchWithExtension(server);
});

afterAll(async () => {
  await ext?.close();
  await server.stop();
  expect(pageErrors).toEqual([]);
});

const open = (path: string): Promise<Page> => openTab(ext, `${server.origin}${path}`, pageErrors);

/** Difference marks that sit inside page chrome: their ranges' elements, by the fixture's chrome boxes. */
function diffMarksInChrome(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const CHROME =
      'nav, aside, footer, .top, .menu, .crumb, .info, .related, .side, .share, .editor, .comments, .foot, .box01, .edit, .ztbox, .blog-title, .post > p, [role=banner], [role=navigation], [role=complementary], [role=contentinfo]';
    const out: string[] = [];
    for (const name of [
      'tifa-diff-number',
      'tifa-diff-name',
      'tifa-diff-wording',
      'tifa-diff-other',
      'tifa-diff-added',
      'tifa-diff-moved',
    ]) {
      const h = CSS.highlights.get(name);
      if (!h) continue;
      h.forEach((r) => {
        const el = (r as Range).startContainer.parentElement;
        if (el?.closest(CHROME)) out.push(`${name}: ${(r as Range).toString()}`);
      });
    }
    return out;
  });
}

describe('only the article is compared', () => {
  it.each(['portal', 'divs', 'aria', 'reprint', 'blog'])('page layout "%s": no mark in chrome, every planted edit marked', async (name) => {
    const pg = chromePages().find((p) => p.name === name)!;
    const page = await open(`/chrome/${name}.html`);
    await waitForMarks(page);
    expect((await diffMarksInChrome(page)).join('\n')).toBe('');
    const h = await highlightTexts(page);
    const marked = Object.entries(h)
      .filter(([n]) => n.startsWith('tifa-diff-'))
      .flatMap(([, t]) => t);
    for (const e of pg.planted) {
      if (!e.to) continue; // a removal has no text to mark (a marker in the overlay)
      const core = [...e.to].filter((c, i) => c !== e.from[i]).join('');
      expect(
        marked.some((m) => m.includes(core.slice(0, 2)) || core.includes(m)),
        `${e.what}: ${core}`,
      ).toBe(true);
    }
    await page.screenshot({ path: artifact(`chrome-${name}.png`) });
    await page.close();
  });
});

describe('Traditional script', () => {
  it('a Hong Kong reprint shows only its planted edits, and Traditional cards', async () => {
    const page = await open('/hk/reprint.html');
    await waitForMarks(page);
    const h = await highlightTexts(page);
    // 86個 is planted; the other numbers are where version B itself differs from versions A and C
    expect(h['tifa-diff-number']).toEqual(expect.arrayContaining(['86個']));
    expect(h['tifa-diff-wording']).toEqual(expect.arrayContaining([toHk('关乎')]));
    expect(h['tifa-term']).toEqual(expect.arrayContaining(['新就業羣體', '中央社會工作部']));
    const word = await page.evaluate(() => {
      const r = ([...CSS.highlights.get('tifa-term')!] as Range[]).find((x) => x.toString() === '中央社會工作部')!;
      r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const q = r.getClientRects()[0]!;
      return { x: (q.left + q.right) / 2, y: (q.top + q.bottom) / 2 };
    });
    await page.mouse.move(word.x, word.y);
    const card = page.locator('tifa-overlay .card');
    await card.waitFor({ state: 'visible' });
    expect(await card.locator('h2').textContent()).toBe('中央社會工作部');
    expect(await card.locator('.trad').textContent()).toBe('中央社会工作部');
    await page.screenshot({ path: artifact('card-traditional.png') });
    await page.close();
  });
});

describe('cards and numbered formulations', () => {
  it('a term card is compact (gist; the rest behind More), and fits the upper half of the window', async () => {
    const page = await open('/numbered.html');
    await waitForMarks(page);
    const word = await page.evaluate(() => {
      const r = ([...CSS.highlights.get('tifa-term')!] as Range[]).find((x) => x.toString() === '中央社会工作部')!;
      const q = r.getClientRects()[0]!;
      return { x: (q.left + q.right) / 2, y: (q.top + q.bottom) / 2 };
    });
    await page.mouse.move(word.x, word.y);
    const card = page.locator('tifa-overlay .card');
    await card.waitFor({ state: 'visible' });
    expect(await card.locator('.gist').textContent()).toMatch(/\w+/);
    expect(await card.locator('details.more').getAttribute('open')).toBeNull();
    const small = (await card.boundingBox())!;
    expect(small.height).toBeLessThan((page.viewportSize()?.height ?? 720) / 2);
    await page.screenshot({ path: artifact('card-compact.png') });
    await page.mouse.click(word.x, word.y); // pin it, then open More
    await card.locator('details.more > summary').click();
    expect(await card.locator('details.more').getAttribute('open')).not.toBeNull();
    expect(await card.textContent()).toMatch(/Sources/i);
    await page.screenshot({ path: artifact('card-more.png') });
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('marks numbered formulations the glossary lacks, faintly, with a card to copy them; never counted nouns', async () => {
    const page = await open('/numbered.html');
    await waitForMarks(page);
    const h = await highlightTexts(page);
    expect(h['tifa-candidate']).toEqual(['六个坚持', '四个必须']);
    expect(h['tifa-term']).toEqual(expect.arrayContaining(['“两个确立”', '“四个意识”', '“四个自信”', '“两个维护”']));
    const word = await page.evaluate(() => {
      const r = ([...CSS.highlights.get('tifa-candidate')!] as Range[])[0]!;
      const q = r.getClientRects()[0]!;
      return { x: (q.left + q.right) / 2, y: (q.top + q.bottom) / 2 };
    });
    await page.mouse.move(word.x, word.y);
    const card = page.locator('tifa-overlay .card');
    await card.waitFor({ state: 'visible' });
    expect(await card.textContent()).toContain('Numbered formulation');
    expect(await card.textContent()).toContain("Not in Tifa's glossary yet.");
    await page.mouse.click(word.x, word.y);
    // An http page has no navigator.clipboard: the copy goes through a copy event, which the page can see.
    await page.evaluate(() => {
      window.addEventListener('copy', () => ((window as unknown as { copied: number }).copied = 1), true);
    });
    await card.locator('button.copy').click();
    await expect.poll(() => card.locator('button.copy').textContent()).toBe('Copied');
    expect(await page.evaluate(() => (window as unknown as { copied?: number }).copied)).toBe(1);
    await page.screenshot({ path: artifact('card-candidate.png') });

    const id = await tabIdOf(ext, page);
    const panel = await ext.context.newPage();
    await panel.setViewportSize({ width: 420, height: 1000 });
    await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tab=${id}`);
    await panel.locator('#candidates').waitFor();
    expect(await panel.locator('#candidates li').allTextContents()).toEqual(['六个坚持', '四个必须']);
    await panel.locator('#candidates').scrollIntoViewIfNeeded();
    await panel.screenshot({ path: artifact('sidepanel-candidates.png') });
    await panel.close();
    await page.close();
  });
});
