/**
 * The bundled corpus and glossary, as the extension build sees them: the same
 * files as the CLI reads (assets/), pulled in by Vite at build time and
 * validated by the same schemas.
 */
import type { Version } from '../core/engine';
import { parseGlossary, type GlossaryEntry } from '../core/glossary';
import { parseManifest } from '../core/manifest';
import manifestJson from '../../assets/corpus/manifest.json';

const texts = import.meta.glob<string>('../../assets/corpus/*.txt', { query: '?raw', import: 'default', eager: true });
const entryFiles = import.meta.glob<unknown>('../../assets/glossary/entries/*.json', { import: 'default', eager: true });

export function bundledVersions(): Version[] {
  return parseManifest(manifestJson).versions.map(({ file, ...meta }) => {
    const text = texts[`../../assets/corpus/${file}`];
    if (text === undefined) throw new Error(`corpus file missing from the build: ${file}`);
    return { ...meta, text };
  });
}

export function bundledGlossary(): GlossaryEntry[] {
  return parseGlossary(Object.entries(entryFiles).map(([name, data]) => ({ name: name.split('/').pop()!, data })));
}
