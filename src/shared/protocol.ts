/**
 * The one message protocol: every message between the extension's contexts,
 * both directions, with a schema each (valibot). Every message is validated
 * on arrival and its sender checked (our own extension only); anything else
 * is dropped with a warning. The content script does the same without
 * valibot, to stay small (its checks are further down). One map
 * per direction, a comment on each message.
 */
import * as v from 'valibot';
import { PUBLIC_FIELDS } from '../core/glossary-fields';

const offset = v.pipe(v.number(), v.integer(), v.minValue(0));
const int = v.pipe(v.number(), v.integer());

export const AnnotationsSchema = v.object({
  text: v.string(),
  matches: v.array(
    v.object({
      versionId: v.string(),
      title: v.string(),
      score: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
      start: offset,
      end: offset,
      versionStart: offset,
      versionEnd: offset,
      article: v.array(v.tuple([offset, offset])),
    }),
  ),
  differences: v.array(
    v.object({
      versionId: v.string(),
      kind: v.picklist(['changed', 'added', 'removed', 'moved']),
      category: v.picklist(['number', 'name', 'wording', 'punctuation', 'other']),
      start: offset,
      end: offset,
      pageText: v.string(),
      otherText: v.string(),
      otherStart: offset,
      otherEnd: offset,
      otherBefore: v.string(),
    }),
  ),
  terms: v.array(v.object({ termId: v.string(), text: v.string(), start: offset, end: offset, traditional: v.optional(v.boolean()) })),
  candidates: v.array(v.object({ text: v.string(), start: offset, end: offset })),
});

const VersionMetaSchema = v.object({
  id: v.string(),
  title: v.string(),
  outlet: v.string(),
  date: v.string(),
  /** Where the reader read or saved it (the reader's own versions). */
  url: v.optional(v.string()),
  origin: v.optional(v.string()),
  /** YYYY-MM-DD the reader last read it (reading memory). */
  readOn: v.optional(v.string()),
});
export type VersionMeta = v.InferOutput<typeof VersionMetaSchema>;

/**
 * Glossary entries travel as their public fields (validated in full where they are loaded). Marked pure so that
 * a bundle using no schema (the content script) drops it with the rest.
 */
const EntrySchema = v.looseObject(/* @__PURE__ */ Object.fromEntries(/* @__PURE__ */ PUBLIC_FIELDS.map((f) => [f, v.unknown()])));

/** What the background found on a page, with everything the page UI needs to show it. */
export const PageResultSchema = v.object({
  annotations: AnnotationsSchema,
  /** Metadata of every version that matched. */
  versions: v.array(VersionMetaSchema),
  /** The glossary entries of the terms found (and the entries they relate to), by id. */
  entries: v.record(v.string(), EntrySchema),
  /** Which matched versions use each term of the article. */
  usage: v.array(
    v.object({ termId: v.string(), onPage: v.boolean(), inVersions: v.array(v.string()), notInVersions: v.array(v.string()) }),
  ),
  url: v.string(),
  title: v.string(),
  /** The frame the text came from (0: the top frame); side-panel jumps go there. */
  frameId: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Set when this page's text was just kept as a new version (setting "remember versions"). */
  remembered: v.optional(v.object({ id: v.string(), title: v.string() })),
  /** Milliseconds the engine took. */
  engineMs: v.number(),
  /** This address showed other text when the reader read it: the version read then, and its day. */
  edited: v.optional(v.object({ versionId: v.string(), readOn: v.string() })),
  /** The texts this address showed when the reader read it, newest first (reading memory). */
  history: v.optional(v.array(v.object({ id: v.string(), readOn: v.string() }))),
  /** The id of this page's article as the reading memory keeps it ("forget this article"). */
  readId: v.optional(v.string()),
  /** The reading memory is full (the disk or the browser's quota) and has stopped keeping articles. */
  memoryFull: v.optional(v.literal(true)),
  /** Made before jieba had started: differences not yet widened to words, short terms missing; the complete result follows. */
  partial: v.optional(v.literal(true)),
});
export type PageResult = v.InferOutput<typeof PageResultSchema>;

