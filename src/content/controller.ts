/**
 * The content script's coordinator: extract → ask the background → draw;
 * hover cards, the badge, keyboard steps, dynamic pages. Stateful; destroy()
 * undoes everything (highlights, overlay, observers).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isPageResult, MAX_PAGE_CHARS, receiveInContent, type ContentMessage, type PageResult, type Status } from '../shared/protocol';
import type { DictEntry } from '../core/dictionary';
import type { PublicEntry } from '../core/glossary';
import { readSettings, setLookupOnHover, setMarksVisible, watchSettings, type SettingsSnapshot } from '../shared/settings';
import { siteOf } from '../shared/sites';
import { hanCount } from '../shared/text-input';
import { t, uiIsChinese } from '../shared/i18n';
import { candidateCard, diffCard, termCard, wordCard } from './card';
import { extractPageSliced, offsetAtPoint, rangeFor, type PageText } from './extract';
import { WordLookup } from './lookup';
import { buildMarks, counts, HIGHLIGHTS, marksAt, type Mark, type TermMark } from './marks';
import { Overlay, toPage } from './overlay';
import { Renderer } from './render';

/** Fewer Han characters than this in the page: not a Chinese article, leave it alone. */
const MIN_HAN = 80;
const MUTATION_DEBOUNCE_MS = 700;
/** Under a mutation storm (a ticker rewriting text every 50 ms) a run still happens this often, never more. */
const MUTATION_MAX_WAIT_MS = 3000;
/** Longest stretch of reading the page before yielding to it (well under the 50 ms of a long task). */
const EXTRACT_SLICE_MS = 12;
/** cardMark while the card shows a word from the dictionary (not a mark). */
const WORD_CARD = -2;

/** Typing in a field: its keys are the page's, not Tifa's. */
function isEditing(e: KeyboardEvent): boolean {
  const t = e.composedPath()[0];
  return t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
}

/** The mark index of the removal marker (in the overlay) an event happened on, or -1. */
function markerIndex(e: Event): number {
  for (const t of e.composedPath()) {
    if (t instanceof HTMLElement && t.classList.contains('removed')) return Number(t.dataset.mark ?? -1);
  }
  return -1;
}

export class Controller {
  private settings!: SettingsSnapshot;
  private overlay: Overlay | undefined;
  private renderer: Renderer | undefined;
  private page: PageText | undefined;
  private result: PageResult | undefined;
  private marks: Mark[] = [];
  private runId = 0;
  private extractions = 0;
  private lastText = '';
  private state: Status['state'] = 'working';
  private pinned = false;
  private cardMark = -1;
  private focusIndex = -1;
  private pending: number | undefined;
  private firstPending = 0;
  private observer: MutationObserver | undefined;
  private unwatch: (() => void) | undefined;
  /** The dictionary under the pointer; its card is the one card (cardMark WORD_CARD while it shows). */
  private readonly lookup = new WordLookup({
    page: () => this.page,
    show: (start, end, entries, star) => this.showWord(start, end, entries, star),
    hide: () => this.hideCard(),
  });
  private lastX = -1;
  private lastY = -1;

  constructor(private readonly ctx: ContentScriptContext) {}

  async start(): Promise<void> {
    this.settings = await readSettings();
    this.unwatch = watchSettings(() => void this.onSettings());
    this.listen();
    this.observe();
    this.ctx.addEventListener(window, 'wxt:locationchange', () => this.schedule(0));
    this.ctx.onInvalidated(() => this.destroy());
    await this.run();
  }

  private siteOff(): boolean {
    return !this.settings.enabled || this.settings.disabledSites.includes(siteOf(location.href));
  }

  private async onSettings(): Promise<void> {
    const before = this.settings;
    this.settings = await readSettings();
    if (this.siteOff()) {
      this.teardownView();
      this.state = before.enabled ? 'site-off' : 'off';
      return;
    }
    if (!this.result) return void this.run(true);
    this.redraw();
  }

