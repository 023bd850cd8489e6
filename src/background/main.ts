/**
 * The background: message routing, commands, the toolbar badge, and the
 * content scripts the reader enabled on extra sites. The engine itself lives
 * in EngineHost.
 */
import { browser, type Browser } from 'wxt/browser';
import { checkUserVersion, makeUserVersion, type UserVersion } from '../core/user-versions';
import { checkWord, wordFrom } from '../core/words';
import {
  checkedReply,
  LookupReplySchema,
  PageResultSchema,
  receive,
  ToBackground,
  type BackgroundMessage,
  type LibraryReply,
  type LookupReply,
  type PageResult,
  type VersionSummary,
} from '../shared/protocol';
import { dictionary } from './dictionary';
import { eraseSettings, settings } from '../shared/settings';
import { EngineHost } from './host';
import { StoreError, VersionStore } from './store';

const store = new VersionStore();
const host = new EngineHost(store);
/** A card shows this many entries at most (the longest word's senses, then shorter words). */
const MAX_LOOKUP_ENTRIES = 10;
const EXTRA_SCRIPT_ID = 'tifa-extra-sites';

async function handle(msg: BackgroundMessage, sender: Browser.runtime.MessageSender): Promise<unknown> {
  const tabId = sender.tab?.id;
  switch (msg.type) {
    case 'annotate': {
      if (tabId === undefined) return null;
      const page = {
        text: msg.text,
        layout: { breaks: msg.breaks, chrome: msg.chrome },
        url: msg.url,
        title: msg.title,
        privateTab: sender.tab?.incognito === true,
        complete: msg.complete === true,
      };
      const result = await host.annotate(tabId, sender.frameId ?? 0, msg.runId, page);
      const best = host.result(tabId);
      if (best) await updateBadge(tabId, best);
      if (result) void browser.runtime.sendMessage({ type: 'tabUpdated', tabId }).catch(() => undefined);
      // checked here, not in the content script, which checks only its shape (keeping valibot out of it)
      return result ? checkedReply(PageResultSchema, result) : null;
    }
    case 'openSidePanel':
      if (tabId !== undefined) await openPanel(tabId, sender.tab?.windowId);
      return true;
    case 'getTabResult':
      return host.result(msg.tabId) ?? null;
    case 'annotateTabOnce':
      await injectContentScript(msg.tabId);
      return true;
    case 'siteGranted':
      await registerExtraSites();
      return true;
    case 'lookup': {
      const entries = (await dictionary()).lookup(msg.text).slice(0, MAX_LOOKUP_ENTRIES);
      return checkedReply(LookupReplySchema, { entries } satisfies LookupReply);
    }
    default:
      return library(msg);
  }
}

/** Version-library requests: every failure becomes { ok: false, error } with a message for the reader. */
async function library(msg: BackgroundMessage): Promise<LibraryReply<unknown>> {
  try {
    return { ok: true, value: await libraryValue(msg) };
  } catch (e) {
    return { ok: false, error: (e as Error).message, quota: e instanceof StoreError && e.quota };
  }
}

const summary = (u: UserVersion): VersionSummary => ({
  id: u.id,
  title: u.title,
  outlet: u.outlet,
  date: u.date,
  url: u.url,
  origin: u.origin,
  savedAt: u.savedAt,
  characters: u.text.length,
});

async function libraryValue(msg: BackgroundMessage): Promise<unknown> {
  switch (msg.type) {
    case 'saveVersion': {
      const v = makeUserVersion(
        msg.text,
        { title: msg.title, outlet: msg.outlet, date: msg.date, url: msg.url, origin: msg.origin },
        new Date(),
      );
      const r = await host.keep(v);
      // a text only the reading memory kept becomes the reader's own: for the reader, that is saving it
      return { id: r.version.id, added: r.added || r.promoted === true };
    }
    case 'importVersions': {
      const parsed = msg.versions.map((x, i) => {
        const r = checkUserVersion(x);
        if (!r.ok) throw new Error(`version ${i + 1} is invalid: ${r.problems[0] ?? ''}`);
        return r.version;
      });
      return { added: (await host.keepAll(parsed)).length, total: parsed.length };
    }
    case 'listVersions':
      return (await host.list()).map(summary);
    case 'getVersion':
      return (await host.list()).find((v) => v.id === msg.id) ?? null;
    case 'renameVersion':
      return summary(await host.rename(msg.id, msg.title));
    case 'deleteVersion':
      return (await host.drop(msg.id)) ?? null;
    case 'eraseAll':
      return eraseAll();
    case 'saveWord': {
      const r = checkWord(wordFrom(msg.entry, msg.where));
      if (!r.ok) throw new Error(`not a word: ${r.problem}`);
      return { added: await store.addWords([r.word]) };
    }
    case 'importWords': {
      const words = msg.words.map((x, i) => {
        const r = checkWord(x);
        if (!r.ok) throw new Error(`word ${i + 1} is invalid: ${r.problem}`);
        return r.word;
      });
      return { added: await store.addWords(words), total: words.length };
    }
    case 'listWords':
      return store.words();
    case 'deleteWord':
      await store.deleteWord(msg.id);
      return true;
    case 'exportBackup':
      return host.backup();
    default:
      throw new Error(`unexpected request ${msg.type}`);
  }
}

