/// <reference types="chrome" />
/**
 * Browser-test harness: a static server on 127.0.0.1 for the demo pages and
 * fixtures, and Debian's Chromium driven by playwright-core with the built
 * extension loaded (see ../shared/TESTING.md for why each flag is there).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
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

/** Serves /demo/* from assets/demo, /fixtures/* from tests/e2e/fixtures, plus pages registered at runtime. */
export class StaticServer {
  private server: http.Server | undefined;
  readonly extra = new Map<string, { body: string; headers?: Record<string, string> }>();
  origin = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
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
    await new Promise<void>((ok) => this.server!.listen(0, '127.0.0.1', ok));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
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
];

export interface Launched {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Every request any page, extension page or the service worker made since launch. */
  requests: string[];
  close(): Promise<void>;
}

/** Chromium with the built extension, in a fresh profile. */
export async function launchWithExtension(opts: { headless?: boolean } = {}): Promise<Launched> {
  if (!fs.existsSync(path.join(EXT, 'manifest.json'))) throw new Error(`no built extension at ${EXT}: run npm run build`);
  // Lets context 'request' events include the service worker's own fetches (Chromium).
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, ...FLAGS],
    viewport: { width: 1280, height: 900 },
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
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

/** Chromium without any extension (the baseline for page-integrity checks). */
export async function launchPlain(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
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

/** The id of the tab showing `page` (asked of the service worker). */
export function tabIdOf(ext: Launched, page: Page): Promise<number> {
  return ext.worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)!.id!, page.url());
}

/** Wait until the extension has drawn its marks (the badge is shown). */
export async function waitForMarks(page: Page, timeout = 15000): Promise<string> {
  const badge = page.locator('tifa-overlay .badge');
  await badge.waitFor({ state: 'visible', timeout });
  return (await badge.textContent()) ?? '';
}

export function artifact(name: string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}
