/**
 * jieba-wasm in Node (the CLI, tests, the benchmark). The node build of
 * jieba-wasm loads its wasm synchronously on import, so it is imported
 * lazily: commands that never segment (versions, glossary) skip the cost.
 */
import { createRequire } from 'node:module';
import { fromTagged, fromWords, type Segmenter } from '../core/segmenter';

interface JiebaModule {
  tag(sentence: string, hmm?: boolean | null): { word: string; tag: string }[];
  cut(sentence: string, hmm?: boolean | null): string[];
  add_word(word: string, freq?: number | null, tag?: string | null): number;
}

let jieba: JiebaModule | undefined;
const added = new Set<string>();

/** A segmenter backed by jieba, with `words` added to its dictionary (as nouns, jieba's suggested frequency). */
export function nodeSegmenter(words: readonly string[] = []): Segmenter {
  jieba ??= createRequire(import.meta.url)('jieba-wasm') as JiebaModule;
  const j = jieba;
  for (const w of words) {
    if (added.has(w)) continue;
    j.add_word(w, null, 'n');
    added.add(w);
  }
  return { tokenize: (text) => fromTagged(j.tag(text, true)), split: (text) => fromWords(j.cut(text, true)) };
}
