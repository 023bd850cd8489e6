/** The human-readable form of annotations (`tifa annotate` without --json). */
import { around } from '../core/context';
import type { GlossaryEntry } from '../core/glossary';
import type { Annotations, Difference, Kind } from '../core/types';
import type { Version } from '../core/engine';

const CONTEXT = 12;
const KIND_ORDER: Kind[] = ['changed', 'added', 'removed', 'moved'];

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ');
}

function clip(s: string, max = 60): string {
  const t = oneLine(s);
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** The difference in its page context: …before⟦page text⟧after… */
function inContext(text: string, d: Difference): string {
  const { before, after } = around(text, d.start, d.end, CONTEXT);
  return `…${oneLine(before)}⟦${clip(d.pageText)}⟧${oneLine(after)}…`;
}

export interface ReportOptions {
  /** Show punctuation-only differences too. */
  all: boolean;
}

export function formatReport(
  a: Annotations,
  versions: (id: string) => Version | undefined,
  glossary: readonly GlossaryEntry[],
  opts: ReportOptions,
): string {
  const out: string[] = [];
  out.push(`Page text: ${a.text.length} characters`);
  out.push('');
  if (!a.matches.length) out.push('Known versions: none found in this page.');
  else out.push(`Known versions found (${a.matches.length}):`);
  for (const m of a.matches) {
    const v = versions(m.versionId);
    out.push(`  ${m.versionId}  ${(Math.floor(m.score * 1000) / 10).toFixed(1)}% alike  page ${m.start}–${m.end}`);
    out.push(`      ${m.title} — ${v?.outlet ?? ''}${v?.date ? `, ${v.date}` : ''}`);
  }
  for (const m of a.matches) {
    const diffs = a.differences.filter((d) => d.versionId === m.versionId);
    const punct = diffs.filter((d) => d.category === 'punctuation');
    const shown = opts.all ? diffs : diffs.filter((d) => d.category !== 'punctuation');
    out.push('');
    const hidden = opts.all || !punct.length ? '' : ` (+${punct.length} punctuation-only, shown with --all)`;
    out.push(`Differences from ${m.versionId}: ${shown.length}${hidden}`);
    if (!diffs.length) out.push('  none: the page says exactly what this version says.');
    for (const kind of KIND_ORDER) {
      const group = shown.filter((d) => d.kind === kind);
      if (!group.length) continue;
      out.push(`  ${kind} (${group.length})`);
      for (const d of group) {
        const what =
          kind === 'changed'
            ? `${clip(d.otherText, 30)} → ${clip(d.pageText, 30)}`
            : kind === 'added'
              ? `page adds ${clip(d.pageText, 50)}`
              : kind === 'removed'
                ? `page lacks ${clip(d.otherText, 50)}`
                : `${clip(d.pageText, 40)} (in the version it stood after “…${d.otherBefore}”)`;
        out.push(`    [${d.category}] ${what}`);
        out.push(`        at ${d.start}: ${inContext(a.text, d)}`);
      }
    }
  }
  out.push('');
  const byId = new Map(glossary.map((e) => [e.id, e]));
  const counts = new Map<string, number>();
  for (const t of a.terms) counts.set(t.termId, (counts.get(t.termId) ?? 0) + 1);
  out.push(`Terms (${a.terms.length} marks, ${counts.size} terms):`);
  for (const [id, n] of counts) {
    const e = byId.get(id);
    if (e) out.push(`  ${e.term}  ${e.pinyin}  — ${e.english}  ×${n}`);
  }
  if (a.candidates.length) {
    out.push('');
    out.push(`Numbered formulations not in the glossary (${a.candidates.length}):`);
    for (const c of a.candidates) out.push(`  ${c.text}  at ${c.start}`);
  }
  return out.join('\n');
}
