/** Marks and side-panel grouping from a real engine result, under different settings. */
import { describe, expect, it } from 'vitest';
import { buildMarks, counts, highlightOf, marksAt } from '../../src/content/marks';
import type { PageResult } from '../../src/shared/protocol';
import { compareSegments, groupDifferences, versionLabel } from '../../src/ui/panel-model';
import { A, B, engine, version } from './helpers';

const result: PageResult = {
  annotations: engine.annotate(version(B).text),
  versions: [],
  entries: {},
  usage: [],
  url: '',
  title: '',
  frameId: 0,
  engineMs: 0,
};
const all = { number: true, name: true, wording: true, added: true, removed: true, moved: true, other: true };
const defaults = { diffKinds: all, showPunctuation: false };

describe('marks', () => {
  it('uses only tifa- highlight names, and none for removals', () => {
    for (const d of result.annotations.differences) {
      const name = highlightOf(d);
      if (d.kind === 'removed') expect(name).toBe('');
      else expect(name).toMatch(/^tifa-diff-(number|name|wording|punctuation|other|added|moved)$/);
    }
  });

  it('hides punctuation-only differences by default and shows them on request', () => {
    const off = buildMarks(result, defaults);
    const on = buildMarks(result, { ...defaults, showPunctuation: true });
    expect(off.some((m) => m.type === 'diff' && m.category === 'punctuation')).toBe(false);
    expect(on.some((m) => m.type === 'diff' && m.category === 'punctuation')).toBe(true);
  });

  it('drops the kinds switched off', () => {
    const marks = buildMarks(result, { ...defaults, diffKinds: { ...all, wording: false, moved: false } });
    expect(marks.some((m) => m.type === 'diff' && ((m.kind === 'changed' && m.category === 'wording') || m.kind === 'moved'))).toBe(false);
    expect(marks.some((m) => m.type === 'diff' && m.category === 'number')).toBe(true);
  });

  it('merges one place that differs from several versions into one mark with every reading', () => {
    const marks = buildMarks(result, defaults);
    const multi = marks.find((m) => m.type === 'diff' && m.refs.length > 1);
    expect(multi).toBeDefined();
    const c = counts(result, defaults);
    expect(c.differences).toBe(marks.filter((m) => m.type === 'diff').length);
    expect(c.versions).toBe(3);
  });

  it('finds the innermost mark at a position', () => {
    const marks = buildMarks(result, defaults);
    const term = marks.find((m) => m.type === 'term')!;
    expect(marksAt(marks, term.start)).toContain(term);
    expect(marksAt(marks, term.end)).not.toContain(term);
  });
});

describe('side panel model', () => {
  it('groups differences by kind with context from the page', () => {
    const g = groupDifferences(result, defaults);
    const changed = g.get('changed')!;
    const item = changed.find((x) => x.d.pageText === '82个')!;
    expect(item.before.length).toBeGreaterThan(0);
    expect(result.annotations.text.slice(item.d.start, item.d.end)).toBe('82个');
    expect(g.get('moved')!.length).toBeGreaterThan(0);
  });

  it('names a bundled version by its number and a kept one by outlet and the day read', () => {
    const versions = [
      { id: '001_37e5b51ccce53404', title: '凝心聚力', outlet: '新华社', date: '2024-01-01' },
      { id: 'user-570e50188d4aa7a6', title: '城市的一天', outlet: 'news.cn', date: '', origin: 'read' as const, readOn: '2026-12-01' },
      { id: 'user-0000000000000000', title: '导入的文章', outlet: '', date: '', origin: 'imported' as const },
    ];
    expect(versionLabel({ versions }, '001_37e5b51ccce53404')).toBe('001');
    expect(versionLabel({ versions }, 'user-570e50188d4aa7a6')).toBe('news.cn 2026-12-01');
    expect(versionLabel({ versions }, 'user-0000000000000000')).toBe('导入的文章');
  });

  it('rebuilds the page article in the compare view, with the version’s words as deletions', () => {
    const segs = compareSegments(result, A, defaults);
    const m = result.annotations.matches.find((x) => x.versionId === A)!;
    const pageSide = segs
      .filter((s) => s.type !== 'version')
      .map((s) => s.text)
      .join('');
    expect(pageSide).toBe(result.annotations.text.slice(m.start, m.end));
    expect(segs.some((s) => s.type === 'version' && s.text.includes('28个'))).toBe(true);
    expect(segs.some((s) => s.type === 'page' && s.text.includes('82个'))).toBe(true);
  });
});
