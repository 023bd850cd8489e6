/**
 * What readers take away: terms as Anki-ready TSV or CSV, differences as a
 * Markdown report or JSON. Pure functions over the engine's output.
 */
import { around } from './context';
import type { TermUsage } from './engine';
import type { PublicEntry } from './glossary';
import { sentenceWindow } from './segmenter';
import type { Annotations, Difference, Kind } from './types';

export interface VersionInfo {
  id: string;
  title: string;
  outlet: string;
  date: string;
}

export interface ExportContext {
  annotations: Annotations;
  /** Entries of the terms found, by id. */
  entries: Readonly<Record<string, PublicEntry>>;
  versions: readonly VersionInfo[];
  url: string;
  /** Page title, for the report's heading. */
  title: string;
  usage?: readonly TermUsage[];
  /** Explanations in Chinese instead of English. */
  zh?: boolean;
}

/** The sentence around [start, end) in the page text, whitespace folded. */
function sentenceAround(text: string, start: number, end: number): string {
  const [lo, hi] = sentenceWindow(text, start, end, 80);
  return text
    .slice(lo, Math.min(text.length, hi + 1))
    .replace(/\s+/g, ' ')
    .trim();
}

/** One row of a vocabulary export: a glossary term, or a word from the reader's word list. */
export interface TermRow {
  term: string;
  pinyin: string;
  english: string;
  explanation: string;
  sentence: string;
  source: string;
}

/** One row per distinct term, in page order, with the sentence of its first use. */
export function termRows(c: ExportContext): TermRow[] {
  const seen = new Set<string>();
  const rows: TermRow[] = [];
  for (const t of c.annotations.terms) {
    if (seen.has(t.termId)) continue;
    seen.add(t.termId);
    const e = c.entries[t.termId];
    if (!e) continue;
    rows.push({
      term: e.term,
      pinyin: e.pinyin,
      english: e.english,
      explanation: c.zh ? e.explanationZh : e.explanationEn,
      sentence: sentenceAround(c.annotations.text, t.start, t.end),
      source: c.url,
    });
  }
  return rows;
}

const COLUMNS = ['Term', 'Pinyin', 'English', 'Explanation', 'Sentence', 'Source'];

/**
 * Anki's text import (File → Import): tab-separated, with its file headers.
 * A field holding a tab, a newline or a double quote is quoted and its quotes
 * doubled, which Anki's importer reads back as one field.
 */
export function ankiTsv(c: ExportContext): string {
  return rowsTsv(termRows(c));
}

/** RFC 4180 CSV with a header row (CRLF line ends, every field quoted). */
export function termsCsv(c: ExportContext): string {
  return rowsCsv(termRows(c));
}

/** Rows as Anki's tab-separated import (see ankiTsv). */
export function rowsTsv(rows: readonly TermRow[]): string {
  const field = (s: string): string => (/[\t\n\r"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = ['#separator:tab', '#html:false', `#columns:${COLUMNS.join('\t')}`];
  for (const r of rows) lines.push([r.term, r.pinyin, r.english, r.explanation, r.sentence, r.source].map(field).join('\t'));
  return lines.join('\n') + '\n';
}

/** Rows as RFC 4180 CSV (see termsCsv). */
export function rowsCsv(rows: readonly TermRow[]): string {
  const field = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  const lines = [COLUMNS.map(field).join(',')];
  for (const r of rows) lines.push([r.term, r.pinyin, r.english, r.explanation, r.sentence, r.source].map(field).join(','));
  return lines.join('\r\n') + '\r\n';
}

const KIND_TITLES: Record<Kind, string> = {
  changed: 'Changed',
  added: 'Added on this page',
  removed: 'Missing on this page',
  moved: 'Moved',
};

/** Markdown inline text: no accidental formatting, no line breaks. */
function md(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/([\\`*_[\]|<>#])/g, '\\$1');
}

function context(text: string, d: Difference): string {
  const { before, after } = around(text, d.start, d.end, 16);
  return `…${md(before)}**${md(d.pageText) || '‸'}**${md(after)}…`;
}

/** A Markdown report of the differences (punctuation-only ones counted, not listed) and of term usage. */
export function markdownReport(c: ExportContext): string {
  const a = c.annotations;
  const meta = new Map(c.versions.map((v) => [v.id, v]));
  const out: string[] = [`# Tifa report: ${md(c.title || 'page')}`, ''];
  if (c.url) out.push(`Page: <${c.url}>`, '');
  out.push('## Versions compared', '');
  if (!a.matches.length) out.push('No known version of this text was found.', '');
  else {
    out.push('| version | title | outlet | date | alike | page characters |', '|---|---|---|---|---|---|');
    for (const m of a.matches) {
      const v = meta.get(m.versionId);
      out.push(
        `| ${m.versionId} | ${md(m.title)} | ${md(v?.outlet ?? '')} | ${v?.date ?? ''} | ${Math.floor(m.score * 100)}% | ${m.start}–${m.end} |`,
      );
    }
    out.push('');
  }
  for (const m of a.matches) {
    const diffs = a.differences.filter((d) => d.versionId === m.versionId);
    if (!diffs.length) continue;
    const punct = diffs.filter((d) => d.category === 'punctuation').length;
    const shown = diffs.filter((d) => d.category !== 'punctuation');
    out.push(`## Differences from ${m.versionId}`, '');
    out.push(`${shown.length} differences${punct ? `, and ${punct} that differ only in punctuation (not listed)` : ''}.`, '');
    for (const kind of ['changed', 'added', 'removed', 'moved'] as Kind[]) {
      const group = shown.filter((d) => d.kind === kind);
      if (!group.length) continue;
      out.push(`### ${KIND_TITLES[kind]} (${group.length})`, '');
      for (const d of group) {
        const other =
          kind === 'changed'
            ? ` — ${m.versionId} has “${md(d.otherText)}”`
            : kind === 'removed'
              ? ` — ${m.versionId} has “${md(d.otherText)}” here`
              : kind === 'moved'
                ? ` — in ${m.versionId} it stood after “…${md(d.otherBefore)}”`
                : '';
        out.push(`- ${d.category}: ${context(a.text, d)}${other}`);
      }
      out.push('');
    }
  }
  if (c.usage?.length) {
    const ids = a.matches.map((m) => m.versionId);
    out.push(
      '## Term usage across versions',
      '',
      `| term | this page | ${ids.join(' | ')} |`,
      `|---|---|${ids.map(() => '---|').join('')}`,
    );
    for (const u of c.usage) {
      const e = c.entries[u.termId];
      out.push(
        `| ${md(e?.term ?? u.termId)} | ${u.onPage ? '✓' : '—'} | ${ids.map((id) => (u.inVersions.includes(id) ? '✓' : '—')).join(' | ')} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}
