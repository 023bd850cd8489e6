/**
 * The Firefox build in Debian's firefox-esr, driven over WebDriver BiDi
 * (puppeteer-core; the unpacked build installed with webExtension.install):
 * recognition, marks, the hover card, page-text integrity, the sidebar, and
 * the hostile fixtures that differ most between engines (iframes, open shadow
 * roots, page CSS that unsets everything, a strict CSP). Skipped, with a note,
 * where firefox-esr is not installed (.ci/run installs it).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifact, readHighlights, ROOT, StaticServer } from './harness';
import { articleHtml, framesPage, HOSTILE_PAGES, UNRELATED } from './fixture-pages';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/lib/firefox-esr/firefox-esr';
const EXT = path.join(ROOT, '.output/firefox-mv2');
const have = fs.existsSync(FIREFOX) && fs.existsSync(path.join(EXT, 'manifest.json'));
const server = new StaticServer();
let browser: Browser;
const errors: string[] = [];
/** Firefox gives each install a random internal UUID; this pref fixes it, so the sidebar page has a known URL. */
const GECKO_ID = 'tifa@tifa.example';
const UUID = '7b1f4c2e-5d3a-4e6b-9c8d-0a1b2c3d4e5f';
const EXT_ORIGIN = `moz-extension://${UUID}`;

async function launch(withExtension: boolean, prefs: Record<string, unknown> = {}): Promise<Browser> {
  const b = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      // the test sites (www.news.cn, www.people.com.cn) come from the harness's server, as an HTTP proxy
      // optional permissions granted without the prompt a headless browser cannot answer
      'extensions.webextOptionalPermissionPrompts': false,
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': Number(new URL(server.proxy).port),
      'network.proxy.no_proxies_on': '',
      'dom.security.https_first': false,
      'dom.security.https_first_schemeless': false,
      ...prefs,
    },
    // BiDi refuses to navigate to moz-extension: pages (the sidebar, the popup) unless system access is allowed.
    env: { ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1' },
  });
  if (withExtension) await b.installExtension(EXT);
  return b;
}

function highlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(readHighlights);
}

async function badge(page: Page): Promise<string> {
  await page.waitForFunction(
    () => {
      const b = document.querySelector('tifa-overlay')?.shadowRoot?.querySelector('.badge');
      return b instanceof HTMLElement && !b.hidden;
    },
    { timeout: 20000 },
  );
  return page.evaluate(() => document.querySelector('tifa-overlay')!.shadowRoot!.querySelector('.badge')!.textContent ?? '');
}

/** Collect a page error, except Firefox's own favicon request refused by the strict-CSP fixture (not Tifa's). */
function pageError(e: unknown): void {
  if (!/blocked the loading of a resource .* at \S+\/favicon\.ico/.test(String(e))) errors.push(String(e));
}

/** A new tab on `url`, its page errors collected. */
async function open(url: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', pageError);
  await page.goto(url);
  return page;
}

/**
 * Open one of Tifa's own pages (sidebar, popup) in a tab. BiDi never reports
 * the load of a moz-extension: page (it loads in the extension process), so
 * the navigation is not awaited; the test waits for the document instead.
 */
async function openExtensionPage(page: Page, file: string): Promise<void> {
  const url = `${EXT_ORIGIN}/${file}`;
  page.goto(url, { timeout: 5000 }).catch(() => undefined);
  // polled from here: an evaluation that lands while the old document goes away fails, and is retried
  const loaded = (): Promise<boolean> =>
    page.evaluate((u) => location.href === u && document.readyState === 'complete', url).catch(() => false);
  await expect.poll(loaded, { timeout: 20000, interval: 100, message: `${url} did not load` }).toBe(true);
}

/** Open the sidebar page in `panel` for the tab showing `url`; resolves to that tab's id. */
async function sidebarFor(panel: Page, url: string): Promise<number> {
  await openExtensionPage(panel, 'sidepanel.html');
  const tabId = await panel.evaluate(async (u) => {
    const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).browser;
    return (await api.tabs.query({})).find((t) => t.url === u)?.id ?? 0;
  }, url);
  expect(tabId).toBeGreaterThan(0);
  await openExtensionPage(panel, `sidepanel.html?tab=${tabId}`);
  return tabId;
}

