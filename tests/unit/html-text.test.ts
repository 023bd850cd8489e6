// @vitest-environment happy-dom
/**
 * Main-article text from HTML in extension pages (import and "save this
 * page"): Readability, patched (patches/) so that it never assigns innerHTML.
 * These cases run both patched paths: the page restored between attempts, and
 * a <noscript> image unwrapped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToArticle } from '../../src/ui/html-text';

const article = fs
  .readFileSync(path.join(__dirname, '../../assets/corpus/003_5cde503fef3895bf.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .slice(0, 12);
const chrome = (body: string): string =>
  `<!doctype html><html><head><title>t</title></head><body>
   <nav class="menu"><a href="/">首页</a> <a href="/a">时政</a> <a href="/b">国际</a> <a href="/c">财经</a></nav>
   ${body}
   <footer class="footer">版权所有 © 某某网 2026 · 联系我们 · 网站地图</footer></body></html>`;

describe('htmlToArticle (Readability, patched)', () => {
  it('keeps the article paragraphs and drops the page chrome', () => {
    const text = htmlToArticle(chrome(`<article><h1>标题</h1>${article.map((l) => `<p>${l}</p>`).join('')}</article>`)).text;
    for (const l of article) expect(text).toContain(l.trim());
    expect(text).not.toContain('网站地图');
    expect(text).not.toContain('财经');
  });

  it('a short page still gives its text after every retry restored the page', () => {
    // under charThreshold (100): Readability restores the page from its cache and retries
    const text = htmlToArticle(chrome('<div class="content"><p>一段很短的新闻。</p></div>')).text;
    expect(text).toContain('一段很短的新闻。');
  });

  it('unwraps a lazy image from <noscript> without parsing markup', () => {
    const body = `<article>${article.map((l) => `<p>${l}</p>`).join('')}
      <figure><img src="placeholder.png"><noscript><img src="real.jpg" alt="图"></noscript></figure></article>`;
    const text = htmlToArticle(chrome(body)).text;
    expect(text).toContain(article[0]!.trim());
  });

  it('reads the page’s own title, outlet and date from its head', () => {
    const html = `<html><head><title>两会观察 - 人民网</title><meta property="og:site_name" content="人民网"><meta name="publishdate" content="2026-03-05"></head><body><article>${article.map((l) => `<p>${l}</p>`).join('')}</article></body></html>`;
    expect(htmlToArticle(html).meta).toEqual({ title: '两会观察', outlet: '人民网', date: '2026-03-05' });
  });

  it('the installed Readability carries the patch (no innerHTML assignment left)', () => {
    const src = fs.readFileSync(path.join(__dirname, '../../node_modules/@mozilla/readability/Readability.js'), 'utf8');
    expect(src).toContain('Tifa patch');
    expect(src).not.toMatch(/\.innerHTML\s*=[^=]/);
  });
});
