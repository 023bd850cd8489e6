/**
 * Tifa's one element in the page: a host with an open shadow root holding
 * the hover card, the badge, removal markers and pinyin labels. The page's
 * own DOM and text are never touched; the host is skipped by extraction and
 * removed on destroy().
 */
import { OVERLAY_TAG } from './extract';
// Imported as a string (minified by the build) and put in the shadow root's <style>.
import OVERLAY_CSS from './overlay.css?inline';

// Inline !important beats any page rule, including `* { all: unset !important }`.
const HOST_STYLE =
  'all: initial !important; position: absolute !important; top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; z-index: 2147483647 !important; display: block !important; overflow: visible !important; contain: none !important;';

export class Overlay {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  /** Absolutely positioned things (card, markers, pinyin) in page coordinates. */
  readonly layer: HTMLDivElement;
  /** Markers and labels, redrawn on every layout change. */
  readonly marks: HTMLDivElement;
  readonly card: HTMLDivElement;
  readonly badge: HTMLButtonElement;

  constructor() {
    this.host = document.createElement(OVERLAY_TAG);
    this.host.setAttribute('style', HOST_STYLE);
    this.root = this.host.attachShadow({ mode: 'open' });
    this.layer = document.createElement('div');
    this.layer.className = 'layer';
    this.marks = document.createElement('div');
    this.card = document.createElement('div');
    this.card.className = 'card';
    this.card.hidden = true;
    this.card.setAttribute('role', 'dialog');
    this.card.tabIndex = -1;
    this.badge = document.createElement('button');
    this.badge.className = 'badge';
    this.badge.hidden = true;
    this.layer.append(this.marks, this.card);
    this.root.append(this.layer, this.badge);
    adoptStyles(this.root);
    document.documentElement.append(this.host);
  }

  /** Keep the host attached (some pages rebuild <html>'s children). */
  ensureAttached(): void {
    if (!this.host.isConnected) document.documentElement.append(this.host);
  }

  destroy(): void {
    this.host.remove();
  }
}

/** Page coordinates of a viewport rect. */
export function toPage(r: DOMRect): { left: number; top: number; right: number; bottom: number } {
  return { left: r.left + scrollX, top: r.top + scrollY, right: r.right + scrollX, bottom: r.bottom + scrollY };
}

/**
 * Styles via a constructed stylesheet, which a page's strict Content Security
 * Policy (style-src 'none') does not block, unlike a <style> element; a
 * <style> element where constructed sheets are unavailable.
 */
function adoptStyles(root: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(OVERLAY_CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = OVERLAY_CSS;
    root.prepend(style);
  }
}
