import { z } from 'zod';
import { hubAddress, JOIN_CODE_ALPHABET } from './lan';

/**
 * The audience code lets phones in a talk room open the phone page and hand in one answer each; nothing else. It is
 * shown publicly on the projector, so it guards against the rest of the venue network, not against the room: 8
 * characters of the join code's alphabet (40 bits) are short enough to type off a screen and far beyond guessing.
 */
export const AUDIENCE_CODE_LENGTH = 8;
/** The query parameter of the phone page's address that carries the audience code. */
export const AUDIENCE_PARAM = 'code';
/** The one page the audience code opens. */
export const PHONE_PAGE = 'phone';

/** An audience code as someone typed it (case, dashes, O/0 and I/L/1 forgiven), or null. */
export function normalizeAudienceCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== AUDIENCE_CODE_LENGTH) return null;
  for (const char of code) if (!JOIN_CODE_ALPHABET.includes(char)) return null;
  return code;
}

/** ABCD-EFGH: easier to read off the projection. */
export function formatAudienceCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** The address a phone opens: the phone page on the hub's network address, with the audience code. */
export function audienceUrl(address: string, port: number, code: string): string {
  return `${hubAddress(address, port)}/${PHONE_PAGE}/?${AUDIENCE_PARAM}=${code}`;
}

/** The address without the code, as people type it (no "http://"). */
export function shortAudienceAddress(address: string, port: number): string {
  return `${hubAddress(address, port).replace(/^http:\/\//, '')}/${PHONE_PAGE}`;
}

/** Phones per round: how many opened the page while it ran, and how many handed in an answer. */
export const audienceRoundSchema = z.object({
  round: z.number().int().positive().nullable(),
  name: z.string(),
  joined: z.number().int().nonnegative(),
  answered: z.number().int().nonnegative(),
});

/**
 * A network address that handed in more answers in one round than a few people behind it would: a room behind one
 * router, or a script. `source` is the keyed hash its answers are stored under; `address` the address itself while
 * the hub has seen it since it started (it is kept in memory only), else null.
 */
export const flaggedSourceSchema = z.object({
  source: z.string(),
  address: z.string().nullable(),
  /** All its stored answers, and the first and the last one's arrival (ms). */
  answers: z.number().int().nonnegative(),
  first: z.number(),
  last: z.number(),
  /** Set aside by the organiser: out of the live picture and every export, until taken back. */
  setAside: z.boolean(),
});
export type FlaggedSource = z.infer<typeof flaggedSourceSchema>;

/** The form of a source in an organiser's action: the hash as the hub gives it. */
export const sourceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'source must be 22 base64url characters');

/** What the console shows about audience mode. */
export const audienceStatusSchema = z.object({
  enabled: z.boolean(),
  /** Null while audience mode is off (the old code opens nothing then). */
  code: z.string().nullable(),
  /** Phones connected right now. */
  connected: z.number().int().nonnegative(),
  perRound: z.array(audienceRoundSchema),
  /** Answers in one round above which an address is listed in `flagged`. */
  flagAbove: z.number().int().nonnegative(),
  flagged: z.array(flaggedSourceSchema),
});
export type AudienceStatus = z.infer<typeof audienceStatusSchema>;

/**
 * What a projector needs to invite the room: the phone page's address with the code (for the QR code), the short
 * address and the code to type, and how many phones joined the running round. All of it is meant to be public.
 */
export const audienceInviteSchema = z.object({
  type: z.literal('audience'),
  url: z.string().nullable(),
  address: z.string().nullable(),
  code: z.string().nullable(),
  joined: z.number().int().nonnegative(),
});
export type AudienceInvite = z.infer<typeof audienceInviteSchema>;
