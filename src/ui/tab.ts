/** Helpers the side panel and popup share: the active tab, and results from the background. */
import { browser } from 'wxt/browser';
import { PageResultSchema, parseReply, type PageResult } from '../shared/protocol';

export async function activeTab(): Promise<{ id: number; url: string } | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url ?? '' };
}

/** The background's latest result for a tab, validated; undefined when there is none. */
export async function tabResult(tabId: number): Promise<PageResult | undefined> {
  const raw: unknown = await browser.runtime.sendMessage({ type: 'getTabResult', tabId });
  return parseReply(PageResultSchema, raw);
}
