import { z } from 'zod';

/**
 * The join code that lets a device on the venue network in. Crockford's base32 (no I, L, O, U) so it can be read
 * aloud and typed on a tablet; 12 characters are 60 random bits, far beyond guessing over Wi-Fi.
 */
export const JOIN_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const JOIN_CODE_LENGTH = 12;

/** The query parameter of a pairing URL that carries the join code. */
export const JOIN_PARAM = 'join';

/** The pages a paired device may open; the console stays on the hub's own computer. */
export const PAIRABLE_PAGES = ['kiosk', 'projector'] as const;
export type PairablePage = (typeof PAIRABLE_PAGES)[number];

/**
 * A join code as someone typed it (lower case, dashes, spaces, O for 0, I or L for 1) in its one true form, or null
 * when it cannot be a join code.
 */
export function normalizeJoinCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const char of code) if (!JOIN_CODE_ALPHABET.includes(char)) return null;
  return code;
}

/** ABCD-EFGH-JKMN: easier to read off a screen. */
export function formatJoinCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** The hub's address on the network, as a device types it (brackets around IPv6). */
export function hubAddress(address: string, port: number): string {
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
}

/** The URL a device opens to pair: the page on the hub's network address, with the join code. */
export function pairingUrl(address: string, port: number, page: PairablePage, code: string): string {
  return `${hubAddress(address, port)}/${page}/?${JOIN_PARAM}=${code}`;
}

/** What the console shows about network mode. */
export const lanStatusSchema = z.object({
  enabled: z.boolean(),
  /** Whether the network listener is up (it can be on but failed, e.g. when its port is taken). */
  listening: z.boolean(),
  /** The port devices on the network connect to. */
  port: z.number().int(),
  code: z.string().nullable(),
  /** The hub computer's addresses on the network, the likeliest first. */
  addresses: z.array(z.string()),
  /**
   * The address devices and phones are given (QR codes, the projector's invitation): the organiser's choice while
   * the computer still has it, else the likeliest; null without any.
   */
  address: z.string().nullable(),
  /** Why listening failed. */
  error: z.enum(['port-in-use', 'failed']).nullable(),
});
export type LanStatus = z.infer<typeof lanStatusSchema>;
