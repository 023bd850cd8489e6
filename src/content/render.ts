/**
 * Drawing marks: CSS Custom Highlights for text (the page's DOM is never
 * edited), overlay elements for what a highlight cannot show (a removal has
 * no text to highlight; pinyin sits above a term). Keeps its own arrays of
 * Ranges and never enumerates the highlight registry (Firefox's Xray wrappers
 * forbid it in content scripts).
 */
import { h } from '../shared/dom';
import type { PublicEntry } from '../core/glossary';
import type { PageResult } from '../shared/protocol';
import { rangeFor, type PageText } from './extract';
import { HIGHLIGHTS, type Mark } from './marks';
import { toPage, type Overlay } from './overlay';
// The same highlight styles the manifest injects into the document, for the shadow roots marks sit in.
import HIGHLIGHT_CSS from '../../entrypoints/content/style.css?inline';

let shadowSheet: CSSStyleSheet | undefined;

export class Renderer {
  /** Range of each mark (same order as marks); undefined where the text is gone. */
  ranges: (Range | undefined)[] = [];
  private names = new Set<string>();
  /** Shadow roots given Tifa's highlight styles (taken back on clear). */
  private styled: ShadowRoot[] = [];

  constructor(private readonly overlay: Overlay) {}

  draw(page: PageText, marks: readonly Mark[], result: PageResult, showPinyin: boolean): void {
    this.clear();
    this.ranges = marks.map((m) => rangeFor(page, m.start, m.end));
    const byName = new Map<string, Range[]>();
    marks.forEach((m, i) => {
      const r = this.ranges[i];
      if (!r || !m.highlight) return;
      const list = byName.get(m.highlight) ?? [];
      list.push(r);
      byName.set(m.highlight, list);
    });
    for (const [name, ranges] of byName) {
      CSS.highlights.set(name, new Highlight(...ranges));
      this.names.add(name);
    }
    this.styleShadowRoots(page.shadowRoots);
    this.layout(marks, result, showPinyin);
  }

  /** Removal markers and pinyin labels, positioned from the current layout. */
  layout(marks: readonly Mark[], result: PageResult, showPinyin: boolean): void {
    const layer = this.overlay.marks;
    layer.replaceChildren();
    marks.forEach((m, i) => {
      const r = this.ranges[i];
      if (!r) return;
      if (m.type === 'diff' && m.kind === 'removed') {
        const rect = r.getBoundingClientRect();
        if (!rect.height && !rect.width && !rect.top) return;
        const p = toPage(rect);
        const el = h('div', { class: 'removed', attrs: { 'data-mark': String(i) } });
        el.style.left = `${p.left - 1}px`;
        el.style.top = `${p.top}px`;
        el.style.height = `${Math.max(rect.height, 14)}px`;
        layer.append(el);
      } else if (m.type === 'term' && showPinyin) {
        const rect = r.getClientRects()[0];
        const e = result.entries[m.termId] as PublicEntry | undefined;
        if (!rect || !e) return;
        const p = toPage(rect);
        const el = h('div', { class: 'ruby' }, e.pinyin);
        el.style.left = `${p.left}px`;
        el.style.top = `${p.top}px`;
        layer.append(el);
      }
    });
  }

  /** Briefly highlight one range (side panel "jump to"). */
  flash(r: Range, ms = 1600): void {
    CSS.highlights.set(HIGHLIGHTS.flash, new Highlight(r));
    this.names.add(HIGHLIGHTS.flash);
    setTimeout(() => CSS.highlights.delete(HIGHLIGHTS.flash), ms);
  }

  /** The mark the keyboard is on. */
  focus(r: Range | undefined): void {
    if (r) {
      CSS.highlights.set(HIGHLIGHTS.focus, new Highlight(r));
      this.names.add(HIGHLIGHTS.focus);
    } else CSS.highlights.delete(HIGHLIGHTS.focus);
  }

  /**
   * ::highlight() rules apply per tree: a mark inside a shadow root needs them
   * there too. Adds one constructed sheet to each root's adoptedStyleSheets
   * (the page's DOM and text stay as they are); where that is refused
   * (Firefox's wrappers), marks there are simply not styled.
   */
  private styleShadowRoots(roots: readonly ShadowRoot[]): void {
    if (!roots.length) return;
    try {
      if (!shadowSheet) {
        shadowSheet = new CSSStyleSheet();
        shadowSheet.replaceSync(HIGHLIGHT_CSS);
      }
      for (const root of roots) {
        if (root.adoptedStyleSheets.includes(shadowSheet)) continue;
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, shadowSheet];
        this.styled.push(root);
      }
    } catch {
      // not available here: marks in shadow roots stay unstyled
    }
  }

  clear(): void {
    for (const root of this.styled) {
      try {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((x) => x !== shadowSheet);
      } catch {
        // the root is gone or refuses: nothing to take back
      }
    }
    this.styled = [];
    for (const n of this.names) CSS.highlights.delete(n);
    this.names.clear();
    this.ranges = [];
    this.overlay.marks.replaceChildren();
  }
}
