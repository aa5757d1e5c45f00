import { responseSchema, type SurveyResponse } from '../../core/response';
import { z } from 'zod';

/**
 * The phone's own answer, in localStorage (written synchronously, so it survives a reload and a lost connection):
 * `pending` until the hub acknowledged it, then `result`, which the page shows again on every reload. `round` is the
 * round it was given in (null outside rounds).
 */
const entrySchema = z.object({ response: responseSchema, round: z.number().nullable() });
export type SavedAnswer = z.infer<typeof entrySchema>;

const PENDING = 'ideale.phone.pending.v1';
const RESULT = 'ideale.phone.result.v1';

function read(key: string): SavedAnswer | null {
  try {
    const parsed = entrySchema.safeParse(JSON.parse(localStorage.getItem(key) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const saved = {
  pending: (): SavedAnswer | null => read(PENDING),
  result: (): SavedAnswer | null => read(RESULT),
  /** A finished answer, kept before the first send is tried. */
  keep(response: SurveyResponse, round: number | null): void {
    localStorage.setItem(PENDING, JSON.stringify({ response, round }));
  },
  /** The hub stored it: it becomes the result this phone shows. */
  acknowledged(id: string): SavedAnswer | null {
    const pending = read(PENDING);
    if (pending?.response.id !== id) return read(RESULT);
    localStorage.setItem(RESULT, JSON.stringify(pending));
    localStorage.removeItem(PENDING);
    return pending;
  },
  /** The hub will not take it (this phone answered in this round already, or it is not valid): forget it. */
  drop(id: string): void {
    if (read(PENDING)?.response.id === id) localStorage.removeItem(PENDING);
  },
};
