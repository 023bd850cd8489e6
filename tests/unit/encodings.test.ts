/**
 * Text in the encodings Chinese files come in: UTF-8, UTF-16 with a BOM,
 * GB2312/GBK/GB18030 (mainland pages and Windows tools), Big5 (Taiwan, Hong
 * Kong) when an HTML file declares it. iconv-lite writes the test files; the
 * decoding itself is the platform's TextDecoder, strict.
 */
import iconv from 'iconv-lite';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/assets';
import { extractHtml } from '../../src/cli/extract-html';
import { versionsFromFile } from '../../src/shared/import';
import { declaredCharset, decodeText } from '../../src/shared/text-input';
import { B, version } from './helpers';

const text = version(B).text;
const page = (charset: string, body: string, title = '页'): string =>
  `<!doctype html><html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>${title}</title></head><body>${body
    .split('\n')
    .map((l) => `<p>${l}</p>`)
    .join('')}</body></html>`;
const bytes = (s: string, encoding: string): Uint8Array =>
  new Uint8Array(iconv.encode(s, encoding, { addBOM: encoding.startsWith('utf-16') }));

describe('decodeText', () => {
  it.each([
    ['UTF-8', 'utf-8'],
    ['UTF-8 with a BOM', 'utf8-bom'],
    ['UTF-16LE with a BOM', 'utf-16le'],
    ['UTF-16BE with a BOM', 'utf-16be'],
    ['GBK without any declaration', 'gbk'],
    ['GB18030 without any declaration', 'gb18030'],
  ])('reads %s text', (_name, encoding) => {
    const b = encoding === 'utf8-bom' ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(text, 'utf-8')]) : bytes(text, encoding);
    expect(decodeText(b, 'a.txt')).toBe(text);
  });

  it.each([
    ['gb2312', 'gbk'],
    ['GBK', 'gbk'],
    ['gb18030', 'gb18030'],
    ['big5', 'big5'],
  ])('reads HTML that declares charset=%s', (label, encoding) => {
    const traditional = '網路新聞：這是一段臺灣的報導，聚焦社會與經濟的發展。';
    const body = encoding === 'big5' ? traditional : text;
    const html = page(label, body, encoding === 'big5' ? '頁' : '页');
    const b = bytes(html, encoding);
    expect(declaredCharset(b)).toBe(encoding);
    expect(decodeText(b, 'a.html', 'html')).toBe(html);
  });

  it('does not guess Big5 without a declaration: undeclared bytes are UTF-8 or GB18030 only', () => {
    expect(declaredCharset(bytes('<p>沒有宣告</p>', 'big5'))).toBeUndefined();
    expect(declaredCharset(new TextEncoder().encode('<meta charset="no-such-charset">'))).toBeUndefined();
  });

  it('refuses what is valid in none of them, and never replaces a bad byte', () => {
    expect(() => decodeText(new Uint8Array([0x41, 0xff, 0x42]), 'x.txt')).toThrow(/not valid text in UTF-8 or GB18030/);
    expect(() => decodeText(new Uint8Array([0xfe, 0xff, 0xd8, 0x00]), 'x.txt')).toThrow(/not valid UTF-16BE/);
  });
});

describe('the encodings end to end', () => {
  it('imports a GBK text file and a GB2312 HTML page as the same version as their UTF-8 originals', () => {
    const meta = { title: '', outlet: '', date: '' };
    const now = new Date('2026-11-22T00:00:00Z');
    const [utf8] = versionsFromFile('a.txt', bytes(text, 'utf-8'), meta, extractHtml, now);
    const [gbk] = versionsFromFile('a.txt', bytes(text, 'gbk'), meta, extractHtml, now);
    const [html] = versionsFromFile('a.html', bytes(page('gb2312', text), 'gbk'), meta, extractHtml, now);
    expect(gbk!.id).toBe(utf8!.id);
    expect(html!.id).toBe(utf8!.id);
  });

  it('`tifa annotate` recognises a GB2312 page as it does the UTF-8 one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-enc-'));
    const run = (file: string): { matches: unknown[]; differences: unknown[] } => {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/tifa.mjs'), 'annotate', file, '--json'], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as { matches: unknown[]; differences: unknown[] };
    };
    fs.writeFileSync(path.join(dir, 'utf8.html'), page('utf-8', text));
    fs.writeFileSync(path.join(dir, 'gbk.html'), bytes(page('gb2312', text), 'gbk'));
    const a = run(path.join(dir, 'utf8.html'));
    const b = run(path.join(dir, 'gbk.html'));
    expect(b.matches).toHaveLength(3);
    expect(b).toEqual(a);
  });
});
