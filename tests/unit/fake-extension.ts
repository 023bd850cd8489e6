/**
 * The extension APIs, in memory (WXT's fake browser), installed as the
 * globals `wxt/browser` reads. Import it first, before any module that
 * imports `wxt/browser`.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';

Object.assign(globalThis, { chrome: fakeBrowser, browser: fakeBrowser });
export { fakeBrowser };
