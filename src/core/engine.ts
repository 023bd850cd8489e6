/**
 * The engine: known versions in, annotations out.
 *
 * page text → normalize → fingerprints → candidate versions (index) →
 * align each candidate around the page passage that hit it → typed
 * differences; glossary terms found independently. Pure: the segmenter is
 * handed in, nothing is loaded here.
 */
import { align, type AlignOp, type Alignment } from './align';
import { findCandidates } from './candidates';
import { typeEdits } from './classify';
import { CorpusIndex } from './corpus-index';
import type { GlossaryEntry } from './glossary';
import { fingerprint, type Fingerprints } from './kgrams';
import { articleBlocks, blankLineBreaks, blockAt, metadataBlocks, normBlockStarts, withoutRanges, type Layout } from './layout';
import { hasFoldedScript, normalize, toRawRange, type NormText } from './normalize';
import type { Segmenter } from './segmenter';
import { TermFinder } from './terms';
import type { Annotations, Candidate, Difference, Match, TermHit } from './types';

/** A known version of an article. */
export interface Version {
  id: string;
  title: string;
  outlet: string;
  date: string;
  note?: string;
  text: string;
}

export interface EngineOptions {
  /** Least share of a region that must agree for a match (0..1). */
  minScore?: number;
  /** Least number of agreeing characters for a match. */
  minSame?: number;
}

const han = (s: string): string => s.replace(/[^\p{Script=Han}]/gu, '');

/** Least score of a match that is a passage quoted inside another text (Alignment.excerpt). */
const EXCERPT_MIN_SCORE = 0.85;
/** Hits further apart than this on the page belong to different passages. */
const CLUSTER_GAP = 3000;
/** Page text aligned beyond the outermost hit of a passage, each side. */
const MARGIN = 1500;

interface Known {
  v: Version;
  t: NormText;
  /** Where its paragraphs start in `t.norm`. */
  blocks: number[];
  removed?: boolean;
}

/** A page as compared: chrome left out, its blocks in the same coordinates. */
interface Page {
  t: NormText;
  blocks: number[];
}

function known(v: Version): Known {
  const breaks = blankLineBreaks(v.text);
  const t = withoutRanges(normalize(v.text), metadataBlocks(v.text, breaks));
  return { v, t, blocks: normBlockStarts(t, breaks) };
}

/** The page's normalized text without its chrome and metadata lines, and where its blocks start. */
function pageOf(whole: NormText, layout: Layout = {}): Page {
  const breaks = layout.breaks ?? blankLineBreaks(whole.raw);
  const t = withoutRanges(whole, [...(layout.chrome ?? []), ...metadataBlocks(whole.raw, breaks)]);
  return { t, blocks: normBlockStarts(t, breaks) };
}

/** Where a glossary term is used: on the page, and in which matched versions. */
export interface TermUsage {
  termId: string;
  onPage: boolean;
  inVersions: string[];
  notInVersions: string[];
}

/** A page made ready for comparison: normalized, chrome left out, fingerprinted (Engine.prepare). */
export interface Prepared {
  text: string;
  whole: NormText;
  page: Page;
  fp: Fingerprints;
}

/** A version from the reader's library that shares passages with the page, its text loaded for this page. */
export interface Extra {
  version: Version;
  /** Page positions of the shared fingerprints (LibraryCandidate.positions). */
  positions: readonly number[];
}

/** Library versions kept normalized between pages (the reader often opens the same article again). */
const EXTRA_CACHE = 32;

/** The result of comparing one text against one version, in raw offsets of both. */
export interface Comparison {
  match: Match;
  differences: Difference[];
}

export class Engine {
  private readonly known: Known[] = [];
  /** Library versions normalized for recent pages, by id, least recently used first. */
  private readonly extras = new Map<string, Known>();
  private readonly index: CorpusIndex;
  private readonly terms: TermFinder;
  private readonly entries: Map<string, GlossaryEntry>;
  private readonly minScore: number;
  private readonly minSame: number;

  constructor(
    versions: readonly Version[],
    glossary: readonly GlossaryEntry[],
    private seg: Segmenter,
    opts: EngineOptions = {},
  ) {
    this.minScore = opts.minScore ?? 0.4;
    this.minSame = opts.minSame ?? 80;
    for (const v of versions) this.known.push(known(v));
    this.index = CorpusIndex.build(this.known.map((k) => fingerprint(k.t.norm).hashes));
    this.terms = new TermFinder(glossary);
    this.entries = new Map(glossary.map((e) => [e.id, e]));
  }

  /** Use this segmenter from now on (jieba, once it has started; the engine may be built with CHARACTERS before). */
  setSegmenter(seg: Segmenter): void {
    this.seg = seg;
  }

