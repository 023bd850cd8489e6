/**
 * The engine on the bundled versions: the real differences between the three
 * versions of the Xinhua feature (000, 001, 002), with the right kind and
 * category; what must not match; no flags outside the aligned region.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Annotations, Difference } from '../../src/core/types';
import { A, B, C, PD, REVIEW, engine, version } from './helpers';

/** A page of everyday Chinese prose written for the tests, sharing nothing with the corpus. */
const unrelated = fs.readFileSync(new URL('../fixtures/unrelated.txt', import.meta.url), 'utf8');

const annotations = new Map<string, Annotations>();
function annotate(id: string): Annotations {
  let a = annotations.get(id);
  if (!a) annotations.set(id, (a = engine.annotate(version(id).text)));
  return a;
}

function against(page: string, other: string): Difference[] {
  return annotate(page).differences.filter((d) => d.versionId === other);
}

describe('recognition', () => {
  it.each([
    [A, [A, B, C]],
    [B, [A, B, C]],
    [C, [A, B, C]],
    [PD, [PD]],
    [REVIEW, [REVIEW]],
  ])('a page holding %s matches exactly %j', (page, expected) => {
    expect(
      annotate(page)
        .matches.map((m) => m.versionId)
        .sort(),
    ).toEqual([...expected].sort());
  });

  it('scores a version against itself 1 and lists no differences with it', () => {
    const m = annotate(B).matches.find((x) => x.versionId === B)!;
    expect(m.score).toBe(1);
    expect(against(B, B)).toEqual([]);
  });

  it('finds the article inside unrelated surrounding text, and only there', () => {
    const article = version(C).text.slice(0, 5000);
    const noise = unrelated;
    const text = `${noise}\n${article}\n${noise}`;
    const a = engine.annotate(text);
    expect(a.matches.map((m) => m.versionId).sort()).toEqual([A, B, C]);
    for (const m of a.matches) {
      expect(m.start).toBeGreaterThanOrEqual(noise.length);
      expect(m.end).toBeLessThanOrEqual(noise.length + 1 + article.length);
    }
  });

  it('matches nothing in a page of unrelated Chinese text', () => {
    expect(engine.annotate(unrelated).matches).toEqual([]);
  });
});

describe('differences between the versions of the Xinhua feature', () => {
  // page, other version, what the page says, what the other says, kind, category
  it.each([
    [B, A, '快递员', '快递小哥', 'changed', 'wording'],
    [C, B, '肖娜', '李肖娜', 'changed', 'name'],
    [B, A, '心绪', '心潮', 'changed', 'wording'],
    [B, A, '思想', '想思', 'changed', 'wording'],
    [B, A, '弱', '落', 'changed', 'wording'],
    [B, A, '政企', '企企', 'changed', 'wording'],
    [B, A, '82个', '28个', 'changed', 'number'],
    [B, A, '第十五个', '第十四个', 'changed', 'number'],
    [B, A, '广阔', '宏阔', 'changed', 'wording'],
    [B, A, '接听即办', '接诉即办', 'changed', 'wording'],
    [C, B, '接诉即办', '接听即办', 'changed', 'wording'],
    [B, A, '群众', '', 'added', 'wording'],
    [C, B, '', '形式', 'removed', 'wording'],
    // a sentence boundary moved with a word or two: wording; a whole sentence gone: a passage
    [B, C, '用处。', '处；', 'changed', 'wording'],
    [B, C, '', '风正好扬帆，奋楫正当时。', 'removed', 'other'],
  ])('%s against %s: "%s" where the other says "%s" (%s, %s)', (page, other, pageText, otherText, kind, category) => {
    const hits = against(page, other).filter(
      (d) => d.category !== 'punctuation' && d.pageText.includes(pageText) && d.otherText.includes(otherText) && d.kind === kind,
    );
    const exact = hits.filter((d) => (pageText ? true : d.pageText === '') && (otherText ? true : d.otherText === ''));
    expect(exact.length, JSON.stringify(hits)).toBeGreaterThanOrEqual(1);
    const d = exact[0]!;
    expect(d.category).toBe(category);
    // the flag sits on the page's own text
    expect(annotate(page).text.slice(d.start, d.end)).toBe(d.pageText);
    // and the other text is the version's own
    expect(version(other).text.slice(d.otherStart, d.otherEnd)).toBe(d.otherText);
  });

  it('reports the transposition 想思/思想 as one change', () => {
    const near = against(B, A).filter((d) => d.category !== 'punctuation' && (d.pageText.includes('思想') || d.otherText.includes('想思')));
    expect(near).toHaveLength(1);
  });

  it('reports the section heading that sits elsewhere as a move', () => {
    const moves = against(B, A).filter((d) => d.kind === 'moved');
    expect(moves.map((m) => m.pageText)).toContainEqual(expect.stringContaining('管理服务向“新”'));
    for (const m of moves) expect(m.category).toBe('other');
  });

  it('types width-only punctuation changes as punctuation, never as wording', () => {
    const diffs = against(B, A);
    const punct = diffs.filter((d) => d.category === 'punctuation');
    expect(punct.length).toBeGreaterThan(50); // 001 uses half-width punctuation throughout, 000 full-width
    expect(punct.some((d) => d.pageText === ',' && d.otherText === '，')).toBe(true);
    const strip = (s: string): string => s.replace(/[\p{P}\p{S}\s]/gu, '').normalize('NFKC');
    for (const d of diffs.filter((x) => x.category !== 'punctuation' && x.kind !== 'moved'))
      expect(strip(d.pageText)).not.toBe(strip(d.otherText));
  });

  it('flags nothing outside the aligned region', () => {
    for (const page of [A, B, C]) {
      const a = annotate(page);
      for (const d of a.differences) {
        const m = a.matches.find((x) => x.versionId === d.versionId)!;
        expect(d.start).toBeGreaterThanOrEqual(m.start);
        expect(d.end).toBeLessThanOrEqual(m.end);
      }
      // the newspaper page after the article (000's Xinhua items of 25 January) is never flagged
      const tail = a.text.indexOf('复旦大学计算与智能创新学院');
      if (tail > 0) expect(a.differences.filter((d) => d.start >= tail)).toEqual([]);
    }
  });

  it('gives offsets that index the page text, with removals as empty ranges', () => {
    for (const page of [A, B, C]) {
      const a = annotate(page);
      for (const d of a.differences) {
        expect(a.text.slice(d.start, d.end)).toBe(d.pageText);
        if (d.kind === 'removed') expect(d.start).toBe(d.end);
        if (d.kind === 'added') expect(d.otherText).toBe('');
      }
    }
  });
});
