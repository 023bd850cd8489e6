/**
 * Reading the user's file or stdin, refusing bad input with one clear line:
 * missing file, a directory, binary data, text in no encoding it reads, empty text, or a
 * file too large to be an article page.
 */
import fs from 'node:fs';
import { decodeText as decode, InputError, textKind } from '../shared/text-input';
import type { Layout } from '../core/layout';
import { extractHtml } from './extract-html';

/** An error the user caused: printed as one line, exit code 2. */
export class UsageError extends Error {}

function decodeText(bytes: Uint8Array, name: string, kind: 'text' | 'html'): string {
  try {
    return decode(bytes, name, kind);
  } catch (e) {
    throw e instanceof InputError ? new UsageError(e.message) : e;
  }
}

/** Larger inputs are refused: a news page, even a whole newspaper page, is far smaller. */
export const MAX_BYTES = 10 * 1024 * 1024;

function readBytes(file: string): Buffer {
  if (file === '-') {
    const chunks: Buffer[] = [];
    let total = 0;
    const buf = Buffer.alloc(65536);
    for (;;) {
      let n: number;
      try {
        n = fs.readSync(0, buf, 0, buf.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        if ((e as NodeJS.ErrnoException).code === 'EOF') break;
        throw new UsageError(`cannot read standard input: ${(e as Error).message}`);
      }
      if (n === 0) break;
      total += n;
      if (total > MAX_BYTES)
        throw new UsageError(`standard input is larger than ${MAX_BYTES / 1024 / 1024} MB; Tifa reads article pages, not archives`);
      chunks.push(Buffer.from(buf.subarray(0, n)));
    }
    return Buffer.concat(chunks);
  }
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new UsageError(`${file}: no such file`);
  }
  if (st.isDirectory()) throw new UsageError(`${file}: is a directory, not a file`);
  if (!st.isFile()) throw new UsageError(`${file}: not a regular file`);
  if (st.size > MAX_BYTES)
    throw new UsageError(
      `${file}: ${(st.size / 1024 / 1024).toFixed(1)} MB is larger than ${MAX_BYTES / 1024 / 1024} MB; Tifa reads article pages, not archives`,
    );
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new UsageError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** A page read from a file: its text, and for HTML what the extraction knows of its layout. */
export interface ReadPage {
  text: string;
  layout?: Layout;
}

/** The page text of FILE: HTML extracted for .html/.htm (with its layout), anything else as plain text. */
export function readPage(file: string): ReadPage {
  const name = file === '-' ? 'standard input' : file;
  const kind = textKind(file);
  const text = decodeText(readBytes(file), name, kind);
  const page: ReadPage = kind === 'html' ? extractHtml(text) : { text: text.replace(/\r\n?/g, '\n') };
  if (!page.text.trim()) throw new UsageError(`${name}: no text in it`);
  return page;
}
