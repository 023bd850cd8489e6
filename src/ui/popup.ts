/** The popup: this tab's status, on/off for this site and globally, side panel, and enabling other sites. */
import { browser } from 'wxt/browser';
import { h } from '../shared/dom';
import { t } from '../shared/i18n';
import { parseReply, StatusSchema, type Status } from '../shared/protocol';
import { readSettings, settings } from '../shared/settings';
import { isNewsSite, siteOf } from '../shared/sites';
import { saveTab } from './library';
import { memoryNotice } from './memory-view';
import { activeTab, tabResult } from './tab';

/** Status from the frame whose result the background keeps for this tab (the top frame when there is none). */
async function status(tabId: number): Promise<Status | undefined> {
  try {
    const frameId = (await tabResult(tabId))?.frameId ?? 0;
    return parseReply(StatusSchema, await browser.tabs.sendMessage(tabId, { type: 'getStatus' }, { frameId }));
  } catch {
    return undefined; // no content script in this tab
  }
}

function toggle(label: string, checked: boolean, onChange: (v: boolean) => Promise<void>, id: string): HTMLElement {
  const box = h('input', { attrs: { type: 'checkbox', id } });
  box.checked = checked;
  box.addEventListener('change', () => void onChange(box.checked));
  return h('label', { class: 'row', attrs: { for: id } }, box, label);
}

export async function start(root: HTMLElement): Promise<void> {
  document.title = t('actionTitle');
  root.classList.add('popup');
  const tab = await activeTab();
  const s = await readSettings();
  const site = tab ? siteOf(tab.url) : '';
  const st = tab ? await status(tab.id) : undefined;
  const covered = isNewsSite(site) || site === 'file' || s.extraSites.includes(site);

  const line =
    st?.state === 'done'
      ? t('popupStatus', st.versions, st.differences, st.terms)
      : st
        ? t(`popupState_${st.state.replace(/-/g, '_')}`)
        : covered
          ? t('popupState_working')
          : t('popupNotRunning');

  const parts: (HTMLElement | null)[] = [
    h('h1', {}, t('panelTitle')),
    h('div', { class: 'status', attrs: { id: 'status' } }, line),
    ...memoryNotice(s, () => void start(root)),
    toggle(t('popupEverywhere'), s.enabled, (v) => settings.enabled.setValue(v), 'global'),
    site
      ? toggle(
          t('popupOnThisSite'),
          !s.disabledSites.includes(site),
          async (on) => {
            const list = (await settings.disabledSites.getValue()).filter((x) => x !== site);
            await settings.disabledSites.setValue(on ? list : [...list, site]);
          },
          'site',
        )
      : null,
    toggle(t('popupLookup'), s.lookupOnHover, (v) => settings.lookupOnHover.setValue(v), 'lookup'),
    h(
      'button',
      { class: 'primary', on: { click: () => void openPanel(tab?.id) } },
      t(import.meta.env.FIREFOX ? 'popupOpenSidebar' : 'popupOpenPanel'),
    ),
    // a page over the size limit could not be saved either
    tab && st && st.state !== 'too-large'
      ? h('p', {}, h('button', { attrs: { id: 'save' }, on: { click: () => void save(tab, root) } }, t('panelSave')))
      : null,
  ];
  if (tab && site && !covered && /^https?:/.test(tab.url)) {
    parts.push(
      h('p', {}, h('button', { attrs: { id: 'enable-site' }, on: { click: () => void enableSite(site, tab.id) } }, t('popupEnableSite'))),
      h(
        'p',
        {},
        h(
          'button',
          {
            attrs: { id: 'annotate-once' },
            on: { click: () => void browser.runtime.sendMessage({ type: 'annotateTabOnce', tabId: tab.id }).then(() => window.close()) },
          },
          t('popupAnnotateOnce'),
        ),
      ),
    );
  }
  parts.push(h('p', {}, h('a', { attrs: { href: '#' }, on: { click: () => void browser.runtime.openOptionsPage() } }, t('popupOptions'))));
  root.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
}

async function save(tab: { id: number; url: string }, root: HTMLElement): Promise<void> {
  let msg: string;
  try {
    msg = (await saveTab(tab.id, tab.url, await tabResult(tab.id))).added ? t('panelSaved') : t('panelAlreadySaved');
  } catch (e) {
    msg = (e as Error).message;
  }
  root.append(h('p', { class: 'muted', attrs: { id: 'notice', role: 'status' } }, msg));
}

async function openPanel(tabId: number | undefined): Promise<void> {
  const b = browser as unknown as { sidePanel?: { open(o: { tabId: number }): Promise<void> }; sidebarAction?: { open(): Promise<void> } };
  if (b.sidePanel && tabId !== undefined) await b.sidePanel.open({ tabId });
  else await b.sidebarAction?.open();
  window.close();
}

/**
 * Ask for this site's permission (must happen in the click), have the
 * background register the script for the site's next pages, and annotate the
 * page already open.
 */
async function enableSite(site: string, tabId: number): Promise<void> {
  const granted = await browser.permissions.request({ origins: [`*://${site}/*`] });
  if (!granted) return;
  const list = await settings.extraSites.getValue();
  if (!list.includes(site)) await settings.extraSites.setValue([...list, site]);
  await browser.runtime.sendMessage({ type: 'siteGranted', host: site });
  await browser.runtime.sendMessage({ type: 'annotateTabOnce', tabId });
  window.close();
}