/** Set extension settings the way the options page does (from one of Tifa's own pages). */
async function setStorage(values: Record<string, unknown>): Promise<void> {
  const page = await browser.newPage();
  // (before the tests too, where expect.poll is not available: its own wait for the page)
  const url = `${EXT_ORIGIN}/options.html?setup`;
  page.goto(url, { timeout: 5000 }).catch(() => undefined);
  for (let i = 0; i < 200; i++) {
    if (await page.evaluate((u) => location.href === u && document.readyState === 'complete', url).catch(() => false)) break;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  await page.evaluate(async (v) => {
    const api = (globalThis as unknown as { browser: { storage: { local: { set(x: object): Promise<void> } } } }).browser;
    await api.storage.local.set(v);
  }, values);
  await page.close();
}

/** Ask Tifa's background, from one of its own pages (the reply's value; an error reply throws). */
async function ask(msg: Record<string, unknown>): Promise<unknown> {
  const page = await browser.newPage();
  await openExtensionPage(page, 'options.html');
  const r = (await page.evaluate(async (m) => {
    const api = (globalThis as unknown as { browser: { runtime: { sendMessage(x: object): Promise<unknown> } } }).browser;
    return api.runtime.sendMessage(m);
  }, msg)) as { ok: boolean; value?: unknown; error?: string };
  await page.close();
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** Move the mouse onto a term's mark; resolves to the card's text once it shows. */
async function hoverTerm(page: Page, term: string): Promise<string> {
  const at = await page.evaluate((t) => {
    for (const r of (CSS.highlights.get('tifa-term') ?? []) as Iterable<Range>) {
      if (r.toString() !== t) continue;
      r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const q = r.getClientRects()[0]!;
      return { x: (q.left + q.right) / 2, y: (q.top + q.bottom) / 2 };
    }
    return undefined;
  }, term);
  if (!at) throw new Error(`no mark on ${term}`);
  await page.mouse.move(at.x, at.y);
  const card = await page.waitForFunction(() => {
    const c = document.querySelector('tifa-overlay')?.shadowRoot?.querySelector('.card');
    return c instanceof HTMLElement && !c.hidden && c.textContent ? c.textContent : false;
  });
  return (await card.jsonValue()) as string;
}

beforeAll(async () => {
  if (!have) return;
  for (const [p, v] of Object.entries(HOSTILE_PAGES)) server.extra.set(p, v);
  await server.start();
  server.extra.set('/h/frames.html', { body: framesPage(server.otherOrigin) });
  server.extra.set('/v/original.html', { body: articleHtml('城市的一天', UNRELATED) });
  server.extra.set('/memory/a.html', { body: articleHtml('城市的一天', UNRELATED) });
  // texts that share no passage with it (each Chinese character shifted), for the exclusion
  const shifted = (k: number): string => UNRELATED.replace(/\p{Script=Han}/gu, (c) => String.fromCodePoint(c.codePointAt(0)! + k));
  server.extra.set('/memory/excluded.html', { body: articleHtml('不该记下的', shifted(1)) });
  server.extra.set('/memory/kept.html', { body: articleHtml('该记下的', shifted(2)) });
  server.extra.set('/memory/private.html', {
    body: articleHtml('私下读的', `${shifted(3)}\n推动新就业群体服务管理不断优化，推动社会工作高质量发展。`),
  });
  server.extra.set('/memory/reprint.html', { body: articleHtml('城市的一天', UNRELATED.replace('二十多年', '三十多年')) });
  server.extra.set('/dict/riders.html', {
    body:
      '<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>骑手驿站</title></head><body><article>' +
      '<p id="p1">春天里，新的服务网点不断萌芽。外卖骑手在驿站歇脚，喝上一口热水，给手机充上电。</p>' +
      '<p>各地还为骑手发放交通补贴，中央社会工作部推动新就业群体服务管理不断优化，推动社会工作高质量发展，让城市更有温度。</p>' +
      '</article></body></html>',
  });
  server.extra.set('/v/edited.html', { body: articleHtml('城市的一天', UNRELATED.replace('二十多年', '三十多年')) });
  browser = await launch(true);
  // The reading memory is switched off for these tests (each page would become a version for the next), and on
  // in the one that tests it.
  await setStorage({ rememberVersions: false });
});

afterAll(async () => {
  await browser?.close();
  if (have) await server.stop();
});

describe.skipIf(!have)('Firefox (firefox-esr over WebDriver BiDi)', () => {
  it('recognises the demo page, marks differences and terms', async () => {
    const page = await open(`${server.origin}/demo/seed-001.html`);
    expect(await badge(page)).toMatch(/^3 versions · \d+ differences · \d+ terms$/);
    const h = await highlights(page);
    expect(h['tifa-diff-number']).toEqual(expect.arrayContaining(['82个']));
    expect(h['tifa-term']).toEqual(expect.arrayContaining(['新就业群体', '一老一小']));
    await page.screenshot({ path: artifact('firefox-seed-001.png') });
    await page.close();
  });

  it('shows the hover card for a term, not over the word', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/demo/xinhua-social-work.html`);
    await badge(page);
    const word = await page.evaluate(() => {
      const r = ([...CSS.highlights.get('tifa-term')!] as Range[]).find((x) => x.toString() === '十五五')!;
      const q = r.getClientRects()[0]!;
      return { left: q.left, top: q.top, right: q.right, bottom: q.bottom };
    });
    await page.mouse.move((word.left + word.right) / 2, (word.top + word.bottom) / 2);
    await page.waitForFunction(() => {
      const c = document.querySelector('tifa-overlay')?.shadowRoot?.querySelector('.card');
      return c instanceof HTMLElement && !c.hidden && (c.textContent ?? '').includes('shíwǔwǔ');
    });
    const box = await page.evaluate(() => {
      const r = (document.querySelector('tifa-overlay')!.shadowRoot!.querySelector('.card') as HTMLElement).getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    });
    const overlap = box.left < word.right && word.left < box.right && box.top < word.bottom && word.top < box.bottom;
    expect(overlap).toBe(false);
    await page.screenshot({ path: artifact('firefox-card.png') });
    await page.close();
  });

  it('leaves the page text and DOM byte-identical', async () => {
    const url = `${server.origin}/demo/xinhua-social-work.html`;
    const page = await browser.newPage();
    await page.goto(url);
    await badge(page);
    const snap = (p: Page): Promise<string> => p.evaluate(() => new XMLSerializer().serializeToString(document.body));
    const withExt = await snap(page);
    const plain = await launch(false);
    const base = await plain.newPage();
    await base.goto(url);
    expect(withExt).toBe(await snap(base));
    await plain.close();
    await page.close();
  });

  it('the sidebar lists the differences and a click flashes the mark; the popup shows the counts', async () => {
    const url = `${server.origin}/demo/seed-001.html`;
    const page = await open(url);
    const counts = await badge(page);
    const panel = await browser.newPage();
    await panel.setViewport({ width: 420, height: 1000 });
    const tabId = await sidebarFor(panel, url);
    await panel.waitForFunction(() => document.body.textContent?.includes('Known versions of this article (3)'), { timeout: 20000 });
    expect(await panel.$$eval('li.jump', (li) => li.length)).toBeGreaterThan(20);
    await panel.screenshot({ path: artifact('firefox-sidebar.png') });
    await panel.$$eval('li.jump', (li) => {
      for (const x of li) if (x.textContent?.includes('82个')) return (x as HTMLElement).click();
    });
    await page.waitForFunction(() => CSS.highlights.has('tifa-flash'), { timeout: 10000 });
    expect(await page.evaluate(() => ([...CSS.highlights.get('tifa-flash')!] as Range[])[0]!.toString())).toBe('82个');
    await openExtensionPage(panel, `popup.html?tab=${tabId}`);
    await panel.waitForFunction((c) => document.getElementById('status')?.textContent === c, { timeout: 10000 }, counts);
    expect(await panel.evaluate(() => document.body.textContent)).toContain('Open sidebar'); // Firefox's word for it
    await panel.close();
    await page.close();
  });

  it('the badge opens the toolbar popup (sidebarAction.open needs user input, which a page click does not carry to the background)', async () => {
    const page = await open(`${server.origin}/demo/seed-002.html`);
    const counts = await badge(page);
    const probe = await browser.newPage();
    await openExtensionPage(probe, 'options.html?probe');
    const popupStatus = (): Promise<string | null> =>
      probe.evaluate(() => {
        const api = (globalThis as unknown as { browser: { extension: { getViews(o: object): Window[] } } }).browser;
        const [view] = api.extension.getViews({ type: 'popup' });
        return view?.document.getElementById('status')?.textContent ?? null;
      });
    expect(await popupStatus()).toBeNull();
    await page.bringToFront();
    const at = await page.evaluate(() => {
      const r = document.querySelector('tifa-overlay')!.shadowRoot!.querySelector('.badge')!.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await page.mouse.click(at.x, at.y);
    await expect.poll(popupStatus, { timeout: 10000, interval: 200 }).toBe(counts); // the popup, open, about this page
    await probe.close();
    await page.close();
  });

  it('saves a page as a version from the sidebar (IndexedDB); an edited copy is then marked; the options page lists it', async () => {
    const url = `${server.origin}/v/original.html`;
    const page = await open(url);
    const panel = await browser.newPage();
    await panel.setViewport({ width: 420, height: 900 });
    await sidebarFor(panel, url);
    const notice = (text: string): Promise<unknown> =>
      panel.waitForFunction((t) => document.getElementById('notice')?.textContent?.includes(t), { timeout: 10000 }, text);
    await (await panel.waitForSelector('#save'))!.click();
    await notice('Saved as a version');
    await panel.screenshot({ path: artifact('firefox-saved.png') });
    const edited = await open(`${server.origin}/v/edited.html`);
    expect(await badge(edited)).toMatch(/^1 versions · [1-9]\d* differences/);
    const marked = Object.entries(await edited.evaluate(readHighlights))
      .filter(([k]) => k.startsWith('tifa-diff-'))
      .flatMap(([, v]) => v);
    expect(marked.join('|')).toMatch(/三十/);
    await openExtensionPage(panel, 'options.html');
    await panel.waitForFunction(() => document.body.textContent?.includes('城市的一天'), { timeout: 10000 });
    await panel.close();
    await edited.close();
    await page.close();
  });

  it('imports an HTML file in the options page: Readability (patched) keeps the article and drops the page chrome', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-ff-')), 'saved-page.html');
    const chrome = '<nav>首页 时政 国际 财经 网站导航栏</nav>';
    fs.writeFileSync(file, articleHtml('导入的网页', `${UNRELATED}\n导入时附加的一段。`).replace('<body>', `<body>${chrome}`));
    const options = await browser.newPage();
    options.on('pageerror', pageError);
    await openExtensionPage(options, 'options.html');
    const input = (await options.waitForSelector('#imp-files')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await options.waitForFunction(() => document.getElementById('lib-status')?.textContent?.includes('Imported: 1 new'), {
      timeout: 10000,
    });
    const text = await options.evaluate(async () => {
      const api = (globalThis as unknown as { browser: { runtime: { sendMessage(m: object): Promise<unknown> } } }).browser;
      const list = (await api.runtime.sendMessage({ type: 'listVersions' })) as { value: { id: string; title: string }[] };
      const mine = list.value.find((v) => v.title === '导入的网页')!; // named by the page's own <title>, not the file's name
      return ((await api.runtime.sendMessage({ type: 'getVersion', id: mine.id })) as { value: { text: string } }).value.text;
    });
    expect(text).toContain('导入时附加的一段。');
    expect(text).toContain(
      UNRELATED.split('\n')
        .find((l) => l.trim())!
        .trim(),
    );
    expect(text).not.toContain('网站导航栏');
    await options.close();
  });

  it('a site added the way the popup adds it (optional permission, then siteGranted) gets Tifa on its pages', async () => {
    // The popup's own button needs the tab's address, which only a toolbar click (activeTab) reveals;
    // this runs its three steps from a click in an extension page instead, with the same calls.
    const url = `${server.elsewhere}/demo/seed-001.html`;
    const page = await open(url);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await page.evaluate(() => document.querySelector('tifa-overlay'))).toBeNull(); // not a site Tifa runs on
    const options = await browser.newPage();
    await openExtensionPage(options, 'options.html');
    await options.evaluate(() => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      const b = document.createElement('button');
      b.id = 'grant-test';
      b.textContent = 'grant';
      b.addEventListener('click', () => {
        void (async () => {
          const granted = await api.permissions.request({ origins: ['*://www.example.org/*'] });
          await api.storage.local.set({ extraSites: ['www.example.org'] });
          await api.runtime.sendMessage({ type: 'siteGranted', host: 'www.example.org' });
          document.title = granted ? 'granted' : 'refused';
        })();
      });
      document.body.prepend(b);
    });
    await options.click('#grant-test');
    await options.waitForFunction(() => document.title === 'granted' || document.title === 'refused', { timeout: 10000 });
    expect(await options.evaluate(() => document.title)).toBe('granted');
    await page.reload();
    expect(await badge(page)).toMatch(/^3 versions · \d+ differences · \d+ terms$/);
    // the options page lists the added site
    await openExtensionPage(options, 'options.html?again');
    await options.waitForFunction(() => document.body.textContent?.includes('www.example.org'), { timeout: 10000 });
    await options.close();
    await page.close();
  });

  it('marks articles inside a same-origin and a cross-origin iframe', async () => {
    const page = await open(`${server.origin}/h/frames.html`);
    const marks = async (selector: string): Promise<Record<string, string[]>> => {
      const frame = await (await page.$(selector))!.contentFrame();
      return frame!.evaluate(readHighlights);
    };
    await expect.poll(async () => (await marks('#same'))['tifa-term'] ?? [], { timeout: 20000 }).toContain('新就业群体');
    await expect.poll(async () => (await marks('#cross'))['tifa-term'] ?? [], { timeout: 20000 }).toContain('新就业群体');
    expect((await marks('#cross'))['tifa-diff-name']).toEqual(['肖娜']); // 002 against 000/001: 李肖娜 → 肖娜
    expect(await page.evaluate(readHighlights)).toEqual({}); // the outer page has one line and no article
    await page.screenshot({ path: artifact('firefox-frames.png') });
    await page.close();
  });

  it('marks an article inside an open shadow root, with a working card', async () => {
    const page = await open(`${server.origin}/h/shadow.html`);
    expect(await badge(page)).toMatch(/^3 versions/);
    const inShadow = await page.evaluate(() => {
      const root = document.getElementById('story')!.shadowRoot!;
      const out: string[] = [];
      for (const r of (CSS.highlights.get('tifa-term') ?? []) as Iterable<Range>)
        if (root.contains(r.startContainer)) out.push(r.toString());
      return out;
    });
    expect(inShadow).toEqual(expect.arrayContaining(['十五五', '中央社会工作部']));
    expect(await hoverTerm(page, '中央社会工作部')).toContain('zhōngyāng');
    await page.screenshot({ path: artifact('firefox-shadow.png') });
    await page.close();
  });

  for (const [fixture, what] of [
    ['/h/unset.html', 'page CSS `* { all: unset !important }` and a giant z-index overlay'],
    ['/h/csp.html', 'a strict CSP (default-src none; style-src none)'],
  ] as const) {
    it(`styles the card on ${what}`, async () => {
      const page = await browser.newPage();
      page.on('pageerror', pageError);
      await page.goto(`${server.origin}${fixture}`);
      await badge(page);
      expect(await hoverTerm(page, '十五五')).toContain('15th Five-Year Plan');
      const style = await page.evaluate(() => {
        const cs = getComputedStyle(document.querySelector('tifa-overlay')!.shadowRoot!.querySelector('.card')!);
        return { pos: cs.position, bg: cs.backgroundColor };
      });
      expect(style.pos).toBe('absolute');
      expect(style.bg).not.toBe('rgba(0, 0, 0, 0)');
      await page.screenshot({ path: artifact(`firefox-${fixture.slice(3, -5)}.png`) });
      await page.close();
    });
  }

  it('works on a page that overrides built-ins, and on zero-width, astral and mixed-script text', async () => {
    for (const fixture of ['/h/builtins.html', '/h/unicode.html']) {
      const page = await browser.newPage();
      // the builtins fixture's own sabotage throws when the page itself calls it; nothing else may
      page.on('pageerror', (e) => {
        if (!/page broke/.test(String(e))) pageError(e);
      });
      await page.goto(`${server.origin}${fixture}`);
      // polled from here: puppeteer's waitForFunction relies on the page's Promise, which one fixture replaces
      const marked = async (): Promise<string[]> => (await page.evaluate(readHighlights))['tifa-term'] ?? [];
      await expect
        .poll(marked, { timeout: 20000, interval: 200, message: fixture })
        .toEqual(expect.arrayContaining(['十五五', '中央社会工作部']));
      const terms = await marked();
      if (fixture === '/h/unicode.html') {
        expect(terms).toEqual(expect.arrayContaining(['新时代“枫\u200b桥\u200d经验”', '两新']));
        expect(await hoverTerm(page, '十五五')).toContain('shíwǔwǔ');
      }
      await page.close();
    }
  });

  it('the dictionary: Shift+hover shows pinyin and English, n moves on, Esc closes, every-word mode, star → word list', async () => {
    const url = `${server.origin}/dict/riders.html`;
    const page = await open(url);
    await badge(page);
    const cardText = (): Promise<string> =>
      page.evaluate(() => {
        const c = document.querySelector('tifa-overlay')?.shadowRoot?.querySelector('.card');
        return c instanceof HTMLElement && !c.hidden ? (c.textContent ?? '') : '';
      });
    const at = (word: string): Promise<{ x: number; y: number }> =>
      page.evaluate((w) => {
        const p = document.getElementById('p1')!.firstChild as Text;
        const r = document.createRange();
        r.setStart(p, p.data.indexOf(w));
        r.setEnd(p, p.data.indexOf(w) + 1);
        const q = r.getBoundingClientRect();
        return { x: q.left + q.width / 2, y: q.top + q.height / 2 };
      }, word);
    const p = await at('骑手');
    await page.keyboard.down('Shift');
    await page.mouse.move(p.x, p.y);
    await page.keyboard.up('Shift');
    await expect.poll(cardText, { timeout: 10000 }).toMatch(/^骑手 騎手 qí shǒu.*rider/);
    await page.screenshot({ path: artifact('firefox-dict.png') });
    await page.keyboard.press('n');
    await expect.poll(cardText).toMatch(/^在 zài/);
    await page.keyboard.press('Escape');
    await expect.poll(cardText).toBe('');
    // every-word mode, switched on the way the popup does it
    const probe = await browser.newPage();
    await openExtensionPage(probe, 'options.html?dict');
    const setOnHover = (on: boolean): Promise<void> =>
      probe.evaluate(async (v) => {
        const api = (globalThis as unknown as { browser: { storage: { local: { set(x: object): Promise<void> } } } }).browser;
        await api.storage.local.set({ lookupOnHover: v });
      }, on);
    await setOnHover(true);
    await page.bringToFront(); // pointer events go to the tab in front
    const q = await at('驿站');
    await page.mouse.move(q.x, q.y + 60);
    await page.mouse.move(q.x, q.y);
    await expect.poll(cardText, { timeout: 10000 }).toMatch(/^驿站 驛站 yì zhàn/);
    // the star: the word goes to the word list, with its sentence
    await page.evaluate(() => (document.querySelector('tifa-overlay')!.shadowRoot!.querySelector('.word .star') as HTMLElement).click());
    await expect
      .poll(() => page.evaluate(() => document.querySelector('tifa-overlay')!.shadowRoot!.querySelector('.word .star')!.textContent))
      .toBe('★');
    await setOnHover(false);
    await probe.close();
    const panel = await browser.newPage();
    await panel.setViewport({ width: 420, height: 1000 });
    await sidebarFor(panel, url);
    await panel.waitForFunction(() => document.querySelectorAll('#words li').length === 1, { timeout: 20000 });
    expect(await panel.$eval('#words li', (li) => li.textContent)).toMatch(/驿站 驛站.*yì zhàn.*外卖骑手在驿站歇脚/);
    expect(await panel.$$eval('[data-words-format]', (li) => li.map((x) => x.getAttribute('data-words-format')))).toEqual(['anki', 'csv']);
    await panel.close();
    await page.close();
  });

  it('the reading memory: an article read is kept; its reprint elsewhere and a silent edit at the same address are marked', async () => {
    await setStorage({ rememberVersions: true });
    const original = `${server.origin}/memory/a.html`;
    const first = await open(original);
    await badge(first); // terms only: nothing known yet
    await first.close();
    // a reprint on another site, two words changed
    const reprint = await open(`${server.otherOrigin}/memory/reprint.html`);
    expect(await badge(reprint)).toMatch(/^\d+ versions · [1-9]/); // the article read (and the one saved in an earlier test)
    const marks = await highlights(reprint);
    expect(
      Object.entries(marks)
        .filter(([n]) => n.startsWith('tifa-diff-'))
        .flatMap(([, t]) => t),
    ).toEqual(expect.arrayContaining(['三十多年']));
    await reprint.close();
    // the same address, silently edited
    server.extra.set('/memory/a.html', { body: articleHtml('城市的一天', UNRELATED.replace('老顾客', '老主顾')) });
    const edited = await open(original);
    expect(await badge(edited)).toMatch(/^Edited since you read it on \d{4}-\d{2}-\d{2} · /);
    await edited.close();
    await setStorage({ rememberVersions: false });
  });

  it('the reading memory keeps nothing from a private window (Firefox in private browsing, default settings)', async () => {
    // A second Firefox whose every window is private. By default an add-on does not run in private windows:
    // the page loads, Tifa never reads it (its terms would be marked if it did), so nothing can be kept; when a
    // reader allows Tifa there, host.ts refuses private tabs (unit-tested). Tifa's own pages get no extension API
    // in such a window, so the store cannot be listed from here.
    const priv = await launch(true, { 'browser.privatebrowsing.autostart': true });
    try {
      const page = await priv.newPage();
      page.on('pageerror', pageError);
      await page.goto(`${server.origin}/memory/private.html`);
      await new Promise((ok) => setTimeout(ok, 2500)); // long enough to be read and kept, were it
      expect(await page.evaluate(() => document.title)).toBe('私下读的');
      expect(await page.evaluate(() => document.querySelector('tifa-overlay') === null)).toBe(true);
      expect(await highlights(page)).toEqual({});
      await page.close();
    } finally {
      await priv.close();
    }
  });

  it('the reading memory keeps nothing from an excluded site, and Erase everything forgets what it kept', async () => {
    const titles = async (): Promise<string[]> => ((await ask({ type: 'listVersions' })) as { title: string }[]).map((v) => v.title);
    await setStorage({ rememberVersions: true, memoryExcludedSites: ['www.people.com.cn'] });
    const excluded = await open(`${server.otherOrigin}/memory/excluded.html`);
    const other = await open(`${server.origin}/memory/kept.html`); // read after it, on a site not excluded
    await expect.poll(titles, { timeout: 20000 }).toContain('该记下的');
    expect(await titles()).not.toContain('不该记下的');
    await excluded.close();
    await other.close();
    expect(await ask({ type: 'eraseAll' })).toMatchObject({ versions: expect.any(Number) as number });
    expect(await titles()).toEqual([]);
    await setStorage({ rememberVersions: false, memoryExcludedSites: [] });
  });

  it('passes web-ext lint with 0 errors, 0 warnings, 0 notices', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/web-ext/bin/web-ext.js'), 'lint', '-s', EXT, '-o', 'json'], {
      encoding: 'utf8',
    });
    const report = JSON.parse(r.stdout) as { summary: { errors: number }; errors: unknown[]; warnings: unknown[]; notices: unknown[] };
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]); // Readability's two innerHTML assignments are patched out (patches/)
    expect(report.notices).toEqual([]);
  });

  it('sent nothing to the network but the test sites’ pages (the proxy sees the whole browser)', () => {
    expect(server.seen.length).toBeGreaterThan(5);
    const testSites = [server.origin, server.otherOrigin, server.elsewhere].map((o) => `${o}/`);
    expect(server.seen.filter((u) => !testSites.some((s) => u.startsWith(s)))).toEqual([]);
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
