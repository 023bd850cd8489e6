/**
 * What Tifa keeps of a page it reads: the article. When the page matches a
 * known article, the engine knows its blocks (context.articleText). Otherwise
 * the article is the page's longest stretch of prose: consecutive blocks of
 * sentences, short headings and captions inside allowed, with the chrome and
 * metadata lines left out — the text-density idea behind Readability, on the
 * text and layout the extraction already has.
 */
import { blankLineBreaks, metadataBlocks, type Layout } from './layout';
import { isoDay } from './page-meta';

const HAN = /\p{Script=Han}/gu;
const hanCount = (s: string): number => s.match(HAN)?.length ?? 0;
/** A block with a sentence end after at least this many Chinese characters is prose. */
const PROSE_HAN = 20;
/** Short blocks (headings, captions, bylines) may sit inside the article; longer non-prose ones end it. */
const SHORT_HAN = 30;

/** The page's main article as text (one block a line); '' when it has no prose. */
export function mainArticleText(text: string, layout: Layout = {}): string {
  const breaks = layout.breaks ?? blankLineBreaks(text);
  const skip = [...(layout.chrome ?? []), ...metadataBlocks(text, breaks)];
  // null: a block left out (chrome, metadata), which ends a run; '' (a blank line between blocks) does not.
  const blocks: (string | null)[] = [];
  let from = 0;
  for (const at of [...breaks, text.length]) {
    const inSkip = skip.some(([s, e]) => from >= s && at <= e + 1);
    blocks.push(inSkip ? null : text.slice(from, at).trim());
    from = at + 1;
  }
  // The run of blocks with the most prose, short blocks allowed between prose blocks.
  let best: [number, number, number] = [0, 0, 0]; // start, end (exclusive), prose Han characters
  let start = -1;
  let prose = 0;
  blocks.forEach((b, i) => {
    if (b === '') return;
    const n = b === null ? 0 : hanCount(b);
    const isProse = b !== null && n >= PROSE_HAN && /[。！？!?]/.test(b);
    if (isProse) {
      if (start < 0) start = i;
      prose += n;
      if (prose > best[2]) best = [start, i + 1, prose];
    } else if (b === null || n > SHORT_HAN) {
      start = -1;
      prose = 0;
    }
  });
  const [s, e] = best;
  // A heading just before the first paragraph belongs to the article.
  let before = s - 1;
  while (before >= 0 && blocks[before] === '') before--;
  const h = before >= 0 ? blocks[before] : null;
  const head = h && hanCount(h) <= SHORT_HAN && !/[。！？]/.test(h) ? before : s;
  return blocks.slice(head, e).filter(Boolean).join('\n');
}

/** The date a page shows in its metadata lines (2026-01-25, 2026年1月25日), as YYYY-MM-DD; '' if none. */
export function dateOnPage(text: string, layout: Layout = {}): string {
  const breaks = layout.breaks ?? blankLineBreaks(text);
  for (const [s, e] of metadataBlocks(text, breaks)) {
    const day = isoDay(text.slice(s, e));
    if (day) return day;
  }
  return '';
}
