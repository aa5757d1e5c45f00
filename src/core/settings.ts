import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isTimeZone } from './eventTime';
import { languageSchema } from './instrument';

/** What the organiser sets for the stand; pages get it with every welcome. */
export const settingsSchema = z.strictObject({
  eventName: z.string().trim().min(1).max(80),
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
  timeZone: z.string().max(64).refine(isTimeZone, { message: 'unknown time zone (use a name like Europe/Amsterdam)' }),
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

/** A named round, started for a talk; responses received while it runs belong to it. */
export const roundSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  startedAt: z.number(),
  endedAt: z.number().nullable(),
});
export type Round = z.infer<typeof roundSchema>;
