/** Glossary terms are marked on word boundaries only, longest form first. */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/core/normalize';
import { TermFinder } from '../../src/core/terms';
import { engine, glossary, segmenter } from './helpers';

const finder = new TermFinder(glossary);
const idsIn = (text: string): string[] => finder.find(normalize(text), segmenter).map((t) => t.termId);

describe('terms', () => {
  it.each(glossary.flatMap((e) => e.examples.map((x) => [e.id, e.term, x.text] as const)))(
    '%s (%s) is found in its example sentence',
    (id, _term, sentence) => {
      expect(idsIn(sentence)).toContain(id);
    },
  );

  it.each([
    ['浦东、滨海两新区的开发开放', 'two-new'],
    ['他骑着一匹小马在草原上慢慢走。', 'small-horse-big-cart'],
    ['这匹小马拉着车往前走，大车在后面', 'small-horse-big-cart'],
    ['各地十四五个项目同时开工', 'fourteenth-five-year-plan'],
  ])('does not mark a look-alike: %s', (text, id) => {
    expect(idsIn(text)).not.toContain(id);
  });

  it('prefers the longest form: 新时代“枫桥经验” over 枫桥经验', () => {
    const text = '各地坚持和发展新时代“枫桥经验”，化解矛盾纠纷。';
    const hits = finder.find(normalize(text), segmenter);
    const fq = hits.filter((h) => h.termId === 'fengqiao-experience');
    expect(fq).toHaveLength(1);
    expect(text.slice(fq[0]!.a0, fq[0]!.a1)).toBe('新时代“枫桥经验”');
  });

  it('finds terms whatever the punctuation width', () => {
    expect(idsIn('破解基层治理"小马拉大车"问题')).toContain('small-horse-big-cart');
    expect(idsIn('聚焦“一老一小”、新就业群体等')).toEqual(expect.arrayContaining(['old-and-young', 'new-employment-groups']));
  });

  it('reports terms in page offsets, on the page text itself', () => {
    const text = '服务“一老一小”\n\n的生力军，深化“两新”组织党建';
    const a = engine.annotate(text);
    for (const t of a.terms) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(a.terms.map((t) => t.termId)).toEqual(expect.arrayContaining(['old-and-young', 'two-new']));
  });
});

describe('segmenting many windows in one call', () => {
  it('gives every window the words it gets on its own, tagged or not', async () => {
    const { prefetchTokens, cachedTokensIn, tokensIn, sentenceWindow } = await import('../../src/core/segmenter');
    const { corpus } = await import('./helpers');
    for (const v of corpus) {
      const t = normalize(v.text);
      const windows = Array.from({ length: 40 }, (_, i) =>
        sentenceWindow(t.norm, (i * 997) % t.norm.length, ((i * 997) % t.norm.length) + 3),
      );
      for (const tags of [true, false]) {
        prefetchTokens(segmenter, t, t.norm, windows, tags);
        for (const [lo, hi] of windows)
          expect(cachedTokensIn(segmenter, t, t.norm, lo, hi, tags)).toEqual(tokensIn(segmenter, t.norm, lo, hi, tags));
      }
    }
  });
});
