/** Small helpers over annotations that the CLI report, the exports, the side panel and the background share. */
import type { Annotations } from './types';

/** The raw text just before and after [start, end): what readers see as a difference's context. */
export function around(text: string, start: number, end: number, width: number): { before: string; after: string } {
  return { before: text.slice(Math.max(0, start - width), start), after: text.slice(end, end + width) };
}

/**
 * The page's article as text: the blocks that are the article in any matched
 * passage (no chrome, metadata lines or "related news" boxes), one per line;
 * undefined when nothing matched.
 */
export function articleText(a: Annotations): string | undefined {
  if (!a.matches.length) return undefined;
  const ranges = a.matches.flatMap((m) => m.article).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const merged: [number, number][] = [];
  for (const [s, e] of ranges) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged.map(([s, e]) => a.text.slice(s, e).trim()).join('\n');
}
