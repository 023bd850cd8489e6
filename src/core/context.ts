/** Small helpers over annotations that the CLI report, the exports, the side panel and the background share. */
import type { Annotations } from './types';

/** The raw text just before and after [start, end): what readers see as a difference's context. */
export function around(text: string, start: number, end: number, width: number): { before: string; after: string } {
  return { before: text.slice(Math.max(0, start - width), start), after: text.slice(end, end + width) };
}

/** The page's article: from the first matched passage's start to the last one's end; undefined when nothing matched. */
export function articleRange(a: Annotations): [number, number] | undefined {
  if (!a.matches.length) return undefined;
  return [Math.min(...a.matches.map((m) => m.start)), Math.max(...a.matches.map((m) => m.end))];
}
