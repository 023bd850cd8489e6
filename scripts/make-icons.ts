/**
 * `npx tsx scripts/make-icons.ts`: draws Tifa's icon (提 on a red tile, over
 * a yellow stroke like the marks in the page) as PNGs in
 * public/icon/, where WXT finds them for both manifests. Needs Debian's
 * Chromium and fonts-noto-cjk; the PNGs are committed, so builds do not.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, ROOT } from '../tests/e2e/harness';

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="28" fill="#b3261e"/>
  <rect x="22" y="98" width="84" height="13" rx="6.5" fill="#f5cf4a"/>
  <text x="64" y="86" font-size="76" text-anchor="middle" fill="#ffffff"
        font-family="Noto Sans CJK SC, Noto Sans SC, sans-serif" font-weight="900">提</text>
</svg>`;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
const page = await browser.newPage();
fs.mkdirSync(path.join(ROOT, 'public/icon'), { recursive: true });
for (const size of [16, 32, 48, 96, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent"><img width="${size}" height="${size}" src="data:image/svg+xml,${encodeURIComponent(SVG)}"></body></html>`,
  );
  await page.waitForFunction(() => document.images[0]!.complete);
  await page.screenshot({ path: path.join(ROOT, `public/icon/${size}.png`), omitBackground: true });
}
fs.writeFileSync(path.join(ROOT, 'scripts/icon.svg'), `${SVG}\n`);
await browser.close();
console.log('wrote public/icon/{16,32,48,96,128}.png');
