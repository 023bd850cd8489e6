/**
 * `tifa define TEXT [--json]`: the dictionary entries for the longest word at
 * the start of TEXT, then the shorter ones (CC-CEDICT). JSON:
 * { query, entries: [{ simplified, traditional, pinyin, definitions }] },
 * pinyin with tone marks. A TEXT that starts with no dictionary word is a
 * usage error (one line on stderr, exit 2).
 */
import type { DictEntry, Dictionary } from '../core/dictionary';
import { UsageError } from './input';

export function defineCommand(dict: Dictionary, query: string, json: boolean): string {
  const text = query.trim();
  const entries = dict.lookup(text);
  if (!entries.length) throw new UsageError(`no dictionary word at the start of "${query}"`);
  if (json) {
    const out = entries.map(({ simplified, traditional, pinyin, definitions }) => ({ simplified, traditional, pinyin, definitions }));
    return JSON.stringify({ query, entries: out }, null, 2);
  }
  return entries.map(human).join('\n\n');
}

function human(e: DictEntry): string {
  const head = e.traditional !== e.simplified ? `${e.simplified} (${e.traditional})` : e.simplified;
  const lines = [`${head}  ${e.pinyin}`, ...e.definitions.map((d, i) => `  ${i + 1}. ${d}`)];
  if (e.classifiers.length) lines.push(`  measure words: ${e.classifiers.map((c) => `${c.simplified} ${c.pinyin}`).join(', ')}`);
  if (e.variants.length) lines.push(`  see also: ${e.variants.map((v) => `${v.simplified} ${v.pinyin}`).join(', ')}`);
  return lines.join('\n');
}
