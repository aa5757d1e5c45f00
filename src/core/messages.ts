import { z } from 'zod';
import { aggregateSchema } from './aggregate';
import { instrumentSchema } from './instrument';
import { responseSchema } from './response';

/** Largest WebSocket frame the hub accepts from a client, in bytes. */
export const MAX_CLIENT_FRAME_BYTES = 64 * 1024;

export const roleSchema = z.enum(['kiosk', 'projector', 'admin']);
export type Role = z.infer<typeof roleSchema>;

const deviceIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'device must be 8-64 letters, digits or dashes');

/** One member of the public crowd: the profile only, no kiosk id, no time. `seq` orders arrivals for the replay. */
export const crowdMemberSchema = z.object({
  seq: z.number().int().nonnegative(),
  shares: z.array(z.number().min(0).max(1)),
  casus: z.number().int().nonnegative(),
});
export type CrowdMember = z.infer<typeof crowdMemberSchema>;

/** Messages a page sends to the hub. */
export const clientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('hello'), role: roleSchema, device: deviceIdSchema }),
  z.strictObject({ type: z.literal('submit'), response: responseSchema }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export const errorCodeSchema = z.enum([
  'bad-json',
  'bad-message',
  'bad-response',
  'not-hello',
  'rate-limited',
  'internal',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** Messages the hub sends to a page. */
export const hubMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('welcome'),
    instrument: instrumentSchema,
    aggregate: aggregateSchema,
    /** Projectors get the whole crowd so far; kiosks get an empty list. */
    crowd: z.array(crowdMemberSchema),
  }),
  z.object({ type: z.literal('ack'), id: z.string(), duplicate: z.boolean() }),
  z.object({ type: z.literal('error'), code: errorCodeSchema, message: z.string(), ref: z.string().optional() }),
  z.object({ type: z.literal('update'), aggregate: aggregateSchema, member: crowdMemberSchema }),
]);
export type HubMessage = z.infer<typeof hubMessageSchema>;

/** Parses a raw frame from a client; returns the message or an error code with a readable reason. */
export function parseClientMessage(
  raw: string,
): { ok: true; message: ClientMessage } | { ok: false; code: ErrorCode; reason: string } {
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
  return { ok: false, code: 'bad-message', reason: `${first?.message ?? 'invalid message'}${where}` };
}