/** Does the page say what this version says (no difference but punctuation)? */
export function sameAs(r: PageResult, versionId: string): boolean {
  return !r.annotations.differences.some((d) => d.versionId === versionId && d.category !== 'punctuation');
}

/** The longest page text Tifa reads (UTF-16 units); a longer page is left alone and says so. */
export const MAX_PAGE_CHARS = 5_000_000;

/** Content script (or page UI) → background. */
export const ToBackground = {
  /** Annotate this page text. A newer runId from the same tab makes older ones stale. */
  annotate: v.object({
    type: v.literal('annotate'),
    runId: int,
    url: v.pipe(v.string(), v.maxLength(4096)),
    title: v.pipe(v.string(), v.maxLength(1000)),
    text: v.pipe(v.string(), v.maxLength(MAX_PAGE_CHARS)),
    /** Offsets of the "\n"s that separate the text's blocks. */
    breaks: v.optional(v.pipe(v.array(offset), v.maxLength(MAX_PAGE_CHARS))),
    /** Page chrome (header, navigation, side column, footer): [start, end) ranges, left out of comparisons. */
    chrome: v.optional(v.pipe(v.array(v.tuple([offset, offset])), v.maxLength(100_000))),
    /** Wait for the complete engine (jieba started): the page had a partial result. */
    complete: v.optional(v.boolean()),
  }),
  /** The reader clicked the badge: open the side panel for this tab. */
  openSidePanel: v.object({ type: v.literal('openSidePanel') }),
  /** Side panel / popup: the latest result for a tab. */
  getTabResult: v.object({ type: v.literal('getTabResult'), tabId: int }),
  /** Popup: annotate this tab once (activeTab), on a site Tifa does not run on. */
  annotateTabOnce: v.object({ type: v.literal('annotateTabOnce'), tabId: int }),
  /** Popup / side panel / options: keep this text as a version (saved from a page, or pasted/imported). */
  saveVersion: v.object({
    type: v.literal('saveVersion'),
    text: v.pipe(v.string(), v.minLength(1), v.maxLength(5 * 1024 * 1024)),
    title: v.pipe(v.string(), v.maxLength(500)),
    outlet: v.pipe(v.string(), v.maxLength(200)),
    date: v.pipe(v.string(), v.maxLength(10)),
    url: v.pipe(v.string(), v.maxLength(4096)),
    origin: v.picklist(['saved', 'imported']),
  }),
  /** Options: keep many versions at once (files or a backup): all or nothing. Each is validated again in full. */
  importVersions: v.object({ type: v.literal('importVersions'), versions: v.pipe(v.array(v.unknown()), v.maxLength(10000)) }),
  /** Options: the reader's versions, without their texts. */
  listVersions: v.object({ type: v.literal('listVersions') }),
  /** Options: one version with its text. */
  getVersion: v.object({ type: v.literal('getVersion'), id: v.string() }),
  /** Options: rename a version. */
  renameVersion: v.object({
    type: v.literal('renameVersion'),
    id: v.string(),
    title: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
  }),
  /** Options / side panel: delete a version (the reply carries it, for undo). */
  deleteVersion: v.object({ type: v.literal('deleteVersion'), id: v.string() }),
  /** Options: every user version as one backup object. */
  exportBackup: v.object({ type: v.literal('exportBackup') }),
  /** Options: erase every kept version, the memory of deleted ones, all settings and granted sites. */
  eraseAll: v.object({ type: v.literal('eraseAll') }),
  /** Content script: dictionary entries for the words at the start of `text` (the characters from the pointer on). */
  lookup: v.object({ type: v.literal('lookup'), text: v.pipe(v.string(), v.minLength(1), v.maxLength(32)) }),
  /** Content script: star a dictionary entry met in a sentence (the record is made and validated in the background). */
  saveWord: v.object({
    type: v.literal('saveWord'),
    entry: v.unknown(),
    where: v.object({
      sentence: v.pipe(v.string(), v.maxLength(2000)),
      url: v.pipe(v.string(), v.maxLength(4096)),
      title: v.pipe(v.string(), v.maxLength(1000)),
    }),
  }),
  /** Options: restore a backup's word list: all or nothing. */
  importWords: v.object({ type: v.literal('importWords'), words: v.pipe(v.array(v.unknown()), v.maxLength(100_000)) }),
  /** Side panel: the word list. */
  listWords: v.object({ type: v.literal('listWords') }),
  /** Side panel: take a word off the list. */
  deleteWord: v.object({ type: v.literal('deleteWord'), id: v.pipe(v.string(), v.maxLength(200)) }),
  /** Popup: the reader granted this site; run on it from now on. */
  siteGranted: v.object({ type: v.literal('siteGranted'), host: v.pipe(v.string(), v.minLength(1), v.maxLength(253)) }),
} as const;

