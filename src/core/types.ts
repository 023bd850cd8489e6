/**
 * The engine's output: the `tifa annotate --json` contract (DESIGN.md,
 * "Contracts"). Offsets are UTF-16 indexes into `text`; a removal has
 * start == end at the place where the text is missing.
 */

export type Kind = 'changed' | 'added' | 'removed' | 'moved';
export type Category = 'number' | 'name' | 'wording' | 'punctuation' | 'other';

/** A known version the page contains part of. */
export interface Match {
  versionId: string;
  title: string;
  /** Share of the aligned region that agrees, 0..1. */
  score: number;
  /** The aligned region in the page text. */
  start: number;
  end: number;
  /** The aligned region in the version's text (extra to the contract). */
  versionStart: number;
  versionEnd: number;
  /** The page's blocks within [start, end) that are the article: no chrome, metadata or "related news" boxes (extra). */
  article: [number, number][];
}

export interface Difference {
  versionId: string;
  kind: Kind;
  category: Category;
  start: number;
  end: number;
  /** What the page says here ('' for a removal). */
  pageText: string;
  /** What the other version says here ('' for an addition). */
  otherText: string;
  /** Where otherText stands in the version's text (extra to the contract; for a move, where it stood). */
  otherStart: number;
  otherEnd: number;
  /** Up to 16 characters of the version just before otherStart, whitespace folded (extra): where a move stood, what a removal followed. */
  otherBefore: string;
}

export interface TermHit {
  termId: string;
  text: string;
  start: number;
  end: number;
  /** The page writes it in Traditional script (楓橋經驗): cards show the Traditional form (extra to the contract). */
  traditional?: boolean;
}

/** A numbered formulation (“四个必须”) the glossary does not hold. */
export interface Candidate {
  text: string;
  start: number;
  end: number;
}

export interface Annotations {
  text: string;
  matches: Match[];
  differences: Difference[];
  terms: TermHit[];
  /** Numbered formulations, quoted or announcing a list, that no glossary term covers. */
  candidates: Candidate[];
}
