/**
 * `tifa pack DIR [-o library.json]`: a folder of saved pages and texts turned
 * into a Tifa backup file — what a teacher hands a class so everyone's Tifa
 * knows the versions of the articles they study. Each file is read as the
 * options page's importer reads it (encodings, HTML as inert data with the
 * page chrome left out, a backup's versions merged); one bad file stops the
 * whole pack with a message naming it. The file is written whole or not at
 * all. `tifa annotate --versions library.json` and the options page's import
 * read it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { metadataBlocks } from '../core/layout';
import type { PageMeta } from '../core/page-meta';
import { makeBackup, parseBackup, type UserVersion } from '../core/user-versions';
import { InputError } from '../shared/text-input';
import { versionsFromFiles } from '../shared/import';
import { extractHtml } from './extract-html';
import { UsageError } from './input';

/** A saved page's article text (its blocks, without the page chrome and metadata lines) and its title, outlet and date. */
export function htmlArticle(html: string): { text: string; meta: PageMeta } {
  const { text, layout, meta } = extractHtml(html);
  const drop = [...layout.chrome, ...metadataBlocks(text, layout.breaks)].sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [s, e] of drop) {
    if (s > at) out += text.slice(at, s);
    at = Math.max(at, e);
  }
  out += text.slice(at);
  const article = out
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
  return { text: article, meta };
}

/** Every regular, visible file in DIR, read whole. */
function filesIn(dir: string): { name: string; bytes: Uint8Array }[] {
  let names: string[];
  try {
    if (!fs.statSync(dir).isDirectory()) throw new UsageError(`${dir}: not a directory`);
    names = fs.readdirSync(dir).filter((f) => !f.startsWith('.') && fs.statSync(path.join(dir, f)).isFile());
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${dir}: no such directory`);
  }
  if (!names.length) throw new UsageError(`${dir}: no files in it`);
  return names.sort().map((name) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(dir, name))) }));
}

/** The versions of DIR's files (ids by content: the same text twice is kept once). */
export function packVersions(dir: string, now: Date): UserVersion[] {
  try {
    return versionsFromFiles(filesIn(dir), { title: '', outlet: '', date: '' }, htmlArticle, now);
  } catch (e) {
    throw e instanceof InputError ? new UsageError(e.message) : e;
  }
}

/** Run `tifa pack`: the backup's JSON, written to `out` (whole or not at all) or returned for stdout. */
export function packCommand(dir: string, out: string | undefined, now = new Date()): string {
  const versions = packVersions(dir, now);
  const json = JSON.stringify(makeBackup(versions, now), null, 2);
  if (out === undefined) return json;
  if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new UsageError(`-o ${out}: is a directory`);
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, json + '\n');
    fs.renameSync(tmp, out);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new UsageError(`-o ${out}: cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return `${out}: ${versions.length} version${versions.length === 1 ? '' : 's'} (${versions.map((v) => v.title).join('; ')})`;
}

/** The versions of a Tifa backup file (a library made by `tifa pack`, or exported from the options page). */
export function backupVersions(file: string): UserVersion[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`--versions ${file}: no such file`);
  }
  try {
    return parseBackup(text).versions;
  } catch (e) {
    throw new UsageError(`--versions ${file}: ${(e as Error).message}`);
  }
}
