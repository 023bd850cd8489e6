/**
 * Page text from saved HTML, with a real HTML parser (parse5, the WHATWG
 * algorithm browsers use). Mirrors what the content script extracts from a
 * live DOM: invisible and non-text elements are skipped, block elements and
 * <br> separate blocks, blocks are joined with "\n", and text under a page
 * landmark (site header, navigation, side column, footer) is page chrome.
 */
import { parse } from 'parse5';
import type { Layout } from '../core/layout';
import { pageMeta, type PageMeta } from '../core/page-meta';
import { BLOCK_TAGS, isChromeElement, SKIP_TAGS } from '../shared/html-tags';
import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** Hidden by attribute or by an inline style (stylesheets are not evaluated). */
function isHidden(el: Element): boolean {
  if (attr(el, 'hidden') !== undefined) return true;
  if (attr(el, 'aria-hidden') === 'true') return true;
  const style = (attr(el, 'style') ?? '').toLowerCase().replace(/\s+/g, '');
  return /(^|;)display:none/.test(style) || /(^|;)visibility:hidden/.test(style);
}

const SECTIONING = new Set(['article', 'aside', 'main', 'nav', 'section']);

/** Does `el` hold the main content (MAIN_SELECTOR in html-tags)? */
function holdsMain(el: Element): boolean {
  for (const c of el.childNodes) {
    if (!('tagName' in c)) continue;
    const role = attr(c, 'role');
    if (c.tagName === 'article' || c.tagName === 'main' || role === 'main' || role === 'article' || holdsMain(c)) return true;
  }
  return false;
}

/** The <title> and the <meta> tags' [name or property, content] of the document's <head>, in document order. */
function headTags(doc: Node): { title: string; metas: [string, string][] } {
  // The <head> alone (the text walk skips it): parse5 always makes html > head.
  const child = (n: Node | undefined, tag: string): Element | undefined =>
    n && 'childNodes' in n ? n.childNodes.find((c): c is Element => 'tagName' in c && c.tagName === tag) : undefined;
  const head = child(child(doc, 'html'), 'head');
  let title = '';
  const metas: [string, string][] = [];
  for (const el of head?.childNodes ?? []) {
    if (!('tagName' in el)) continue;
    if (el.tagName === 'title' && !title) {
      title = el.childNodes.map((c) => (c.nodeName === '#text' ? (c as DefaultTreeAdapterMap['textNode']).value : '')).join('');
    }
    const key = attr(el, 'name') ?? attr(el, 'property') ?? attr(el, 'itemprop');
    const content = attr(el, 'content');
    if (el.tagName === 'meta' && key && content !== undefined) metas.push([key, content]);
  }
  return { title, metas };
}

/**
 * The visible text of an HTML document (blocks separated by "\n"), its
 * layout (block breaks, chrome ranges) and what the page says of itself
 * (title, outlet, date).
 */
export function extractHtml(html: string): { text: string; layout: Required<Layout>; meta: PageMeta } {
  const doc = parse(html);
  let text = '';
  const breaks: number[] = [];
  const chrome: [number, number][] = [];
  let cur = '';
  const flush = (): void => {
    const t = cur.replace(/[ \t\r\n\f]+/g, ' ').trim();
    if (t) {
      if (text) {
        breaks.push(text.length);
        text += '\n';
      }
      text += t;
    }
    cur = '';
  };
  const walk = (node: Node, sectioned: boolean, inChrome: boolean): void => {
    if (node.nodeName === '#text') {
      cur += (node as DefaultTreeAdapterMap['textNode']).value;
      return;
    }
    if (!('childNodes' in node)) return;
    const el = 'tagName' in node ? node : undefined;
    let chromeHere = false;
    if (el) {
      if (SKIP_TAGS.has(el.tagName) || isHidden(el)) return;
      if (el.tagName === 'br') {
        flush();
        return;
      }
      chromeHere = !inChrome && isChromeElement(el.tagName, attr(el, 'role'), sectioned) && !holdsMain(el);
    }
    const block = !el || BLOCK_TAGS.has(el.tagName);
    if (block || chromeHere) flush();
    // chrome starts at its first character: past the break that flush() may add before it
    const from = text.length + (text ? 1 : 0);
    const kids = el?.tagName === 'template' ? [] : node.childNodes;
    for (const child of kids) walk(child, sectioned || (el !== undefined && SECTIONING.has(el.tagName)), inChrome || chromeHere);
    if (block || chromeHere) flush();
    if (chromeHere && text.length > from) chrome.push([from, text.length]);
  };
  walk(doc, false, false);
  flush();
  const head = headTags(doc);
  return { text, layout: { breaks, chrome }, meta: pageMeta(head.title, head.metas) };
}

/** The visible text of an HTML document, blocks separated by "\n". */
export function extractHtmlText(html: string): string {
  return extractHtml(html).text;
}
