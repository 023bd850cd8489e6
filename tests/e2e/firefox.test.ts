/**
 * The Firefox build in Debian's firefox-esr, driven over WebDriver BiDi
 * (puppeteer-core; the unpacked build installed with webExtension.install):
 * recognition, marks, the hover card, and page-text integrity. Skipped, with
 * a note, where firefox-esr is not installed (.ci/run installs it).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifact, readHighlights, ROOT, StaticServer } from './harness';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/lib/firefox-esr/firefox-esr';
const EXT = path.join(ROOT, '.output/firefox-mv2');
const have = fs.existsSync(FIREFOX) && fs.existsSync(path.join(EXT, 'manifest.json'));
const server = new StaticServer();
let browser: Browser;
const errors: string[] = [];

async function launch(withExtension: boolean): Promise<Browser> {
  const b = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, protocol: 'webDriverBiDi' });
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

beforeAll(async () => {
  if (!have) return;
  await server.start();
  browser = await launch(true);
});

afterAll(async () => {
  await browser?.close();
  if (have) await server.stop();
});

describe.skipIf(!have)('Firefox (firefox-esr over WebDriver BiDi)', () => {
  it('recognises the demo page, marks differences and terms', async () => {
    const page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.origin}/demo/seed-001.html`);
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

  it('passes web-ext lint: no errors; the only warnings are Readability’s own innerHTML (on an inert DOMParser document)', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/web-ext/bin/web-ext.js'), 'lint', '-s', EXT, '-o', 'json'], {
      encoding: 'utf8',
    });
    const report = JSON.parse(r.stdout) as { summary: { errors: number }; warnings: { code: string; file: string }[]; notices: unknown[] };
    expect(report.summary.errors).toBe(0);
    expect(report.notices).toEqual([]);
    const readability = fs.readFileSync(path.join(ROOT, 'node_modules/@mozilla/readability/Readability.js'), 'utf8');
    expect(readability).toContain('page.innerHTML = pageCacheHtml'); // the two assignments web-ext reports
    for (const w of report.warnings) {
      expect(w.code).toBe('UNSAFE_VAR_ASSIGNMENT');
      // the chunk that bundles @mozilla/readability (src/ui/library.ts → html-text.ts)
      expect(w.file).toMatch(/^chunks\/library-/);
    }
    expect(report.warnings.length).toBeLessThanOrEqual(2);
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
