/**
 * Recall under random edits (fast-check): substitutions, insertions,
 * deletions, paragraph moves and width changes are applied to a real article;
 * every edit must be found where it was made, and width-only changes must
 * never be reported as wording. Over 1,000 generated cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Difference } from '../../src/core/types';
import { C, engine, version } from './helpers';

// Whole paragraphs of version 002 of the Xinhua feature (full-width punctuation, so width edits have targets).
const paragraphs = version(C)
  .text.split('\n')
  .filter((l) => l.trim().length > 40)
  .slice(2, 10);
const base = paragraphs.join('\n');
const other = { id: 'base', title: 'base', outlet: '', date: '', text: base };

const HAN =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理';
const WIDTH: Record<string, string> = { '，': ',', '；': ';', '：': ':', '（': '(', '）': ')', '！': '!', '？': '?' };

type Edit =
  | { kind: 'sub'; at: number; len: number; text: string }
  | { kind: 'ins'; at: number; text: string }
  | { kind: 'del'; at: number; len: number }
  | { kind: 'width'; at: number };

const hanText = (min: number, max: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...HAN), minLength: min, maxLength: max });
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('sub' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 4 }), text: hanText(1, 4) }),
  fc.record({ kind: fc.constant('ins' as const), at: fc.nat(), text: hanText(2, 8) }),
  fc.record({ kind: fc.constant('del' as const), at: fc.nat(), len: fc.integer({ min: 2, max: 10 }) }),
  fc.record({ kind: fc.constant('width' as const), at: fc.nat() }),
);

interface Applied {
  kind: Edit['kind'];
  start: number;
  end: number;
}

/**
 * How far a deletion of text[pos, pos+len) can slide and still be the same
 * edit: deleting "功能和组织" from "政治功能和组织功能" leaves what deleting
 * "和组织功能" does. A report anywhere in that range is the edit, found.
 */
function slide(text: string, pos: number, len: number): { left: number; right: number } {
  let left = 0;
  while (pos - left - 1 >= 0 && text[pos - left - 1] === text[pos + len - left - 1]) left++;
  let right = 0;
  while (pos + len + right < text.length && text[pos + right] === text[pos + len + right]) right++;
  return { left, right };
}

/** Apply edits at well-separated Han positions; return the page and where each edit landed in it. */
function applyEdits(text: string, edits: Edit[]): { page: string; applied: Applied[] } {
  const hanPositions = [...text].map((c, i) => (/\p{Script=Han}/u.test(c) ? i : -1)).filter((i) => i >= 0);
  const commas = [...text].map((c, i) => (c in WIDTH ? i : -1)).filter((i) => i >= 0);
  const used: number[] = [];
  const chosen: (Edit & { pos: number })[] = [];
  for (const e of edits) {
    const pool = e.kind === 'width' ? commas : hanPositions;
    let pos = pool[e.at % pool.length]!;
    // keep edits 40+ characters apart and off paragraph ends, so each is a separate finding
    for (let tries = 0; tries < pool.length && used.some((u) => Math.abs(u - pos) < 40); tries++)
      pos = pool[(e.at + tries * 37) % pool.length]!;
    if (used.some((u) => Math.abs(u - pos) < 40)) continue;
    const span = e.kind === 'sub' || e.kind === 'del' ? e.len : 0;
    if (text.slice(pos, pos + span).includes('\n')) continue;
    if (e.kind === 'sub' && text.slice(pos, pos + e.len) === e.text) continue;
    used.push(pos);
    chosen.push({ ...e, pos });
  }
  chosen.sort((a, b) => a.pos - b.pos);
  let page = '';
  let last = 0;
  const applied: Applied[] = [];
  for (const e of chosen) {
    page += text.slice(last, e.pos);
    const start = page.length;
    if (e.kind === 'sub') {
      page += e.text;
      last = e.pos + e.len;
    } else if (e.kind === 'ins') {
      page += e.text;
      last = e.pos;
    } else if (e.kind === 'del') {
      last = e.pos + e.len;
      const { left, right } = slide(text, e.pos, e.len);
      applied.push({ kind: e.kind, start: start - left, end: start + right });
      continue;
    } else {
      page += WIDTH[text[e.pos]!]!;
      last = e.pos + 1;
    }
    applied.push({ kind: e.kind, start, end: page.length });
  }
  page += text.slice(last);
  return { page, applied };
}

