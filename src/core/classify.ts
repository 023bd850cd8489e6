/**
 * From alignment ops to typed differences.
 *
 * A character diff says "潮 → 绪"; a reader wants "心潮激荡 → 心绪激荡" typed as
 * wording, "28个 → 82个" as a number, "李肖娜 → 肖娜" as a name. So each edit is
 * widened to whole words (jieba, in a window around the edit only) and whole
 * numbers with their units, neighbours that then touch are merged (a
 * transposition 想思/思想 becomes one change), and the result is classified.
 * Width-only punctuation differences are invisible after normalization; they
 * are found by comparing the raw characters behind equal text (script-only
 * differences, 開/开, are not differences and are not reported).
 */
import type { Alignment } from './align';
import type { NormText } from './normalize';
import { cachedTokensIn, prefetchTokens, sentenceWindow, type SegToken, type Segmenter } from './segmenter';
import type { Category, Kind } from './types';

/** A typed difference in normalized offsets: A is the page, B the other version. */
export interface TypedEdit {
  kind: Kind;
  category: Category;
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

const DIGIT = /[0-9０-９]/;
const NUM_CHAR = /[0-9.,%０-９〇零一二两三四五六七八九十百千万亿]/;
const CN_NUMERAL = /[〇零一二两三四五六七八九十百千万亿]/;
/** Units and measure words that belong to a number: 2580.2万件, 82个, 3.5%. */
const UNIT = /[万亿千百个件人名家项次年月日号岁位元%条所座辆户期批届倍]/;
const PUNCT = /[\p{P}\p{S}]/gu;
const NAME_TAGS = new Set(['nr', 'nrt', 'nrfg', 'ns', 'nt']);
const HAN = /^\p{Script=Han}+$/u;
const HAN_CHAR = /^\p{Script=Han}$/u;
/** Edits longer than this (either side) are passages, not words. */
const SHORT = 12;
/** Characters of wording (both sides together) a change across a sentence boundary may have and still be wording. */
const FEW = 4;
/** Common surnames: an unknown 2–4 character word starting with one is probably a person's name. */
const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤习赖',
]);

class Tokens {
  constructor(
    private readonly seg: Segmenter,
    private readonly t: NormText,
  ) {}

  /** Tokens of the sentence window around [start, end). */
  around(start: number, end: number): SegToken[] {
    const [lo, hi] = sentenceWindow(this.t.norm, start, end);
    return cachedTokensIn(this.seg, this.t, this.t.norm, lo, hi, false);
  }
}

/** How far `pos` must move left to reach a token start (0 when it is one). */
function leftCut(tokens: SegToken[], pos: number): number {
  for (const t of tokens) if (t.start < pos && pos < t.end) return pos - t.start;
  return 0;
}

function rightCut(tokens: SegToken[], pos: number): number {
  for (const t of tokens) if (t.start < pos && pos < t.end) return t.end - pos;
  return 0;
}

/** Extra reach needed so a number touching [start, end) is taken whole with its unit. */
function numberReach(s: string, start: number, end: number): [number, number] {
  const inner = s.slice(start, end);
  const touches = DIGIT.test(inner) || DIGIT.test(s[start - 1] ?? '') || DIGIT.test(s[end] ?? '');
  const cn = CN_NUMERAL.test(inner) && inner.length > 0 && [...inner].every((c) => NUM_CHAR.test(c));
  if (!touches && !cn) return [0, 0];
  let lo = start;
  while (lo > 0 && NUM_CHAR.test(s[lo - 1]!)) lo--;
  if (lo > 0 && s[lo - 1] === '第') lo--;
  let hi = end;
  while (hi < s.length && NUM_CHAR.test(s[hi]!)) hi++;
  if (hi < s.length && UNIT.test(s[hi]!)) hi++;
  return [start - lo, hi - end];
}

/** An edit being typed: `core` holds the characters the diff itself changed, on both sides. */
interface Edit extends TypedEdit {
  core: string;
}

/** Widen word-sized edits to whole words and numbers; merge edits that then touch. */
function widen(At: NormText, Bt: NormText, edits: Edit[], seg: Segmenter): Edit[] {
  const A = At.norm;
  const B = Bt.norm;
  const ta = new Tokens(seg, At);
  const tb = new Tokens(seg, Bt);
  const short = edits.filter((e) => e.a1 - e.a0 <= SHORT && e.b1 - e.b0 <= SHORT);
  prefetchTokens(
    seg,
    At,
    A,
    short.map((e) => sentenceWindow(A, e.a0, e.a1)),
    false,
  );
  prefetchTokens(
    seg,
    Bt,
    B,
    short.map((e) => sentenceWindow(B, e.b0, e.b1)),
    false,
  );
  const out: Edit[] = [];
  for (const e of edits) {
    let w: Edit = { ...e };
    // Passages are reported as they are; only word-sized edits are widened.
    if (e.a1 - e.a0 <= SHORT && e.b1 - e.b0 <= SHORT) {
      const tokA = ta.around(e.a0, e.a1);
      const tokB = tb.around(e.b0, e.b1);
      const [nla, nra] = numberReach(A, e.a0, e.a1);
      const [nlb, nrb] = numberReach(B, e.b0, e.b1);
      // The text left of an edit is the same in both versions, so both sides move by the same amount.
      let left = Math.min(Math.max(leftCut(tokA, e.a0), leftCut(tokB, e.b0), nla, nlb), e.a0, e.b0);
      let right = Math.min(Math.max(rightCut(tokA, e.a1), rightCut(tokB, e.b1), nra, nrb), A.length - e.a1, B.length - e.b1);
      // Only widen over text that really is equal on both sides.
      while (left > 0 && A.slice(e.a0 - left, e.a0) !== B.slice(e.b0 - left, e.b0)) left--;
      while (right > 0 && A.slice(e.a1, e.a1 + right) !== B.slice(e.b1, e.b1 + right)) right--;
      w = { ...e, a0: e.a0 - left, a1: e.a1 + right, b0: e.b0 - left, b1: e.b1 + right };
    }
    const last = out[out.length - 1];
    if (last && (w.a0 <= last.a1 || isTransposition(A, B, last, w))) {
      last.a1 = Math.max(last.a1, w.a1);
      last.b1 = Math.max(last.b1, w.b1);
      last.core += w.core;
    } else {
      out.push(w);
    }
  }
  return out;
}

