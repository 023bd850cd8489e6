/**
 * Word lookup under the pointer (Shift held, or every word when the reader
 * chose so): the character under the pointer, the dictionary's words that
 * start there (asked of the background, a newer request making older ones
 * moot), the word highlighted and its card shown. While a word card is open,
 * n / b move to the next word / the previous character, Esc closes.
 */
import { browser } from 'wxt/browser';
import type { DictEntry } from '../core/dictionary';
import { isLookupReply } from '../shared/protocol';
import { rangeFor, type PageText } from './extract';

/** What the lookup needs from the page's controller. */
export interface LookupHost {
  page(): PageText | undefined;
  /** Show `entries` for the word at page[start, end) in the card, highlighted. */
  show(start: number, end: number, entries: DictEntry[], star: (e: DictEntry) => Promise<boolean>): void;
  hide(): void;
}

/** Characters read from the pointer on: the longest word the dictionary looks up fits. */
const SPAN = 12;
const HAN = /\p{Script=Han}/u;

export class WordLookup {
  private seq = 0;
  /** The word shown: page offsets, or -1. */
  private start = -1;
  private end = -1;

  constructor(private readonly host: LookupHost) {}

  get open(): boolean {
    return this.start >= 0;
  }

  /** The pointer is at text offset `pos` (undefined: not over page text). */
  async at(pos: number | undefined, x: number, y: number): Promise<void> {
    const page = this.host.page();
    if (!page || pos === undefined) return this.close();
    // The caret sits between characters: take the one whose box holds the pointer.
    for (const p of [pos, pos - 1]) {
      if (p < 0 || !HAN.test(page.text[p] ?? '')) continue;
      const r = rangeFor(page, p, p + 1);
      if (r && [...r.getClientRects()].some((q) => x >= q.left - 1 && x <= q.right + 1 && y >= q.top - 1 && y <= q.bottom + 1)) {
        if (p >= this.start && p < this.end) return; // still on the word shown
        return this.lookup(p);
      }
    }
    this.close();
  }

  /** Look up the word that starts at text offset `p` and show it. */
  async lookup(p: number): Promise<void> {
    const page = this.host.page();
    if (!page) return;
    const seq = ++this.seq;
    const text = page.text
      .slice(p, p + SPAN * 2)
      .replace(/\s+/g, '')
      .slice(0, SPAN);
    if (!HAN.test(text[0] ?? '')) return this.close();
    let reply: unknown;
    try {
      reply = await browser.runtime.sendMessage({ type: 'lookup', text });
    } catch {
      return;
    }
    if (seq !== this.seq) return; // the pointer moved on
    const entries = isLookupReply(reply) ? reply.entries : [];
    if (!entries.length) return this.close();
    this.start = p;
    this.end = endOf(page.text, p, entries[0]!.simplified.length);
    this.host.show(this.start, this.end, entries, (e) => this.star(e));
  }

  /** Keys while a word card is open; true when the key was Tifa's. */
  key(e: KeyboardEvent): boolean {
    if (!this.open || e.ctrlKey || e.metaKey || e.altKey) return false;
    const page = this.host.page();
    if (e.key === 'Escape') this.close();
    else if (e.key === 'n' && page) void this.lookup(nextHan(page.text, this.end, 1));
    else if (e.key === 'b' && page) void this.lookup(nextHan(page.text, this.start - 1, -1));
    else return false;
    return true;
  }

  /** Forget the word shown (its card was closed elsewhere). */
  reset(): void {
    this.seq++;
    this.start = this.end = -1;
  }

  close(): void {
    this.seq++;
    if (!this.open) return;
    this.start = this.end = -1;
    this.host.hide();
  }

  /** Add a word to the word list, with the sentence it stands in. */
  private async star(e: DictEntry): Promise<boolean> {
    const page = this.host.page();
    if (!page || !this.open) return false;
    const where = { sentence: sentenceAt(page.text, this.start, this.end), url: location.href, title: document.title };
    const r = (await browser.runtime.sendMessage({ type: 'saveWord', entry: e, where }).catch(() => null)) as { ok?: boolean } | null;
    return r?.ok === true;
  }
}

/** The sentence around [start, end): out to the nearest sentence end or line break, at most 80 characters each way. */
function sentenceAt(text: string, start: number, end: number): string {
  let lo = start;
  while (lo > 0 && start - lo < 80 && !/[。！？!?\n]/.test(text[lo - 1]!)) lo--;
  let hi = end;
  while (hi < text.length && hi - end < 80 && !/[。！？!?\n]/.test(text[hi - 1]!)) hi++;
  return text.slice(lo, hi);
}

/** Page offset after `n` word characters from `p` (line breaks and spaces inside the word are skipped). */
function endOf(text: string, p: number, n: number): number {
  let i = p;
  for (let k = 0; k < n && i < text.length; i++) if (!/\s/.test(text[i]!)) k++;
  return i;
}

/** The nearest Han character from `p` on in direction `dir` (p itself if it is one); `p` when there is none. */
function nextHan(text: string, p: number, dir: 1 | -1): number {
  for (let i = p; i >= 0 && i < text.length; i += dir) if (HAN.test(text[i]!)) return i;
  return Math.max(0, Math.min(p, text.length - 1));
}
