/** A saved page's own title, outlet and date, read from its <title> and <meta> tags. */
import { describe, expect, it } from 'vitest';
import { isoDay, pageMeta } from '../../src/core/page-meta';

describe('isoDay', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5 08:00', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['2024-03-05T08:00:00+08:00', '2024-03-05'],
    ['  2024.12.1 ', '2024-12-01'],
    ['2024-13-01', ''],
    ['2024-02-00', ''],
    ['0999-01-01', ''],
    ['yesterday', ''],
    ['', ''],
  ])('%s → %s', (s, want) => expect(isoDay(s)).toBe(want));
});

describe('pageMeta', () => {
  it('prefers the Open Graph title and drops the site suffix of the outlet', () => {
    expect(pageMeta('标题_新华网', [['og:site_name', '新华网']])).toEqual({ title: '标题', outlet: '新华网', date: '' });
    expect(pageMeta('文档标题', [['og:title', ' 文章 标题 ']]).title).toBe('文章 标题');
    // a suffix that is not the outlet stays: it may be part of the title
    expect(pageMeta('十四五规划 - 解读', [['og:site_name', '人民网']]).title).toBe('十四五规划 - 解读');
  });

  it('finds the date in the tags Chinese news sites use, case-insensitively, the first usable one winning', () => {
    expect(pageMeta('', [['PubDate', '2026-01-25 09:30']]).date).toBe('2026-01-25');
    expect(pageMeta('', [['publishdate', '2026-1-5']]).date).toBe('2026-01-05');
    expect(
      pageMeta('', [
        ['article:published_time', 'soon'],
        ['pubdate', '2026-02-01'],
      ]).date,
    ).toBe('2026-02-01');
    expect(pageMeta('', [['keywords', '2026-01-25']]).date).toBe('');
  });

  it('reads an outlet given as “来源：…”, and keeps the first of repeated tags', () => {
    expect(pageMeta('', [['source', '来源：人民日报']]).outlet).toBe('人民日报');
    expect(
      pageMeta('', [
        ['og:site_name', '央视网'],
        ['og:site_name', '别的'],
      ]).outlet,
    ).toBe('央视网');
  });

  it('gives empty fields for a page that says nothing of itself, and cuts overlong ones', () => {
    expect(pageMeta('', [])).toEqual({ title: '', outlet: '', date: '' });
    expect(
      pageMeta('', [
        ['', 'x'],
        ['og:title', ''],
      ]),
    ).toEqual({ title: '', outlet: '', date: '' });
    expect(pageMeta('长'.repeat(600), []).title).toHaveLength(500);
  });
});
