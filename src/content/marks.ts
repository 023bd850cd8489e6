/**
 * What to mark on the page, from the engine's result and the settings. Pure:
 * no DOM. One mark per place and kind; a place that differs from several
 * versions keeps every version's reading for the card.
 */
import type { PageResult } from '../shared/protocol';
import type { SettingsSnapshot } from '../shared/settings';
import type { Difference } from '../core/types';
import { shown } from '../shared/shown';

/** The CSS highlight registry names Tifa uses (all start with "tifa-"). */
export const HIGHLIGHTS = {
  term: 'tifa-term',
  candidate: 'tifa-candidate',
  /** The word under the pointer while its dictionary card shows. */
  lookup: 'tifa-lookup',
  number: 'tifa-diff-number',
  name: 'tifa-diff-name',
  wording: 'tifa-diff-wording',
  punctuation: 'tifa-diff-punctuation',
  other: 'tifa-diff-other',
  added: 'tifa-diff-added',
  moved: 'tifa-diff-moved',
  flash: 'tifa-flash',
  focus: 'tifa-focus',
} as const;

export interface TermMark {
  type: 'term';
  start: number;
  end: number;
  highlight: string;
  termId: string;
  /** The page writes the term in Traditional script. */
  traditional: boolean;
}

export interface DiffMark {
  type: 'diff';
  start: number;
  end: number;
  /** '' for removals: drawn as a marker in the overlay, not a highlight. */
  highlight: string;
  kind: Difference['kind'];
  category: Difference['category'];
  /** Indexes into annotations.differences: one per version that differs here. */
  refs: number[];
}

/** A numbered formulation the glossary does not hold (“四个必须”). */
export interface CandidateMark {
  type: 'candidate';
  start: number;
  end: number;
  highlight: string;
  text: string;
}

export type Mark = TermMark | DiffMark | CandidateMark;

export function highlightOf(d: Difference): string {
  if (d.kind === 'removed') return '';
  if (d.kind === 'moved') return HIGHLIGHTS.moved;
  if (d.kind === 'added') return d.category === 'punctuation' ? HIGHLIGHTS.punctuation : HIGHLIGHTS.added;
  return HIGHLIGHTS[d.category];
}

/** Marks in page order: differences first at equal positions, then terms, then numbered formulations. */
export function buildMarks(r: PageResult, s: Pick<SettingsSnapshot, 'diffKinds' | 'showPunctuation'>): Mark[] {
  const marks: Mark[] = [];
  const byPlace = new Map<string, DiffMark>();
  r.annotations.differences.forEach((d, i) => {
    if (!shown(d, s)) return;
    const highlight = highlightOf(d);
    const key = `${d.start}:${d.end}:${highlight}`;
    const same = byPlace.get(key);
    if (same) same.refs.push(i);
    else {
      const m: DiffMark = { type: 'diff', start: d.start, end: d.end, highlight, kind: d.kind, category: d.category, refs: [i] };
      byPlace.set(key, m);
      marks.push(m);
    }
  });
  for (const t of r.annotations.terms)
    marks.push({
      type: 'term',
      start: t.start,
      end: t.end,
      highlight: HIGHLIGHTS.term,
      termId: t.termId,
      traditional: t.traditional === true,
    });
  for (const c of r.annotations.candidates)
    marks.push({ type: 'candidate', start: c.start, end: c.end, highlight: HIGHLIGHTS.candidate, text: c.text });
  const order = { diff: 0, term: 1, candidate: 2 };
  return marks.sort((a, b) => a.start - b.start || order[a.type] - order[b.type]);
}

/** Marks covering text offset `pos`, innermost (shortest) first. Removals never cover anything. */
export function marksAt(marks: readonly Mark[], pos: number): Mark[] {
  return marks.filter((m) => m.start <= pos && pos < m.end).sort((a, b) => a.end - a.start - (b.end - b.start));
}

/** Counts for the badge and popup: versions matched, places that differ, distinct terms. */
export function counts(
  r: PageResult,
  s: Pick<SettingsSnapshot, 'diffKinds' | 'showPunctuation'>,
): { versions: number; differences: number; terms: number } {
  const marks = buildMarks(r, s);
  return {
    versions: r.annotations.matches.length,
    differences: marks.filter((m) => m.type === 'diff').length,
    terms: new Set(r.annotations.terms.map((t) => t.termId)).size,
  };
}
