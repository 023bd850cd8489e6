/** `tifa glossary [TERM] [--json]`: list the glossary or print one entry. */
import { publicEntry, type GlossaryEntry } from '../core/glossary';
import { normalize } from '../core/normalize';
import { UsageError } from './input';

/** The entry a query names: id, term, variant or traditional form (width and quotes ignored). */
export function findEntry(entries: readonly GlossaryEntry[], query: string): GlossaryEntry | undefined {
  const q = normalize(query).norm.toLowerCase();
  return entries.find((e) => [e.id, e.term, e.traditional, ...e.variants].some((f) => normalize(f).norm.toLowerCase() === q));
}

function full(e: GlossaryEntry): string {
  const lines = [`${e.term}  ${e.traditional}  ${e.pinyin}`, `id: ${e.id}   category: ${e.category}`, `English: ${e.english}`];
  if (e.literal) lines.push(`Literally: ${e.literal}`);
  if (e.variants.length) lines.push(`Also written: ${e.variants.join('、')}`);
  lines.push('', e.explanationEn, '', e.explanationZh);
  if (e.origin) lines.push('', `Origin: ${e.origin}`);
  if (e.related.length) lines.push('', `Related: ${e.related.join(', ')}`);
  lines.push('', 'Sources:');
  for (const s of e.sources) lines.push(`  - ${s.title}. ${s.publisher}, ${s.date}.${s.url ? ` ${s.url}` : ''}`);
  return lines.join('\n');
}

export function glossaryCommand(entries: readonly GlossaryEntry[], term: string | undefined, json: boolean): string {
  if (term === undefined) {
    if (json) return JSON.stringify(entries.map(publicEntry), null, 2);
    const w = Math.max(...entries.map((e) => e.term.length));
    return entries.map((e) => `${e.term.padEnd(w + 2, '\u3000')}${e.pinyin.padEnd(28)} ${e.english}`).join('\n');
  }
  const e = findEntry(entries, term);
  if (!e) throw new UsageError(`no glossary entry for "${term}" (try \`tifa glossary\` for the list)`);
  return json ? JSON.stringify([publicEntry(e)], null, 2) : full(e);
}
