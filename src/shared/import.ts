/**
 * Importing versions from files: .txt (text), .html/.htm (parsed as data,
 * article text, title, outlet and date extracted; never executed or rendered)
 * and .json (a Tifa backup). Every file is checked before anything is stored; one bad file
 * fails the whole import with a message that names it.
 */
import type { PageMeta } from '../core/page-meta';
import { DATE_OR_EMPTY, parseBackup, makeUserVersion, type UserVersion } from '../core/user-versions';
import { decodeText, InputError, MAX_IMPORT_BYTES, requireChinese, textKind } from './text-input';

export interface ImportMeta {
  title: string;
  outlet: string;
  date: string;
}

/**
 * Turns HTML source into its article text and the page's own title, outlet
 * and date (DOMParser + Readability in the browser, parse5 in the CLI).
 */
export type HtmlToArticle = (html: string) => { text: string; meta: PageMeta };

function checkMeta(meta: ImportMeta): void {
  if (!DATE_OR_EMPTY.test(meta.date.trim())) throw new InputError(`date "${meta.date}": use YYYY, YYYY-MM or YYYY-MM-DD`);
}

/** The versions one file holds (a backup holds many). Throws InputError with a reader-facing message. */
export function versionsFromFile(
  name: string,
  bytes: Uint8Array,
  meta: ImportMeta,
  htmlToArticle: HtmlToArticle,
  now: Date,
): UserVersion[] {
  if (bytes.length > MAX_IMPORT_BYTES) throw new InputError(`${name}: larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  if (bytes.length === 0) throw new InputError(`${name}: the file is empty`);
  const ext = name.toLowerCase().split('.').pop() ?? '';
  const kind = textKind(name);
  const text = decodeText(bytes, name, kind);
  if (ext === 'json') {
    try {
      return parseBackup(text).versions;
    } catch (e) {
      throw new InputError(`${name}: ${(e as Error).message}`);
    }
  }
  checkMeta(meta);
  const page = kind === 'html' ? htmlToArticle(text) : { text: text.replace(/\r\n?/g, '\n'), meta: undefined };
  requireChinese(page.text, name);
  const stem = name.replace(/\.[^.]+$/, '');
  // what the reader typed wins; then what the page says of itself; then the file's name
  const title = meta.title.trim() || page.meta?.title || stem;
  const outlet = meta.outlet.trim() || page.meta?.outlet || '';
  const date = meta.date.trim() || page.meta?.date || '';
  return [makeUserVersion(page.text.trim(), { title, outlet, date, origin: 'imported' }, now)];
}

/** A pasted text as a version. */
export function versionFromPaste(text: string, meta: ImportMeta, now: Date): UserVersion {
  if (new TextEncoder().encode(text).length > MAX_IMPORT_BYTES)
    throw new InputError(`the pasted text is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  checkMeta(meta);
  requireChinese(text, 'the pasted text');
  return makeUserVersion(
    text.trim(),
    { title: meta.title.trim() || text.trim().slice(0, 30), outlet: meta.outlet, date: meta.date.trim(), origin: 'imported' },
    now,
  );
}

/** The word lists the backups among `files` hold (other files have none; a bad backup was refused by versionsFromFiles). */
export function wordsFromFiles(files: readonly { name: string; bytes: Uint8Array }[]): unknown[] {
  return files
    .filter((f) => f.name.toLowerCase().endsWith('.json'))
    .flatMap((f) => parseBackup(decodeText(f.bytes, f.name, 'text')).words ?? []);
}

/** All files, or an error: nothing is returned (and so nothing stored) if any file is bad. Duplicates collapse. */
export function versionsFromFiles(
  files: readonly { name: string; bytes: Uint8Array }[],
  meta: ImportMeta,
  htmlToArticle: HtmlToArticle,
  now: Date,
): UserVersion[] {
  if (!files.length) throw new InputError('no files chosen');
  const byId = new Map<string, UserVersion>();
  for (const f of files)
    for (const v of versionsFromFile(f.name, f.bytes, meta, htmlToArticle, now)) if (!byId.has(v.id)) byId.set(v.id, v);
  return [...byId.values()];
}