async function updateBadge(tabId: number, r: PageResult): Promise<void> {
  const n = new Set(r.annotations.differences.filter((d) => d.category !== 'punctuation').map((d) => `${d.start}:${d.end}`)).size;
  const text = r.annotations.matches.length ? String(n) : r.annotations.terms.length ? '•' : '';
  // MV3 (Chrome) has `action`; the Firefox MV2 build has `browserAction`.
  const action = (browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction) as
    typeof browser.action | undefined;
  await action?.setBadgeText({ tabId, text }).catch(() => undefined);
  await action?.setBadgeBackgroundColor({ tabId, color: '#b07d2b' }).catch(() => undefined);
}

async function openPanel(tabId: number, windowId: number | undefined): Promise<void> {
  const b = browser as unknown as {
    sidePanel?: { open(o: { tabId?: number; windowId?: number }): Promise<void> };
    browserAction?: { openPopup(): Promise<void> };
  };
  try {
    if (b.sidePanel) await b.sidePanel.open(windowId !== undefined ? { windowId } : { tabId });
    // Firefox: sidebarAction.open() works only inside a user-input handler, and the click on the badge
    // reaches the background as a message, without one (tested). The toolbar popup may open without one
    // (Firefox 127+); it shows the counts and an "Open sidebar" button, whose click is that user input.
    else await b.browserAction?.openPopup();
  } catch (e) {
    console.warn('[tifa] could not open the side panel', e);
  }
}

/** Run the content script once in a tab the reader pointed at (activeTab). */
async function injectContentScript(tabId: number): Promise<void> {
  await browser.scripting.insertCSS({ target: { tabId }, files: ['/content-scripts/content.css'] }).catch(() => undefined);
  await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] });
}

/**
 * "Erase everything": the reader's versions and the memory of deleted ones,
 * every setting, and the sites the reader granted (their permissions are
 * given back). What the manifest itself asks for stays.
 */
async function eraseAll(): Promise<{ versions: number; words: number }> {
  const versions = await host.eraseAll();
  const words = await store.clearWords();
  await eraseSettings();
  await registerExtraSites();
  const m = browser.runtime.getManifest() as { host_permissions?: string[]; permissions?: string[] };
  const required = new Set([...(m.host_permissions ?? []), ...(m.permissions ?? [])]);
  const origins = ((await browser.permissions.getAll()).origins ?? []).filter((o) => !required.has(o));
  if (origins.length) await browser.permissions.remove({ origins }).catch(() => false);
  return { versions, words };
}

let registering: Promise<void> = Promise.resolve();

/**
 * (Re)register the content script for the sites the reader switched on and
 * granted. One at a time: the popup's setting change and its message both
 * ask for it, and two overlapping runs would register the same id twice.
 */
function registerExtraSites(): Promise<void> {
  registering = registering.then(registerNow, registerNow);
  return registering;
}

async function registerNow(): Promise<void> {
  const hosts = await settings.extraSites.getValue();
  const granted: string[] = [];
  for (const h of hosts) {
    const origins = [`*://${h}/*`];
    if (await browser.permissions.contains({ origins })) granted.push(...origins);
  }
  await browser.scripting.unregisterContentScripts({ ids: [EXTRA_SCRIPT_ID] }).catch(() => undefined);
  if (!granted.length) return;
  await browser.scripting.registerContentScripts([
    {
      id: EXTRA_SCRIPT_ID,
      matches: granted,
      js: ['/content-scripts/content.js'],
      css: ['/content-scripts/content.css'],
      runAt: 'document_idle',
      allFrames: true, // as on the news sites: articles are sometimes framed
    },
  ]);
}

export function startBackground(): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender, send: (r: unknown) => void) => {
    const msg = receive(ToBackground, raw, sender, browser.runtime.id);
    if (!msg) return undefined;
    handle(msg, sender).then(send, (e: unknown) => {
      console.warn('[tifa] request failed', msg.type, e);
      send(null);
    });
    return true; // reply comes asynchronously (sendResponse; see TESTING.md)
  });

  browser.commands.onCommand.addListener((command: string) => {
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return;
      const msg =
        command === 'toggle-marks'
          ? { type: 'toggleMarks' }
          : command === 'toggle-lookup'
            ? { type: 'toggleLookup' }
            : { type: 'step', direction: command === 'next-mark' ? 1 : -1 };
      await browser.tabs.sendMessage(tab.id, msg).catch(() => undefined);
    })();
  });

  browser.tabs.onRemoved.addListener((tabId: number) => host.forget(tabId));
  // A tab that loads a new document starts afresh (its frames' old results would otherwise linger).
  browser.tabs.onUpdated.addListener((tabId: number, change: { status?: string }) => {
    if (change.status === 'loading') host.forget(tabId);
  });
  // Start jieba and build the index now, so the first page does not wait for them.
  host.warm();
  browser.runtime.onInstalled.addListener(() => void registerExtraSites());
  settings.extraSites.watch(() => void registerExtraSites());
}
