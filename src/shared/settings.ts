/**
 * Every user setting, in one place (WXT storage items with fallbacks and
 * versions). Stored in `local` storage: nothing syncs off the machine.
 */
import { storage } from 'wxt/utils/storage';

/** Kinds of difference the reader can choose to mark. Punctuation-only is a separate switch. */
export const DIFF_KINDS = ['number', 'name', 'wording', 'added', 'removed', 'moved', 'other'] as const;
export type DiffKindSetting = (typeof DIFF_KINDS)[number];

export type NoteLanguage = 'auto' | 'en' | 'zh';

export const settings = {
  /** Global on/off. */
  enabled: storage.defineItem<boolean>('local:enabled', { fallback: true, version: 1 }),
  /** Sites (hostnames, 'file' for local files) the reader switched off. */
  disabledSites: storage.defineItem<string[]>('local:disabledSites', { fallback: [], version: 1 }),
  /** Sites beyond the built-in list the reader switched on (hostnames). */
  extraSites: storage.defineItem<string[]>('local:extraSites', { fallback: [], version: 1 }),
  /** Language of notes: follow the browser, English or Chinese. */
  noteLanguage: storage.defineItem<NoteLanguage>('local:noteLanguage', { fallback: 'auto', version: 1 }),
  /** Pinyin drawn above marked terms. */
  showPinyin: storage.defineItem<boolean>('local:showPinyin', { fallback: false, version: 1 }),
  /** Which kinds of difference are marked in the page. */
  diffKinds: storage.defineItem<Record<DiffKindSetting, boolean>>('local:diffKinds', {
    fallback: { number: true, name: true, wording: true, added: true, removed: true, moved: true, other: true },
    version: 1,
  }),
  /** Mark punctuation-only differences (off: they are noise for most readers). */
  showPunctuation: storage.defineItem<boolean>('local:showPunctuation', { fallback: false, version: 1 }),
  /** Marks visible (the keyboard shortcut toggles it). Local, not session: content scripts cannot read session storage. */
  marksVisible: storage.defineItem<boolean>('local:marksVisible', { fallback: true, version: 1 }),
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
}

export async function readSettings(): Promise<SettingsSnapshot> {
  const [enabled, disabledSites, extraSites, noteLanguage, showPinyin, diffKinds, showPunctuation, marksVisible] = await Promise.all([
    settings.enabled.getValue(),
    settings.disabledSites.getValue(),
    settings.extraSites.getValue(),
    settings.noteLanguage.getValue(),
    settings.showPinyin.getValue(),
    settings.diffKinds.getValue(),
    settings.showPunctuation.getValue(),
    settings.marksVisible.getValue(),
  ]);
  return { enabled, disabledSites, extraSites, noteLanguage, showPinyin, diffKinds, showPunctuation, marksVisible };
}

/** Call `fn` whenever any setting changes; returns the unsubscribe function. */
export function watchSettings(fn: () => void): () => void {
  const offs = Object.values(settings).map((item) => (item as { watch: (cb: () => void) => () => void }).watch(fn));
  return () => offs.forEach((off) => off());
}
