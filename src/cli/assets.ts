/**
 * The bundled data, read from assets/ in Node: corpus versions (manifest +
 * text files) and glossary entries (one JSON file each). The extension reads
 * the same files through its bundler; both go through the same validation.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Version } from '../core/engine';
import { parseGlossary, type GlossaryEntry } from '../core/glossary';
import { parseManifest } from '../core/manifest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS_DIR = path.join(ROOT, 'assets/corpus');
export const GLOSSARY_DIR = path.join(ROOT, 'assets/glossary/entries');

/** The bundled versions, in manifest order. */
export function loadCorpus(dir = CORPUS_DIR): Version[] {
  const manifest = parseManifest(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')));
  return manifest.versions.map(({ file, ...meta }) => ({ ...meta, text: fs.readFileSync(path.join(dir, file), 'utf8') }));
}

/** Every glossary entry, validated as a whole (throws listing every problem). */
export function loadGlossary(dir = GLOSSARY_DIR): GlossaryEntry[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return parseGlossary(
    files.map((f) => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      try {
        return { name: f, data: JSON.parse(text) as unknown };
      } catch (e) {
        throw new Error(`invalid glossary: ${f}: ${(e as Error).message}`);
      }
    }),
  );
}

/** Hosts glossary sources must not point to (assets/glossary/unrelated-hosts.txt: sites unrelated to what they carry). */
export function unrelatedHosts(file = path.join(ROOT, 'assets/glossary/unrelated-hosts.txt')): Set<string> {
  return new Set(
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#')),
  );
}

/** A source address's host, without "www." (the form unrelated-hosts.txt lists). */
export const hostOf = (url: string): string => new URL(url).hostname.replace(/^www\./, '');
