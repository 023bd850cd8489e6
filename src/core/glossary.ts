/**
 * The glossary's schema. Entries are data (assets/glossary/entries/*.json),
 * validated (valibot) wherever they are loaded, so a malformed entry fails
 * loudly instead of drawing a broken card.
 */
import * as v from 'valibot';
import { PUBLIC_FIELDS } from './glossary-fields';

export { PUBLIC_FIELDS };

/** Fields of policy language, as a student of it would file them. */
export const CATEGORIES = [
  'political-theory',
  'party-building',
  'work-style',
  'governance',
  'institution',
  'law',
  'security',
  'economy',
  'planning',
  'social-policy',
  'rural',
  'ecology',
  'science-technology',
  'culture',
  'international',
  'hong-kong-macao-taiwan',
] as const;

/** The hover card shows one line; longer explanations sit behind "More". */
export const GIST_MAX_WORDS = 20;
const wordCount = (s: string): number => s.trim().split(/\s+/).filter(Boolean).length;

const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const TONED = 'a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ';

/** An example quoted from a bundled version names it by its id (003_5cde503fef3895bf). */
export const BUNDLED_SOURCE = /^\d{3}_[0-9a-f]{16}$/;

const CheckedDate = v.pipe(v.string(), v.isoDate('checked must be YYYY-MM-DD'));

export const SourceSchema = v.strictObject({
  title: nonEmpty,
  publisher: nonEmpty,
  date: v.pipe(v.string(), v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'date must be YYYY, YYYY-MM or YYYY-MM-DD')),
  url: v.optional(v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//, 'url must be http or https'))),
  /** The day a reviewer found this page again (the search tool's stored copy) and read that it says what the entry cites it for. */
  checked: v.optional(CheckedDate),
});

export const EntrySchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id must be kebab-case')),
  term: nonEmpty,
  traditional: nonEmpty,
  variants: v.array(nonEmpty),
  pinyin: v.pipe(
    v.string(),
    // A word's syllables written together (an apostrophe before a, e, o: liǎng'àn); digits and '+' stand
    // as their own words (中国制造2025, 人工智能+).
    v.regex(
      new RegExp(`^([${TONED}]+('[${TONED}]+)*|[0-9+]+)( ([${TONED}]+('[${TONED}]+)*|[0-9+]+))*$`),
      'pinyin: lower-case syllables with tone marks, words separated by single spaces',
    ),
  ),
  english: nonEmpty,
  /** One line for the hover card (at most GIST_MAX_WORDS words). */
  gist: v.pipe(
    nonEmpty,
    v.check((g) => wordCount(g) <= GIST_MAX_WORDS, `gist: at most ${GIST_MAX_WORDS} words`),
    v.check((g) => !/[\r\n]/.test(g), 'gist: one line'),
  ),
  literal: v.string(),
  category: v.picklist(CATEGORIES),
  explanationEn: nonEmpty,
  explanationZh: nonEmpty,
  origin: v.string(),
  related: v.array(v.string()),
  sources: v.pipe(v.array(SourceSchema), v.minLength(1, 'at least one source')),
  /**
   * Sentences containing the term, used by the tests: quoted from a bundled
   * version (its id), from a public page (its http(s) address), or
   * 'constructed'.
   */
  examples: v.pipe(
    v.array(
      v.strictObject({
        text: nonEmpty,
        source: v.pipe(
          v.string(),
          v.check(
            (s) => BUNDLED_SOURCE.test(s) || s === 'constructed' || /^https?:\/\/\S+$/.test(s),
            'example source: a bundled version id, an http(s) address or "constructed"',
          ),
        ),
        /** The day a reviewer found this sentence again on its source page. */
        checked: v.optional(CheckedDate),
      }),
    ),
    v.minLength(1, 'at least one example'),
  ),
  /** Deliberate departures from pinyin-pro / OpenCC, each with its reason. */
  overrides: v.optional(v.strictObject({ pinyin: v.optional(nonEmpty), traditional: v.optional(nonEmpty) })),
  /**
   * Forms that are also ordinary words (两重 "two-fold"): marked only inside
   * quotation marks, as official texts write the abbreviation.
   */
  quotedOnly: v.optional(v.array(nonEmpty)),
});

export type GlossaryEntry = v.InferOutput<typeof EntrySchema>;
export type PublicEntry = Pick<GlossaryEntry, (typeof PUBLIC_FIELDS)[number]>;

/** Validation issues as "path: message" lines. */
export function issueLines(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((i) => `${i.path?.map((p) => String(p.key)).join('.') || '(entry)'}: ${i.message}`);
}

/** The entry reduced to its public fields, in the documented order. */
export function publicEntry(e: GlossaryEntry): PublicEntry {
  return Object.fromEntries(PUBLIC_FIELDS.map((f) => [f, e[f]])) as PublicEntry;
}

/**
 * Validate a list of entries as a whole: each against the schema, ids unique,
 * `related` pointing at existing ids. Throws one error listing every problem.
 */
export function parseGlossary(items: readonly { name: string; data: unknown }[]): GlossaryEntry[] {
  const problems: string[] = [];
  const entries: GlossaryEntry[] = [];
  for (const { name, data } of items) {
    const r = v.safeParse(EntrySchema, data);
    if (r.success) entries.push(r.output);
    else problems.push(`${name}: ${issueLines(r.issues).join('; ')}`);
  }
  const ids = new Set<string>();
  for (const e of entries) {
    if (ids.has(e.id)) problems.push(`duplicate id ${e.id}`);
    ids.add(e.id);
  }
  for (const e of entries) for (const r of e.related) if (!ids.has(r)) problems.push(`${e.id}: related id "${r}" does not exist`);
  if (problems.length) throw new Error(`invalid glossary:\n  ${problems.join('\n  ')}`);
  return entries.sort((a, b) => a.id.localeCompare(b.id));
}
