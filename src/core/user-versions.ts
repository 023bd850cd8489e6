/**
 * Versions the reader keeps (saved, remembered or imported), and the backup
 * file that carries them. Pure: storage lives in the background (IndexedDB).
 */
import { z } from 'zod';
import { contentHash } from './content-hash';
import type { Version } from './engine';

export const ORIGINS = ['saved', 'remembered', 'imported'] as const;

export const UserVersionSchema = z
  .object({
    /** "user-" + content hash: stable, and the same text always gets the same id. */
    id: z.string().regex(/^user-[0-9a-f]{16}$/),
    title: z.string().min(1).max(500),
    outlet: z.string().max(200),
    /** When the text was seen or published: YYYY, YYYY-MM or YYYY-MM-DD. */
    date: z.string().regex(/^(\d{4}(-\d{2}(-\d{2})?)?)?$/),
    url: z.string().max(4096),
    text: z
      .string()
      .min(1)
      .max(5 * 1024 * 1024),
    hash: z.string().regex(/^[0-9a-f]{16}$/),
    origin: z.enum(ORIGINS),
    /** ISO timestamp of when Tifa stored it. */
    savedAt: z.string().max(40),
  })
  .strict();

export type UserVersion = z.infer<typeof UserVersionSchema>;

/** A user version from text and what the reader knows about it; id and hash come from the content. */
export function makeUserVersion(
  text: string,
  meta: { title: string; outlet?: string; date?: string; url?: string; origin: UserVersion['origin'] },
  now: Date,
): UserVersion {
  const hash = contentHash(text);
  return UserVersionSchema.parse({
    id: `user-${hash}`,
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

const BackupSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.literal(1),
    exportedAt: z.string(),
    versions: z.array(UserVersionSchema),
  })
  .strict();

export type Backup = z.infer<typeof BackupSchema>;

export function makeBackup(versions: readonly UserVersion[], now: Date): Backup {
  return { format: BACKUP_FORMAT, formatVersion: 1, exportedAt: now.toISOString(), versions: [...versions] };
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
  const r = BackupSchema.safeParse(data);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new Error(`corrupt Tifa backup: ${i.path.join('.') || '(file)'}: ${i.message}`);
  }
  for (const v of r.data.versions) {
    if (contentHash(v.text) !== v.hash || v.id !== `user-${v.hash}`)
      throw new Error(`corrupt Tifa backup: version "${v.title}" does not match its hash`);
  }
  return r.data;
}
