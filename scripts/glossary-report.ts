/**
 * `npm run glossary:report`: the glossary at a glance, for its editors —
 * entries by category, entries whose English is not an official rendering
 * (their explanation says so), sources per entry, how many sources and
 * examples a reviewer found again (`checked`), and the span of origin years.
 * Reads assets/glossary/entries through the same validation as the engine.
 * `--json` prints the figures as one object.
 */
import { loadGlossary } from '../src/cli/assets';
import { BUNDLED_SOURCE, CATEGORIES, type GlossaryEntry } from '../src/core/glossary';

/** Explanations that say the English is descriptive, or that no official rendering was found. */
const NOT_OFFICIAL =
  /no (fixed |single |standard |confirmed )?official (english |translation|rendering)|descriptive (rendering|translation)|renderings? (vary|varies|differ)|official english (varies|is not fixed|was not found|could not be confirmed)/i;

/** Years an origin mentions, 1900 to this year (a target year such as 2060 is no origin). */
const years = (e: GlossaryEntry): number[] =>
  [...e.origin.matchAll(/(?<!\d)(19|20)\d{2}(?!\d)/g)].map((m) => Number(m[0])).filter((y) => y <= new Date().getFullYear());

export interface GlossaryReport {
  entries: number;
  byCategory: Record<string, number>;
  withoutOfficialEnglish: string[];
  sources: { total: number; perEntry: Record<string, number>; min: number; max: number; mean: number };
  /**
   * Sources and examples with a `checked` day (found again in a stored copy of the page); examples quoted from a
   * bundled version are checked by the unit tests instead. `entriesWithoutChecked`: no source checked yet.
   */
  checked: { sources: number; examples: number; bundledExamples: number; entriesWithoutChecked: string[]; latest?: string };
  originYears: { oldest?: { year: number; ids: string[] }; newest?: { year: number; ids: string[] }; withoutYear: string[] };
}

export function report(glossary: readonly GlossaryEntry[]): GlossaryReport {
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, glossary.filter((e) => e.category === c).length]));
  const perEntry = Object.fromEntries(glossary.map((e) => [e.id, e.sources.length]));
  const counts = Object.values(perEntry);
  const dated = glossary.map((e) => ({ id: e.id, ys: years(e) })).filter((x) => x.ys.length);
  const first = dated.map((x) => ({ id: x.id, y: Math.min(...x.ys) }));
  const last = dated.map((x) => ({ id: x.id, y: Math.max(...x.ys) }));
  const oldest = Math.min(...first.map((x) => x.y));
  const newest = Math.max(...last.map((x) => x.y));
  return {
    entries: glossary.length,
    byCategory,
    withoutOfficialEnglish: glossary.filter((e) => NOT_OFFICIAL.test(e.explanationEn)).map((e) => e.id),
    sources: {
      total: counts.reduce((a, b) => a + b, 0),
      perEntry,
      min: Math.min(...counts),
      max: Math.max(...counts),
      mean: Math.round((counts.reduce((a, b) => a + b, 0) / counts.length) * 10) / 10,
    },
    checked: checkedFigures(glossary),
    originYears: {
      ...(dated.length && {
        oldest: { year: oldest, ids: first.filter((x) => x.y === oldest).map((x) => x.id) },
        newest: { year: newest, ids: last.filter((x) => x.y === newest).map((x) => x.id) },
      }),
      withoutYear: glossary.filter((e) => !years(e).length).map((e) => e.id),
    },
  };
}

function checkedFigures(glossary: readonly GlossaryEntry[]): GlossaryReport['checked'] {
  const sources = glossary.flatMap((e) => e.sources);
  const examples = glossary.flatMap((e) => e.examples);
  const days = [...sources, ...examples].flatMap((x) => (x.checked ? [x.checked] : [])).sort();
  return {
    sources: sources.filter((x) => x.checked).length,
    examples: examples.filter((x) => x.checked).length,
    bundledExamples: examples.filter((x) => BUNDLED_SOURCE.test(x.source)).length,
    entriesWithoutChecked: glossary.filter((e) => !e.sources.some((x) => x.checked)).map((e) => e.id),
    ...(days.length && { latest: days.at(-1) }),
  };
}

function print(r: GlossaryReport): string {
  const out = [`Glossary: ${r.entries} entries`, '', 'By category:'];
  for (const [c, n] of Object.entries(r.byCategory)) out.push(`  ${c.padEnd(24)} ${String(n).padStart(4)}`);
  out.push('', `English not an official rendering (the explanation says so): ${r.withoutOfficialEnglish.length}`);
  for (const id of r.withoutOfficialEnglish) out.push(`  ${id}`);
  const hist = new Map<number, number>();
  for (const n of Object.values(r.sources.perEntry)) hist.set(n, (hist.get(n) ?? 0) + 1);
  out.push('', `Sources: ${r.sources.total} in all, ${r.sources.min}–${r.sources.max} per entry (mean ${r.sources.mean})`);
  for (const [n, k] of [...hist].sort((a, b) => a[0] - b[0])) out.push(`  ${n} source${n === 1 ? '' : 's'}: ${k} entries`);
  const c = r.checked;
  out.push(
    '',
    `Checked against stored copies of the pages${c.latest ? ` (latest ${c.latest})` : ''}: ${c.sources} of ${r.sources.total} sources; ` +
      `${c.examples} examples, and ${c.bundledExamples} quoted from bundled versions (checked by the tests)`,
    `  entries with no source checked: ${c.entriesWithoutChecked.length}${c.entriesWithoutChecked.length ? ` (${c.entriesWithoutChecked.join(', ')})` : ''}`,
  );
  const o = r.originYears;
  out.push('', 'Origins:');
  if (o.oldest) out.push(`  oldest year: ${o.oldest.year} (${o.oldest.ids.join(', ')})`);
  if (o.newest) out.push(`  newest year: ${o.newest.year} (${o.newest.ids.join(', ')})`);
  out.push(`  no year in origin: ${o.withoutYear.length}${o.withoutYear.length ? ` (${o.withoutYear.join(', ')})` : ''}`);
  return out.join('\n');
}

if (process.argv[1] && import.meta.filename === (await import('node:path')).resolve(process.argv[1])) {
  const r = report(loadGlossary());
  console.log(process.argv.includes('--json') ? JSON.stringify(r, null, 2) : print(r));
}
