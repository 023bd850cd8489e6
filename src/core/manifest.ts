/** The corpus manifest's schema (assets/corpus/manifest.json). */
import * as v from 'valibot';
import { issueLines } from './glossary';

export const ManifestSchema = v.strictObject({
  about: v.optional(v.string()),
  versions: v.pipe(
    v.array(
      v.strictObject({
        id: v.pipe(v.string(), v.regex(/^[\w.-]+$/)),
        file: v.pipe(v.string(), v.minLength(1)),
        title: v.pipe(v.string(), v.minLength(1)),
        outlet: v.pipe(v.string(), v.minLength(1)),
        date: v.pipe(v.string(), v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)),
        note: v.optional(v.string()),
      }),
    ),
    v.minLength(1),
  ),
});

export type Manifest = v.InferOutput<typeof ManifestSchema>;

export function parseManifest(data: unknown): Manifest {
  const r = v.safeParse(ManifestSchema, data);
  if (!r.success) throw new Error(`invalid corpus manifest: ${issueLines(r.issues).join('; ')}`);
  const ids = new Set<string>();
  for (const x of r.output.versions) {
    if (ids.has(x.id)) throw new Error(`invalid corpus manifest: duplicate id ${x.id}`);
    ids.add(x.id);
  }
  return r.output;
}
