/** Extension-page side of the versions library: requests to the background, and saving the current page. */
import { browser } from 'wxt/browser';
import { articleText } from '../core/context';
import type { LibraryReply, PageResult } from '../shared/protocol';
import { siteOf } from '../shared/sites';
import { requireChinese } from '../shared/text-input';
import { htmlToArticle } from './html-text';

/** Send a library request; resolves to its value, rejects with the reader-facing error. */
export async function ask<T>(msg: Record<string, unknown>): Promise<T> {
  const r: LibraryReply<T> | null | undefined = await browser.runtime.sendMessage(msg);
  if (!r || typeof r !== 'object' || !('ok' in r)) throw new Error('Tifa’s background did not answer.');
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/**
 * Save what the tab shows as a version: the matched article when Tifa
 * recognised one, else the main article found by Readability in the page's
 * HTML. Resolves to whether it was new.
 */
export async function saveTab(tabId: number, url: string, result: PageResult | undefined): Promise<{ id: string; added: boolean }> {
  let text: string;
  let title = result?.title ?? '';
  const article = result && articleText(result.annotations);
  if (article) {
    text = article;
  } else {
    const html: unknown = await browser.tabs.sendMessage(tabId, { type: 'getPageHtml' }, { frameId: result?.frameId ?? 0 });
    if (typeof html !== 'string') throw new Error('Tifa cannot read this page.');
    const page = htmlToArticle(html);
    text = page.text;
    title ||= page.meta.title;
  }
  requireChinese(text, 'this page');
  return ask({
    type: 'saveVersion',
    text,
    title: title.slice(0, 500),
    outlet: siteOf(url),
    date: new Date().toISOString().slice(0, 10),
    url,
    origin: 'saved',
  });
}

/** Offer text as a file download. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
