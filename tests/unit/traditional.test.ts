/**
 * Traditional script: Taiwan and Hong Kong reprints of mainland articles match
 * their Simplified versions (and the other way round), differences of script
 * alone are not reported, real edits are, in the page's own characters, and
 * glossary terms are marked in Traditional text.
 */
import fs from 'node:fs';
import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { foldScript, normalize, toRawRange } from '../../src/core/normalize';
import { FROM, TO } from '../../src/core/script-fold';
import { SCRIPT_FOLD_FILE, scriptFoldSource } from '../../scripts/make-script-fold';
import { B_ID, EDITS, editedParagraphs } from '../fixtures/chrome-pages';
import { corpus, engine } from './helpers';

const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toHk = OpenCC.Converter({ from: 'cn', to: 'hk' });
const toT = OpenCC.Converter({ from: 'cn', to: 't' });
const visible = (ds: { category: string }[]): unknown[] => ds.filter((d) => d.category !== 'punctuation');

describe('the script fold', () => {
  it('is generated from OpenCC and up to date (npx tsx scripts/make-script-fold.ts)', async () => {
    expect(fs.readFileSync(SCRIPT_FOLD_FILE, 'utf8')).toBe(await scriptFoldSource());
  });

  it('maps one character to one, and folding twice changes nothing', () => {
    expect([...FROM].length).toBe([...TO].length);
    expect(FROM.length).toBe(TO.length);
    expect(foldScript(TO)).toBe(TO);
    expect(new Set(FROM).size).toBe(FROM.length);
  });

  it.each([
    ['楓橋經驗', '枫桥经验'],
    ['小馬拉大車', '小马拉大车'],
    ['兩新', '两新'],
    ['開創新局面', '开创新局面'],
    ['社區', '社区'],
    ['爲人民服務', '为人民服务'],
    ['羣衆', '群众'],
    ['裏面、裡面', '里面、里面'],
    ['穿著', '穿着'],
    ['答覆', '答复'],
  ])('folds %s to %s', (t, s) => {
    expect(normalize(t).norm).toBe(normalize(s).norm);
  });

  it('keeps the offset map exact on Traditional text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...corpus.map((v) => v.text)), fc.nat(), fc.nat({ max: 200 }), (text, at, len) => {
        const raw = toHk(text.slice(at % text.length, (at % text.length) + len));
        const n = normalize(raw);
        for (let i = 0; i < n.norm.length; i++) {
          const [s, e] = toRawRange(n, i, i + 1);
          expect(normalize(raw.slice(s, e)).norm).toContain(n.norm[i]);
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('Traditional reprints', () => {
  it.each(corpus.map((v) => [v.id, v] as const))(
    '%s in Traditional (Taiwan, Hong Kong, generic) matches itself with no difference',
    (id, v) => {
      for (const conv of [toTw, toHk, toT]) {
        const a = engine.annotate(conv(v.text));
        const self = a.matches.find((m) => m.versionId === id);
        expect(self?.score).toBe(1);
        expect(visible(a.differences.filter((d) => d.versionId === id))).toEqual([]);
      }
    },
  );

  it('converting any seed to Traditional and back yields no differences (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...corpus), fc.constantFrom(toTw, toHk, toT), (v, conv) => {
        const back = OpenCC.Converter({ from: 't', to: 'cn' })(conv(v.text));
        const a = engine.compare(back, v);
        expect(visible(a.differences)).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });

  it('a Simplified page matches a Traditional version, the other way round', () => {
    const v = corpus.find((x) => x.id === B_ID)!;
    const a = engine.compare(v.text, { ...v, id: 'hk', text: toHk(v.text) });
    expect(a.matches[0]?.score).toBe(1);
    expect(visible(a.differences)).toEqual([]);
  });

  it.each([
    ['Taiwan', toTw],
    ['Hong Kong', toHk],
  ])('a %s reprint with planted edits shows exactly those edits, in its own characters', (_std, conv) => {
    const planted = [EDITS.first, EDITS.number, EDITS.removed, EDITS.last];
    const page = conv(editedParagraphs(planted).join('\n\n'));
    const a = engine.annotate(page);
    expect(a.matches.map((m) => m.versionId)).toContain(B_ID);
    const diffs = a.differences.filter((d) => d.versionId === B_ID && d.category !== 'punctuation');
    expect(diffs.map((d) => [d.kind, d.pageText, d.otherText])).toEqual([
      ['changed', conv('关乎'), '事关'],
      ['changed', '86個', '82个'],
      ['removed', '', '基层治理是国家治理的基石。'],
      ['changed', conv('更大贡献，在新征程上书写社会工作的崭新篇章'), '贡献'],
    ]);
    for (const d of diffs) expect(page.slice(d.start, d.end)).toBe(d.pageText);
  });

  it('marks every glossary term of the Simplified text in its Traditional reprint, flagged as Traditional', () => {
    const v = corpus.find((x) => x.id === B_ID)!;
    const simplified = engine.annotate(v.text).terms;
    for (const conv of [toTw, toHk]) {
      const trad = engine.annotate(conv(v.text)).terms;
      expect(trad.map((t) => t.termId)).toEqual(simplified.map((t) => t.termId));
      // flagged wherever the script shows (十四五 reads the same in both)
      expect(trad.map((t) => t.traditional === true)).toEqual(trad.map((t, i) => t.text !== simplified[i]!.text));
      expect(trad.filter((t) => t.traditional).length).toBeGreaterThan(trad.length / 2);
    }
    expect(simplified.some((t) => t.traditional)).toBe(false);
    const ids = engine.annotate('推廣新時代“楓橋經驗”，破解“小馬拉大車”問題，推動“兩新”組織黨建。').terms.map((t) => t.termId);
    expect(ids).toEqual(['fengqiao-experience', 'small-horse-big-cart', 'two-new']);
  });
});
