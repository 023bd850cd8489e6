/**
 * Importing versions from files: .txt (text), .html/.htm (parsed as data,
 * article text extracted; never executed or rendered) and .json (a Tifa
 * backup). Every file is checked before anything is stored; one bad file
 * fails the whole import with a message that names it.
 */
import { DATE_OR_EMPTY, parseBackup, makeUserVersion, type UserVersion } from '../core/user-versions';
import { decodeText, InputError, MAX_IMPORT_BYTES, requireChinese, textKind } from './text-input';

export interface ImportMeta {
  title: string;
  outlet: string;
  date: string;
}

/** Turns HTML source into article text (DOMParser + Readability in the browser, parse5 in tests). */
export type HtmlToText = (html: string) => string;

function checkMeta(meta: ImportMeta): void {
  if (!DATE_OR_EMPTY.test(meta.date.trim())) throw new InputError(`date "${meta.date}": use YYYY, YYYY-MM or YYYY-MM-DD`);
}

/** The versions one file holds (a backup holds many). Throws InputError with a reader-facing message. */
export function versionsFromFile(name: string, bytes: Uint8Array, meta: ImportMeta, htmlToText: HtmlToText, now: Date): UserVersion[] {
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
  const body = kind === 'html' ? htmlToText(text) : text.replace(/\r\n?/g, '\n');
  requireChinese(body, name);
  const stem = name.replace(/\.[^.]+$/, '');
  return [
    makeUserVersion(
      body.trim(),
      { title: meta.title.trim() || stem, outlet: meta.outlet, date: meta.date.trim(), origin: 'imported' },
      now,
    ),
  ];
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

/** All files, or an error: nothing is returned (and so nothing stored) if any file is bad. Duplicates collapse. */
/** The word lists the backups among `files` hold (other files have none; a bad backup was refused by versionsFromFiles). */
export function wordsFromFiles(files: readonly { name: string; bytes: Uint8Array }[]): unknown[] {
  return files
    .filter((f) => f.name.toLowerCase().endsWith('.json'))
    .flatMap((f) => parseBackup(decodeText(f.bytes, f.name, 'text')).words ?? []);
}

export function versionsFromFiles(
  files: readonly { name: string; bytes: Uint8Array }[],
  meta: ImportMeta,
  htmlToText: HtmlToText,
  now: Date,
): UserVersion[] {
  if (!files.length) throw new InputError('no files chosen');
  const byId = new Map<string, UserVersion>();
  for (const f of files) for (const v of versionsFromFile(f.name, f.bytes, meta, htmlToText, now)) if (!byId.has(v.id)) byId.set(v.id, v);
  return [...byId.values()];
}