  /** Extract and annotate; skipped when the text did not change since the last run. */
  async run(force = false): Promise<void> {
    if (this.siteOff()) {
      this.state = this.settings.enabled ? 'site-off' : 'off';
      return;
    }
    const body = document.body;
    if (!body) return;
    // Quick check before any real work: a page with little Chinese is left alone.
    if (hanCount(body.textContent ?? '', MIN_HAN) < MIN_HAN) {
      this.state = 'too-little-chinese';
      return;
    }
    // User Timing: a mark per run, a measure per slice of work (visible in DevTools and to the browser tests).
    performance.mark('tifa:run');
    const seq = ++this.extractions; // a run that starts while this one reads the page takes over
    const page = await extractPageSliced(body, EXTRACT_SLICE_MS, () => seq !== this.extractions || !this.ctx.isValid);
    if (!page) return;
    if (page.text.length > MAX_PAGE_CHARS) {
      // a page that grew past the limit loses its old marks; if it shrinks again, it is read afresh
      this.teardownView();
      this.page = this.result = undefined;
      this.lastText = '';
      this.runId++; // and a reply still on its way for the smaller page is dropped
      this.state = 'too-large';
      return;
    }
    if (!force && page.text === this.lastText) return;
    this.lastText = page.text;
    this.state = 'working';
    // The first page after the browser starts may get a partial result (jieba still starting): its
    // differences are drawn at once, then the complete result is asked for and drawn over them.
    for (let complete = false; ; complete = true) {
      const runId = ++this.runId;
      let reply: unknown;
      try {
        reply = await browser.runtime.sendMessage({
          type: 'annotate',
          runId,
          url: location.href,
          title: document.title.slice(0, 1000),
          text: page.text,
          breaks: page.breaks,
          chrome: page.chrome,
          complete,
        });
      } catch (e) {
        if (this.ctx.isValid) console.warn('[tifa] annotate failed', e);
        this.state = 'error';
        return;
      }
      if (runId !== this.runId || !this.ctx.isValid) return; // a newer run started meanwhile
      if (reply === null || reply === undefined) return; // the background skipped a stale run
      if (!isPageResult(reply)) {
        console.warn('[tifa] the background answered with something else than a page result');
        this.state = 'error';
        return;
      }
      const result = reply;
      this.page = page;
      this.result = result;
      this.state = result.partial ? 'working' : 'done';
      this.redraw();
      // User Timing, for DevTools and the browser tests: the page's complete result is drawn.
      if (!result.partial) performance.mark('tifa:complete');
      if (!result.partial || complete) return;
    }
  }

  private redraw(): void {
    if (!this.page || !this.result) return;
    this.marks = buildMarks(this.result, this.settings);
    const c = counts(this.result, this.settings);
    const nothing = !c.versions && !c.terms;
    if (nothing) {
      this.teardownView();
      return;
    }
    this.overlay ??= this.makeOverlay();
    this.renderer ??= new Renderer(this.overlay);
    this.overlay.ensureAttached();
    const t0 = performance.now();
    if (this.settings.marksVisible) this.renderer.draw(this.page, this.marks, this.result, this.settings.showPinyin);
    else this.renderer.clear();
    performance.measure('tifa:draw', { start: t0, end: performance.now() });
    const b = this.overlay.badge;
    b.textContent =
      (this.result.edited ? `${t('badgeEdited', this.result.edited.readOn)} · ` : '') + t('badge', c.versions, c.differences, c.terms);
    b.hidden = false;
    this.hideCard();
  }

  private makeOverlay(): Overlay {
    const o = new Overlay();
    o.badge.addEventListener('click', () => void browser.runtime.sendMessage({ type: 'openSidePanel' }));
    o.card.addEventListener('click', (e) => e.stopPropagation());
    return o;
  }

  private teardownView(): void {
    this.renderer?.clear();
    this.hideCard();
    if (this.overlay) this.overlay.badge.hidden = true;
  }

  // --- hover card -----------------------------------------------------------

