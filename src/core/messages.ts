import { z } from 'zod';
import { aggregateSchema } from './aggregate';
import { audienceInviteSchema, audienceStatusSchema, sourceIdSchema } from './audience';
import { idealTypeSchema, instrumentSchema } from './instrument';
import { lanStatusSchema } from './lan';
import { instrumentProblemSchema, libraryEntrySchema } from './library';
import {
  participantActionSchema,
  participantStateSchema,
  workshopAdminActionSchema,
  workshopScreenSchema,
  workshopSummarySchema,
} from './workshop';
import {
  liveAdminActionSchema,
  liveQuestionSchema,
  liveStatusSchema,
  liveViewSchema,
  PROJECTOR_COMMANDS,
  projectorStateSchema,
  REMOTE_COMMANDS,
  remoteStateSchema,
  situationRefSchema,
} from './live';
import { lossRecordSchema } from './losses';
import { responseSchema } from './response';
import type { ProfileLabel } from './scoring';

const typeRef = z.string().min(1).max(40);
/** A profile label on the wire (see ProfileLabel in scoring.ts). */
export const profileLabelSchema: z.ZodType<ProfileLabel> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('leading'), primary: typeRef }),
  z.object({ kind: z.literal('two-sided'), primary: typeRef, secondary: typeRef, tied: z.boolean() }),
  z.object({ kind: z.literal('chameleon') }),
  z.object({ kind: z.literal('all-round') }),
]);
import { roundSchema, settingsSchema } from './settings';
import { talkCountsSchema } from './talkCounts';
import { plainText, textRuleOf, type TextRuleDetail } from './text';

/** Largest WebSocket frame the hub accepts from a client, in bytes. */
export const MAX_CLIENT_FRAME_BYTES = 64 * 1024;

/**
 * `phone`: a visitor's own phone in the talk room (audience mode), let in by the audience code only. `remote`: the
 * presenter's phone, let in by the presenter code only (src/hub/live).
 */
export const roleSchema = z.enum(['kiosk', 'projector', 'admin', 'phone', 'remote', 'participant']);
export type Role = z.infer<typeof roleSchema>;

const deviceIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'device must be 8-64 letters, digits or dashes');

/**
 * One member of the public crowd: the profile only, no response id, no kiosk id, no time. `seq` orders arrivals for
 * the replay; `round` is the round it arrived in (null outside rounds); rehearsal members are simulated visitors.
 */
export const crowdMemberSchema = z.object({
  seq: z.number().int().nonnegative(),
  shares: z.array(z.number().min(0).max(1)),
  /** The profile's label, scored by the hub (a balanced mix's label also depends on the answers, not the shares). */
  label: profileLabelSchema,
  casus: z.number().int().nonnegative(),
  round: z.number().int().positive().nullable(),
  rehearsal: z.boolean(),
});
export type CrowdMember = z.infer<typeof crowdMemberSchema>;

/** The PIN: 4 to 12 digits. */
export const pinSchema = z.string().regex(/^\d{4,12}$/, 'the PIN is 4 to 12 digits');

const instrumentRef = plainText('instrument').min(1).max(40);
const instrumentTitle = plainText('instrumentText').trim().min(1).max(80);

