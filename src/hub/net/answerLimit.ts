import type { Peer } from './peer';

/**
 * Answers a paired device may hand in per minute. A visit takes minutes, so a kiosk in use sends one every few
 * minutes at most; 30 leaves room for a kiosk flushing its outbox after a Wi-Fi drop (what it could not send waits
 * on the device and goes out on the next try, nothing is lost), while a script with the join code gets 30 fake
 * answers a minute instead of hundreds a second.
 */
export const ANSWERS_PER_DEVICE = 30;
/** The same per remote address, so new connections from one laptop do not each bring a fresh allowance. */
export const ANSWERS_PER_ADDRESS = 60;
const WINDOW_MS = 60_000;
/** Addresses remembered at most; the least recently used is forgotten first. */
const MAX_ADDRESSES = 1024;

export interface AnswerLimit {
  /** Counts one answer from this peer; when over the cap, how long until one fits again. */
  take(peer: Peer): { ok: true } | { ok: false; retryAfterMs: number };
}

export function createAnswerLimit({
  perDevice = ANSWERS_PER_DEVICE,
  perAddress = ANSWERS_PER_ADDRESS,
  now = Date.now,
}: { perDevice?: number; perAddress?: number; now?: () => number } = {}): AnswerLimit {
  const byPeer = new WeakMap<Peer, number[]>();
  const byAddress = new Map<string, number[]>();

  /** Times within the window, oldest first; the wait until the oldest leaves it, or 0 when there is room. */
  const waitFor = (times: number[], cap: number, at: number): number => {
    while (times.length > 0 && times[0]! <= at - WINDOW_MS) times.shift();
    return times.length < cap ? 0 : times[0]! + WINDOW_MS - at;
  };

  return {
    take: (peer) => {
      const at = now();
      const own = byPeer.get(peer) ?? [];
      byPeer.set(peer, own);
      const shared = byAddress.get(peer.address) ?? [];
      byAddress.delete(peer.address);
      byAddress.set(peer.address, shared);
      if (byAddress.size > MAX_ADDRESSES) byAddress.delete(byAddress.keys().next().value!);
      const wait = Math.max(waitFor(own, perDevice, at), waitFor(shared, perAddress, at));
      if (wait > 0) return { ok: false, retryAfterMs: wait };
      own.push(at);
      shared.push(at);
      return { ok: true };
    },
  };
}
