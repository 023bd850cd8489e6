/**
 * jieba-wasm in the extension: loaded once, lazily, from the wasm file
 * shipped as a public asset (never inlined; see wxt.config.ts).
 */
import init, { add_word, cut, tag } from 'jieba-wasm/web';
import { browser } from 'wxt/browser';
import { fromTagged, fromWords, type Segmenter } from '../core/segmenter';

let ready: Promise<Segmenter> | undefined;

/** The segmenter, with `words` in jieba's dictionary; the first call starts the wasm. */
export function webSegmenter(words: readonly string[]): Promise<Segmenter> {
  ready ??= (async () => {
    // Not in WXT's generated PublicPath union: the file is added by the build:publicAssets hook.
    const url = (browser.runtime.getURL as (path: string) => string)('/jieba_rs_wasm_bg.wasm');
    await init({ module_or_path: url });
    for (const w of words) add_word(w, null, 'n');
    return { tokenize: (text: string) => fromTagged(tag(text, true)), split: (text: string) => fromWords(cut(text, true)) };
  })();
  return ready;
}
