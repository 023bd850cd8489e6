/** Shared test fixtures: the bundled corpus and glossary, and one jieba-backed engine. */
import { loadCorpus, loadGlossary } from '../../src/cli/assets';
import { nodeSegmenter } from '../../src/cli/jieba';
import { Engine, type Version } from '../../src/core/engine';

export const corpus = loadCorpus();
export const glossary = loadGlossary();
export const segmenter = nodeSegmenter(Engine.dictionaryWords(glossary));
export const engine = new Engine(corpus, glossary, segmenter);

export const A = '000_7d7e2c4cace67202';
export const B = '001_37e5b51ccce53404';
export const C = '002_cdc80b8b71ed997f';
export const PD = '003_5cde503fef3895bf';
export const REVIEW = '004_ecbc3fa7240ad993';

export function version(id: string): Version {
  const v = corpus.find((x) => x.id === id);
  if (!v) throw new Error(`no version ${id}`);
  return v;
}
