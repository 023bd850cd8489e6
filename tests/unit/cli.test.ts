/**
 * The `tifa` command as users run it (a child process through bin/tifa.mjs):
 * the JSON contract, the human report, and one clear line with exit code 2
 * for every kind of bad input.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/assets';
import type { Annotations } from '../../src/core/types';
import { A, B, C } from './helpers';

const BIN = path.join(ROOT, 'bin/tifa.mjs');
const DEMO = path.join(ROOT, 'assets/demo/xinhua-social-work.html');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-cli-'));

function tifa(args: string[], input?: string | Buffer): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

function file(name: string, data: string | Buffer): string {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, data);
  return p;
}

describe('tifa annotate --json', () => {
  const r = tifa(['annotate', DEMO, '--json']);
  const a = JSON.parse(r.out) as Annotations;

  it('exits 0 and prints one object with the contract fields', () => {
    expect(r.code).toBe(0);
    expect(Object.keys(a).sort()).toEqual(['candidates', 'differences', 'matches', 'terms', 'text']);
  });

  it('recognises the demo page as the three versions of the Xinhua feature', () => {
    expect(a.matches.map((m) => m.versionId).sort()).toEqual([A, B, C]);
    for (const m of a.matches) {
      expect(m.score).toBeGreaterThan(0);
      expect(m.score).toBeLessThanOrEqual(1);
      expect(typeof m.title).toBe('string');
      expect(a.text.slice(m.start, m.end)).toContain('社会工作');
    }
  });

  it('gives differences and terms with offsets into text', () => {
    expect(a.differences.length).toBeGreaterThan(10);
    for (const d of a.differences) {
      expect(['changed', 'added', 'removed', 'moved']).toContain(d.kind);
      expect(['number', 'name', 'wording', 'punctuation', 'other']).toContain(d.category);
      expect(a.text.slice(d.start, d.end)).toBe(d.pageText);
      expect(typeof d.otherText).toBe('string');
    }
    expect(a.terms.length).toBeGreaterThan(10);
    for (const t of a.terms) expect(a.text.slice(t.start, t.end)).toBe(t.text);
  });

  it('skips the page chrome: nothing from <script> or hidden blocks reaches text', () => {
    expect(a.text).not.toContain('window.__demo');
    expect(a.text).not.toContain('隐藏的推荐');
  });
});

describe('tifa (human output and other commands)', () => {
  it('prints a readable report', () => {
    const r = tifa(['annotate', DEMO]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Known versions found (3)');
    expect(r.out).toMatch(/Differences from 000_7d7e2c4cace67202: \d+/);
    expect(r.out).toContain('Terms (');
  });

  it('reads standard input', () => {
    const r = tifa(['annotate', '-', '--json'], '各地坚持和发展新时代“枫桥经验”，聚焦“一老一小”。');
    expect(r.code).toBe(0);
    const a = JSON.parse(r.out) as Annotations;
    expect(a.terms.map((t) => t.termId)).toEqual(['fengqiao-experience', 'old-and-young']);
  });

  it('compares two versions by id, and a file against a version', () => {
    const r = tifa(['compare', A, B, '--json']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.out) as Annotations;
    expect(a.matches.map((m) => m.versionId)).toEqual([A]);
    expect(a.differences.some((d) => d.pageText.includes('82个') && d.otherText.includes('28个'))).toBe(true);
    const f = file('b.txt', fs.readFileSync(path.join(ROOT, 'assets/corpus', `${B}.txt`)));
    const r2 = tifa(['compare', A, f, '--json']);
    expect((JSON.parse(r2.out) as Annotations).differences).toEqual(a.differences);
  });

  it('lists versions and glossary entries', () => {
    const v = tifa(['versions', '--json']);
    expect((JSON.parse(v.out) as { id: string }[]).map((x) => x.id)).toContain(C);
    const g = tifa(['glossary', '小馬拉大車']);
    expect(g.code).toBe(0);
    expect(g.out).toContain('xiǎomǎ lā dàchē');
    const j = tifa(['glossary', 'fengqiao-experience', '--json']);
    const entries = JSON.parse(j.out) as Record<string, unknown>[];
    expect(Object.keys(entries[0]!)).toEqual([
      'id',
      'term',
      'traditional',
      'variants',
      'pinyin',
      'english',
      'gist',
      'literal',
      'category',
      'explanationEn',
      'explanationZh',
      'origin',
      'related',
      'sources',
    ]);
    expect(tifa(['glossary', '新时代"枫桥经验"']).out).toContain('枫桥经验');
  });
});

describe('bad input: one line on stderr, exit 2, no stack trace', () => {
  const big = path.join(tmp, 'big.txt');
  fs.writeFileSync(big, '');
  fs.truncateSync(big, 50 * 1024 * 1024); // 50 MB (sparse)
  it.each([
    ['a missing file', ['annotate', path.join(tmp, 'nope.txt')], /no such file/],
    ['a directory', ['annotate', tmp], /is a directory/],
    ['binary data', ['annotate', file('bin.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]))], /binary/],
    [
      'text in no encoding Tifa reads',
      ['annotate', file('bad.txt', Buffer.from([0x41, 0x42, 0xff, 0x43, 0x44]))],
      /not valid text in UTF-8 or GB18030/,
    ],
    [
      'a UTF-16 mark on bytes that are not UTF-16',
      ['annotate', file('bad16.txt', Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41]))],
      /not valid UTF-16LE/,
    ],
    ['an empty file', ['annotate', file('empty.txt', '')], /no text/],
    ['HTML with no text', ['annotate', file('blank.html', '<html><body><script>x()</script></body></html>')], /no text/],
    ['a 50 MB file', ['annotate', big], /larger than 10 MB/],
    ['an unknown command', ['frobnicate'], /unknown command/],
    ['a missing argument', ['annotate'], /takes 1 argument/],
    ['an unknown option', ['annotate', DEMO, '--jsn'], /Unknown option/],
    ['an unknown glossary term', ['glossary', '不存在的词'], /no glossary entry/],
    ['an unknown version in compare', ['compare', 'no-such-id', A], /no such file/],
  ])('%s', (_name, args, message) => {
    const r = tifa(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.out).toBe('');
  });

  it('empty standard input', () => {
    const r = tifa(['annotate', '-'], '');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/standard input: no text/);
  });
});

describe('tifa export and --versions', () => {
  it('writes Anki TSV and a Markdown report for a saved page', () => {
    const tsv = tifa(['export', DEMO, '--anki']);
    expect(tsv.code).toBe(0);
    expect(tsv.out.split('\n')[0]).toBe('#separator:tab');
    const md = tifa(['export', DEMO, '--markdown']);
    expect(md.out).toContain('## Differences from 000_7d7e2c4cace67202');
  });

  it('adds every file in a directory as a version for the run', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'versions-'));
    const text = fs.readFileSync(path.join(ROOT, 'assets/corpus', `${B}.txt`), 'utf8').replace('82个', '83个');
    fs.writeFileSync(path.join(dir, 'my-copy.txt'), text);
    const a = JSON.parse(tifa(['annotate', DEMO, '--json', '--versions', dir]).out) as Annotations;
    expect(a.matches.map((m) => m.versionId)).toContain('my-copy');
    expect(a.differences.some((d) => d.versionId === 'my-copy' && d.otherText.includes('83个'))).toBe(true);
  });

  it.each([
    ['no format', ['export', DEMO], /exactly one of/],
    ['two formats', ['export', DEMO, '--anki', '--csv'], /exactly one of/],
    ['a missing --versions directory', ['annotate', DEMO, '--versions', '/nonexistent/dir'], /no such directory/],
  ])('refuses %s', (_name, args, message) => {
    const r = tifa(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