  /** Made with a stand-in segmenter: differences are not widened to words, short terms are missing. */
  get provisional(): boolean {
    return this.seg.provisional === true;
  }

  /** The glossary entry with this id. */
  entry(id: string): GlossaryEntry | undefined {
    return this.entries.get(id);
  }

  /** Words the segmenter's dictionary must hold for term confirmation (of this engine's glossary). */
  dictionaryWords(): string[] {
    return this.terms.dictionaryWords();
  }

  /** Words the segmenter's dictionary must hold for term confirmation. */
  static dictionaryWords(glossary: readonly GlossaryEntry[]): string[] {
    return new TermFinder(glossary).dictionaryWords();
  }

  /** The versions known now (bundled first, then added ones; removed ones left out). */
  versions(): Version[] {
    return this.known.filter((k) => !k.removed).map((k) => k.v);
  }

  /**
   * Know one more version from now on, without rebuilding the index (user
   * versions). Adding an id that exists replaces it.
   */
  addVersion(v: Version): void {
    this.removeVersion(v.id);
    const k = known(v);
    this.index.add(this.known.length, fingerprint(k.t.norm).hashes);
    this.known.push(k);
  }

  /** Forget a version added with addVersion (its index postings are skipped from now on). */
  removeVersion(id: string): boolean {
    this.extras.delete(id);
    const i = this.known.findIndex((k) => k.v.id === id && !k.removed);
    if (i < 0) return false;
    this.index.remove(i);
    this.known[i]!.removed = true;
    return true;
  }

  /**
   * For each term on the page, which matched versions use it in their aligned
   * passage and which do not (接诉即办 in one version where another reads 接听即办).
   */
  termUsage(a: Annotations): TermUsage[] {
    const found = new Map<string, Set<string>>();
    for (const m of a.matches) {
      const known = this.knownById(m.versionId);
      if (!known) continue;
      const region = known.t.raw.slice(m.versionStart, m.versionEnd);
      for (const h of this.terms.find(normalize(region), this.seg)) {
        const set = found.get(h.termId) ?? new Set<string>();
        set.add(m.versionId);
        found.set(h.termId, set);
      }
    }
    // The article is the page's matched passages; the rest of the page is not part of the comparison.
    const inArticle = (t: { start: number; end: number }): boolean =>
      !a.matches.length || a.matches.some((m) => t.start >= m.start && t.end <= m.end);
    const pageTerms = a.terms.filter(inArticle);
    const ids = [...new Set(pageTerms.map((t) => t.termId))];
    // Terms a version uses that the page does not, too: they are differences of wording.
    for (const id of found.keys()) if (!ids.includes(id)) ids.push(id);
    return ids.map((termId) => {
      const inVersions = a.matches.map((m) => m.versionId).filter((v) => found.get(termId)?.has(v));
      return {
        termId,
        onPage: pageTerms.some((t) => t.termId === termId),
        inVersions,
        notInVersions: a.matches.map((m) => m.versionId).filter((v) => !inVersions.includes(v)),
      };
    });
  }

  /**
   * Known versions, differences and terms in a page's text. `layout` is what
   * the extraction knows of its structure: blocks and page chrome (left out
   * of the comparison); plain text is read by its blank-line paragraphs.
   */
  annotate(text: string, layout?: Layout, extras: readonly Extra[] = []): Annotations {
    return this.annotatePrepared(this.prepare(text, layout), extras);
  }

  /** The page made ready: normalized, chrome and metadata left out, fingerprinted (the library looks it up). */
  prepare(text: string, layout?: Layout): Prepared {
    const whole = normalize(text);
    const page = pageOf(whole, layout);
    return { text, whole, page, fp: fingerprint(page.t.norm) };
  }

  /**
   * annotate() for a prepared page, compared with the engine's own versions
   * and with `extras`: library versions that share passages with it, their
   * texts loaded for this page.
   */
  annotatePrepared(p: Prepared, extras: readonly Extra[] = []): Annotations {
    const { page } = p;
    const matches: Match[] = [];
    const differences: Difference[] = [];
    const compare = (k: Known, positions: readonly number[]): void => {
      const cmp = this.judge(page, k, densestPassage(positions, page.t.norm.length));
      if (!cmp) return;
      matches.push(cmp.match);
      differences.push(...cmp.differences);
    };
    for (const cand of this.index.candidates(p.fp)) {
      const k = this.known[cand.doc]!;
      if (!k.removed) compare(k, cand.positions);
    }
    const own = new Set(this.known.filter((k) => !k.removed).map((k) => k.v.id));
    for (const x of extras) if (!own.has(x.version.id)) compare(this.extraKnown(x.version), x.positions);
    matches.sort((a, b) => b.score - a.score || a.versionId.localeCompare(b.versionId));
    differences.sort((a, b) => a.start - b.start || a.end - b.end || a.versionId.localeCompare(b.versionId));
    return { text: p.text, matches, differences, ...this.findTerms(p.whole) };
  }

