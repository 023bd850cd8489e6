import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldChar, normalize, toRawRange } from '../../src/core/normalize';

describe('normalize', () => {
  it.each([
    ['full-width comma and semicolon fold', '发展，稳定；安康', '发展,稳定;安康'],
    ['brackets and colon fold', '（一）要求：', '(一)要求:'],
    ['curly quotes fold to straight', '“两新”‘新’', '"两新"\'新\''],
    ['layout breaks inside a sentence vanish', '网上预约\n\n答复等方式', '网上预约答复等方式'],
    ['ideographic space and tabs vanish', '社会\u3000工作\t部', '社会工作部'],
    ['zero-width characters vanish', '枫\u200b桥\u200d经\ufeff验', '枫桥经验'],
    ['full-width digits and letters fold', '２０２５年ＡＩ', '2025年AI'],
    ['ellipsis becomes three dots', '阵地……一系列', '阵地......一系列'],
    ['half-width text is unchanged', '2025年3月5日,习近平', '2025年3月5日,习近平'],
  ])('%s', (_name, raw, norm) => {
    expect(normalize(raw).norm).toBe(norm);
  });

  it('maps every normalized character back to the raw character it came from', () => {
    const raw = '“十四五”\n圆满收官，\u200b“十五五”征程开启';
    const t = normalize(raw);
    const i = t.norm.indexOf('圆');
    expect(raw.slice(t.rawStart[i], t.rawEnd[i])).toBe('圆');
    const comma = t.norm.indexOf(',');
    expect(raw.slice(t.rawStart[comma], t.rawEnd[comma])).toBe('，');
    const [s, e] = toRawRange(t, t.norm.indexOf('十五五'), t.norm.indexOf('十五五') + 3);
    expect(raw.slice(s, e)).toBe('十五五');
  });

  it('places an empty range after the previous character', () => {
    const t = normalize('甲，\n\n乙');
    expect(toRawRange(t, 2, 2)).toEqual([2, 2]); // after "，", before the line breaks
    expect(toRawRange(t, 0, 0)).toEqual([0, 0]);
  });

  it('keeps surrogate pairs whole', () => {
    const raw = 'a𠮷b😀';
    const t = normalize(raw);
    expect(t.norm).toBe(raw);
    expect(toRawRange(t, 1, 3)).toEqual([1, 3]);
  });

  // Property tests over arbitrary text: Chinese, punctuation of both widths, whitespace, emoji.
  const pieces = fc.constantFrom(
    '社',
    '会',
    '工',
    '作',
    '，',
    ',',
    '“',
    '"',
    '（',
    '\n',
    ' ',
    '\u3000',
    '\u200b',
    '…',
    '𠮷',
    '😀',
    'Ａ',
    'a',
    '2',
    '２',
    '。',
  );
  const text = fc.array(pieces, { maxLength: 60 }).map((a) => a.join(''));

  it('offset map is monotone and inside the raw text', () => {
    fc.assert(
      fc.property(text, (raw) => {
        const t = normalize(raw);
        for (let i = 0; i < t.norm.length; i++) {
          expect(t.rawStart[i]!).toBeLessThan(t.rawEnd[i]!);
          expect(t.rawEnd[i]!).toBeLessThanOrEqual(raw.length);
          if (i > 0) expect(t.rawStart[i]!).toBeGreaterThanOrEqual(t.rawStart[i - 1]!);
        }
      }),
    );
  });

  it('round-trips: folding each mapped raw character rebuilds the normalized text', () => {
    fc.assert(
      fc.property(text, (raw) => {
        const t = normalize(raw);
        let rebuilt = '';
        let last = -1;
        for (let i = 0; i < t.norm.length; i++) {
          if (t.rawStart[i] === last) continue; // one raw character can yield several (… → ...)
          last = t.rawStart[i]!;
          rebuilt += foldChar(raw.slice(t.rawStart[i], t.rawEnd[i]));
        }
        expect(rebuilt).toBe(t.norm);
        // and nothing but invisible characters was dropped
        const dropped = [...raw].filter((c) => foldChar(c) === '').join('');
        expect(dropped).toMatch(/^[\s\u200b\ufeff]*$/u);
      }),
    );
  });
});
