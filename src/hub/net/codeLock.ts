/**
 * Guessing the join code or the room code, locked out per network address as the PIN is (guessLock.ts): after
 * {@link CODE_ATTEMPTS} wrong codes in a row an address waits a minute before any code it sends is judged again,
 * twice as long after each lock up to 15 minutes. Another address is not affected. A device still holding a code
 * from before "New code" is not guessing and is not counted.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { createGuessLock, type GuessLock } from './guessLock';
import { requestUrl, sendGatePage } from './http';
import { readCookie, sameCode } from './lanGate';

/**
 * Wrong codes in a row before an address is locked. More than the PIN's five: a code is typed off a screen across
 * the room, and a room behind one router shares an address (a right code in between starts the count again).
 */
export const CODE_ATTEMPTS = 10;
export const CODE_FIRST_LOCK_MS = 60_000;
export const CODE_MAX_LOCK_MS = 15 * 60_000;
/** Addresses tracked at most; the one least recently heard from is forgotten first. */
const TRACKED_ADDRESSES = 4096;
/** Former codes remembered, so devices from before "New code" are told apart from guessers. */
export const FORMER_CODES = 8;

export interface CodeLock {
  /** How long until a code from `address` is judged again; null when it may be judged now. */
  lockedForMs(address: string): number | null;
  /**
   * A request from `address` carried `values` (raw, as sent) and was judged: a right one starts the count again,
   * a wrong one counts unless every value is a former code. Returns the length of the lock this caused, or null.
   */
  judged(address: string, values: readonly string[], right: boolean): number | null;
}

export interface CodeLockOptions {
  /** The code as the hub keeps it, or null when the value cannot be one. */
  normalize(raw: string): string | null;
  /** Codes that were right before "New code". */
  former(): readonly string[];
  now?: () => number;
}

export function createCodeLock({ normalize, former, now = Date.now }: CodeLockOptions): CodeLock {
  const locks = new Map<string, GuessLock>();
  const lockOf = (address: string): GuessLock => {
    const lock =
      locks.get(address) ??
      createGuessLock({
        maxAttempts: CODE_ATTEMPTS,
        firstLockMs: CODE_FIRST_LOCK_MS,
        maxLockMs: CODE_MAX_LOCK_MS,
        now,
      });
    locks.delete(address);
    locks.set(address, lock);
    if (locks.size > TRACKED_ADDRESSES) locks.delete(locks.keys().next().value!);
    return lock;
  };
  return {
    lockedForMs: (address) => locks.get(address)?.lockedForMs() ?? null,
    judged: (address, values, right) => {
      if (values.length === 0) return null;
      if (right) {
        locks.get(address)?.succeeded();
        return null;
      }
      const old = former();
      if (values.every((raw) => old.includes(normalize(raw) ?? ''))) return null;
      return lockOf(address).failed();
    },
  };
}

/** The values of a code a request carries: its query parameter and its cookie, as sent. */
export function carriedCode(req: IncomingMessage, param: string, cookie: string): string[] {
  const typed = requestUrl(req)?.searchParams.get(param) ?? null;
  const kept = readCookie(req.headers.cookie, cookie);
  return [typed, kept].filter((v): v is string => v !== null);
}

const minutes = (ms: number): number => Math.max(1, Math.ceil(ms / 60_000));

/** The page an address gets while it is locked: what happened and how long to wait, in Dutch and English. */
export function sendLockedPage(req: IncomingMessage, res: ServerResponse, waitMs: number, phone: boolean): void {
  const n = minutes(waitMs);
  res.setHeader('Retry-After', String(Math.ceil(waitMs / 1000)));
  sendGatePage(
    req,
    res,
    429,
    `<p role="alert">Te veel verkeerde codes vanaf dit netwerkadres. Probeer het over ${n} ${n === 1 ? 'minuut' : 'minuten'} opnieuw.</p>` +
      `<p lang="en">Too many wrong codes from this network address. Try again in ${n} ${n === 1 ? 'minute' : 'minutes'}.</p>`,
    { phone },
  );
}

/** The same for a socket: no page to show, the status and a line that says why. */
export function refuseLockedUpgrade(socket: Socket, waitMs: number): void {
  const seconds = Math.ceil(waitMs / 1000);
  refuseUpgrade(
    socket,
    `429 Too Many Requests\r\nRetry-After: ${seconds}`,
    `Too many wrong codes from this network address: try again in ${seconds} s.`,
  );
}

/** Ends an upgrade with `status` (and any headers after it) and a one-line reason as text. */
export function refuseUpgrade(socket: Socket, status: string, reason: string): void {
  socket.on('error', () => undefined);
  const body = `${reason}\n`;
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** What a gate made of a request before the lock: `none` when the request is none of its business. */
export interface GateVerdict {
  verdict: string;
  /** The request carried a code typed into its address. */
  typed: boolean;
}

/**
 * A gate's verdict with its lock: a locked address is not judged; a request the gate concerns itself with (or one
 * with a typed code) is judged, and a wrong code counts toward the lock. `codes` are the codes right now (none: the
 * gate is closed and nothing it carries is a guess). Shared by the presenter's and the workshops' gates.
 */
export function judgeWithLock<V extends GateVerdict>(
  req: IncomingMessage,
  gate: { codes: readonly string[]; param: string; cookie: string; normalize(raw: string): string | null },
  lock: CodeLock,
  verdictOf: () => V,
): ({ locked: number } & Partial<V>) | ({ locked: null } & V) {
  const address = req.socket.remoteAddress ?? '?';
  const carried = gate.codes.length === 0 ? [] : carriedCode(req, gate.param, gate.cookie);
  const wait = carried.length > 0 ? lock.lockedForMs(address) : null;
  if (wait !== null) return { locked: wait } as { locked: number } & Partial<V>;
  const judged = verdictOf();
  // A cookie from an earlier code on an asset request is no guess; only the gate's own paths or a typed code count.
  if (judged.verdict !== 'none' || judged.typed) {
    const right = carried.some((value) => gate.codes.some((code) => sameCode(gate.normalize(value), code)));
    const caused = lock.judged(address, carried, right);
    if (caused !== null) return { locked: caused } as { locked: number } & Partial<V>;
  }
  return { locked: null, ...judged };
}