/** Move line `from` to position `to`, carrying the applied edits' positions along. */
function moveParagraph(page: string, applied: Applied[], from: number, to: number): { page: string; applied: Applied[]; moved: Applied } {
  const lines = page.split('\n');
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length + 1;
  }
  const order = lines.map((_, i) => i);
  const [m] = order.splice(from, 1);
  order.splice(to, 0, m!);
  const newStart = new Map<number, number>();
  let pos = 0;
  for (const i of order) {
    newStart.set(i, pos);
    pos += lines[i]!.length + 1;
  }
  const lineOf = (x: number): number => starts.findLastIndex((st) => st <= x);
  const shift = (x: number, line: number): number => newStart.get(line)! + (x - starts[line]!);
  const moved: Applied = { kind: 'sub', start: newStart.get(from)!, end: newStart.get(from)! + lines[from]!.length };
  return {
    page: order.map((i) => lines[i]).join('\n'),
    applied: applied.map((e) => {
      const line = lineOf(e.start);
      return { ...e, start: shift(e.start, line), end: shift(e.end, line) };
    }),
    moved,
  };
}

const near = (d: Difference, a: Applied): boolean => d.start <= a.end + 1 && d.end >= a.start - 1;

describe('recall under random edits', () => {
  it('finds ≥ 99% of edits over 1,000 cases; width-only changes are never wording', () => {
    let edits = 0;
    let found = 0;
    const misses: string[] = [];
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 5 }), fc.option(fc.tuple(fc.nat(), fc.nat()), { freq: 3 }), (es, move) => {
        let { page, applied } = applyEdits(base, es);
        let moved: Applied | undefined;
        if (move) {
          const n = paragraphs.length;
          const from = move[0] % n;
          const to = move[1] % n;
          if (Math.abs(from - to) > 1) ({ page, applied, moved } = moveParagraph(page, applied, from, to));
        }
        const a = engine.compare(page, other);
        expect(a.matches).toHaveLength(1);
        for (const e of applied) {
          const here = a.differences.filter((d) => near(d, e));
          if (e.kind === 'width') {
            expect(here.filter((d) => d.category === 'wording')).toEqual([]);
            edits++;
            if (here.some((d) => d.category === 'punctuation')) found++;
            else misses.push(`width at ${e.start}`);
          } else {
            edits++;
            if (here.some((d) => d.category !== 'punctuation')) found++;
            else misses.push(`${e.kind} at ${e.start}: ${JSON.stringify(page.slice(e.start - 5, e.end + 5))}`);
          }
        }
        // a moved paragraph is reported where it now stands (as a move, or as text the other version has elsewhere)
        if (moved) {
          edits++;
          if (a.differences.some((d) => d.category !== 'punctuation' && near(d, moved))) found++;
          else misses.push(`move to ${moved.start}`);
        }
        // nothing reported outside the text
        for (const d of a.differences) expect(d.end).toBeLessThanOrEqual(page.length);
      }),
      { numRuns: 1000, seed: 20261122 },
    );
    const recall = found / edits;
    console.log(`recall ${(recall * 100).toFixed(2)}% over ${edits} edits; misses: ${misses.slice(0, 5).join(' | ')}`);
    expect(edits).toBeGreaterThan(1500);
    expect(recall).toBeGreaterThanOrEqual(0.99);
  });

  it('finds a moved paragraph as a move', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: paragraphs.length - 1 }), fc.integer({ min: 0, max: paragraphs.length - 1 }), (from, to) => {
        fc.pre(Math.abs(from - to) > 1);
        const ps = [...paragraphs];
        const [p] = ps.splice(from, 1);
        ps.splice(to, 0, p!);
        const a = engine.compare(ps.join('\n'), other);
        expect(a.differences.some((d) => d.kind === 'moved')).toBe(true);
        expect(a.differences.filter((d) => d.kind === 'added' || d.kind === 'removed')).toEqual([]);
      }),
      { numRuns: 30, seed: 7 },
    );
  });
});
