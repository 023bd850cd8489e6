/** The editors' report over the glossary (npm run glossary:report). */
import { describe, expect, it } from 'vitest';
import { report } from '../../scripts/glossary-report';
import { glossary } from './helpers';

describe('glossary report', () => {
  const r = report(glossary);
  it('counts every entry once across categories, and every source', () => {
    expect(Object.values(r.byCategory).reduce((a, b) => a + b, 0)).toBe(glossary.length);
    expect(r.sources.total).toBe(glossary.reduce((n, e) => n + e.sources.length, 0));
    expect(r.sources.min).toBeGreaterThanOrEqual(1);
  });

  it('spans origin years from before 1949 to the present, none in the future', () => {
    expect(r.originYears.oldest!.year).toBeLessThan(1949);
    expect(r.originYears.newest!.year).toBeLessThanOrEqual(new Date().getFullYear());
    expect(r.originYears.newest!.year).toBeGreaterThanOrEqual(2024);
  });

  it('lists entries whose explanation says the English is not official', () => {
    expect(r.withoutOfficialEnglish.every((id) => glossary.some((e) => e.id === id))).toBe(true);
    const fake = { ...glossary[0]!, id: 'x', explanationEn: 'A thing. There is no official English rendering.' };
    expect(report([fake]).withoutOfficialEnglish).toEqual(['x']);
  });

  it('counts the sources and examples a reviewer found again, and names the entries with none', () => {
    const e = glossary[0]!;
    const fake = {
      ...e,
      id: 'y',
      sources: [
        { ...e.sources[0]!, checked: '2026-11-30' },
        { ...e.sources[0]!, checked: undefined },
      ],
      examples: [{ text: e.term, source: 'constructed', checked: '2026-12-01' }],
    };
    const none = {
      ...e,
      id: 'z',
      sources: [{ ...e.sources[0]!, checked: undefined }],
      examples: [{ text: e.term, source: '000_0123456789abcdef' }],
    };
    expect(report([fake, none]).checked).toEqual({
      sources: 1,
      examples: 1,
      bundledExamples: 1,
      entriesWithoutChecked: ['z'],
      latest: '2026-12-01',
    });
  });
});
