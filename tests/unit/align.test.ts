import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { align, type Alignment } from '../../src/core/align';
import { normalize } from '../../src/core/normalize';
import { version, A, B } from './helpers';

/** Both texts' aligned regions, rebuilt from the ops alone. */
function rebuild(al: Alignment, a: string, b: string): { a: string; b: string } {
  const byA = [...al.ops].sort((x, y) => x.a0 - y.a0 || x.a1 - y.a1);
  const byB = [...al.ops].sort((x, y) => x.b0 - y.b0 || x.b1 - y.b1);
  let pa = al.a0;
  for (const op of byA) {
    expect(op.a0).toBe(pa); // ops tile A's region: no gap, no overlap
    pa = op.a1;
  }
  expect(pa).toBe(al.a1);
  let pb = al.b0;
  for (const op of byB) {
    expect(op.b0).toBe(pb);
    pb = op.b1;
  }
  expect(pb).toBe(al.b1);
  for (const op of al.ops) {
    if (op.kind === 'equal' || op.kind === 'moved') expect(a.slice(op.a0, op.a1)).toBe(b.slice(op.b0, op.b1));
    if (op.kind === 'changed') expect(a.slice(op.a0, op.a1)).not.toBe(b.slice(op.b0, op.b1));
    if (op.kind === 'added') expect(op.b1).toBe(op.b0);
    if (op.kind === 'removed') expect(op.a1).toBe(op.a0);
  }
  return { a: byA.map((o) => a.slice(o.a0, o.a1)).join(''), b: byB.map((o) => b.slice(o.b0, o.b1)).join('') };
}

const seedA = normalize(version(A).text).norm;
const seedB = normalize(version(B).text).norm;
const article = seedA.slice(0, 2400);

describe('align', () => {
  it('aligns two versions of the article and rebuilds both regions exactly', () => {
    const al = align(seedB, seedA)!;
    const r = rebuild(al, seedB, seedA);
    expect(r.a).toBe(seedB.slice(al.a0, al.a1));
    expect(r.b).toBe(seedA.slice(al.b0, al.b1));
    expect(al.ops.filter((o) => o.kind === 'moved').length).toBeGreaterThanOrEqual(1);
  });

  it('finds a moved paragraph as one move, not a deletion plus an insertion', () => {
    const paras = ['甲'.repeat(0), article.slice(0, 600), article.slice(600, 1200), article.slice(1200, 1800), article.slice(1800, 2400)];
    const b = paras.join('');
    const a = [paras[1], paras[3], paras[2], paras[4]].join('');
    const al = align(a, b)!;
    const moved = al.ops.filter((o) => o.kind === 'moved');
    expect(moved).toHaveLength(1);
    expect(al.ops.some((o) => o.kind === 'added' || o.kind === 'removed' || o.kind === 'changed')).toBe(false);
    rebuild(al, a, b);
  });

  it('reports nothing outside the aligned region of a larger page', () => {
    const other = normalize(version('004_ecbc3fa7240ad993').text).norm.slice(3000, 5000);
    const a = other + article + other.split('').reverse().join('');
    const al = align(a, article)!;
    expect(al.a0).toBeGreaterThanOrEqual(other.length - 2);
    expect(al.a1).toBeLessThanOrEqual(other.length + article.length + 2);
    expect(al.ops.every((o) => o.kind === 'equal')).toBe(true);
  });

  it('returns undefined for texts with nothing in common', () => {
    expect(align('社会工作事关党长期执政和国家长治久安', '今天天气很好我们去公园散步吧')).toBeUndefined();
  });

  // Random edits to a real article: the alignment must always tile and rebuild both texts.
  const edit = fc.record({
    at: fc.nat({ max: article.length - 1 }),
    len: fc.nat({ max: 30 }),
    kind: fc.constantFrom('sub', 'ins', 'del', 'move'),
    text: fc.string({ unit: fc.constantFrom('新', '旧', '改', '，', '2', '8', '人'), minLength: 1, maxLength: 12 }),
    to: fc.nat({ max: article.length - 1 }),
  });

  it('rebuilds both texts under random substitutions, insertions, deletions and moves', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 8 }), (edits) => {
        let a = article;
        for (const e of edits) {
          const at = Math.min(e.at, a.length);
          const end = Math.min(a.length, at + e.len);
          if (e.kind === 'sub') a = a.slice(0, at) + e.text + a.slice(end);
          if (e.kind === 'ins') a = a.slice(0, at) + e.text + a.slice(at);
          if (e.kind === 'del') a = a.slice(0, at) + a.slice(end);
          if (e.kind === 'move') {
            const piece = a.slice(at, at + 200);
            const rest = a.slice(0, at) + a.slice(at + 200);
            const to = Math.min(e.to, rest.length);
            a = rest.slice(0, to) + piece + rest.slice(to);
          }
        }
        const al = align(a, article);
        if (!al) return;
        const r = rebuild(al, a, article);
        expect(r.a).toBe(a.slice(al.a0, al.a1));
        expect(r.b).toBe(article.slice(al.b0, al.b1));
      }),
      { numRuns: 200 },
    );
  });
});
