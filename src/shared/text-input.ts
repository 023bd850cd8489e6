/**
 * Checking text that comes from outside (the CLI's files, the options page's
 * imports): size, binary data, the encoding, and whether it has Chinese in it. Each
 * failure is one clear sentence; nothing is half-accepted. Works in Node and
 * in the browser (TextDecoder is in both).
 */

export class InputError extends Error {}

/** How a file is read, by its name: .html/.htm as HTML (its declared charset counts), anything else as text. */
export function textKind(name: string): 'text' | 'html' {
  return /\.html?$/i.test(name) ? 'html' : 'text';
}

/** Byte-order marks, which settle the encoding before anything else. */
const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/** `bytes` decoded as `label`, or undefined if they are not valid in it (or the label is unknown). */
function strictly(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The charset an HTML file declares in a <meta> near its start (as browsers look for it), normalized. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
  const label = /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  if (!label) return undefined;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

/**
 * Decode text that came from outside. A byte-order mark decides (UTF-8,
 * UTF-16); else an HTML file's declared charset (old Chinese news pages are
 * often GB2312/GBK, Taiwanese ones Big5); else UTF-8; else GB18030, the
 * superset of GBK that Chinese Windows tools save in. All strict: a byte
 * sequence invalid in the encoding is refused, never replaced. NUL bytes or
 * many control characters mean binary.
 */
export function decodeText(bytes: Uint8Array, name: string, kind: 'text' | 'html' = 'text'): string {
  const bom = BOMS.find(([mark]) => mark.every((b, i) => bytes[i] === b));
  let text: string | undefined;
  if (bom) {
    text = strictly(bom[1], bytes.subarray(bom[0].length));
    if (text === undefined)
      throw new InputError(`${name}: starts like ${bom[1].toUpperCase()} text but is not valid ${bom[1].toUpperCase()}`);
  } else {
    if (bytes.includes(0)) throw new InputError(`${name}: binary data (NUL bytes), not text`);
    const declared = kind === 'html' ? declaredCharset(bytes) : undefined;
    text = (declared ? strictly(declared, bytes) : undefined) ?? strictly('utf-8', bytes) ?? strictly('gb18030', bytes);
    if (text === undefined)
      throw new InputError(`${name}: not valid text in ${declared ? `its declared ${declared}, ` : ''}UTF-8 or GB18030 (save it as UTF-8)`);
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