  /** A library version, normalized once and kept for the next pages (a few dozen at most). */
  private extraKnown(v: Version): Known {
    let k = this.extras.get(v.id);
    if (k && k.v.text === v.text) this.extras.delete(v.id);
    else k = known(v);
    this.extras.set(v.id, k);
    while (this.extras.size > EXTRA_CACHE) this.extras.delete(this.extras.keys().next().value!);
    return k;
  }

  private knownById(id: string): Known | undefined {
    return this.known.find((k) => k.v.id === id && !k.removed) ?? this.extras.get(id);
  }

  /** The version with this id: the engine's own, or a library version compared recently. */
  version(id: string): Version | undefined {
    return this.knownById(id)?.v;
  }

  /**
   * `text` against one version, known or not (`tifa compare`): the same
   * annotations as annotate(), with that version as the only candidate.
   */
  compare(text: string, other: Version, layout?: Layout): Annotations {
    const whole = normalize(text);
    const page = pageOf(whole, layout);
    const k = this.known.find((x) => x.v === other && !x.removed) ?? known(other);
    const cmp = this.judge(page, k, [0, page.t.norm.length]);
    return { text, matches: cmp ? [cmp.match] : [], differences: cmp?.differences ?? [], ...this.findTerms(whole) };
  }

  /** The page window [w0, w1) against one version: a match and its differences, or undefined. */
  private judge(page: Page, k: Known, [w0, w1]: [number, number]): Comparison | undefined {
    const windowed = w0 > 0 || w1 < page.t.norm.length;
    const A = windowed ? page.t.norm.slice(w0, w1) : page.t.norm;
    const aBlocks = windowed ? [0, ...page.blocks.filter((b) => b > w0 && b < w1).map((b) => b - w0)] : page.blocks;
    const raw = align(A, k.t.norm, { aBlocks, bBlocks: k.blocks, minScore: this.minScore, minExcerptScore: EXCERPT_MIN_SCORE });
    if (!raw) return undefined;
    const { al, article } = articleOnly(shift(raw, w0), page);
    // The score is over the whole region, other blocks included: a different article that shares a few
    // quotations with this one is not a version of it.
    const lenA = al.a1 - al.a0;
    const lenB = al.b1 - al.b0;
    const score = (2 * al.same) / (lenA + lenB);
    // A passage quoted inside another text counts only as a near-verbatim copy: articles on one subject
    // share quotations and formulas without being versions of each other.
    if (al.same < this.minSame || score < (al.excerpt ? EXCERPT_MIN_SCORE : this.minScore)) return undefined;
    const [start, end] = toRawRange(page.t, al.a0, al.a1);
    const [versionStart, versionEnd] = toRawRange(k.t, al.b0, al.b1);
    const match: Match = {
      versionId: k.v.id,
      title: k.v.title,
      score: Math.floor(score * 1000) / 1000, // floor: only an identical text scores 1
      start,
      end,
      versionStart,
      versionEnd,
      article: article.map(([a, b]) => toRawRange(page.t, a, b)),
    };
    const differences = typeEdits(page.t, k.t, al, this.seg).map((e): Difference => {
      const [s, en] = toRawRange(page.t, e.a0, e.a1);
      const [os, oe] = toRawRange(k.t, e.b0, e.b1);
      return {
        versionId: k.v.id,
        kind: e.kind,
        category: e.category,
        start: s,
        end: en,
        pageText: page.t.raw.slice(s, en),
        otherText: k.t.raw.slice(os, oe),
        otherStart: os,
        otherEnd: oe,
        otherBefore: k.t.raw
          .slice(Math.max(0, os - 24), os)
          .replace(/\s+/g, '')
          .slice(-16),
      };
    });
    return { match, differences };
  }

