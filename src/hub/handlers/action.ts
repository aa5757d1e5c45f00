import type { AdminAction } from '../../core/messages';
import type { HubContext } from '../context';
import type { Peer } from '../net/peer';

/** What an action did, as a key of the console's texts (console.done.*) and the values it names. */
export interface Outcome {
  key: string;
  params?: Record<string, string | number>;
}

/** What each of a set of organiser actions does; every one needs a valid session (checked before dispatch). */
export type ActionMap<K extends AdminAction['kind']> = {
  [P in K]: (
    ctx: HubContext,
    peer: Peer,
    action: Extract<AdminAction, { kind: P }>,
  ) => Outcome | null | Promise<Outcome | null>;
};

/** An action that cannot be done as asked; the organiser gets the reason. */
export class RefusedError extends Error {}