/** Background or side panel → content script. */
export const ToContent = {
  /** The keyboard shortcut: switch "look up every word on hover". */
  toggleLookup: v.object({ type: v.literal('toggleLookup') }),
  /** Scroll to a mark and flash it (side panel click). */
  reveal: v.object({ type: v.literal('reveal'), target: v.picklist(['difference', 'term', 'candidate']), index: offset }),
  /** Keyboard shortcut: show/hide marks. */
  toggleMarks: v.object({ type: v.literal('toggleMarks') }),
  /** Keyboard shortcut: move to the next or previous mark and open its card. */
  step: v.object({ type: v.literal('step'), direction: v.picklist([1, -1]) }),
  /** Popup: what this tab shows. */
  getStatus: v.object({ type: v.literal('getStatus') }),
  /** Popup / side panel: the page as HTML (serialized, never executed) for Readability when nothing matched. */
  getPageHtml: v.object({ type: v.literal('getPageHtml') }),
} as const;

/** Background → side panel and popup (broadcast). */
export const ToPanels = {
  /** A tab's result changed. */
  tabUpdated: v.object({ type: v.literal('tabUpdated'), tabId: int }),
} as const;

type Schema = v.GenericSchema;
type Schemas = Record<string, Schema>;
export type MessageOf<S extends Schemas> = { [K in keyof S]: v.InferOutput<S[K]> }[keyof S];
export type BackgroundMessage = MessageOf<typeof ToBackground>;
export type ContentMessage = MessageOf<typeof ToContent>;
export type PanelMessage = MessageOf<typeof ToPanels>;

/**
 * The message's type if it comes from this extension and `known` knows it;
 * otherwise undefined, with a warning.
 */
function envelope(raw: unknown, sender: { id?: string } | undefined, ownId: string, known: (type: string) => boolean): string | undefined {
  if (!sender || sender.id !== ownId) {
    console.warn('[tifa] dropped a message from another extension or page', sender?.id);
    return undefined;
  }
  const type = typeof raw === 'object' && raw !== null && 'type' in raw ? raw.type : undefined;
  if (typeof type !== 'string' || !known(type)) {
    console.warn('[tifa] dropped an unknown message', type);
    return undefined;
  }
  return type;
}

const invalid = (type: string, why: string | undefined): undefined => {
  console.warn('[tifa] dropped an invalid message', type, why);
  return undefined;
};

/**
 * The message if it is one of `schemas` and valid; otherwise undefined, with
 * a warning. `sender` must be this extension.
 */
export function receive<S extends Schemas>(
  schemas: S,
  raw: unknown,
  sender: { id?: string } | undefined,
  ownId: string,
): MessageOf<S> | undefined {
  const type = envelope(raw, sender, ownId, (t) => Object.hasOwn(schemas, t));
  if (type === undefined) return undefined;
  const r = v.safeParse(schemas[type]!, raw);
  return r.success ? r.output : invalid(type, r.issues[0]?.message);
}

/** Validate a reply (from our own background) against its schema; undefined if it does not fit. */
export function parseReply<S extends Schema>(schema: S, raw: unknown): v.InferOutput<S> | undefined {
  const r = v.safeParse(schema, raw);
  if (!r.success) {
    if (raw !== null && raw !== undefined) console.warn('[tifa] dropped an invalid reply', r.issues[0]?.message);
    return undefined;
  }
  return r.output;
}

/**
 * The background checks each reply it makes to a content script against its
 * schema before sending it (the content script checks only its shape, below);
 * a reply that does not fit is a bug, thrown here rather than sent.
 */