  /** Glossary terms on the page, and the numbered formulations none of them covers. */
  private findTerms(page: NormText): { terms: TermHit[]; candidates: Candidate[] } {
    const spans = this.terms.find(page, this.seg);
    const candidates = findCandidates(page.norm)
      .filter((c) => !spans.some((h) => c.a0 < h.a1 && h.a0 < c.a1))
      .map((c): Candidate => {
        const [start, end] = toRawRange(page, c.a0, c.a1);
        return { text: page.raw.slice(start, end), start, end };
      });
    const terms = spans.map((h) => {
      const [start, end] = toRawRange(page, h.a0, h.a1);
      const text = page.raw.slice(start, end);
      // Traditional when the page's characters are not the glossary's (Simplified) spelling and fold to it.
      const traditional = han(text) !== han(h.form) && hasFoldedScript(text);
      return { termId: h.termId, text, start, end, ...(traditional && { traditional }) };
    });
    return { terms, candidates };
  }
}

/** The page window around the densest cluster of fingerprint hits. */
function densestPassage(positions: readonly number[], len: number): [number, number] {
  let best: [number, number] = [0, 0];
  let bestCount = 0;
  let from = 0;
  for (let i = 1; i <= positions.length; i++) {
    if (i === positions.length || positions[i]! - positions[i - 1]! > CLUSTER_GAP) {
      if (i - from > bestCount) {
        bestCount = i - from;
        best = [positions[from]!, positions[i - 1]!];
      }
      from = i;
    }
  }
  return [Math.max(0, best[0] - MARGIN), Math.min(len, best[1] + MARGIN)];
}

/**
 * The alignment restricted to the article. Inside the region, a page block
 * that hardly agrees with the version (a "related news" box between two
 * paragraphs, an excerpting page's own words between two quotations) is not
 * the article: its text is neither added nor changed, and a removal is shown
 * only where it borders the article. Except a paragraph of prose the page
 * inserted where the version has nothing: that is an added paragraph.
 */
function articleOnly(al: Alignment, page: Page): { al: Alignment; article: [number, number][] } {
  const len = page.t.norm.length;
  const agree = al.ops.filter((op) => op.kind === 'equal' || op.kind === 'moved').map((op) => [op.a0, op.a1] as const);
  const agreeing = articleBlocks(page.blocks, len, agree);
  const inserted = new Set<number>(); // blocks of prose the page added where the version has nothing
  for (const op of al.ops) {
    if (op.kind !== 'added') continue;
    for (let p = op.a0; p < op.a1;) {
      const [s, e] = blockAt(page.blocks, len, p);
      if (s >= op.a0 && e <= op.a1 && isProse(page.t.norm.slice(s, e))) inserted.add(s);
      p = e;
    }
  }
  const isArticle = (p: number): boolean => agreeing(p) || (p >= 0 && p < len && inserted.has(blockAt(page.blocks, len, p)[0]));
  const ops: AlignOp[] = [];
  let changed = false;

  for (const op of al.ops) {
    if (op.kind === 'equal' || op.kind === 'moved') {
      ops.push(op);
      continue;
    }
    if (op.a0 === op.a1) {
      if (isArticle(op.a0 - 1) || isArticle(op.a0)) ops.push(op);
      else changed = true;
      continue;
    }
    // The op's page text, cut to the article blocks it touches; nothing left: not the article's.
    let a0 = op.a0;
    let a1 = op.a1;
    while (a0 < a1 && !isArticle(a0)) a0 = blockAt(page.blocks, len, a0)[1];
    while (a1 > a0 && !isArticle(a1 - 1)) a1 = blockAt(page.blocks, len, a1 - 1)[0];
    if (a0 === op.a0 && a1 === op.a1) {
      ops.push(op);
      continue;
    }
    changed = true;
    if (a1 > a0) ops.push({ ...op, a0, a1, kind: op.b1 > op.b0 ? 'changed' : 'added' });
  }
  // The article's blocks within the region, for whoever keeps the article's text (remembering a version).
  const article: [number, number][] = [];
  for (let p = al.a0; p < al.a1;) {
    const [s, e] = blockAt(page.blocks, len, p);
    const from = Math.max(s, al.a0);
    const to = Math.min(e, al.a1);
    if (isArticle(p)) article.push([from, to]);
    p = to;
  }
  return { al: changed ? { ...al, ops } : al, article };
}

/** A block of prose: a sentence's end after at least 20 Chinese characters (a list of headlines has none). */
function isProse(s: string): boolean {
  const end = Math.max(s.lastIndexOf('。'), s.lastIndexOf('!'), s.lastIndexOf('?'));
  return end > 0 && (s.slice(0, end).match(HAN_G)?.length ?? 0) >= 20;
}
const HAN_G = /\p{Script=Han}/gu;

function shift(al: Alignment, by: number): Alignment {
  if (by === 0) return al;
  return {
    ...al,
    a0: al.a0 + by,
    a1: al.a1 + by,
    ops: al.ops.map((o) => ({ ...o, a0: o.a0 + by, a1: o.a1 + by })),
  };
}
