/**
 * Article text from HTML source, in an extension page: DOMParser makes an
 * inert document (no scripts run, nothing loads, nothing is rendered) and
 * Readability picks the main article; without one, the body's text.
 * Readability is patched (patches/, applied by patch-package on install) to
 * move cloned nodes where it assigned innerHTML, so the Firefox package passes
 * web-ext lint with no warnings.
 */
import { Readability } from '@mozilla/readability';

export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const article = new Readability(doc.cloneNode(true) as Document, { charThreshold: 100 }).parse();
  const text = article?.textContent?.trim() ? article.textContent : (doc.body?.textContent ?? '');
  // Readability keeps source whitespace; fold runs of blank lines into paragraph breaks.
  return text
    .replace(/[ \t\u3000]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
