/** Helpers the side panel and popup share: the active tab, and results from the background. */
import { browser } from 'wxt/browser';
import { PageResultSchema, parseReply, type PageResult } from '../shared/protocol';

/**
 * The tab the panel is about: the active tab of this window, or the one named
 * by `?tab=ID` (the side panel opened as a page, e.g. by the browser tests).
 */
export async function activeTab(): Promise<{ id: number; url: string } | undefined> {
  const forced = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(forced) && forced > 0) {
    const tab = await browser.tabs.get(forced).catch(() => undefined);
    return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url ?? '' };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url ?? '' };
}

/** The background's latest result for a tab, validated; undefined when there is none. */
export async function tabResult(tabId: number): Promise<PageResult | undefined> {
  const raw: unknown = await browser.runtime.sendMessage({ type: 'getTabResult', tabId });
  return parseReply(PageResultSchema, raw);
}
