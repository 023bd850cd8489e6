// @vitest-environment happy-dom
/**
 * DOM extraction (the content script's walk) on random and hostile trees:
 * it never throws, skips what is not
 * page text, and its offset map always points at the text it reports. (The walk
 * is iterative; deep trees are tested in the browser, 500 levels, in
 * tests/e2e/hostile.test.ts: happy-dom recurses on them.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractPage, extractPageSliced, offsetOf, type PageText } from '../../src/content/extract';

const TAGS = ['div', 'p', 'span', 'b', 'br', 'script', 'style', 'template', 'textarea', 'h2', 'li', 'section', 'noscript'] as const;
const TEXTS = ['社会工作', '，', '“两新”', '😀', '𠮷', '\u200b', ' ', '\n', 'abc', '枫桥经验', ''];

interface Tree {
  tag: (typeof TAGS)[number];
  text: string;
  hidden: boolean;
  editable: boolean;
  kids: Tree[];
}

/** Random trees up to `depth` levels deep. */
function treeArb(depth: number): fc.Arbitrary<Tree> {
  return fc.record({
    tag: fc.constantFrom(...TAGS),
    text: fc.constantFrom(...TEXTS),
    hidden: fc.constantFrom(false, false, false, false, false, true),
    editable: fc.constantFrom(false, false, false, false, false, false, false, true),
    kids: depth > 0 ? fc.array(treeArb(depth - 1), { maxLength: 3 }) : fc.constant([]),
  });
}
const tree = treeArb(5);

function build(t: Tree, parent: Node): void {
  const el = document.createElement(t.tag);
  if (t.hidden) el.setAttribute('hidden', '');
  if (t.editable) el.setAttribute('contenteditable', 'true');
  if (t.text) el.append(document.createTextNode(t.text));
  for (const k of t.kids) build(k, el);
  parent.appendChild(el);
}

/** The offset map is exact: every segment is its node's data, in order, where the text says. */
function checkMap(p: PageText): void {
  let last = -1;
  for (const s of p.segments) {
    expect(s.start).toBeGreaterThan(last);
    expect(p.text.slice(s.start, s.start + s.length)).toBe(s.node.data);
    expect(offsetOf(p, s.node, 0)).toBe(s.start);
    last = s.start;
  }
}

describe('extractPage on random DOM trees', () => {
  it('never throws, keeps an exact offset map, and skips script/style/template/form fields', () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 5 }), (forest) => {
        document.body.replaceChildren();
        for (const t of forest) build(t, document.body);
        const p = extractPage(document.body);
        checkMap(p);
        for (const s of p.segments) {
          expect(s.node.parentElement?.closest('script,style,textarea,noscript,[hidden]')).toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('separates blocks and <br> with newlines, keeps inline text together', () => {
    document.body.replaceChildren();
    const p1 = document.createElement('p');
    p1.append('社会', Object.assign(document.createElement('b'), { textContent: '工作' }), document.createElement('br'), '第二行');
    const p2 = document.createElement('p');
    p2.append('第二段');
    document.body.append(p1, p2);
    expect(extractPage(document.body).text.trim()).toBe('社会工作\n第二行\n第二段');
  });
});

describe('extraction in slices', () => {
  it('gives exactly what the one-go walk gives, however small the slices', async () => {
    document.body.replaceChildren();
    for (let i = 0; i < 400; i++) {
      const p = document.createElement(i % 7 ? 'p' : 'div');
      p.append(`第${i}段：社会工作`, document.createElement('b'), '“两新”');
      if (i % 5 === 0) p.hidden = true;
      document.body.append(p);
    }
    const whole = extractPage(document.body);
    const sliced = await extractPageSliced(document.body, 0, () => false); // 0 ms: a pause at every chance
    expect(sliced?.text).toBe(whole.text);
    expect(sliced?.segments.length).toBe(whole.segments.length);
    expect(performance.getEntriesByName('tifa:extract').length).toBeGreaterThan(10); // it did pause, many times
  });

  it('stops at a pause when a newer run made it moot', async () => {
    let asked = 0;
    const r = await extractPageSliced(document.body, 0, () => ++asked > 2);
    expect(r).toBeUndefined();
    expect(asked).toBe(3);
  });
});
