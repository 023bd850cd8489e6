/**
 * The learner's word list: words starred on a dictionary card, each with the
 * sentence it was met in and the page's address. Validated wherever it is
 * read (storage, backups), exported through the vocabulary exporters (Anki
 * TSV, CSV).
 */
import * as v from 'valibot';
import type { TermRow } from './exports';
import { makeWord, type Word } from './word-record';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

export const WordSchema: v.GenericSchema<unknown, Word> = v.strictObject({
  /** "word:" + simplified + "|" + pinyin: starring the same word again keeps one. */
  id: v.pipe(v.string(), v.regex(/^word:/), v.maxLength(200)),
  simplified: v.pipe(text(40), v.minLength(1)),
  traditional: text(40),
  pinyin: text(200),
  definitions: v.pipe(v.array(text(2000)), v.maxLength(100)),
  /** Measure words, as "本 běn". */
  classifiers: v.pipe(v.array(text(100)), v.maxLength(20)),
  sentence: text(1000),
  url: text(4096),
  title: text(500),
  addedAt: v.string(),
});

export type { Word };
export { makeWord };

const EntrySchema = v.object({
  simplified: v.string(),
  traditional: v.string(),
  pinyin: v.string(),
  definitions: v.array(v.string()),
  classifiers: v.array(v.object({ simplified: v.string(), traditional: v.string(), pinyin: v.string() })),
  variants: v.array(v.object({ simplified: v.string(), traditional: v.string(), pinyin: v.string() })),
});

/** A word-list record from a starred dictionary entry (as a card sent it: checked here), or undefined. */
export function wordFrom(entry: unknown, where: { sentence: string; url: string; title: string }): unknown {
  const r = v.safeParse(EntrySchema, entry);
  return r.success ? makeWord(r.output, where, new Date()) : entry;
}

/** Check an unknown value as a word-list record. */
export function checkWord(x: unknown): { ok: true; word: Word } | { ok: false; problem: string } {
  const r = v.safeParse(WordSchema, x);
  return r.success ? { ok: true, word: r.output } : { ok: false, problem: r.issues[0]?.message ?? 'invalid word' };
}

/** The word list as vocabulary rows (oldest first, as the reader met them). */
export function wordRows(words: readonly Word[]): TermRow[] {
  return [...words]
    .sort((a, b) => a.addedAt.localeCompare(b.addedAt))
    .map((w) => ({
      term: w.traditional && w.traditional !== w.simplified ? `${w.simplified} (${w.traditional})` : w.simplified,
      pinyin: w.pinyin,
      english: w.definitions.join('; '),
      explanation: w.classifiers.length ? `measure words: ${w.classifiers.join(', ')}` : '',
      sentence: w.sentence,
      source: w.url,
    }));
}
