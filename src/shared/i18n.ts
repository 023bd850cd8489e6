/**
 * UI strings: public/_locales/{en,zh_CN}/messages.json, chosen by the
 * browser's language. Notes (glossary explanations) follow their own setting.
 */
import { browser } from 'wxt/browser';

/** The message for `key`, with $1…$9 substitutions; the key itself if missing (visible in tests). */
export function t(key: string, ...subs: (string | number)[]): string {
  // Keys are checked by the locale test, not by WXT's generated union type.
  const msg = (browser.i18n.getMessage as (k: string, s?: string[]) => string)(key, subs.map(String));
  return msg || key;
}

/** Is the browser's UI language Chinese? */
export function uiIsChinese(): boolean {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('zh');
}
