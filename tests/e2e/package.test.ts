/**
 * The packages: both builds declare their icons (PNGs of the declared sizes),
 * and `npm run zip` gives store-ready zips — each holds its manifest and every
 * file the manifest names, and the Firefox zip, unpacked, passes web-ext lint
 * with nothing to report.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { LOCAL_PAGES, NEWS_SITES } from '../../src/shared/sites';
import { ROOT } from './harness';

interface Manifest {
  version: string;
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string>; default_popup?: string };
  browser_action?: { default_icon?: Record<string, string>; default_popup?: string };
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: { js?: string[]; css?: string[] }[];
  options_ui?: { page: string };
  side_panel?: { default_path: string };
  sidebar_action?: { default_panel: string };
  default_locale?: string;
}

const BUILDS = ['chrome-mv3', 'firefox-mv2'] as const;
const read = (build: string): Manifest =>
  JSON.parse(fs.readFileSync(path.join(ROOT, '.output', build, 'manifest.json'), 'utf8')) as Manifest;

/** Width and height from a PNG's IHDR chunk (bytes 16–23). */
function pngSize(bytes: Uint8Array): [number, number] {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
}

/** Every file a manifest names. */
function named(m: Manifest): string[] {
  const action = m.action ?? m.browser_action;
  return [
    ...Object.values(m.icons ?? {}),
    ...Object.values(action?.default_icon ?? {}),
    action?.default_popup,
    m.background?.service_worker,
    ...(m.background?.scripts ?? []),
    ...(m.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
    m.options_ui?.page,
    m.side_panel?.default_path,
    m.sidebar_action?.default_panel,
    m.default_locale && `_locales/${m.default_locale}/messages.json`,
    'jieba_rs_wasm_bg.wasm',
  ].filter((f): f is string => Boolean(f));
}

describe('packages', () => {
  for (const build of BUILDS) {
    it(`${build}: icons of 16, 32, 48 and 128 px, and a toolbar icon`, () => {
      const m = read(build);
      expect(Object.keys(m.icons ?? {})).toEqual(expect.arrayContaining(['16', '32', '48', '128']));
      for (const [size, file] of Object.entries(m.icons!)) {
        expect(pngSize(fs.readFileSync(path.join(ROOT, '.output', build, file)))).toEqual([Number(size), Number(size)]);
      }
      expect(Object.keys((m.action ?? m.browser_action)?.default_icon ?? {})).toEqual(['16', '32']);
      // the tooltip, localized by the browser
      expect((m.action ?? m.browser_action) as { default_title?: string }).toMatchObject({ default_title: '__MSG_actionTitle__' });
    });
  }

  it('asks for no more than README explains: permissions, hosts, CSP; nothing web-accessible, nothing externally connectable', () => {
    const chrome = read('chrome-mv3') as Manifest & Record<string, unknown>;
    const firefox = read('firefox-mv2') as Manifest & Record<string, unknown>;
    const hosts = [...NEWS_SITES, ...LOCAL_PAGES].sort();
    expect(chrome.permissions).toEqual(['storage', 'activeTab', 'scripting', 'sidePanel']);
    expect([...(chrome.host_permissions as string[])].sort()).toEqual(hosts);
    expect(chrome.optional_host_permissions).toEqual(['*://*/*']);
    // MV2 lists hosts among the permissions
    expect([...(firefox.permissions as string[])].sort()).toEqual(['activeTab', 'scripting', 'storage', ...hosts].sort());
    expect(firefox.optional_permissions).toEqual(['*://*/*']);
    for (const m of [chrome, firefox]) {
      // no page can fetch Tifa's files (to detect it), no page or other extension can message it
      expect(m.web_accessible_resources).toBeUndefined();
      expect(m.externally_connectable).toBeUndefined();
    }
    expect(chrome.content_security_policy).toEqual({ extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';" });
    expect(firefox.content_security_policy).toBe("script-src 'self' 'wasm-unsafe-eval'; object-src 'self';");
    expect(hosts.some((h) => /localhost|127\.0\.0\.1/.test(h))).toBe(false);
  });

  it('`npm run zip` writes a zip per browser holding every file its manifest names; the Firefox one passes web-ext lint', async () => {
    const zip = spawnSync('npm', ['run', '--silent', 'zip'], { cwd: ROOT, encoding: 'utf8' });
    expect(zip.status, zip.stderr).toBe(0);
    const version = read('chrome-mv3').version;
    for (const build of ['chrome', 'firefox']) {
      const file = path.join(ROOT, '.output', `tifa-${version}-${build}.zip`);
      const archive = await JSZip.loadAsync(fs.readFileSync(file));
      const m = JSON.parse(await archive.file('manifest.json')!.async('string')) as Manifest;
      for (const f of named(m)) expect(archive.file(f.replace(/^\//, '')), `${build}: ${f}`).not.toBeNull();
      expect(fs.statSync(file).size).toBeLessThan(12 * 1024 * 1024);
      // the dictionary ships, and its licence is credited in the package
      expect(archive.file('cedict.tsv.gz'), `${build}: cedict.tsv.gz`).not.toBeNull();
      expect(await archive.file('CREDITS.txt')!.async('string')).toMatch(/CC-CEDICT[\s\S]*CC BY-SA 4\.0|Attribution-ShareAlike 4\.0/);
      if (build !== 'firefox') continue;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-xpi-'));
      for (const entry of Object.values(archive.files)) {
        if (entry.dir) continue;
        fs.mkdirSync(path.dirname(path.join(dir, entry.name)), { recursive: true });
        fs.writeFileSync(path.join(dir, entry.name), await entry.async('uint8array'));
      }
      const lint = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/web-ext/bin/web-ext.js'), 'lint', '-s', dir, '-o', 'json'], {
        encoding: 'utf8',
      });
      const report = JSON.parse(lint.stdout) as { errors: unknown[]; warnings: unknown[]; notices: unknown[] };
      expect([report.errors, report.warnings, report.notices]).toEqual([[], [], []]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // the sources zip addons.mozilla.org asks for: the build instructions and the patch are in it
    const sources = await JSZip.loadAsync(fs.readFileSync(path.join(ROOT, '.output', `tifa-${version}-sources.zip`)));
    for (const f of ['package.json', 'package-lock.json', 'README.md', 'wxt.config.ts', 'patches/@mozilla+readability+0.6.0.patch'])
      expect(sources.file(f), f).not.toBeNull();
    expect(Object.keys(sources.files).filter((f) => /^(scratch|test-results|node_modules|\.output)\//.test(f))).toEqual([]);
  });
});
