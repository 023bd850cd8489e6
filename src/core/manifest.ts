/** The corpus manifest's schema (assets/corpus/manifest.json). */
import { z } from 'zod';

export const ManifestSchema = z
  .object({
    about: z.string().optional(),
    versions: z
      .array(
        z
          .object({
            id: z.string().regex(/^[\w.-]+$/),
            file: z.string().min(1),
            title: z.string().min(1),
            outlet: z.string().min(1),
            date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
            note: z.string().optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type Manifest = z.infer<typeof ManifestSchema>;

export function parseManifest(data: unknown): Manifest {
  const r = ManifestSchema.safeParse(data);
  if (!r.success) throw new Error(`invalid corpus manifest: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const ids = new Set<string>();
  for (const v of r.data.versions) {
    if (ids.has(v.id)) throw new Error(`invalid corpus manifest: duplicate id ${v.id}`);
    ids.add(v.id);
  }
  return r.data;
}
