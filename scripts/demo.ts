/**
 * `npm run demo`: build the extension, serve the bundled demo pages on
 * www.news.cn (the test harness's local server, reached as a proxy: nothing
 * leaves the machine) and open Chromium with Tifa loaded. With a display, the browser
 * stays open for you to read; without one (CI, ssh), it runs headless, writes
 * demo.png (the page with a hover card open) and prints what was found.
 *
 * `npm run screenshots` (this script with --docs) writes the README's
 * pictures instead: docs/images/demo.png and docs/images/sidepanel.png.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { highlightTexts, launchWithExtension, ROOT, StaticServer, tabIdOf, waitForMarks } from '../tests/e2e/harness';

const docs = process.argv.includes('--docs');
const headed = Boolean(process.env.DISPLAY) && !process.env.CI && !docs;
execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

const server = new StaticServer();
await server.start();
const ext = await launchWithExtension(server, { headless: !headed, memory: true });
const page = await ext.context.newPage();
await page.setViewportSize({ width: 1200, height: 760 });
const url = `${server.origin}/demo/xinhua-social-work.html`;
await page.goto(url);
const badge = await waitForMarks(page);

console.log(`Demo page: ${url} (served by the local test server acting as the browser’s proxy; nothing is fetched from news.cn)`);
console.log(`Badge: ${badge}`);
const marks = await highlightTexts(page);
const names: Record<string, string> = {
  'tifa-diff-number': 'numbers',
  'tifa-diff-name': 'names',
  'tifa-diff-wording': 'wording',
  'tifa-diff-added': 'added',
  'tifa-diff-moved': 'moved',
  'tifa-diff-other': 'passages',
  'tifa-term': 'terms',
};
for (const [name, label] of Object.entries(names)) {
  const texts = marks[name] ?? [];
  if (!texts.length) continue;
  const shown = [...new Set(texts.map((x) => (x.length > 14 ? `${x.slice(0, 14)}…` : x).replace(/\s+/g, ' ')))];
  console.log(`  ${label} (${texts.length}): ${shown.slice(0, 12).join('、')}${shown.length > 12 ? ' …' : ''}`);
}

// Open a card on a term, as a reader hovering it would.
const word = await page.evaluate(() => {
  const r = ([...(CSS.highlights.get('tifa-term') ?? [])] as Range[]).find((x) => x.toString() === '中央社会工作部');
  const q = r?.getClientRects()[0];
  return q ? { x: (q.left + q.right) / 2, y: (q.top + q.bottom) / 2 } : undefined;
});
if (word) {
  await page.mouse.move(word.x, word.y);
  await page.locator('tifa-overlay .card').waitFor({ state: 'visible' });
}
const images = path.join(ROOT, 'docs/images');
if (docs) fs.mkdirSync(images, { recursive: true });
const shot = docs ? path.join(images, 'demo.png') : path.join(ROOT, 'demo.png');
await page.screenshot({ path: shot });
console.log(`Screenshot: ${shot}`);
if (docs) {
  // The side panel for the same tab, as the reader opens it from the badge.
  const panel = await ext.context.newPage();
  await panel.setViewportSize({ width: 420, height: 760 });
  await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tab=${await tabIdOf(ext, page)}`);
  await panel.locator('li.jump').first().waitFor();
  const side = path.join(images, 'sidepanel.png');
  await panel.screenshot({ path: side });
  console.log(`Screenshot: ${side}`);
}

if (headed) {
  console.log('Chromium is open with Tifa loaded. Close the window (or press Ctrl+C) to stop.');
  await new Promise<void>((resolve) => ext.context.on('close', () => resolve()));
} else {
  await ext.close();
}
await server.stop();
