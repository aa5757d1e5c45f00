import { z } from 'zod';
import { responseSchema, type SurveyResponse } from '../../core/response';

/**
 * The participant's own answer and commitment, in localStorage (written synchronously, so they survive a reload and a
 * lost connection): the answer is `pending` until the hub acknowledged it, then `result`, which the page shows again
 * on every reload; the commitment stays beside the result, as the take-away. "Haal mijn antwoorden weg" clears all.
 */
const answerSchema = z.object({ response: responseSchema });
const commitmentSchema = z.object({ text: z.string().max(400), share: z.boolean() });
export type SavedCommitment = z.infer<typeof commitmentSchema>;

const PENDING = 'ideale.workshop.pending.v1';
const RESULT = 'ideale.workshop.result.v1';
const COMMITMENT = 'ideale.workshop.commitment.v1';

function read<T>(key: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(localStorage.getItem(key) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const savedWorkshop = {
  pending: (): SurveyResponse | null => read(PENDING, answerSchema)?.response ?? null,
  result: (): SurveyResponse | null => read(RESULT, answerSchema)?.response ?? null,
  commitment: (): SavedCommitment | null => read(COMMITMENT, commitmentSchema),
  /** A finished answer, kept before the first send is tried. */
  keep(response: SurveyResponse): void {
    localStorage.setItem(PENDING, JSON.stringify({ response }));
  },
  /** The hub stored it: it becomes the result this device shows. True when `id` was the pending answer. */
  acknowledged(id: string): boolean {
    const pending = read(PENDING, answerSchema);
    if (pending?.response.id !== id) return false;
    localStorage.setItem(RESULT, JSON.stringify(pending));
    localStorage.removeItem(PENDING);
    return true;
  },
  /** The hub will not take the pending answer (the session is closed): it is not kept for a resend. */
  drop(): void {
    localStorage.removeItem(PENDING);
  },
  keepCommitment(commitment: SavedCommitment | null): void {
    if (commitment) localStorage.setItem(COMMITMENT, JSON.stringify(commitment));
    else localStorage.removeItem(COMMITMENT);
  },
  /** Everything of this participant off this device. */
  clear(): void {
    for (const key of [PENDING, RESULT, COMMITMENT]) localStorage.removeItem(key);
  },
};
