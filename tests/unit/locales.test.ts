/** Every UI string the code asks for exists in English and Chinese, under a key Chrome accepts. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/assets';

const load = (loc: string): Record<string, { message: string }> =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'public/_locales', loc, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const en = load('en');
const zh = load('zh_CN');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((f) => {
    const p = path.join(dir, f.name);
    return f.isDirectory() ? sources(p) : /\.(ts|html)$/.test(f.name) ? [fs.readFileSync(p, 'utf8')] : [];
  });
}
const code = [
  ...sources(path.join(ROOT, 'src')),
  ...sources(path.join(ROOT, 'entrypoints')),
  fs.readFileSync(path.join(ROOT, 'wxt.config.ts'), 'utf8'),
].join('\n');

describe('locales', () => {
  it('have the same keys in both languages, all valid for chrome.i18n', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en)) expect(k).toMatch(/^[A-Za-z0-9_]+$/);
    for (const [k, v] of Object.entries(zh)) expect(v.message.trim(), k).not.toBe('');
  });

  it('hold every literal key the code uses', () => {
    const used = new Set([...code.matchAll(/\bt\('([A-Za-z0-9_]+)'/g), ...code.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)].map((m) => m[1]!));
    expect(used.size).toBeGreaterThan(20);
    for (const k of used) expect(en, k).toHaveProperty(k);
  });

  it('hold every key built from a kind, category or state', () => {
    for (const k of ['changed', 'added', 'removed', 'moved']) expect(en).toHaveProperty(`kind_${k}`);
    for (const c of ['number', 'name', 'wording', 'punctuation', 'other']) expect(en).toHaveProperty(`cat_${c}`);
    for (const s of ['off', 'site_off', 'too_little_chinese', 'working', 'error']) expect(en).toHaveProperty(`popupState_${s}`);
    for (const k of ['number', 'name', 'wording', 'other', 'added', 'removed', 'moved']) expect(en).toHaveProperty(`optKind_${k}`);
  });
});