  private listen(): void {
    // Pointer moves are handled once per frame, for the latest position (what a move is over is read
    // when it happens: composedPath() is empty afterwards).
    let frame = 0;
    let latest = { x: 0, y: 0, marker: -1, word: false };
    this.ctx.addEventListener(document, 'pointermove', (e: PointerEvent) => {
      [this.lastX, this.lastY] = [e.clientX, e.clientY];
      // On Tifa's own card nothing changes; a word card stays until another word, a click elsewhere or Esc.
      if (this.overlay && e.composedPath().includes(this.overlay.card)) return;
      latest = { x: e.clientX, y: e.clientY, marker: markerIndex(e), word: e.shiftKey || this.settings.lookupOnHover };
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const { x, y, marker, word } = latest;
        if (this.pinned || (!word && this.cardMark === WORD_CARD)) return;
        if (word) this.lookWord(x, y);
        else if (marker >= 0) {
          if (marker !== this.cardMark) this.showCard(marker, false);
        } else this.hover(x, y);
      });
    });
    this.ctx.addEventListener(document, 'click', (e: MouseEvent) => {
      const marker = markerIndex(e);
      const i = marker >= 0 ? marker : this.hit(e.clientX, e.clientY);
      if (i >= 0) {
        this.showCard(i, true);
      } else if (this.pinned || this.cardMark === WORD_CARD) this.hideCard();
    });
    this.ctx.addEventListener(document, 'keydown', (e: KeyboardEvent) => {
      if (isEditing(e)) return;
      // Shift pressed with the pointer resting on a word looks it up there and then.
      if (e.key === 'Shift' && !this.pinned && this.lastX >= 0) return this.lookWord(this.lastX, this.lastY);
      if (this.lookup.key(e)) return e.preventDefault();
      if (e.key === 'Escape' && this.cardMark >= 0) {
        this.hideCard();
        this.renderer?.focus(undefined);
      }
    });
    let resize = 0;
    this.ctx.addEventListener(window, 'resize', () => {
      clearTimeout(resize);
      resize = window.setTimeout(() => this.result && this.renderer?.layout(this.marks, this.result, this.settings.showPinyin), 150);
    });
    browser.runtime.onMessage.addListener(this.onMessage);
  }

  /** Index of the mark under the point, or -1. */
  private hit(x: number, y: number): number {
    if (!this.page || !this.renderer || !this.settings.marksVisible) return -1;
    const pos = offsetAtPoint(this.page, x, y);
    if (pos === undefined) return -1;
    for (const at of [pos, pos - 1]) {
      for (const m of marksAt(this.marks, at)) {
        const i = this.marks.indexOf(m);
        const r = this.renderer.ranges[i];
        if (r && [...r.getClientRects()].some((q) => x >= q.left && x <= q.right && y >= q.top && y <= q.bottom)) return i;
      }
    }
    return -1;
  }

  /** The dictionary at a viewport point. */
  private lookWord(x: number, y: number): void {
    if (!this.page || this.siteOff()) return;
    void this.lookup.at(offsetAtPoint(this.page, x, y), x, y);
  }

  /** The word card: the dictionary's entries for page[start, end), the glossary's note first when the word is a term. */
  private showWord(start: number, end: number, entries: DictEntry[], star: (e: DictEntry) => Promise<boolean>): void {
    let r = this.page && rangeFor(this.page, start, end);
    if (!r) return;
    this.overlay ??= this.makeOverlay();
    this.overlay.ensureAttached();
    const term = this.marks.find((m): m is TermMark => m.type === 'term' && m.start <= start && start < m.end);
    const entry = term && (this.result?.entries[term.termId] as PublicEntry | undefined);
    // A glossary term that starts here is the word to highlight (the dictionary's longest match may cut across it).
    if (term && term.start === start && this.page) r = rangeFor(this.page, term.start, term.end) ?? r;
    this.openCard(
      wordCard(entries, entry, term?.traditional === true, this.settings.toneColours, star),
      t('cardWordHint'),
      WORD_CARD,
      false,
      r,
    );
    CSS.highlights.set(HIGHLIGHTS.lookup, new Highlight(r));
  }

  private hover(x: number, y: number): void {
    const i = this.hit(x, y);
    if (i === this.cardMark) return;
    if (i < 0) this.hideCard();
    else this.showCard(i, false);
  }

  private showCard(i: number, pin: boolean): void {
    const m = this.marks[i];
    const r = this.renderer?.ranges[i];
    if (!m || !r || !this.result || !this.overlay) return;
    const zh = this.settings.noteLanguage === 'zh' || (this.settings.noteLanguage === 'auto' && uiIsChinese());
    const body = m.type === 'term' ? termCard(m, this.result, zh) : m.type === 'candidate' ? candidateCard(m) : diffCard(m, this.result);
    this.openCard(body, pin ? t('cardPinnedHint') : t('cardHoverHint'), i, pin, r);
  }

  /** The one card, showing `body` and a hint for what the reader can do next, for mark `mark` (or WORD_CARD), next to `r`. */
  private openCard(body: HTMLElement[], hint: string, mark: number, pin: boolean, r: Range): void {
    const card = this.overlay!.card;
    const tip = document.createElement('div');
    tip.className = 'hint';
    tip.textContent = hint;
    card.replaceChildren(...body, tip);
    card.classList.toggle('pinned', pin);
    card.hidden = false;
    this.cardMark = mark;
    this.pinned = pin;
    this.place(card, r);
  }

  /** Below the word if it fits, else above: never over the word itself. */
  private place(card: HTMLElement, r: Range): void {
    const rects = [...r.getClientRects()];
    const word = rects[0] ?? r.getBoundingClientRect();
    const last = rects[rects.length - 1] ?? word;
    const gap = 8;
    const below = innerHeight - last.bottom - gap * 2;
    const above = word.top - gap * 2;
    card.style.maxHeight = `${Math.max(120, Math.min(innerHeight * 0.6, Math.max(below, above)))}px`;
    const height = card.offsetHeight;
    const width = card.offsetWidth;
    const left = Math.min(Math.max(8, word.left), Math.max(8, innerWidth - width - 8));
    const top = height <= below || below >= above ? toPage(last).bottom + gap : toPage(word).top - gap - height;
    card.style.left = `${left + scrollX}px`;
    card.style.top = `${top}px`;
  }

  private hideCard(): void {
    if (this.overlay) this.overlay.card.hidden = true;
    if (this.cardMark === WORD_CARD) {
      CSS.highlights.delete(HIGHLIGHTS.lookup);
      this.lookup.reset();
    }
    this.cardMark = -1;
    this.pinned = false;
  }

  // --- messages from the background / side panel ----------------------------

  private readonly onMessage = (raw: unknown, sender: { id?: string }, send: (r: unknown) => void): true | undefined => {
    const msg: ContentMessage | undefined = receiveInContent(raw, sender, browser.runtime.id);
    if (!msg) return undefined;
    switch (msg.type) {
      case 'getStatus': {
        const c = this.result ? counts(this.result, this.settings) : { versions: 0, differences: 0, terms: 0 };
        send({ state: this.state, ...c } satisfies Status);
        return true;
      }
      case 'toggleMarks':
        void this.toggle();
        break;
      case 'toggleLookup':
        void setLookupOnHover(!this.settings.lookupOnHover);
        break;
      case 'step':
        this.step(msg.direction);
        break;
      case 'reveal':
        this.reveal(msg.target, msg.index);
        break;
      case 'getPageHtml':
        // Serialized, never parsed here: the extension page that asked runs Readability on it.
        send(new XMLSerializer().serializeToString(document));
        return true;
    }
    send(true);
    return true;
  };

  private async toggle(): Promise<void> {
    await setMarksVisible(!this.settings.marksVisible);
  }

  /** Keyboard: next/previous mark, scrolled into view with its card pinned. */
  private step(dir: 1 | -1): void {
    if (!this.marks.length || !this.renderer) return;
    const n = this.marks.length;
    this.focusIndex = this.focusIndex < 0 ? (dir === 1 ? 0 : n - 1) : (this.focusIndex + dir + n) % n;
    this.goTo(this.focusIndex, true);
  }

  private goTo(i: number, pin: boolean): void {
    const r = this.renderer?.ranges[i];
    if (!r) return;
    (r.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center', behavior: 'instant' });
    this.renderer!.focus(r);
    this.renderer!.flash(r);
    this.showCard(i, pin);
    this.overlay?.card.focus({ preventScroll: true });
  }

  /** Side panel: jump to a difference, term or numbered formulation (index into the annotations' lists). */
  private reveal(target: 'difference' | 'term' | 'candidate', index: number): void {
    if (!this.result) return;
    const a = this.result.annotations;
    const item = target === 'term' ? a.terms[index] : target === 'candidate' ? a.candidates[index] : a.differences[index];
    if (!item) return;
    const i = this.marks.findIndex((m) =>
      target === 'difference'
        ? m.type === 'diff' && m.refs.includes(index)
        : m.type === target && m.start === item.start && m.end === item.end,
    );
    if (i >= 0) this.goTo(i, true);
  }

  // --- dynamic pages ---------------------------------------------------------

  private observe(): void {
    this.observer = new MutationObserver((records) => {
      const host = this.overlay?.host;
      // Tifa's own changes (inside the overlay, or the overlay itself put in place) need no new run:
      // re-extracting a big page only to find the same text costs as much as the first run.
      const ours = (r: MutationRecord): boolean =>
        host !== undefined &&
        (host === r.target ||
          host.contains(r.target) ||
          (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every((n) => n === host)));
      if (records.every(ours)) return;
      this.schedule(MUTATION_DEBOUNCE_MS);
    });
    this.observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  }

  /**
   * One pending run at a time: a burst of mutations becomes one run after it
   * calms down, and a storm that never calms down gets one run per
   * MUTATION_MAX_WAIT_MS instead of none (or one per mutation).
   */
  private schedule(ms: number): void {
    const now = performance.now();
    if (this.pending === undefined) this.firstPending = now;
    const wait = Math.max(0, Math.min(ms, MUTATION_MAX_WAIT_MS - (now - this.firstPending)));
    clearTimeout(this.pending);
    this.pending = window.setTimeout(() => {
      this.pending = undefined;
      void this.run();
    }, wait);
  }

  destroy(): void {
    clearTimeout(this.pending);
    this.observer?.disconnect();
    this.unwatch?.();
    browser.runtime.onMessage.removeListener(this.onMessage);
    this.renderer?.clear();
    this.overlay?.destroy();
  }
}