const sorted = (s: string): string => [...s].sort().join('');

/**
 * Two edits one character apart whose joint span holds the same characters on
 * both sides (想思 / 思想): one transposition, not two edits.
 */
function isTransposition(A: string, B: string, x: Edit, y: Edit): boolean {
  if (y.a0 - x.a1 !== 1 || y.b0 - x.b1 !== 1) return false;
  const a = A.slice(x.a0, y.a1);
  const b = B.slice(x.b0, y.b1);
  return a !== b && sorted(a) === sorted(b);
}

/** Does this token look like a proper name: tagged as one, or an unknown word starting with a surname? */
function isNameToken(t: SegToken, s: string): boolean {
  if (NAME_TAGS.has(t.tag)) return true;
  const w = s.slice(t.start, t.end);
  return t.tag === 'x' && w.length >= 2 && w.length <= 4 && HAN.test(w) && SURNAMES.has(w[0]!);
}

function classify(At: NormText, Bt: NormText, e: Edit, seg: Segmenter): Category {
  const A = At.norm;
  const B = Bt.norm;
  const pa = A.slice(e.a0, e.a1);
  const pb = B.slice(e.b0, e.b1);
  const wa = pa.replace(PUNCT, '');
  const wb = pb.replace(PUNCT, '');
  if (wa === wb) return 'punctuation';
  if (pa.length > SHORT || pb.length > SHORT) return 'other';
  // Across a sentence boundary it is a passage, unless only a few characters of wording changed with
  // the punctuation (用处。 / 处；): then it is that wording.
  if (/[。!?;]/.test(pa + pb) && wa.length + wb.length > FEW) return 'other';
  const core = e.core.replace(PUNCT, '');
  if (DIGIT.test(pa + pb) || (core && [...core].every((c) => NUM_CHAR.test(c)))) return 'number';
  const names = (t: NormText, a: number, b: number): boolean =>
    a < b && cachedTokensIn(seg, t, t.norm, a, b).some((tok) => isNameToken(tok, t.norm));
  if (names(At, e.a0, e.a1) || names(Bt, e.b0, e.b1)) return 'name';
  return 'wording';
}

/** Width-only differences hidden under equal text: same normalized character, different raw one. */
function widthDiffs(A: NormText, B: NormText, al: Alignment): TypedEdit[] {
  const out: TypedEdit[] = [];
  for (const op of al.ops) {
    if (op.kind !== 'equal' && op.kind !== 'moved') continue;
    for (let i = 0; i < op.a1 - op.a0; i++) {
      const ia = op.a0 + i;
      const ib = op.b0 + i;
      const ra = A.raw.slice(A.rawStart[ia], A.rawEnd[ia]);
      const rb = B.raw.slice(B.rawStart[ib], B.rawEnd[ib]);
      // Script alone (開/开, 爲/为) is no difference at all: one article in two scripts.
      if (ra === rb || HAN_CHAR.test(ra)) continue;
      const last = out[out.length - 1];
      if (last && last.a1 === ia && last.b1 === ib) {
        last.a1++;
        last.b1++;
      } else {
        out.push({ kind: 'changed', category: 'punctuation', a0: ia, a1: ia + 1, b0: ib, b1: ib + 1 });
      }
    }
  }
  return out;
}

/** Typed differences of the page A against version B, sorted by page position. */
export function typeEdits(A: NormText, B: NormText, al: Alignment, seg: Segmenter): TypedEdit[] {
  const raw: Edit[] = [];
  for (const op of al.ops) {
    if (op.kind === 'equal' || op.kind === 'moved') continue;
    const core = A.norm.slice(op.a0, op.a1) + B.norm.slice(op.b0, op.b1);
    raw.push({ kind: op.kind, category: 'other', a0: op.a0, a1: op.a1, b0: op.b0, b1: op.b1, core });
  }
  const wide = widen(A, B, raw, seg);
  // The words of each edit, on both sides, for telling names (one call into jieba per side).
  prefetchTokens(
    seg,
    A,
    A.norm,
    wide.map((e) => [e.a0, e.a1] as const),
  );
  prefetchTokens(
    seg,
    B,
    B.norm,
    wide.map((e) => [e.b0, e.b1] as const),
  );
  const edits = wide.map((e): TypedEdit => {
    const kind: Kind = e.a1 > e.a0 && e.b1 > e.b0 ? 'changed' : e.a1 > e.a0 ? 'added' : 'removed';
    return { kind, category: classify(A, B, e, seg), a0: e.a0, a1: e.a1, b0: e.b0, b1: e.b1 };
  });
  const moves: TypedEdit[] = al.ops
    .filter((op) => op.kind === 'moved')
    .map((op) => ({ kind: 'moved', category: 'other', a0: op.a0, a1: op.a1, b0: op.b0, b1: op.b1 }));
  return [...edits, ...moves, ...widthDiffs(A, B, al)].sort((x, y) => x.a0 - y.a0 || x.a1 - y.a1);
}
