/**
 * Fixture pages served by StaticServer and shared by the Chromium and Firefox
 * tests: the hostile and unusual pages (issue 6), and article pages built
 * from text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness';

// An excerpt of version 002 (terms and three known versions), as paragraphs.
const excerpt = fs
  .readFileSync(path.join(ROOT, 'assets/corpus/002_cdc80b8b71ed997f.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .slice(0, 30);
const paras = (lines: string[]): string => lines.map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n');
const page = (head: string, body: string, title = 'hostile'): string =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;

export const HOSTILE_PAGES: Record<string, { body: string; headers?: Record<string, string> }> = {
  '/h/builtins.html': {
    body: page(
      `<script>
        Array.prototype.map = function () { throw new Error('page broke map'); };
        JSON.stringify = function () { throw new Error('page broke JSON'); };
        JSON.parse = function () { throw new Error('page broke JSON'); };
        Node.prototype.appendChild = function () { throw new Error('page broke appendChild'); };
        Element.prototype.attachShadow = function () { throw new Error('page broke attachShadow'); };
        window.Range = function () { throw new Error('page broke Range'); };
        window.Promise = function () { throw new Error('page broke Promise'); };
      </script>`,
      `<article>${paras(excerpt)}</article>`,
    ),
  },
  '/h/unset.html': {
    body: page(
      `<style>* { all: unset !important; } html, body, p { display: block !important; } .cover { position: fixed !important; inset: 0 !important; z-index: 2147483647 !important; pointer-events: none !important; background: rgba(0,0,0,.02) !important; }</style>`,
      `<div class="cover"></div><article>${paras(excerpt)}</article>`,
    ),
  },
  '/h/csp.html': {
    body: page('', `<article>${paras(excerpt)}</article>`),
    headers: { 'content-security-policy': "default-src 'none'; style-src 'none'; script-src 'none'" },
  },
  '/h/unicode.html': {
    body: page(
      '',
      `<article>${paras([
        '😀 表情符号开头：各地坚持和发展新时代“枫\u200b桥\u200d经验”，𠮷野家的“𠮷”是扩展汉字，聚焦“一老一小”👨‍👩‍👧。',
        // mixed scripts: Latin, kana, Hangul, Arabic (right to left), Cyrillic, a combining accent, a bidi override
        '混合文字：Reuters 报道说，日本語のかな、한국어、العربية、русский、café (cafe\u0301)，\u202e反向\u202c，都不影响“两新”。',
        ...excerpt,
      ])}</article>`,
    ),
  },
  '/h/editable.html': {
    body: page(
      '',
      `<div contenteditable="true" id="editor">${paras(['编辑器里的文字：聚焦“一老一小”，发展新时代“枫桥经验”，这里不应被标注。'])}</div><article>${paras(excerpt)}</article>`,
    ),
  },
  '/h/shadow.html': {
    body: page(
      '',
      `<news-article id="story"><p slot="lead">${excerpt[0]}</p></news-article>
       <script>
         customElements.define('news-article', class extends HTMLElement {
           constructor() {
             super();
             const root = this.attachShadow({ mode: 'open' });
             const lead = document.createElement('slot');
             lead.name = 'lead';
             root.append(lead);
             for (const line of ${JSON.stringify(excerpt.slice(1))}) {
               const p = document.createElement('p');
               p.textContent = line;
               root.append(p);
             }
           }
         });
       </script>`,
    ),
  },
  // The article 500 elements deep (built by script: the HTML parser caps nesting). Headless Chromium
  // here crashes on its own, without any extension, from about 600 levels.
  '/h/deep.html': {
    body: page(
      '',
      `<script>
        let at = document.body;
        for (let i = 0; i < 500; i++) { const d = document.createElement(i % 2 ? 'section' : 'div'); at.append(d); at = d; }
        for (const line of ${JSON.stringify(excerpt)}) { const p = document.createElement('p'); p.textContent = line; at.append(p); }
      </script>`,
    ),
  },
  '/h/storm.html': {
    body: page(
      `<script>
        let n = 0;
        setInterval(() => { document.getElementById('ticker').textContent = '实时行情 ' + (n++) + ' 上证指数 3,' + (n % 1000); }, 50);
      </script>`,
      `<div id="ticker">实时行情</div><article>${paras(excerpt)}</article>`,
    ),
  },
};

/** Over 5 million characters (MAX_PAGE_CHARS): the excerpt's paragraphs over and over. */
export function hugePage(): string {
  const lines: string[] = [];
  for (let n = 0; n < 5_200_000;) {
    const l = excerpt[lines.length % excerpt.length]!;
    lines.push(l);
    n += l.length + 1;
  }
  return page('', `<article>${paras(lines)}</article>`);
}

/** The article in a same-origin iframe and in a cross-origin one (two test sites, one server). */
export function framesPage(other: string): string {
  return page(
    '',
    `<p>外层页面只有一行字。</p>
     <iframe id="same" src="/demo/seed-001.html" width="900" height="500"></iframe>
     <iframe id="cross" src="${other}/demo/seed-002.html" width="900" height="500"></iframe>`,
  );
}

/** A plain article page: the title as <h1>, each non-empty line a paragraph. */
export function articleHtml(title: string, text: string): string {
  return page('', `<article><h1>${title}</h1>${paras(text.split('\n').filter((l) => l.trim()))}</article>`, title);
}

/** An article no bundled version knows (tests/fixtures/unrelated.txt without its two header lines). */
export const UNRELATED = fs.readFileSync(path.join(ROOT, 'tests/fixtures/unrelated.txt'), 'utf8').split('\n').slice(2).join('\n');