/** What an organiser can ask of the hub, always with a session token. */
export const adminActionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('status') }),
  z.strictObject({ kind: z.literal('startRound'), name: plainText('roundName').trim().min(1).max(60) }),
  z.strictObject({ kind: z.literal('stopRound') }),
  z.strictObject({ kind: z.literal('settings'), settings: settingsSchema.partial() }),
  z.strictObject({ kind: z.literal('instrument'), id: plainText('instrument').min(1).max(40) }),
  z.strictObject({ kind: z.literal('rehearse'), count: z.number().int().min(1).max(5000) }),
  z.strictObject({ kind: z.literal('clearRehearsal') }),
  z.strictObject({ kind: z.literal('archiveAndReset') }),
  z.strictObject({ kind: z.literal('wipe'), confirm: z.literal('WIS') }),
  z.strictObject({ kind: z.literal('lan'), enabled: z.boolean() }),
  z.strictObject({ kind: z.literal('lanNewCode') }),
  z.strictObject({ kind: z.literal('lanAddress'), address: plainText('address').min(1).max(64) }),
  z.strictObject({ kind: z.literal('audience'), enabled: z.boolean() }),
  z.strictObject({ kind: z.literal('audienceNewCode') }),
  /** Sets the answers of a listed address aside (out of the live picture and the export), or takes them back. */
  z.strictObject({ kind: z.literal('audienceSetAside'), source: sourceIdSchema, setAside: z.boolean() }),
  z.strictObject({ kind: z.literal('startAtLogin'), enabled: z.boolean() }),
  /** Instruments made in the console (docs/adr/0009): the list, a draft to edit, and what can be done with it. */
  z.strictObject({ kind: z.literal('library') }),
  z.strictObject({
    kind: z.literal('draftCopy'),
    from: instrumentRef,
    id: instrumentRef,
    title: z.strictObject({ nl: instrumentTitle, en: instrumentTitle.or(z.literal('')) }),
  }),
  z.strictObject({ kind: z.literal('draftOpen'), id: instrumentRef }),
  /** The draft as the editor holds it; its shape is checked by the hub (core/instrumentProblems.ts). */
  z.strictObject({ kind: z.literal('draftSave'), instrument: z.unknown() }),
  z.strictObject({ kind: z.literal('draftPublish'), id: instrumentRef }),
  z.strictObject({ kind: z.literal('draftDrop'), id: instrumentRef }),
  z.strictObject({ kind: z.literal('instrumentRetire'), id: instrumentRef, retired: z.boolean() }),
  z.strictObject({ kind: z.literal('instrumentImport'), file: z.unknown() }),
  /** A published or shipped version as a file, to save (`id@version`). */
  z.strictObject({ kind: z.literal('instrumentFile'), ref: plainText('instrument').min(1).max(60) }),
]);
export type AdminAction = z.infer<typeof adminActionSchema>;

