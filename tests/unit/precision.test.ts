/**
 * Precision: only the article is compared. On chrome-heavy pages (menus,
 * related-news boxes between paragraphs, comments, footers, an excerpting
 * blog's own words) every planted edit is reported against version B,
 * nothing else is, and no difference against any version touches chrome.
 */
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/cli/extract-html';
import { articleText } from '../../src/core/context';
import type { Layout } from '../../src/core/layout';
import type { Annotations, Difference } from '../../src/core/types';
import { B_ID, chromePages, type ChromePage, type Planted } from '../fixtures/chrome-pages';
import { engine } from './helpers';

function read(pg: ChromePage): { text: string; layout?: Layout } {
  return pg.kind === 'html' ? extractHtml(pg.body) : { text: pg.body };
}

/** Every [start, end) where a chrome string stands in the text. */
function chromeSpans(text: string, chrome: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  for (const c of chrome) for (let i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) out.push([i, i + c.length]);
  return out;
}

/** Does a difference touch chrome: overlap it, or (a removal) sit strictly inside it? */
function touches(d: Difference, spans: readonly [number, number][]): boolean {
  return spans.some(([s, e]) => (d.start === d.end ? d.start > s && d.start < e : d.start < e && d.end > s));
}

/** The characters a planted edit really changes: `from` and `to` less their common ends. */
function core(e: Planted): [string, string] {
  let i = 0;
  while (i < e.from.length && i < e.to.length && e.from[i] === e.to[i]) i++;
  let j = 0;
  while (j < e.from.length - i && j < e.to.length - i && e.from[e.from.length - 1 - j] === e.to[e.to.length - 1 - j]) j++;
  return [e.from.slice(i, e.from.length - j).trim(), e.to.slice(i, e.to.length - j).trim()];
}

const visible = (a: Annotations, versionId: string): Difference[] =>
  a.differences.filter((d) => d.versionId === versionId && d.category !== 'punctuation');

describe.each(chromePages().map((pg) => [pg.name, pg] as const))('chrome-heavy page "%s"', (_name, pg) => {
  const { text, layout } = read(pg);
  const a = engine.annotate(text, layout);
  const spans = chromeSpans(text, pg.chrome);

  it('holds its chrome and its article (the fixture is what it says)', () => {
    for (const c of pg.chrome) expect(text, c).toContain(c);
    expect(a.matches.map((m) => m.versionId)).toContain(B_ID);
  });

  it.each(pg.planted.map((e) => [e.what, e] as const))('reports the planted edit: %s', (_what, e) => {
    const [from, to] = core(e);
    const hit = visible(a, B_ID).find((d) => d.pageText.includes(to) && d.otherText.includes(from));
    expect(hit, `${from} → ${to}`).toBeDefined();
  });

  it('reports nothing else against the version it was made from', () => {
    expect(visible(a, B_ID)).toHaveLength(pg.planted.length);
  });

  it('reports no difference inside chrome, against any version', () => {
    const bad = a.differences.filter((d) => touches(d, spans));
    expect(bad.map((d) => `${d.versionId} ${d.kind} ${d.pageText}|${d.otherText}`)).toEqual([]);
  });
});

describe('the layout the extraction reports', () => {
  it('marks landmarks as chrome, but not an article header or a landmark that holds the article', () => {
    const { text, layout } = extractHtml(
      '<header><nav>首页 时政</nav></header><header><main><article><header><h1>标题</h1></header><p>正文一</p>' +
        '<aside>相关</aside><footer>文末</footer></article></main></header><div role="contentinfo">版权</div><footer>页脚</footer>',
    );
    const chrome = layout.chrome.map(([s, e]) => text.slice(s, e));
    expect(chrome).toEqual(['首页 时政', '相关', '版权', '页脚']);
    expect(text.split('\n')).toEqual(['首页 时政', '标题', '正文一', '相关', '文末', '版权', '页脚']);
    expect(layout.breaks.map((b) => text[b])).toEqual(Array(6).fill('\n'));
  });

  it('without chrome the page is compared whole, as before', () => {
    const pg = chromePages().find((p) => p.name === 'portal')!;
    const { text } = extractHtml(pg.body);
    const bare = engine.annotate(text);
    // The related-news box between two paragraphs is not the article, with or without landmarks.
    expect(bare.differences.filter((d) => d.versionId === B_ID && d.pageText.includes('相关新闻'))).toEqual([]);
  });
});

describe('the article as text (what Tifa keeps when it remembers or saves a page)', () => {
  it.each(['portal', 'divs', 'aria', 'reprint'])('"%s": the article blocks only, no chrome, metadata or related box', (name) => {
    const pg = chromePages().find((p) => p.name === name)!;
    const { text, layout } = read(pg);
    const article = articleText(engine.annotate(text, layout))!;
    for (const c of pg.chrome.filter((x) => x.length >= 4)) expect(article, c).not.toContain(c);
    expect(article).toContain('社会治理之路');
    expect(article).toContain('该辖区86个快递');
    expect(article.split('\n').length).toBeGreaterThan(40);
  });
});
