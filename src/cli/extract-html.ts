/**
 * Page text from saved HTML, with a real HTML parser (parse5, the WHATWG
 * algorithm browsers use). Mirrors what the content script extracts from a
 * live DOM: invisible and non-text elements are skipped, block elements and
 * <br> separate blocks, blocks are joined with "\n".
 */
import { parse } from 'parse5';
import { BLOCK_TAGS, SKIP_TAGS } from '../shared/html-tags';
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

/** The visible text of an HTML document, blocks separated by "\n". */
export function extractHtmlText(html: string): string {
  const doc = parse(html);
  const blocks: string[] = [];
  let cur = '';
  const flush = (): void => {
    const t = cur.replace(/[ \t\r\n\f]+/g, ' ').trim();
    if (t) blocks.push(t);
    cur = '';
  };
  const walk = (node: Node): void => {
    if (node.nodeName === '#text') {
      cur += (node as DefaultTreeAdapterMap['textNode']).value;
      return;
    }
    if (!('childNodes' in node)) return;
    const el = 'tagName' in node ? node : undefined;
    if (el) {
      if (SKIP_TAGS.has(el.tagName) || isHidden(el)) return;
      if (el.tagName === 'br') {
        flush();
        return;
      }
    }
    const block = !el || BLOCK_TAGS.has(el.tagName);
    if (block) flush();
    const kids = el?.tagName === 'template' ? [] : node.childNodes;
    for (const child of kids) walk(child);
    if (block) flush();
  };
  walk(doc);
  flush();
  return blocks.join('\n');
}
