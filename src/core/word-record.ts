/**
 * A word-list record, made where the reader stars a word (the content
 * script, which must stay small: no schema library here; the background
 * validates every record with core/words.ts before storing it).
 */
import type { DictEntry } from './dictionary';

export interface Word {
  /** "word:" + simplified + "|" + pinyin: starring the same word again keeps one. */
  id: string;
  simplified: string;
  traditional: string;
  pinyin: string;
  definitions: string[];
  /** Measure words, as "本 běn". */
  classifiers: string[];
  /** The sentence it was met in. */
  sentence: string;
  url: string;
  /** The page's title. */
  title: string;
  addedAt: string;
}

/** A word-list record for a dictionary entry met in `sentence` on page `url`. */
export function makeWord(e: DictEntry, where: { sentence: string; url: string; title: string }, now: Date): Word {
  return {
    id: `word:${e.simplified}|${e.pinyin}`,
    simplified: e.simplified,
    traditional: e.traditional,
    pinyin: e.pinyin,
    definitions: e.definitions.slice(0, 100),
    classifiers: e.classifiers.slice(0, 20).map((c) => `${c.simplified} ${c.pinyin}`),
    sentence: where.sentence.replace(/\s+/g, ' ').trim().slice(0, 1000),
    url: where.url.slice(0, 4096),
    title: where.title.slice(0, 500),
    addedAt: now.toISOString(),
  };
}