/** Messages a page sends to the hub. */
export const clientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('hello'), role: roleSchema, device: deviceIdSchema }),
  z.strictObject({ type: z.literal('submit'), response: responseSchema }),
  /** A kiosk reports how many finished responses it still holds. */
  z.strictObject({
    type: z.literal('outbox'),
    pending: z.number().int().nonnegative().max(100_000),
    /** Answers the hub refused for good, which the kiosk keeps aside rather than drop (absent from older kiosks). */
    refused: z.number().int().nonnegative().max(100_000).default(0),
  }),
  /** Checks the PIN (the console on the hub computer sets it on first use); answered with a session or an error. */
  z.strictObject({ type: z.literal('login'), pin: pinSchema }),
  z.strictObject({ type: z.literal('admin'), token: z.string().min(20).max(100), action: adminActionSchema }),
  /** A phone's answer to the live situation: the option's place on screen (first choice only) and its own id. */
  z.strictObject({
    type: z.literal('liveAnswer'),
    live: z.number().int().positive(),
    option: z.number().int().min(0).max(5),
    id: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
  }),
  /** A remote's button, or a projector's live key (`liveStep`). */
  z.strictObject({
    type: z.literal('remote'),
    command: z.enum(REMOTE_COMMANDS),
    situation: situationRefSchema.optional(),
  }),
  /** A projector tells what it shows, for the remotes' screens. */
  z.strictObject({ type: z.literal('projectorState'), state: projectorStateSchema }),
  /** The console's live panel (src/hub/live/admin.ts), with a session token like `admin`. */
  z.strictObject({ type: z.literal('liveAdmin'), token: z.string().min(20).max(100), action: liveAdminActionSchema }),
  /** A workshop participant's page (docs/adr/0011), over the workshop's own socket. */
  z.strictObject({ type: z.literal('participant'), action: participantActionSchema }),
  /** The console's workshop panel (src/hub/workshop/admin.ts), with a session token like `admin`. */
  z.strictObject({
    type: z.literal('workshopAdmin'),
    token: z.string().min(20).max(100),
    action: workshopAdminActionSchema,
  }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export const errorCodeSchema = z.enum([
  'bad-json',
  'bad-message',
  'bad-response',
  'not-hello',
  'rate-limited',
  'bad-pin',
  'locked',
  'no-pin',
  'no-session',
  'refused',
  'internal',
  /** A phone that already handed in an answer in this round (audience mode): it shows the one it has. */
  'already-answered',
  /** A live answer for a moment that is not open (revealed, closed or never put). */
  'live-closed',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** A device as the console sees it. */
export const deviceStatusSchema = z.object({
  device: z.string(),
  role: roleSchema,
  via: z.enum(['local', 'lan']),
  connected: z.boolean(),
  lastSeen: z.number(),
  pending: z.number().nullable(),
  /** Answers the hub refused that the device keeps aside (null before it reported). */
  refused: z.number().nullable(),
});

/**
 * What the hub found wrong with its database at a start, for the console; kept until the next such start.
 * `damaged`: the file was set aside as `keptAs` and the readable answers carried into a fresh one. `fewer`: the
 * file opened but holds fewer answers than the `expected` count recorded beside it (emptied, replaced or cut).
 */
export const recoveryNoteSchema = z.object({
  at: z.number(),
  kind: z.enum(['damaged', 'fewer']),
  readable: z.number(),
  unreadable: z.number(),
  expected: z.number().nullable(),
  keptAs: z.string().nullable(),
  settingsLost: z.array(z.string()),
});
export type RecoveryNote = z.infer<typeof recoveryNoteSchema>;

/** The console's overview. */
export const statusSchema = z.object({
  responses: z.number(),
  today: z.number(),
  rehearsal: z.number(),
  /** Answers kept for another instrument or version than the running one (a kiosk's outbox after a switch). */
  otherInstrument: z.number(),
  /**
   * Per other instrument@version (or `unknown`, an instrument the hub does not have): real answers stored for it (it
   * ran earlier today or on another day) and answers refused since the hub started because it did not run today.
   */
  otherInstruments: z.array(
    z.object({ instrument: z.string(), title: z.string().nullable(), stored: z.number(), refused: z.number() }),
  ),
  perRound: z.array(z.object({ id: z.number(), name: z.string(), count: z.number() })),
  devices: z.array(deviceStatusSchema),
  freeDiskBytes: z.number().nullable(),
  appVersion: z.string(),
  instrument: z.string(),
  instruments: z.array(z.object({ id: z.string(), version: z.string(), title: z.string() })),
  archives: z.array(z.string()),
  lan: lanStatusSchema,
  audience: audienceStatusSchema,
  database: z.object({
    /** False when the start's test write failed: answers are not saved (kiosks keep them) until it is fixed. */
    writable: z.boolean(),
    recovery: recoveryNoteSchema.nullable(),
    /** What the data folder records as lost or not stored, oldest first, until the day is archived. */
    losses: z.array(lossRecordSchema),
    /** Answers failing to be stored now: since when, and how many tries failed since. */
    writes: z.object({ failing: z.boolean(), since: z.number().nullable(), failed: z.number().int() }),
  }),
  /**
   * The day so far in the event's time zone: real answers per step of `stepMinutes` from `start` (the first step with
   * an answer, at a whole step of the clock) up to now.
   */
  day: z.object({ start: z.number(), stepMinutes: z.number().int().positive(), counts: z.array(z.number().int()) }),
  /** Start with the computer: only the app can (available false under the hub alone); off by default. */
  startAtLogin: z.object({ available: z.boolean(), enabled: z.boolean() }),
});
export type HubStatus = z.infer<typeof statusSchema>;

/** Messages the hub sends to a page. */
export const hubMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('welcome'),
    instrument: instrumentSchema,
    aggregate: aggregateSchema,
    /** Projectors and the console get the whole crowd so far; kiosks an empty list. */
    crowd: z.array(crowdMemberSchema),
    settings: settingsSchema,
    round: roundSchema.nullable(),
    /** For the console: true until an organiser PIN is chosen. */
    needsPin: z.boolean(),
  }),
  z.object({ type: z.literal('ack'), id: z.string(), duplicate: z.boolean() }),
  z.object({
    type: z.literal('error'),
    code: errorCodeSchema,
    message: z.string(),
    ref: z.string().optional(),
    retryAfterMs: z.number().optional(),
    /** For the console: the key of its own words for this refusal (console.<key>) and the values in them. */
    detail: z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }).optional(),
  }),
  z.object({ type: z.literal('update'), aggregate: aggregateSchema, member: crowdMemberSchema }),
  /** The totals alone, sent to kiosks every few seconds when they changed (for "you versus today's crowd"). */
  z.object({ type: z.literal('aggregate'), aggregate: aggregateSchema }),
  z.object({ type: z.literal('state'), settings: settingsSchema, round: roundSchema.nullable() }),
  /** To projectors after every arrival and settings change: the talk's group counts, cut to the threshold. */
  z.object({ type: z.literal('talk'), talk: talkCountsSchema }),
  /** To projectors: how to invite the room to join from their phones (audience mode). */
  audienceInviteSchema,
  z.object({ type: z.literal('session'), token: z.string(), expiresAt: z.number() }),
  /** To projectors: the live moment (null when none runs). */
  z.object({ type: z.literal('live'), live: liveViewSchema.nullable() }),
  /** To phones: the live question (null when none runs); answered: this phone's answer is in. */
  z.object({ type: z.literal('liveQuestion'), question: liveQuestionSchema.nullable(), answered: z.boolean() }),
  /** To projectors: what a remote asked of them. */
  z.object({ type: z.literal('presenter'), command: z.enum(PROJECTOR_COMMANDS) }),
  /** To remotes: what to show. */
  z.object({ type: z.literal('remoteState'), state: remoteStateSchema }),
  /** To the console: its live panel. */
  z.object({ type: z.literal('liveStatus'), status: liveStatusSchema }),
  z.object({ type: z.literal('status'), status: statusSchema }),
  /** To the console: the instruments it can run, copy and edit. `unreadable` names files the hub left out. */
  z.object({ type: z.literal('library'), entries: z.array(libraryEntrySchema), unreadable: z.array(z.string()) }),
  /**
   * To the console: a draft to edit with the hub's problems for it, or (`refused`) what an action found wrong with a
   * draft or a file, without changing anything.
   */
  z.object({
    type: z.literal('draft'),
    id: z.string(),
    instrument: z.unknown().nullable(),
    problems: z.array(instrumentProblemSchema),
    refused: z.string().nullable(),
    /** The shipped instrument with as many types, for the harness figures beside the draft's. */
    compare: z.unknown().nullable().optional(),
  }),
  /** To a workshop participant's page: what it knows of its own answers, and the workshop's phase. */
  z.object({ type: z.literal('participantState'), state: participantStateSchema }),
  /** To projectors: the workshop on the shared screen (null: none, the talk's views), with its instrument's types. */
  z.object({
    type: z.literal('workshopScreen'),
    screen: workshopScreenSchema.nullable(),
    types: z.array(idealTypeSchema),
    /** How to join: the participant page's address with the code (null while network mode is off), and the code. */
    join: z.object({ url: z.string().nullable(), code: z.string() }).nullable(),
  }),
  /** To the console: the workshops. */
  z.object({ type: z.literal('workshops'), list: z.array(workshopSummarySchema) }),
  /** To the console: an instrument file to save. */
  z.object({ type: z.literal('instrumentFile'), name: z.string(), text: z.string() }),
  /** An organiser action succeeded: `detail` names the console text, `params` the values in it. */
  z.object({
    type: z.literal('done'),
    kind: z.string(),
    detail: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  }),
]);
export type HubMessage = z.infer<typeof hubMessageSchema>;

/** Parses a raw frame from a client; returns the message or an error code with a readable reason. */
export function parseClientMessage(
  raw: string,
): { ok: true; message: ClientMessage } | { ok: false; code: ErrorCode; reason: string; detail?: TextRuleDetail } {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, code: 'bad-json', reason: 'the frame is not valid JSON' };
  }
  const result = clientMessageSchema.safeParse(data);
  if (result.success) return { ok: true, message: result.data };
  const first = result.error.issues[0];
  const where = first && first.path.length > 0 ? ` at ${first.path.map(String).join('.')}` : '';
  const detail = textRuleOf(first);
  return {
    ok: false,
    code: 'bad-message',
    reason: `${first?.message ?? 'invalid message'}${where}`,
    ...(detail && { detail }),
  };
}
