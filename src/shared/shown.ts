/**
 * Which differences the reader sees, under their settings: one rule for the
 * page's marks (content script) and the side panel's lists (ui).
 */
import type { Difference } from '../core/types';
import type { SettingsSnapshot } from './settings';

/** Is this difference shown under the reader's settings? */
export function shown(d: Difference, s: Pick<SettingsSnapshot, 'diffKinds' | 'showPunctuation'>): boolean {
  if (d.category === 'punctuation') return s.showPunctuation;
  if (d.kind === 'added' || d.kind === 'removed' || d.kind === 'moved') return s.diffKinds[d.kind];
  return s.diffKinds[d.category];
}
