/**
 * Page text from the live DOM, with a map back to DOM positions.
 *
 * Text nodes are taken verbatim (so an offset into `text` is an offset into
 * a node's data); "\n" is inserted between blocks and for <br>. The walk
 * follows the flat tree, into open shadow roots and through slots. Skipped:
 * script/style/template and other non-text elements, form fields,
 * contenteditable regions, hidden elements, and Tifa's own overlay. Text
 * under a page landmark (site header, navigation, side column, footer) is
 * recorded as chrome, which the engine leaves out of comparisons.
 * Mirrors src/cli/extract-html.ts, which does the same for saved HTML.
 */
import { BLOCK_TAGS, isChromeElement, MAIN_SELECTOR, SECTIONING_SELECTOR, SKIP_TAGS } from '../shared/html-tags';

/** A run of `text` that is the data of one text node, from `nodeOffset` on. */
export interface Segment {
  node: Text;
  start: number;
  length: number;
}

export interface PageText {
  text: string;
  segments: Segment[];
  /** Index into `segments` of each text node's first segment. */
  byNode: Map<Text, number>;
  /** Open shadow roots the walk went into (for hit-testing and highlight styles there). */
  shadowRoots: ShadowRoot[];
  /** Offsets of the "\n" characters that separate blocks (a text node's own line breaks are not among them). */
  breaks: number[];
  /** Page chrome: [start, end) ranges of text under landmarks. */
  chrome: [number, number][];
}

/** Is this element page chrome? Landmarks only; one that wraps the article is not. */
function isChrome(el: Element, name: string): boolean {
  const landmark = name === 'nav' || name === 'aside' || name === 'header' || name === 'footer';
  const role = landmark || el.hasAttributes() ? (el.getAttribute('role') ?? undefined) : undefined;
  if (!role && !landmark) return false;
  const sectioned = (name === 'header' || name === 'footer') && el.parentElement?.closest(SECTIONING_SELECTOR) != null;
  return isChromeElement(name, role, sectioned) && !el.querySelector(MAIN_SELECTOR);
}

/** The tag name of Tifa's overlay host; never part of the page text. */
export const OVERLAY_TAG = 'tifa-overlay';

/**
 * Every DOM call here crosses into the content script's isolated world, which
 * costs far more than in the page, so the cheap tests come first and most
 * elements (a bare <p>) need only their name and one visibility check.
 */
function skipElement(el: Element, name: string): boolean {
  if (SKIP_TAGS.has(name) || name === OVERLAY_TAG) return true;
  if (
    el.hasAttributes() &&
    (el.hasAttribute('hidden') ||
      el.getAttribute('aria-hidden') === 'true' ||
      // an editing host; what lies inside it is skipped with it
      (el.hasAttribute('contenteditable') && el instanceof HTMLElement && el.isContentEditable))
  )
    return true;
  // display:none, content-visibility:hidden, visibility:hidden (Chrome 121+, Firefox 125+). A visible
  // child of a visibility:hidden parent is lost; pages almost never do that with article text.
  return typeof el.checkVisibility === 'function' && !el.checkVisibility({ visibilityProperty: true });
}

/** Marks the end of a chrome element on the walk's stack. */
const CHROME_END = Symbol('chrome end');

interface Walk {
  /** Walk on until done (true) or until `pause()`, asked every 64 nodes, says to stop for now (false). */
  run(pause: () => boolean): boolean;
  result(): PageText;
}

/**
 * The walk over the flat tree, resumable. Iterative, so a hostile, very deep
 * DOM cannot overflow the stack.
 */
