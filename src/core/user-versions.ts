/**
 * Versions the reader keeps (saved, remembered or imported), and the backup
 * file that carries them. Pure: storage lives in the background (IndexedDB).
 */
import * as v from 'valibot';
import { WordSchema, type Word } from './words';
import { contentHash } from './content-hash';
import type { Version } from './engine';
import { issueLines } from './glossary';

/** saved: by the reader; imported: from a file; remembered: a new version of a known article (before reading memory); read: an article the reader read. */
export const ORIGINS = ['saved', 'remembered', 'imported', 'read'] as const;

/** A version's date: YYYY, YYYY-MM, YYYY-MM-DD, or empty when unknown. */
export const DATE_OR_EMPTY = /^(\d{4}(-\d{2}(-\d{2})?)?)?$/;

export const UserVersionSchema = v.strictObject({
  /** "user-" + content hash: stable, and the same text always gets the same id. */
  id: v.pipe(v.string(), v.regex(/^user-[0-9a-f]{16}$/, 'id must be user- and a 16-digit hash')),
  title: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
  outlet: v.pipe(v.string(), v.maxLength(200)),
  /** When the text was seen or published: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: v.pipe(v.string(), v.regex(DATE_OR_EMPTY, 'date must be YYYY, YYYY-MM or YYYY-MM-DD')),
  url: v.pipe(v.string(), v.maxLength(4096)),
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(5 * 1024 * 1024)),
  hash: v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/)),
  origin: v.picklist(ORIGINS),
  /** ISO timestamp of when Tifa stored it. */
  savedAt: v.pipe(v.string(), v.maxLength(40)),
  /** ISO timestamp of when the reader last read it (reading memory: the least recently read go first). */
  readAt: v.optional(v.pipe(v.string(), v.maxLength(40))),
  /** Other addresses where the reader read this same text (a later edit there is then noticed too). */
  urls: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(4096))), v.maxLength(20))),
});

export type UserVersion = v.InferOutput<typeof UserVersionSchema>;

/** The id of a user version with this content hash: the same text always gets the same id. */
const idOf = (hash: string): string => `user-${hash}`;

/** The id a text gets as a user version (makeUserVersion's), without making one. */
export function userVersionId(text: string): string {
  return idOf(contentHash(text));
}

/** Kept by the reading memory (read, or remembered before it): the memory's caps may let these go. */
export function fromMemory(origin: UserVersion['origin']): boolean {
  return origin === 'read' || origin === 'remembered';
}

/** When the reader last read a version (or, never read, when it was stored): ISO timestamp. */
export function lastRead(u: UserVersion): string {
  return u.readAt ?? u.savedAt;
}

/** Is this a well-formed user version? Issues as readable lines when not. */
export function checkUserVersion(x: unknown): { ok: true; version: UserVersion } | { ok: false; problems: string[] } {
  const r = v.safeParse(UserVersionSchema, x);
  return r.success ? { ok: true, version: r.output } : { ok: false, problems: issueLines(r.issues) };
}

/** A user version from text and what the reader knows about it; id and hash come from the content. */
export function makeUserVersion(
  text: string,
  meta: { title: string; outlet?: string; date?: string; url?: string; origin: UserVersion['origin'] },
  now: Date,
): UserVersion {
  const hash = contentHash(text);
  return v.parse(UserVersionSchema, {
    id: idOf(hash),
    title: meta.title.trim().slice(0, 500) || '(untitled)',
    outlet: (meta.outlet ?? '').trim().slice(0, 200),
    date: meta.date ?? '',
    url: meta.url ?? '',
    text,
    hash,
    origin: meta.origin,
    savedAt: now.toISOString(),
  });
}

/** The engine's view of a user version. */
export function asVersion(u: UserVersion): Version {
  return { id: u.id, title: u.title, outlet: u.outlet, date: u.date, text: u.text };
}

export const BACKUP_FORMAT = 'tifa-versions-backup';

const BackupSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  formatVersion: v.literal(1),
  exportedAt: v.string(),
  versions: v.array(UserVersionSchema),
  /** The word list (backups made before it existed have none). */
  words: v.optional(v.array(WordSchema)),
});

export type Backup = v.InferOutput<typeof BackupSchema>;

export function makeBackup(versions: readonly UserVersion[], now: Date, words: readonly Word[] = []): Backup {
  return { format: BACKUP_FORMAT, formatVersion: 1, exportedAt: now.toISOString(), versions: [...versions], words: [...words] };
}

/** Parse a backup file's text; throws one clear message for JSON errors, foreign files and corrupt entries. */
export function parseBackup(text: string): Backup {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('not a Tifa backup: the file is not valid JSON');
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new Error('not a Tifa backup: the file is JSON of another kind');
  }
  const r = v.safeParse(BackupSchema, data);
  if (!r.success) throw new Error(`corrupt Tifa backup: ${issueLines(r.issues)[0] ?? ''}`);
  for (const x of r.output.versions) {
    if (contentHash(x.text) !== x.hash || x.id !== idOf(x.hash))
      throw new Error(`corrupt Tifa backup: version "${x.title}" does not match its hash`);
  }
  return r.output;
}
