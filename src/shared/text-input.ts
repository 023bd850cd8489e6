/**
 * Checking text that comes from outside (the CLI's files, the options page's
 * imports): size, binary data, UTF-8, and whether it has Chinese in it. Each
 * failure is one clear sentence; nothing is half-accepted. Works in Node and
 * in the browser (TextDecoder is in both).
 */

export class InputError extends Error {}

/** Decode UTF-8 strictly; NUL bytes or many control characters mean binary. */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.includes(0)) throw new InputError(`${name}: binary data (NUL bytes), not text`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${name}: not valid UTF-8 text (save it as UTF-8)`);
  }
  const controls = text.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > 0 && controls > text.length / 100) throw new InputError(`${name}: binary data (control characters), not text`);
  return text.replace(/^\ufeff/, '');
}

/** Imports larger than this are refused (an article, even a whole newspaper page, is far smaller). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** Han characters an imported text must have to be worth keeping as a version. */
export const MIN_IMPORT_HAN = 20;

/** Han characters in `s`, counting no further than `stopAt` (a quick "is this Chinese?" check stops early). */
export function hanCount(s: string, stopAt = Infinity): number {
  let n = 0;
  for (let i = 0; i < s.length && n < stopAt; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff)
      n++; // the common block, without a regex
    else if (c >= 0x2e80 && /\p{Script=Han}/u.test(String.fromCodePoint(s.codePointAt(i)!))) n++;
  }
  return n;
}

/** Throws unless `text` has enough Chinese to be an article version. */
export function requireChinese(text: string, name: string): void {
  if (!text.trim()) throw new InputError(`${name}: no text in it`);
  if (hanCount(text) < MIN_IMPORT_HAN)
    throw new InputError(`${name}: no Chinese text in it (at least ${MIN_IMPORT_HAN} Chinese characters are needed)`);
}
