/**
 * Every user setting, in one place (WXT storage items with fallbacks and
 * versions). Stored in `local` storage: nothing syncs off the machine.
 *
 * The content script only reads and watches settings, through the plain
 * storage API below (readSettings, watchSettings): the items are marked pure
 * and @wxt-dev/storage side-effect free (wxt.config.ts), so its 7 kB stay
 * out of the content script's 40 kB budget.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

/** Kinds of difference the reader can choose to mark. Punctuation-only is a separate switch. */
export const DIFF_KINDS = ['number', 'name', 'wording', 'added', 'removed', 'moved', 'other'] as const;
export type DiffKindSetting = (typeof DIFF_KINDS)[number];

export type NoteLanguage = 'auto' | 'en' | 'zh';

/** Fallback of every setting, by its key in `browser.storage.local` (the items' keys without "local:"). */
const FALLBACKS: SettingsSnapshot = {
  enabled: true,
  disabledSites: [],
  extraSites: [],
  noteLanguage: 'auto',
  showPinyin: false,
  diffKinds: { number: true, name: true, wording: true, added: true, removed: true, moved: true, other: true },
  showPunctuation: false,
  marksVisible: true,
  rememberVersions: true,
  lookupOnHover: false,
  toneColours: false,
  memoryExcludedSites: [],
  memoryMaxArticles: 10_000,
  memoryMaxMB: 200,
  memoryNoticeSeen: false,
};
/** The storage item of one setting: key "local:<name>", its fallback, version 1. */
/* @__NO_SIDE_EFFECTS__ */
function item<K extends keyof SettingsSnapshot>(key: K) {
  return storage.defineItem<SettingsSnapshot[K]>(`local:${key}`, { fallback: FALLBACKS[key], version: 1 });
}

export const settings = {
  /** Global on/off. */
  enabled: /* @__PURE__ */ item('enabled'),
  /** Sites (hostnames, 'file' for local files) the reader switched off. */
  disabledSites: /* @__PURE__ */ item('disabledSites'),
  /** Sites beyond the built-in list the reader switched on (hostnames). */
  extraSites: /* @__PURE__ */ item('extraSites'),
  /** Language of notes: follow the browser, English or Chinese. */
  noteLanguage: /* @__PURE__ */ item('noteLanguage'),
  /** Pinyin drawn above marked terms. */
  showPinyin: /* @__PURE__ */ item('showPinyin'),
  /** Which kinds of difference are marked in the page. */
  diffKinds: /* @__PURE__ */ storage.defineItem<Record<DiffKindSetting, boolean>>('local:diffKinds', {
    fallback: FALLBACKS.diffKinds,
    version: 1,
  }),
  /** Mark punctuation-only differences (off: they are noise for most readers). */
  showPunctuation: /* @__PURE__ */ storage.defineItem<boolean>('local:showPunctuation', {
    fallback: FALLBACKS.showPunctuation,
    version: 1,
  }),
  /** Keep a page's text as a new version when it matches a known article but differs from all its versions (local only). */
  rememberVersions: /* @__PURE__ */ storage.defineItem<boolean>('local:rememberVersions', {
    fallback: FALLBACKS.rememberVersions,
    version: 1,
  }),
  /** Marks visible (the keyboard shortcut toggles it). Local, not session: content scripts cannot read session storage. */
  marksVisible: /* @__PURE__ */ item('marksVisible'),
  /** The dictionary looks up every word the pointer rests on (otherwise only with Shift held). */
  lookupOnHover: /* @__PURE__ */ item('lookupOnHover'),
  /** Pinyin in tone colours (1 red, 2 orange, 3 green, 4 blue, neutral grey), as Pleco and Zhongwen show it. */
  toneColours: /* @__PURE__ */ item('toneColours'),
  /** Sites whose articles the reading memory never keeps (hostnames). */
  memoryExcludedSites: /* @__PURE__ */ item('memoryExcludedSites'),
  /** The reading memory keeps at most this many articles … */
  memoryMaxArticles: /* @__PURE__ */ item('memoryMaxArticles'),
  /** … and at most this many megabytes of text; the least recently read go first. */
  memoryMaxMB: /* @__PURE__ */ item('memoryMaxMB'),
  /** The reader has seen the notice that Tifa keeps the articles they read. */
  memoryNoticeSeen: /* @__PURE__ */ item('memoryNoticeSeen'),
};

/** A snapshot of all settings, for code that needs several at once. */
export interface SettingsSnapshot {
  enabled: boolean;
  disabledSites: string[];
  extraSites: string[];
  noteLanguage: NoteLanguage;
  showPinyin: boolean;
  diffKinds: Record<DiffKindSetting, boolean>;
  showPunctuation: boolean;
  marksVisible: boolean;
  rememberVersions: boolean;
  lookupOnHover: boolean;
  toneColours: boolean;
  memoryExcludedSites: string[];
  memoryMaxArticles: number;
  memoryMaxMB: number;
  memoryNoticeSeen: boolean;
}

const KEYS = Object.keys(FALLBACKS) as (keyof SettingsSnapshot)[];

/** All settings at once, each falling back to its default. */
export async function readSettings(): Promise<SettingsSnapshot> {
  const stored = await browser.storage.local.get(KEYS);
  const out = { ...FALLBACKS } as Record<string, unknown>;
  for (const k of KEYS) if (stored[k] !== undefined && stored[k] !== null) out[k] = stored[k];
  return out as unknown as SettingsSnapshot;
}

/** Call `fn` whenever any setting changes; returns the unsubscribe function. */
export function watchSettings(fn: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'local' && KEYS.some((k) => k in changes)) fn();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * Every setting back to its default: clears the extension's local storage,
 * which holds nothing but settings (versions live in IndexedDB).
 */
export function eraseSettings(): Promise<void> {
  return browser.storage.local.clear();
}

/** Show or hide the marks (the keyboard shortcut), without the storage items. */
export function setMarksVisible(visible: boolean): Promise<void> {
  return browser.storage.local.set({ marksVisible: visible });
}

/** Switch "look up every word on hover" (the keyboard shortcut), without the storage items. */
export function setLookupOnHover(on: boolean): Promise<void> {
  return browser.storage.local.set({ lookupOnHover: on });
}
