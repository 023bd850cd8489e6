/**
 * The reading memory in the side panel: the notice, once, that Tifa keeps
 * the articles the reader reads (with the way to switch it off); "edited
 * since you read it on …"; the address's history; a full disk; and "forget
 * this article", "never keep articles from this site".
 */
import { browser } from 'wxt/browser';
import { h } from '../shared/dom';
import { t } from '../shared/i18n';
import type { PageResult } from '../shared/protocol';
import { settings, type SettingsSnapshot } from '../shared/settings';
import { siteOf } from '../shared/sites';
import { ask } from './library';

/** The notice that Tifa keeps the articles read, until the reader has seen it (side panel and popup). */
export function memoryNotice(s: SettingsSnapshot, changed: () => void): HTMLElement[] {
  if (s.memoryNoticeSeen || !s.rememberVersions) return [];
  return [
    h(
      'p',
      { class: 'note', attrs: { id: 'memory-notice' } },
      t('memoryNotice'),
      ' ',
      h(
        'a',
        { attrs: { href: '#' }, on: { click: (e) => (e.preventDefault(), void browser.runtime.openOptionsPage()) } },
        t('memorySwitchOff'),
      ),
      ' ',
      h(
        'button',
        { attrs: { type: 'button' }, on: { click: () => void settings.memoryNoticeSeen.setValue(true).then(changed) } },
        t('memoryGotIt'),
      ),
    ),
  ];
}

export function memorySection(r: PageResult | undefined, s: SettingsSnapshot, changed: () => void): HTMLElement[] {
  const out = memoryNotice(s, changed);
  if (!r) return out;
  if (r.memoryFull) out.push(h('p', { class: 'note error', attrs: { id: 'memory-full' } }, t('memoryFull')));
  if (r.edited) out.push(h('p', { class: 'note', attrs: { id: 'edited' } }, t('memoryEdited', r.edited.readOn)));
  if (r.history && r.history.length > 1)
    out.push(h('p', { class: 'muted', attrs: { id: 'history' } }, t('memoryHistory', r.history.map((x) => x.readOn).join(', '))));
  const site = siteOf(r.url);
  const buttons: HTMLElement[] = [];
  if (r.readId) {
    const id = r.readId;
    buttons.push(
      h(
        'button',
        { attrs: { id: 'forget', type: 'button' }, on: { click: () => void ask({ type: 'deleteVersion', id }).then(changed) } },
        t('memoryForget'),
      ),
    );
  }
  if (site && s.rememberVersions && !s.memoryExcludedSites.includes(site)) {
    buttons.push(
      h(
        'button',
        {
          attrs: { id: 'exclude-site', type: 'button' },
          on: { click: () => void settings.memoryExcludedSites.setValue([...s.memoryExcludedSites, site]).then(changed) },
        },
        t('memoryExclude', site),
      ),
    );
  }
  if (buttons.length) out.push(h('p', {}, ...buttons.flatMap((b, i) => (i ? [' ', b] : [b]))));
  return out;
}