function walk(root: Node): Walk {
  const parts: string[] = [];
  const segments: Segment[] = [];
  const byNode = new Map<Text, number>();
  const shadowRoots: ShadowRoot[] = [];
  const breaks: number[] = [];
  const chrome: [number, number][] = [];
  let chromeFrom = -1; // where the open chrome element's text starts (-1: not in chrome)
  let length = 0;
  let lastNewline = true;
  const newline = (): void => {
    if (!lastNewline) {
      breaks.push(length);
      parts.push('\n');
      length++;
      lastNewline = true;
    } else if (length > 0 && breaks[breaks.length - 1] !== length - 1 && parts[parts.length - 1]?.endsWith('\n')) {
      breaks.push(length - 1); // the text before ended with its own line break: that one separates the blocks
    }
  };
  // The pending work, as two parallel stacks: a node to enter (null: close a block; CHROME_END: close
  // a chrome element), and whether its next sibling comes after it. Children are reached by sibling
  // links one at a time, so an element with 90,000 children costs no more per step than one with two.
  const nodes: (Node | null | typeof CHROME_END)[] = [root];
  const chained: boolean[] = [false];
  const push = (node: Node | null | typeof CHROME_END, chain: boolean): void => {
    nodes.push(node);
    chained.push(chain);
  };
  const run = (pause: () => boolean): boolean => {
    let n = 0;
    while (nodes.length) {
      if ((++n & 63) === 0 && pause()) return false;
      const node = nodes.pop()!;
      const chain = chained.pop()!;
      if (node === null) {
        newline();
        continue;
      }
      if (node === CHROME_END) {
        newline();
        if (length > chromeFrom) chrome.push([chromeFrom, length]);
        chromeFrom = -1;
        continue;
      }
      if (chain) {
        const next = node.nextSibling;
        if (next) push(next, true);
      }
      if (node.nodeType === Node.TEXT_NODE) {
        const data = (node as Text).data;
        if (!data) continue;
        byNode.set(node as Text, segments.length);
        segments.push({ node: node as Text, start: length, length: data.length });
        parts.push(data);
        length += data.length;
        if (/\S/.test(data)) lastNewline = data.endsWith('\n');
        continue;
      }
      let parent: Node = node;
      if (node.nodeType === Node.ELEMENT_NODE) {
        const el = node as Element;
        const name = el.localName;
        if (name === 'br') {
          newline();
          continue;
        }
        if (skipElement(el, name)) continue;
        if (chromeFrom < 0 && isChrome(el, name)) {
          newline();
          chromeFrom = length;
          push(CHROME_END, false);
        } else if (BLOCK_TAGS.has(name)) {
          newline();
          push(null, false);
        }
        // The flat tree, as it renders: an open shadow root instead of the host's children,
        // and at a <slot> the nodes assigned to it (or its fallback content).
        const shadow = el.shadowRoot;
        if (shadow) {
          shadowRoots.push(shadow);
          parent = shadow;
        } else if (name === 'slot') {
          const assigned = (el as HTMLSlotElement).assignedNodes({ flatten: true });
          if (assigned.length) {
            // assigned nodes are a list, not siblings of each other
            for (let i = assigned.length - 1; i >= 0; i--) push(assigned[i]!, false);
            continue;
          }
        }
      } else if (node.nodeType !== Node.DOCUMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) {
        continue;
      }
      const first = parent.firstChild;
      if (first) push(first, true);
    }
    return true;
  };
  return { run, result: () => ({ text: parts.join(''), segments, byNode, shadowRoots, breaks, chrome }) };
}

/** Extract the text under `root`, in one go. */
export function extractPage(root: Node): PageText {
  const w = walk(root);
  w.run(() => false);
  return w.result();
}

/** Let the page's own tasks run: scheduler.yield() where the browser has it, else a macrotask. */
function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((ok) => setTimeout(ok, 0));
}

/**
 * Extract in slices of about `sliceMs`, yielding to the page between them:
 * in the content script's isolated world every node costs a few
 * microseconds, so a 300k-character page would otherwise be one long task.
 * Each slice is a `tifa:extract` User Timing measure (DevTools, the budget
 * tests). Undefined when `cancelled()` says, at a pause, that a newer run
 * made this one moot. The DOM may change between slices; the mutation that
 * changed it schedules another run.
 */
export async function extractPageSliced(root: Node, sliceMs: number, cancelled: () => boolean): Promise<PageText | undefined> {
  const w = walk(root);
  for (;;) {
    const t0 = performance.now();
    const done = w.run(() => performance.now() - t0 >= sliceMs);
    performance.measure('tifa:extract', { start: t0, end: performance.now() });
    if (done) return w.result();
    await yieldToPage();
    if (cancelled()) return undefined;
  }
}

/** Index of the segment holding text offset `pos` (the last segment starting at or before it). */
function segmentAt(p: PageText, pos: number): number {
  let lo = 0;
  let hi = p.segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (p.segments[mid]!.start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A DOM Range for text offsets [start, end); undefined when the text is gone. */
export function rangeFor(p: PageText, start: number, end: number): Range | undefined {
  if (!p.segments.length) return undefined;
  const a = p.segments[segmentAt(p, start)]!;
  // For the end, prefer the segment that contains end-1 (so the range does not spill into the next node).
  const b = p.segments[segmentAt(p, Math.max(start, end - 1))]!;
  const so = Math.min(Math.max(0, start - a.start), a.length);
  const eo = end <= start ? so : Math.min(Math.max(0, end - b.start), b.length);
  if (!a.node.isConnected || !b.node.isConnected) return undefined;
  try {
    const r = document.createRange();
    r.setStart(a.node, Math.min(so, a.node.length));
    if (end <= start) r.collapse(true);
    else r.setEnd(b.node, Math.min(eo, b.node.length));
    return r;
  } catch {
    return undefined;
  }
}

/**
 * The text offset of the caret position at a viewport point, or undefined
 * off the extracted text. Naming the open shadow roots lets the hit land
 * inside them (Chrome 128+, Firefox 139+).
 */
export function offsetAtPoint(p: PageText, x: number, y: number): number | undefined {
  let node: Node | undefined;
  let offset = 0;
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number, o?: { shadowRoots: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;
  };
  if (doc.caretPositionFromPoint) {
    const c = doc.caretPositionFromPoint(x, y, { shadowRoots: p.shadowRoots });
    if (c) [node, offset] = [c.offsetNode, c.offset];
  } else {
    const r = document.caretRangeFromPoint?.(x, y);
    if (r) [node, offset] = [r.startContainer, r.startOffset];
  }
  return node ? offsetOf(p, node, offset) : undefined;
}

/** The text offset of a DOM position (from hit-testing); undefined outside the extracted text. */
export function offsetOf(p: PageText, node: Node, offset: number): number | undefined {
  const i = p.byNode.get(node as Text);
  if (i === undefined) return undefined;
  return p.segments[i]!.start + offset;
}
