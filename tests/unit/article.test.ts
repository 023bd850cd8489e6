/**
 * What the reading memory keeps of a page no known article matched: the
 * page's main stretch of prose, and the date its metadata lines show.
 */
import { describe, expect, it } from 'vitest';
import { dateOnPage, mainArticleText } from '../../src/core/article';
import fs from 'node:fs';
import path from 'node:path';

const UNRELATED = fs.readFileSync(path.join(__dirname, '../fixtures/unrelated.txt'), 'utf8').split('\n').slice(2).join('\n');

const paragraphs = UNRELATED.split('\n').filter((l) => l.trim());

/** Break offsets at every newline, as the page extraction reports them. */
const everyNewline = (text: string): number[] => [...text.matchAll(/\n/g)].map((m) => m.index);

describe('mainArticleText', () => {
  it('keeps every paragraph when blank lines separate them (each newline a block break)', () => {
    const text = `城市的一天\n\n${paragraphs.join('\n\n')}`;
    const got = mainArticleText(text, { breaks: everyNewline(text) });
    expect(got.split('\n')).toEqual(['城市的一天', ...paragraphs]);
  });

  it('leaves out the navigation and related links around the article (chrome ranges)', () => {
    const nav = '首页 | 时政 | 国际 | 财经 | 评论';
    const related = '相关新闻：城市更新的十个故事，夜经济的新变化，地铁新线开通';
    const text = `${nav}\n城市的一天\n${paragraphs.join('\n')}\n${related}`;
    const relatedAt = text.indexOf(related);
    const got = mainArticleText(text, {
      breaks: everyNewline(text),
      chrome: [
        [0, nav.length],
        [relatedAt, text.length],
      ],
    });
    expect(got.split('\n')).toEqual(['城市的一天', ...paragraphs]);
  });

  it('takes the longest stretch of prose when a long non-prose block splits the page', () => {
    const list = '热门推荐 城市生活 美食地图 周末去哪儿 公园名录 图书馆开放时间 地铁线路图 菜市场名单';
    const text = `${paragraphs[0]}\n${list}\n${paragraphs.slice(1).join('\n')}`;
    expect(mainArticleText(text, { breaks: everyNewline(text) }).split('\n')).toEqual(paragraphs.slice(1));
  });

  it('is empty for a page without prose', () => {
    expect(mainArticleText('首页\n时政\n国际', { breaks: [2, 5] })).toBe('');
  });
});

describe('dateOnPage', () => {
  it('reads the date from a metadata line, in either form', () => {
    const a = `城市的一天\n2026-01-25 08:30 来源：新华网\n${paragraphs.join('\n')}`;
    expect(dateOnPage(a)).toBe('2026-01-25');
    const b = `城市的一天\n2026年1月5日 来源：人民网\n${paragraphs.join('\n')}`;
    expect(dateOnPage(b)).toBe('2026-01-05');
    expect(dateOnPage(paragraphs.join('\n'))).toBe('');
  });
});
