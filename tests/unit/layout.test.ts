/** The page layout helpers: chrome left out with exact offsets, blocks, metadata lines, likeness. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankLineBreaks, blockAt, likeness, metadataBlocks, normBlockStarts, withoutRanges } from '../../src/core/layout';
import { normalize } from '../../src/core/normalize';

describe('withoutRanges', () => {
  it('keeps exactly the characters outside the ranges, each still mapped to its raw text (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('社', '会', '，', ' ', '\n', 'a', '…', '“'), maxLength: 80 }),
        fc.array(fc.tuple(fc.nat(90), fc.nat(20)), { maxLength: 5 }),
        (raw, spans) => {
          const ranges = spans.map(([s, l]) => [s, s + l] as const);
          const t = normalize(raw);
          const w = withoutRanges(t, ranges);
          const inside = (i: number): boolean => ranges.some(([s, e]) => s <= i && i < e);
          const want = [...t.norm].filter((_, i) => !inside(t.rawStart[i]!)).join('');
          expect(w.norm).toBe(want);
          for (let i = 0; i < w.norm.length; i++) expect(inside(w.rawStart[i]!)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('blocks and metadata', () => {
  it('reads blank-line paragraphs when there are any, else lines', () => {
    expect(blankLineBreaks('甲\n乙\n\n丙')).toEqual([3]);
    expect(blankLineBreaks('甲\n乙\n丙')).toEqual([1, 3]);
    const t = normalize('甲 甲\n\n乙乙\n\n\n丙');
    const starts = normBlockStarts(t, blankLineBreaks(t.raw));
    expect(starts).toEqual([0, 2, 4]);
    expect(blockAt(starts, t.norm.length, 3)).toEqual([2, 4]);
  });

  it.each([
    ['来源：新华网 | 2026-01-25 09:30:12 | 编辑：王小明', true],
    ['（责任编辑：王小明）', true],
    ['2026年01月26日08:15 | 來源：新華社', true],
    ['分享到：微信 微博', true],
    ['新华社北京1月25日电', false],
    ['2025年3月5日，习近平总书记在参加十四届全国人大三次会议江苏代表团审议时发表重要讲话。', false],
  ])('%s is a metadata line: %s', (line, yes) => {
    expect(metadataBlocks(`正文。\n${line}\n正文。`, [3, 4 + line.length]).length).toBe(yes ? 1 : 0);
  });

  it('likeness: 1 for the same, 0 for nothing shared, in between for an edited twin', () => {
    expect(likeness('社会工作事关党长期执政', '社会工作事关党长期执政')).toBe(1);
    expect(likeness('社会工作', '天气晴朗')).toBe(0);
    const l = likeness('社会工作事关党长期执政和国家长治久安', '社会工作关乎党长期执政和国家长治久安');
    expect(l).toBeGreaterThan(0.7);
    expect(l).toBeLessThan(1);
  });
});
