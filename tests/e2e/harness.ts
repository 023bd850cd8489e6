/// <reference types="chrome" />
/**
 * Browser-test harness: a static server on 127.0.0.1 for the demo pages and
 * fixtures, and Debian's Chromium driven by playwright-core with the built
 * extension loaded (see ../shared/TESTING.md for why each flag is there).
 *
 * The browsers reach the server as an HTTP proxy, so the pages load from
 * news-site host names (http://www.news.cn/…, http://www.people.com.cn/…):
 * the tests run the shipped manifest, whose host access covers news sites and
 * saved files but not localhost. The proxy also records every URL the browser
 * asked it for, so nothing can leave unseen.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const EXT = path.join(ROOT, '.output/chrome-mv3');
export const ARTIFACTS = path.join(ROOT, 'test-results');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

/** The two news sites the test pages are served as (two origins: the cross-origin iframe needs both). */
export const SITE = 'http://www.news.cn';
export const OTHER_SITE = 'http://www.people.com.cn';
/** A site Tifa does not run on until the reader enables it. */
export const ELSEWHERE = 'http://www.example.org';
const SITES = new Set([SITE, OTHER_SITE, ELSEWHERE]);

/**
 * Serves /demo/* from assets/demo, /fixtures/* from tests/e2e/fixtures, plus
 * pages registered at runtime, on either site; anything else is a 404.
 */
export class StaticServer {
  private server: http.Server | undefined;
  readonly extra = new Map<string, { body: string; headers?: Record<string, string> }>();
  /** Where the pages are: use `${server.origin}/demo/…`. */
  readonly origin = SITE;
  readonly otherOrigin = OTHER_SITE;
  readonly elsewhere = ELSEWHERE;
  /** The proxy address the browsers are given (set by start()). */
  proxy = '';
  /** Every URL requested through the proxy, plus every CONNECT (https) target. */
  readonly seen: string[] = [];

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      // a proxy request carries the absolute URL
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'x'}`);
      this.seen.push(url.href);
      if (!SITES.has(url.origin)) {
        res.writeHead(403).end('the test proxy serves only the test sites');
        return;
      }
      const dyn = this.extra.get(url.pathname);
      if (dyn) {
        res.writeHead(200, { 'content-type': TYPES['.html']!, ...dyn.headers });
        res.end(dyn.body);
        return;
      }
      const [, top, ...rest] = url.pathname.split('/');
      const base = top === 'demo' ? path.join(ROOT, 'assets/demo') : top === 'fixtures' ? path.join(ROOT, 'tests/e2e/fixtures') : '';
      const file = base && path.join(base, ...rest);
      if (!file || !file.startsWith(base) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      fs.createReadStream(file).pipe(res);
    });
    // https (an upgrade attempt, or anything else): refused, and recorded
    this.server.on('connect', (req: http.IncomingMessage, socket: Duplex) => {
      this.seen.push(`connect:${req.url ?? ''}`);
      // A CONNECT socket is ours once handed over: the browser may reset it (ECONNRESET) as we refuse,
      // and an error with no listener would crash the test run.
      socket.on('error', () => undefined);
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    });
    await new Promise<void>((ok) => this.server!.listen(0, '127.0.0.1', ok));
    this.proxy = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((ok) => this.server?.close(() => ok()));
  }
}

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=en-US',
  // the test sites are plain http behind the proxy: no automatic https upgrade attempts
  '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
];

export interface Launched {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Every request any page, extension page or the service worker made since launch. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Chromium with the built extension, in a fresh profile, reaching the test
 * sites through `server`. The reading memory (on by default for readers) is
 * switched off unless `memory` is set: each test's pages would otherwise
 * become versions for the next ones.
 */
export async function launchWithExtension(server: StaticServer, opts: { headless?: boolean; memory?: boolean } = {}): Promise<Launched> {
  if (!server.proxy) throw new Error('start the StaticServer before launching a browser');
  if (!fs.existsSync(path.join(EXT, 'manifest.json'))) throw new Error(`no built extension at ${EXT}: run npm run build`);
  // Lets context 'request' events include the service worker's own fetches (Chromium).
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, ...FLAGS],
    proxy: { server: server.proxy },
    viewport: { width: 1280, height: 900 },
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  if (!opts.memory) await worker.evaluate(() => chrome.storage.local.set({ rememberVersions: false }));
  return {
    context,
    worker,
    extensionId,
    requests,
    close: async () => {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Chromium with the built extension, browsing in an off-the-record context —
 * what a private (incognito) window is to Chromium — through `server`. The
 * extension is loaded in the browser (its service worker runs) but, as
 * for every extension by default, not allowed in private windows.
 */
export async function launchPrivate(
  server: StaticServer,
): Promise<{ context: BrowserContext; workers(): Promise<string[]>; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, ...FLAGS],
    proxy: { server: server.proxy },
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return {
    context,
    // The extension's service worker, seen from the browser (it lives in the regular profile, not this context).
    workers: async () => {
      const cdp = await browser.newBrowserCDPSession();
      const { targetInfos } = await cdp.send('Target.getTargets');
      await cdp.detach();
      return targetInfos.filter((t) => t.type === 'service_worker').map((t) => t.url);
    },
    close: () => browser.close(),
  };
}

/** Chromium without any extension (the baseline for page-integrity checks). */
export async function launchPlain(server: StaticServer): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS, proxy: { server: server.proxy } });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return { context, close: () => browser.close() };
}

/**
 * Runs in the page (Playwright or Puppeteer): the text each tifa- highlight
 * covers. The main world may enumerate the registry (only content scripts
 * under Firefox's Xrays may not). Plain loops: hostile fixtures replace
 * Array.prototype.map in this world.
 */
export function readHighlights(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  CSS.highlights.forEach((hl, name) => {
    if (!name.startsWith('tifa-')) return;
    const texts: string[] = [];
    for (const r of hl as unknown as Iterable<Range>) texts.push(r.toString());
    out[name] = texts;
  });
  return out;
}

/** The text each tifa- highlight covers, read from the page's main world. */
export function highlightTexts(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(readHighlights);
}

/**
 * A new tab on `url`; its page errors go to `errors`, except those matching
 * `expected` (a fixture's own sabotage throwing when the page itself calls it).
 */
export async function openTab(ext: { context: BrowserContext }, url: string, errors: string[], expected?: RegExp): Promise<Page> {
  const page = await ext.context.newPage();
  page.on('pageerror', (e) => {
    if (!expected?.test(String(e))) errors.push(`${url}: ${String(e)}`);
  });
  await page.goto(url);
  return page;
}

/** The id of the tab showing `page` (asked of the service worker). */
export function tabIdOf(ext: Launched, page: Page): Promise<number> {
  return ext.worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)!.id!, page.url());
}

/** Wait until the extension has drawn its marks (the badge is shown). */
/**
 * Wait for Tifa's complete result on the page (the first page after start-up
 * shows a partial one first: differences before jieba's terms) and return
 * the badge text.
 */
export async function waitForMarks(page: Page, timeout = 15000): Promise<string> {
  const badge = page.locator('tifa-overlay .badge');
  await badge.waitFor({ state: 'visible', timeout });
  const until = Date.now() + timeout;
  while (!(await page.evaluate(() => performance.getEntriesByName('tifa:complete').length > 0))) {
    if (Date.now() > until) throw new Error('no complete result from Tifa');
    await page.waitForTimeout(25);
  }
  return (await badge.textContent()) ?? '';
}

export function artifact(name: string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}
