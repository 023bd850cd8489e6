/**
 * Glossary terms on word boundaries.
 *
 * A dictionary scan over the normalized page finds every place a term or a
 * variant is spelled out; jieba (with every glossary form in its dictionary)
 * then confirms each candidate starts and ends on a word boundary in its
 * sentence, so 滨海两新区 ("two new districts") is not the term 两新. Only the
 * sentences around candidates are segmented, and only for short forms: a
 * form of four or more Chinese characters, or one with no Chinese character
 * next to it (in quotation marks, between punctuation), is not part of a
 * longer word by accident (jieba would cost more than the rest of term
 * finding). Overlaps go to the longest form.
 */
import type { GlossaryEntry } from './glossary';
import { normalize, type NormText } from './normalize';
import { cachedTokensIn, prefetchTokens, sentenceWindow, type Segmenter } from './segmenter';

/** A term found in normalized text. */
export interface TermSpan {
  termId: string;
  a0: number;
  a1: number;
  /** The glossary's spelling of the form found (its term or a variant). */
  form: string;
}

interface Form {
  norm: string;
  id: string;
  form: string;
  /** Short and unquoted: jieba must confirm it is a word where it stands. */
  confirm: boolean;
  /** Also an ordinary word: counts only inside quotation marks. */
  quoted: boolean;
}

const QUOTE = /["']/;

/** Forms with fewer Chinese characters than this are confirmed by jieba. */
const CONFIRM_BELOW = 4;
const hanCount = (s: string): number => s.match(/\p{Script=Han}/gu)?.length ?? 0;

const HAN_RUN = /\p{Script=Han}{2,}/gu;
const HAN = /\p{Script=Han}/u;

export class TermFinder {
  /** Forms by their first two code units (every form has at least two): most places in a text hold none. */
  private readonly byFirst = new Map<number, Form[]>();

  constructor(entries: readonly GlossaryEntry[]) {
    for (const e of entries) {
      const quoted = new Set((e.quotedOnly ?? []).map((q) => normalize(q).norm));
      for (const f of new Set([e.term, ...e.variants])) {
        const norm = normalize(f).norm;
        if (norm.length < 2) continue;
        const key = norm.charCodeAt(0) * 0x10000 + norm.charCodeAt(1);
        const list = this.byFirst.get(key) ?? [];
        list.push({
          norm,
          id: e.id,
          form: f,
          confirm: hanCount(norm) < CONFIRM_BELOW && !/^".+"$/.test(norm),
          quoted: quoted.has(norm),
        });
        this.byFirst.set(key, list);
      }
    }
  }

  /**
   * Words to add to the segmenter's dictionary: every form, and for forms
   * with punctuation inside (街乡吹哨、部门报到) each run of Chinese characters.
   */
  dictionaryWords(): string[] {
    const words = new Set<string>();
    for (const forms of this.byFirst.values()) {
      for (const f of forms) for (const m of f.norm.matchAll(HAN_RUN)) words.add(m[0]);
    }
    return [...words];
  }

  find(t: NormText, seg: Segmenter): TermSpan[] {
    const s = t.norm;
    const found: TermSpan[] = [];
    const check: TermSpan[] = [];
    for (let i = 0; i + 1 < s.length; i++) {
      const forms = this.byFirst.get(s.charCodeAt(i) * 0x10000 + s.charCodeAt(i + 1));
      if (!forms) continue;
      for (const f of forms) {
        if (!s.startsWith(f.norm, i)) continue;
        if (f.quoted && !(QUOTE.test(s[i - 1] ?? '') && QUOTE.test(s[i + f.norm.length] ?? ''))) continue;
        const span = { termId: f.id, a0: i, a1: i + f.norm.length, form: f.form };
        // no Chinese character on either side: a word boundary on both, nothing for jieba to confirm
        if (!f.confirm || !(HAN.test(s[i - 1] ?? '') || HAN.test(s[i + f.norm.length] ?? ''))) found.push(span);
        else if (!seg.provisional) check.push(span); // a stand-in segmenter cannot tell words: the full run will
      }
    }
    // Confirm short forms on word boundaries, segmenting each sentence window once (all in one call into jieba).
    const windows = check.map((c) => sentenceWindow(s, c.a0, c.a1));
    prefetchTokens(seg, t, s, windows, false);
    const boundaries = new Map<string, Set<number>>();
    const confirmed = check.filter((c, i) => {
      const [lo, hi] = windows[i]!;
      const key = `${lo}:${hi}`;
      let b = boundaries.get(key);
      if (!b) {
        b = new Set<number>([lo, hi]);
        for (const tok of cachedTokensIn(seg, t, s, lo, hi, false)) {
          b.add(tok.start);
          b.add(tok.end);
        }
        boundaries.set(key, b);
      }
      return b.has(c.a0) && b.has(c.a1);
    });
    confirmed.push(...found);
    // Longest first; a shorter form inside a longer one is dropped.
    confirmed.sort((x, y) => y.a1 - y.a0 - (x.a1 - x.a0) || x.a0 - y.a0);
    const taken: TermSpan[] = [];
    for (const c of confirmed) if (!taken.some((t2) => c.a0 < t2.a1 && t2.a0 < c.a1)) taken.push(c);
    return taken.sort((x, y) => x.a0 - y.a0);
  }
}
