/** Exports: Anki TSV and CSV that their importers read back field for field, the Markdown report, term usage. */
import { describe, expect, it } from 'vitest';
import { ankiTsv, markdownReport, termsCsv, type ExportContext } from '../../src/core/exports';
import { publicEntry } from '../../src/core/glossary';
import { A, B, C, engine, glossary, version } from './helpers';

/** A reader for quoted, delimited text (what Anki's and spreadsheet importers do): returns rows of fields. */
function parseDelimited(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += c;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

const entries = Object.fromEntries(glossary.map((e) => [e.id, publicEntry(e)]));
const annotations = engine.annotate(version(B).text);
const ctx: ExportContext = {
  annotations,
  entries,
  versions: annotations.matches.map((m) => engine.version(m.versionId)!),
  url: 'http://127.0.0.1/article.html',
  title: 'Test page',
  usage: engine.termUsage(annotations),
};

describe('Anki TSV', () => {
  it('has Anki’s headers and one 6-field row per distinct term', () => {
    const tsv = ankiTsv(ctx);
    const lines = tsv.split('\n');
    expect(lines.slice(0, 3)).toEqual(['#separator:tab', '#html:false', '#columns:Term\tPinyin\tEnglish\tExplanation\tSentence\tSource']);
    const rows = parseDelimited(lines.slice(3).join('\n'), '\t');
    expect(rows).toHaveLength(new Set(annotations.terms.map((t) => t.termId)).size);
    for (const r of rows) expect(r).toHaveLength(6);
    const fq = rows.find((r) => r[0] === '枫桥经验')!;
    expect(fq[1]).toBe('fēngqiáo jīngyàn');
    expect(fq[4]).toContain('枫桥经验');
    expect(fq[5]).toBe('http://127.0.0.1/article.html');
  });

  it('escapes tabs, newlines and quotes inside fields so each stays one field', () => {
    const tricky = { ...entries['two-new']!, english: 'two\t"new"\nthings' };
    const tsv = ankiTsv({ ...ctx, entries: { ...entries, 'two-new': tricky } });
    const rows = parseDelimited(tsv.split('\n').slice(3).join('\n').replace(/\n$/, ''), '\t');
    const row = rows.find((r) => r[0] === '两新')!;
    expect(row).toHaveLength(6);
    expect(row[2]).toBe('two\t"new"\nthings');
  });
});

describe('CSV', () => {
  it('is RFC 4180: header, quoted fields, CRLF', () => {
    const csv = termsCsv(ctx);
    expect(csv.startsWith('"Term","Pinyin","English","Explanation","Sentence","Source"\r\n')).toBe(true);
    const rows = parseDelimited(csv, ',').filter((r) => r.length > 1);
    for (const r of rows) expect(r).toHaveLength(6);
  });
});

describe('Markdown report', () => {
  it('lists versions compared, differences with context, and term usage across versions', () => {
    const md = markdownReport(ctx);
    expect(md).toContain('# Tifa report: Test page');
    expect(md).toContain(`| ${A} |`);
    expect(md).toContain(`## Differences from ${A}`);
    expect(md).toMatch(/number: …[^\n]*\*\*82个\*\*[^\n]*000_7d7e2c4cace67202 has “28个”/);
    expect(md).toContain('that differ only in punctuation (not listed)');
    expect(md).toContain('## Term usage across versions');
  });

  it('shows a term that one version lacks (接诉即办 in 000, 接听即办 in 001 at that place)', () => {
    const usage = engine.termUsage(engine.annotate(version(C).text));
    const u = usage.find((x) => x.termId === 'respond-upon-complaint')!;
    expect(u.onPage).toBe(true);
    expect(u.inVersions).toEqual(expect.arrayContaining([A, C]));
  });
});
