/// <reference types="chrome" />
/**
 * Hostile and unusual pages (issue 6): overridden built-ins, page CSS that
 * unsets everything plus a giant overlay, a strict CSP, zero-width characters
 * and astral characters, a contenteditable editor, a mutation storm. Each:
 * the article is marked where it is, no page errors, the page's DOM is the
 * same with and without Tifa, and the work stays bounded (Tifa's own
 * main-thread time per fixture goes to test-results/hostile-budgets.json).
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifact,
  highlightTexts,
  launchPlain,
  launchWithExtension,
  openTab,
  readHighlights,
  StaticServer,
  tabIdOf,
  waitForMarks,
  type Launched,
} from './harness';
import { framesPage, HOSTILE_PAGES, hugePage } from './fixture-pages';

const server = new StaticServer();
let ext: Launched;
let plain: Awaited<ReturnType<typeof launchPlain>>;

const errors: string[] = [];
/** Tifa's own main-thread work per fixture (its User Timing measures), written to test-results/hostile-budgets.json. */
const work: Record<string, { totalMs: number; longestMs: number; runs: number }> = {};

beforeAll(async () => {
  for (const [p, v] of Object.entries(HOSTILE_PAGES)) server.extra.set(p, v);
  await server.start();
  server.extra.set('/h/frames.html', { body: framesPage(server.otherOrigin) });
  server.extra.set('/h/huge.html', { body: hugePage() });
  ext = await launchWithExtension(server);
  plain = await launchPlain(server);
});

afterAll(async () => {
  fs.writeFileSync(artifact('hostile-budgets.json'), JSON.stringify(work, null, 2));
  console.log('hostile pages, Tifa main-thread work:', JSON.stringify(work));
  await ext?.close();
  await plain?.close();
  await server.stop();
});

// the fixtures' own sabotage is expected to throw when the page itself calls it; nothing else may
const open = (p: string): Promise<Page> => openTab(ext, `${server.origin}${p}`, errors, /page broke/);

/** Record Tifa's main-thread work on this page, then close it. */
async function done(pg: Page, name: string): Promise<void> {
  work[name] = await pg.evaluate(() => {
    // plain loops: one fixture replaces Array.prototype.map
    let totalMs = 0;
    let longestMs = 0;
    for (const e of performance.getEntriesByType('measure')) {
      if (!e.name.startsWith('tifa:')) continue;
      totalMs += e.duration;
      if (e.duration > longestMs) longestMs = e.duration;
    }
    const runs = performance.getEntriesByName('tifa:run').length;
    return { totalMs: Math.round(totalMs), longestMs: Math.round(longestMs), runs };
  });
  await pg.close();
}

/**
 * The page's DOM (`selector`, in every frame) is the same as in a browser
 * without Tifa: Tifa never edits the page. The storm fixture compares only its
 * article, since its ticker changes by itself.
 */
async function sameDomAsWithout(pg: Page, p: string, selector = 'body'): Promise<void> {
  const base = await plain.context.newPage();
  await base.goto(`${server.origin}${p}`);
  const snap = async (x: Page): Promise<string[]> =>
    Promise.all(x.frames().map((f) => f.evaluate((sel) => new XMLSerializer().serializeToString(document.querySelector(sel)!), selector)));
  const [withTifa, without] = [await snap(pg), await snap(base)];
  expect(withTifa.length).toBeGreaterThan(0);
  expect(withTifa).toEqual(without);
  await base.close();
}

async function hover(pg: Page, name: string, text?: string): Promise<string> {
  const box = await pg.evaluate(
    ([n, t]) => {
      const r = ([...(CSS.highlights.get(n!) ?? [])] as Range[]).find((x) => !t || x.toString() === t);
      const q = r?.getClientRects()[0];
      return q ? { x: (q.left + q.right) / 2, y: (q.top + q.bottom) / 2 } : undefined;
    },
    [name, text],
  );
  if (!box) throw new Error(`no ${name} mark ${text ?? ''}`);
  await pg.mouse.move(box.x, box.y);
  const card = pg.locator('tifa-overlay .card');
  await card.waitFor({ state: 'visible' });
  return (await card.textContent()) ?? '';
}

