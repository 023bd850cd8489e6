/**
 * Article text from HTML source, in an extension page: DOMParser makes an
 * inert document (no scripts run, nothing loads, nothing is rendered) and
 * Readability picks the main article; without one, the body's text.
 * Readability is patched (patches/, applied by patch-package on install) to
 * move cloned nodes where it assigned innerHTML, so the Firefox package passes
 * web-ext lint with no warnings.
 */
import { Readability } from '@mozilla/readability';
import { pageMeta, type PageMeta } from '../core/page-meta';

/** The article text of HTML source and what the page says of itself (title, outlet, date). */
export function htmlToArticle(html: string): { text: string; meta: PageMeta } {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const metas = [...(doc.head?.querySelectorAll('meta[content]') ?? [])].map(
    (m) => [m.getAttribute('name') ?? m.getAttribute('property') ?? m.getAttribute('itemprop') ?? '', m.getAttribute('content')!] as const,
  );
  return { text: articleText(doc), meta: pageMeta(doc.title, metas) };
}

function articleText(doc: Document): string {
  const article = new Readability(doc.cloneNode(true) as Document, { charThreshold: 100 }).parse();
  const text = article?.textContent?.trim() ? article.textContent : (doc.body?.textContent ?? '');
  // Readability keeps source whitespace; fold runs of blank lines into paragraph breaks.
  return text
    .replace(/[ \t\u3000]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
