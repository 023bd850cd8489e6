/**
 * The glossary's schema. Entries are data (assets/glossary/entries/*.json),
 * validated with zod wherever they are loaded, so a malformed entry fails
 * loudly instead of drawing a broken card.
 */
import { z } from 'zod';
import { PUBLIC_FIELDS } from './glossary-fields';

export { PUBLIC_FIELDS };

export const CATEGORIES = [
  'party-building',
  'governance',
  'social-policy',
  'economy',
  'planning',
  'institution',
  'political-theory',
  'international',
  'work-style',
] as const;

const nonEmpty = z.string().trim().min(1);

export const SourceSchema = z
  .object({
    title: nonEmpty,
    publisher: nonEmpty,
    date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'date must be YYYY, YYYY-MM or YYYY-MM-DD'),
    url: z.url({ protocol: /^https?$/ }).optional(),
  })
  .strict();

export const EntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id must be kebab-case'),
    term: nonEmpty,
    traditional: nonEmpty,
    variants: z.array(nonEmpty),
    pinyin: z
      .string()
      .regex(
        /^[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+( [a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+)*$/,
        'pinyin: lower-case syllables with tone marks, words separated by single spaces',
      ),
    english: nonEmpty,
    literal: z.string(),
    category: z.enum(CATEGORIES),
    explanationEn: nonEmpty,
    explanationZh: nonEmpty,
    origin: z.string(),
    related: z.array(z.string()),
    sources: z.array(SourceSchema).min(1),
    /** Sentences containing the term (from the seeds where possible), used by the tests. */
    examples: z.array(z.object({ text: nonEmpty, source: nonEmpty }).strict()).min(1),
    /** Deliberate departures from pinyin-pro / OpenCC, each with its reason. */
    overrides: z.object({ pinyin: nonEmpty.optional(), traditional: nonEmpty.optional() }).strict().optional(),
  })
  .strict();

export type GlossaryEntry = z.infer<typeof EntrySchema>;
export type PublicEntry = Pick<GlossaryEntry, (typeof PUBLIC_FIELDS)[number]>;

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
    const r = EntrySchema.safeParse(data);
    if (r.success) entries.push(r.data);
    else problems.push(`${name}: ${r.error.issues.map((i) => `${i.path.join('.') || '(entry)'}: ${i.message}`).join('; ')}`);
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