describe('hostile pages', () => {
  it('a page that overrides built-ins (map, JSON, appendChild, Range, Promise)', async () => {
    const pg = await open('/h/builtins.html');
    expect(await waitForMarks(pg)).toMatch(/^3 versions/);
    expect((await highlightTexts(pg))['tifa-term']).toEqual(expect.arrayContaining(['十五五']));
    expect(await hover(pg, 'tifa-term', '十五五')).toContain('shíwǔwǔ');
    await sameDomAsWithout(pg, '/h/builtins.html');
    await done(pg, '/h/builtins.html');
  });

  it('page CSS `* { all: unset !important }` and a giant z-index overlay', async () => {
    const pg = await open('/h/unset.html');
    await waitForMarks(pg);
    const text = await hover(pg, 'tifa-term', '十五五');
    expect(text).toContain('15th Five-Year Plan');
    const style = await pg.locator('tifa-overlay .card').evaluate((el) => {
      const cs = getComputedStyle(el);
      return { bg: cs.backgroundColor, pos: cs.position, radius: cs.borderRadius };
    });
    expect(style.pos).toBe('absolute');
    expect(style.bg).not.toBe('rgba(0, 0, 0, 0)');
    await pg.screenshot({ path: artifact('hostile-unset.png') });
    await sameDomAsWithout(pg, '/h/unset.html');
    await done(pg, '/h/unset.html');
  });

  it('a strict CSP page (default-src none; style-src none)', async () => {
    const pg = await open('/h/csp.html');
    await waitForMarks(pg);
    await hover(pg, 'tifa-term', '十五五');
    const bg = await pg.locator('tifa-overlay .card').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).not.toBe('rgba(0, 0, 0, 0)'); // styled despite style-src 'none'
    await pg.screenshot({ path: artifact('hostile-csp.png') });
    await sameDomAsWithout(pg, '/h/csp.html');
    await done(pg, '/h/csp.html');
  });

  it('zero-width characters inside a term, emoji, astral characters and mixed scripts', async () => {
    const pg = await open('/h/unicode.html');
    await waitForMarks(pg);
    const terms = (await highlightTexts(pg))['tifa-term'] ?? [];
    expect(terms).toContain('新时代“枫\u200b桥\u200d经验”');
    expect(terms).toContain('一老一小');
    expect(terms).toContain('两新'); // in the mixed-script line (Latin, kana, Hangul, Arabic, Cyrillic, bidi controls)
    await sameDomAsWithout(pg, '/h/unicode.html');
    await done(pg, '/h/unicode.html');
  });

  it('a contenteditable editor is left alone', async () => {
    const pg = await open('/h/editable.html');
    await waitForMarks(pg);
    const inEditor = await pg.evaluate(() => {
      const ed = document.getElementById('editor')!;
      let n = 0;
      CSS.highlights.forEach((hl, name) => {
        if (name.startsWith('tifa-')) for (const r of hl as unknown as Iterable<Range>) if (ed.contains(r.startContainer)) n++;
      });
      return n;
    });
    expect(inEditor).toBe(0);
    await sameDomAsWithout(pg, '/h/editable.html');
    await pg.locator('#editor').click();
    await pg.keyboard.type('新增');
    expect(await pg.locator('#editor').textContent()).toContain('新增');
    await done(pg, '/h/editable.html');
  });

  it('articles inside a same-origin and a cross-origin iframe', async () => {
    const pg = await open('/h/frames.html');
    const marked = async (selector: string): Promise<string[]> => {
      const frame = await (await pg.$(selector))!.contentFrame();
      return frame!.evaluate(readHighlights).then((h) => h['tifa-term'] ?? []);
    };
    await expect.poll(() => marked('#same'), { timeout: 15000 }).toContain('新就业群体');
    await expect.poll(() => marked('#cross'), { timeout: 15000 }).toContain('新就业群体');
    const crossDiffs = await (await (await pg.$('#cross'))!.contentFrame())!.evaluate(readHighlights);
    expect(crossDiffs['tifa-diff-name']).toEqual(['肖娜']); // 002 against 000/001: 李肖娜 → 肖娜
    await pg.screenshot({ path: artifact('hostile-frames.png') });
    await sameDomAsWithout(pg, '/h/frames.html');
    await done(pg, '/h/frames.html');
  });

  it('an article inside an open shadow root (and slotted into it)', async () => {
    const pg = await open('/h/shadow.html');
    expect(await waitForMarks(pg)).toMatch(/^3 versions/);
    const inShadow = await pg.evaluate(() => {
      const root = document.getElementById('story')!.shadowRoot!;
      const out: string[] = [];
      CSS.highlights.forEach((hl, name) => {
        if (name === 'tifa-term')
          for (const r of hl as unknown as Iterable<Range>) if (root.contains(r.startContainer)) out.push(r.toString());
      });
      return out;
    });
    expect(inShadow).toEqual(expect.arrayContaining(['十五五', '中央社会工作部']));
    expect(await hover(pg, 'tifa-term', '中央社会工作部')).toContain('zhōngyāng');
    await pg.screenshot({ path: artifact('hostile-shadow.png') });
    await sameDomAsWithout(pg, '/h/shadow.html');
    await done(pg, '/h/shadow.html');
  });

  it('an article 500 elements deep', async () => {
    const pg = await open('/h/deep.html');
    // 3 bundled versions, plus any the earlier fixtures left as remembered versions
    expect(await waitForMarks(pg)).toMatch(/^\d+ versions · \d+ differences · \d+ terms$/);
    const h = await highlightTexts(pg);
    expect(h['tifa-term']).toEqual(expect.arrayContaining(['十五五', '中央社会工作部']));
    const depth = await pg.evaluate(() => {
      let n = 0;
      for (let at: Node | null = CSS.highlights.get('tifa-term')!.values().next().value!.startContainer; at; at = at.parentNode) n++;
      return n;
    });
    expect(depth).toBeGreaterThan(500); // the marks are down there, where the article is
    expect(await hover(pg, 'tifa-term', '十五五')).toContain('shíwǔwǔ');
    await sameDomAsWithout(pg, '/h/deep.html');
    await done(pg, '/h/deep.html');
  });

  it('a page over 5 million characters is left alone, and the popup says why', async () => {
    const pg = await open('/h/huge.html');
    const id = await tabIdOf(ext, pg);
    const popup = await ext.context.newPage();
    const status = async (): Promise<string> => {
      await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${id}`);
      return (await popup.locator('#status').textContent()) ?? '';
    };
    await expect.poll(status, { timeout: 30000, interval: 1000 }).toMatch(/^This page is too long for Tifa/);
    expect(await pg.locator('tifa-overlay').count()).toBe(0); // nothing drawn, nothing sent
    expect(await popup.locator('#save').count()).toBe(0); // too long to save as a version as well
    await popup.screenshot({ path: artifact('popup-too-large.png') });
    await popup.close();
    await done(pg, '/h/huge.html');
  });

  it('a mutation storm (text rewritten every 50 ms): marks stay, runs stay bounded', async () => {
    const pg = await open('/h/storm.html');
    await waitForMarks(pg);
    await pg.waitForTimeout(6000);
    const runs = await pg.evaluate(() => performance.getEntriesByName('tifa:run').length);
    // ~120 mutations in 6 s; at most one run per 3 s plus the first
    expect(runs).toBeGreaterThanOrEqual(1);
    expect(runs).toBeLessThanOrEqual(4);
    expect((await highlightTexts(pg))['tifa-term']?.length ?? 0).toBeGreaterThan(3);
    await sameDomAsWithout(pg, '/h/storm.html', 'article');
    await done(pg, '/h/storm.html');
  });

  it('raised no page errors of its own', () => {
    expect(errors).toEqual([]);
  });
});
