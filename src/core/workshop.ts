import { z } from 'zod';
import { localizedSchema } from './instrument';
import { responseSchema } from './response';
import { plainText } from './text';

/**
 * Workshop mode (docs/adr/0011-workshop-mode.md): a group of 5 to 40 takes the whole instrument on its own phones or
 * laptops, apart from the day's crowd, while a facilitator steps through four phases on the shared screen. This module
 * holds what travels on the wire; what the shared screen may show is decided in `workshopViews.ts`.
 */

/** The phases on the shared screen, in the order of the session. */
export const WORKSHOP_PHASES = ['stand', 'asks', 'help', 'try'] as const;
export type WorkshopPhase = (typeof WORKSHOP_PHASES)[number];

/** Longest free text a participant types (a case, a commitment): one line, read aloud in seconds. */
export const MAX_FREE_TEXT = 200;
/** Longest nickname. */
export const MAX_NICKNAME = 24;

/** The query parameter that carries the workshop code on the participant page's address. */
export const WORKSHOP_PARAM = 'w';
/** The participant page. */
export const WORKSHOP_PAGE = 'workshop';

/** What the facilitator fills in to start a workshop. */
export const workshopSetupSchema = z.strictObject({
  /** The group's name ("Team Vergunningen"), shown on the screen, the participant page and the report. */
  name: plainText('workshopName').trim().min(1).max(80),
  /** The instrument's id; the workshop keeps the version that was newest when it was made. */
  instrument: plainText('instrument').min(1).max(40),
  /** The day of the session (YYYY-MM-DD, in the event's time zone). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2027-03-18'),
  /** Whether participants may show a nickname (each still chooses; off for all when false). */
  nicknames: z.boolean(),
  /** Whether answers also count in today's crowd (off by default; only for the running instrument). */
  countInCrowd: z.boolean().default(false),
});
export type WorkshopSetup = z.infer<typeof workshopSetupSchema>;

const freeText = plainText('freeText').trim().max(MAX_FREE_TEXT);
const typeRef = z.string().min(1).max(40);

/** What a participant's page may send (over the workshop's own socket, after `hello` as `participant`). */
export const participantActionSchema = z.discriminatedUnion('kind', [
  /** The whole instrument answered; a second answer replaces the first. */
  z.strictObject({ kind: z.literal('answer'), response: responseSchema }),
  /** Show this nickname beside my mix (null: withdraw it). */
  z.strictObject({
    kind: z.literal('nickname'),
    nickname: plainText('nickname').trim().min(1).max(MAX_NICKNAME).nullable(),
  }),
  /** One line about a case from my work and the side it asks; `share` puts the line on the screen. */
  z.strictObject({ kind: z.literal('case'), text: freeText, asks: typeRef.nullable(), share: z.boolean() }),
  /** One thing I will try; `share` puts it on the wall, without my name. */
  z.strictObject({ kind: z.literal('commitment'), text: freeText, share: z.boolean() }),
  /** "Haal mijn antwoorden weg": my answer, case, commitment and nickname are deleted. */
  z.strictObject({ kind: z.literal('forget') }),
]);
export type ParticipantAction = z.infer<typeof participantActionSchema>;

/** What a participant's page knows of its own: never anyone else's. */
export const participantStateSchema = z.object({
  workshop: z.object({
    name: z.string(),
    date: z.string(),
    phase: z.enum(WORKSHOP_PHASES),
    nicknames: z.boolean(),
    /** The facilitator closed the session: nothing new is taken, a participant may still take theirs back. */
    closed: z.boolean(),
  }),
  answered: z.boolean(),
  nickname: z.string().nullable(),
  case: z.object({ text: z.string(), asks: z.string().nullable(), share: z.boolean() }).nullable(),
  commitment: z.object({ text: z.string(), share: z.boolean() }).nullable(),
});
export type ParticipantState = z.infer<typeof participantStateSchema>;

/** A mix on the screen: the shares per type in instrument order. */
const sharesSchema = z.array(z.number().min(0).max(1));

/**
 * What the shared screen shows (built by `workshopScreen` in workshopViews.ts): the group as a whole from a minimum
 * on and in steps, named participants only by their own choice, shared lines without names.
 */
export const workshopScreenSchema = z.object({
  name: z.string(),
  phase: z.enum(WORKSHOP_PHASES),
  joined: z.number().int(),
  answered: z.number().int(),
  /** The group's mean mix over `count` answers, or null below the minimum. */
  group: z.object({ shares: sharesSchema, count: z.number().int() }).nullable(),
  /** Participants who chose to show a nickname, with their own mix. */
  named: z.array(z.object({ nickname: z.string(), shares: sharesSchema })),
  /** How the group's cases spread over the sides they ask, over `count` cases, or null below the minimum. */
  asks: z.object({ shares: sharesSchema, count: z.number().int() }).nullable(),
  /** Cases their owners shared (text and the side it asks), in no order that follows who typed them. */
  cases: z.array(z.object({ text: z.string(), asks: z.string().nullable() })),
  /** Per shared case that asks a side: the named participants who have that side strongest. */
  strongest: z.array(z.object({ case: z.number().int(), type: z.string(), nicknames: z.array(z.string()) })),
  /** Suggested pairs or trios of complementary mixes among named participants, with a question for each. */
  groups: z.array(z.object({ nicknames: z.array(z.string()), question: localizedSchema })),
  /** Commitments shared on the wall, without names. */
  commitments: z.array(z.string()),
});
export type WorkshopScreen = z.infer<typeof workshopScreenSchema>;

/** What the console lists of a workshop. */
export const workshopSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  date: z.string(),
  instrument: z.string(),
  phase: z.enum(WORKSHOP_PHASES),
  code: z.string(),
  /** The participant page's address with the code, for the QR code (null while network mode is off). */
  url: z.string().nullable(),
  nicknames: z.boolean(),
  countInCrowd: z.boolean(),
  joined: z.number().int(),
  answered: z.number().int(),
  /** Whether the shared screen shows this workshop now. */
  onScreen: z.boolean(),
  closed: z.boolean(),
});
export type WorkshopSummary = z.infer<typeof workshopSummarySchema>;

/** What the facilitator's console asks of the hub about workshops, with a session token (`workshopAdmin`). */
export const workshopAdminActionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('list') }),
  z.strictObject({ kind: z.literal('create'), setup: workshopSetupSchema }),
  z.strictObject({ kind: z.literal('phase'), id: z.uuid(), phase: z.enum(WORKSHOP_PHASES) }),
  /** Shows a workshop on the shared screen, or (null) gives the screen back to the talk. */
  z.strictObject({ kind: z.literal('show'), id: z.uuid().nullable() }),
  /** Ends the session: no new answers, cases or commitments; the report and the screen stay. */
  z.strictObject({ kind: z.literal('close'), id: z.uuid() }),
  /** Deletes a workshop and every trace of it in the database (its write-ahead log emptied after). */
  z.strictObject({ kind: z.literal('delete'), id: z.uuid() }),
]);
export type WorkshopAdminAction = z.infer<typeof workshopAdminActionSchema>;