export function checkedReply<S extends Schema>(schema: S, value: v.InferInput<S>): v.InferOutput<S> {
  const r = v.safeParse(schema, value);
  if (!r.success) throw new Error(`reply does not fit its schema: ${r.issues[0]?.message ?? ''}`);
  return r.output;
}

// --- The content script's checks, without valibot ---------------------------
// valibot's runtime is 8 kB, a fifth of the content script's 40 kB budget,
// so the content script checks by hand the little it receives:
// - the ToContent messages in full: tests/unit/protocol.test.ts shows, on
//   random input, that receiveInContent accepts exactly what receive(ToContent)
//   accepts and returns the same message;
// - the background's replies by their shape: a content script's replies come
//   only from this extension, and the background checks each one against its
//   schema before sending it (checkedReply).

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null;
const isOffset = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

/**
 * ToContent's messages, each with its check, in one table (the type system
 * makes sure it names every one): the message, cleaned of other fields, or
 * undefined when a field is of the wrong kind.
 */
const CONTENT_CHECKS: { [K in ContentMessage['type']]: (raw: Obj) => Extract<ContentMessage, { type: K }> | undefined } = {
  toggleLookup: () => ({ type: 'toggleLookup' }),
  toggleMarks: () => ({ type: 'toggleMarks' }),
  getStatus: () => ({ type: 'getStatus' }),
  getPageHtml: () => ({ type: 'getPageHtml' }),
  reveal: ({ target, index }) =>
    (target === 'difference' || target === 'term' || target === 'candidate') && isOffset(index)
      ? { type: 'reveal', target, index }
      : undefined,
  step: ({ direction }) => (direction === 1 || direction === -1 ? { type: 'step', direction } : undefined),
};

/** receive(ToContent, …) without valibot, for the content script. */
export function receiveInContent(raw: unknown, sender: { id?: string } | undefined, ownId: string): ContentMessage | undefined {
  const type = envelope(raw, sender, ownId, (t) => Object.hasOwn(CONTENT_CHECKS, t)) as ContentMessage['type'] | undefined;
  if (type === undefined) return undefined;
  return CONTENT_CHECKS[type](raw as Obj) ?? invalid(type, 'fields of the wrong kind');
}

/** Is this the background's answer to `annotate` (not "stale", not a failure)? Its schema was checked before it was sent. */
export function isPageResult(raw: unknown): raw is PageResult {
  if (!isObj(raw) || !isObj(raw.annotations) || !isObj(raw.entries)) return false;
  const a = raw.annotations;
  return (
    typeof a.text === 'string' &&
    [a.matches, a.differences, a.terms, a.candidates, raw.versions, raw.usage].every(Array.isArray) &&
    typeof raw.url === 'string' &&
    typeof raw.title === 'string' &&
    isOffset(raw.frameId)
  );
}

/** Is this the background's answer to `lookup`? Its schema was checked before it was sent. */
export const isLookupReply = (raw: unknown): raw is LookupReply => isObj(raw) && Array.isArray(raw.entries);

/** Status a content script reports to the popup. */
export const StatusSchema = v.object({
  state: v.picklist(['off', 'site-off', 'too-little-chinese', 'too-large', 'working', 'done', 'error']),
  versions: int,
  differences: int,
  terms: int,
});
export type Status = v.InferOutput<typeof StatusSchema>;

/** Replies of the version-library requests: ok with a payload, or a reader-facing error. */
const RefSchema = v.object({ simplified: v.string(), traditional: v.string(), pinyin: v.string() });
/** The background's answer to `lookup`: dictionary entries, longest word first. */
export const LookupReplySchema = v.object({
  entries: v.array(
    v.object({
      simplified: v.string(),
      traditional: v.string(),
      pinyin: v.string(),
      definitions: v.array(v.string()),
      classifiers: v.array(RefSchema),
      variants: v.array(RefSchema),
    }),
  ),
});
export type LookupReply = v.InferOutput<typeof LookupReplySchema>;

export type LibraryReply<T> = { ok: true; value: T } | { ok: false; error: string; quota?: boolean };

/** A user version without its text, for lists. */
export interface VersionSummary {
  id: string;
  title: string;
  outlet: string;
  date: string;
  url: string;
  origin: 'saved' | 'remembered' | 'imported' | 'read';
  savedAt: string;
  characters: number;
}
