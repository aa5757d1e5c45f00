import { z } from 'zod';

/** One problem of an instrument or draft, as core/instrumentProblems.ts finds it, on the wire. */
export const instrumentProblemSchema = z.object({
  path: z.string(),
  rule: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});

/**
 * One instrument as the console's list shows it (docs/adr/0009-instruments-in-the-console.md): shipped (read-only) or
 * made in the console, its published versions, whether it is retired, and its draft if one is kept.
 */
export const libraryEntrySchema = z.object({
  id: z.string(),
  title: z.object({ nl: z.string(), en: z.string() }),
  shipped: z.boolean(),
  versions: z.array(z.string()),
  retired: z.boolean(),
  types: z.number().int(),
  draft: z
    .object({
      savedAt: z.number(),
      /** The draft differs from the newest published version (or none is published yet). */
      unpublished: z.boolean(),
      /** How many problems stand between the draft and publishing. */
      problems: z.number().int(),
    })
    .nullable(),
});
export type LibraryEntry = z.infer<typeof libraryEntrySchema>;
