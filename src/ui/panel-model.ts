/**
 * What the side panel shows, computed without the DOM (unit-tested): the
 * differences grouped by kind with context, and the compare view's segments.
 */
import { around } from '../core/context';
import type { Difference, Kind } from '../core/types';
import type { PageResult } from '../shared/protocol';
import type { SettingsSnapshot } from '../shared/settings';
import { shown } from '../shared/shown';

export { versionLabel } from '../shared/version-label';

export const KINDS: Kind[] = ['changed', 'added', 'removed', 'moved'];

export interface DiffItem {
  /** Index into annotations.differences (for "jump to"). */
  index: number;
  d: Difference;
  before: string;
  after: string;
}

const oneLine = (s: string): string => s.replace(/\s+/g, ' ');

/** Differences shown under the settings, grouped by kind, each with 16 characters of context. */
export function groupDifferences(r: PageResult, s: Pick<SettingsSnapshot, 'diffKinds' | 'showPunctuation'>): Map<Kind, DiffItem[]> {
  const text = r.annotations.text;
  const groups = new Map<Kind, DiffItem[]>(KINDS.map((k) => [k, []]));
  r.annotations.differences.forEach((d, index) => {
    if (!shown(d, s)) return;
    const { before, after } = around(text, d.start, d.end, 16);
    groups.get(d.kind)!.push({ index, d, before: oneLine(before), after: oneLine(after) });
  });
  return groups;
}

/** A piece of the compare view: text as both say it, or what one side has. */
export type Segment =
  | { type: 'same'; text: string }
  | { type: 'page'; text: string; index: number } // only on this page (added, or the page's side of a change)
  | { type: 'version'; text: string; index: number } // only in the version (removed, or its side of a change)
  | { type: 'moved'; text: string; index: number; otherBefore: string };

/** The page's matched article against one version, as inline segments in page order. */
export function compareSegments(r: PageResult, versionId: string, s: Pick<SettingsSnapshot, 'diffKinds' | 'showPunctuation'>): Segment[] {
  const a = r.annotations;
  const m = a.matches.find((x) => x.versionId === versionId);
  if (!m) return [];
  const diffs = a.differences
    .map((d, index) => ({ d, index }))
    .filter(({ d }) => d.versionId === versionId && shown(d, s))
    .sort((x, y) => x.d.start - y.d.start || x.d.end - y.d.end);
  const out: Segment[] = [];
  let at = m.start;
  for (const { d, index } of diffs) {
    if (d.start < at) continue; // overlapping (a change inside a moved block): the outer one wins
    if (d.start > at) out.push({ type: 'same', text: a.text.slice(at, d.start) });
    if (d.kind === 'moved') out.push({ type: 'moved', text: d.pageText, index, otherBefore: d.otherBefore });
    else {
      if (d.otherText) out.push({ type: 'version', text: d.otherText, index });
      if (d.pageText) out.push({ type: 'page', text: d.pageText, index });
    }
    at = d.end;
  }
  if (at < m.end) out.push({ type: 'same', text: a.text.slice(at, m.end) });
  return out;
}
