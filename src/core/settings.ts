import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isTimeZone } from './eventTime';
import { languageSchema } from './instrument';
import { plainText, withoutForbidden } from './text';

/** What the organiser sets for the stand; pages get it with every welcome. */
export const settingsSchema = z.strictObject({
  /** One line of visible text (core/text.ts): it is printed on the projector, in every export and in the report. */
  eventName: plainText('eventName').trim().min(1).max(80),
  defaultLang: languageSchema,
  /** Seconds without a touch before the "still there?" countdown. */
  idleSeconds: z.number().int().min(10).max(600),
  /** Seconds the countdown lasts. */
  countdownSeconds: z.number().int().min(5).max(120),
  /** Seconds the result stays before the kiosk returns to the start. */
  resultSeconds: z.number().int().min(10).max(600),
  /** Cells below this count are suppressed in exports. */
  suppressBelow: z.number().int().min(2).max(50),
  /** The event's time zone (IANA name): every clock time in the console, the exports and the report is read in it. */
  timeZone: plainText('timeZone')
    .max(64)
    .refine(isTimeZone, { message: 'unknown time zone (use a name like Europe/Amsterdam)' }),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  eventName: 'Landelijke Ambtenaar 2.0 Dag',
  defaultLang: 'nl',
  idleSeconds: 45,
  countdownSeconds: 15,
  resultSeconds: 30,
  suppressBelow: 5,
  timeZone: DEFAULT_TIME_ZONE,
};

/**
 * Settings as saved, over the defaults, or null when they do not fit the schema. Text saved before the text rule
 * existed loses the characters the rule refuses (a name that is left empty takes the default), so an old event name
 * with a NUL or a direction override is shown clean rather than refused, and the saved file still reads as whole.
 */
export function readSavedSettings(saved: unknown): Settings | null {
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS, ...(typeof saved === 'object' ? saved : {}) };
  for (const key of ['eventName', 'timeZone'] as const) {
    const value = merged[key];
    if (typeof value === 'string') merged[key] = withoutForbidden(value).trim() || DEFAULT_SETTINGS[key];
  }
  const parsed = settingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : null;
}

/** A named round, started for a talk; responses received while it runs belong to it. */
export const roundSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  startedAt: z.number(),
  endedAt: z.number().nullable(),
});
export type Round = z.infer<typeof roundSchema>;
