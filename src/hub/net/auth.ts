import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { ResponseStore } from '../store/responseStore';
import { createGuessLock } from './guessLock';

const scryptAsync = promisify(scrypt) as (
  pin: string,
  salt: Buffer,
  keylen: number,
  options: object,
) => Promise<Buffer>;

/** scrypt cost: about 50 ms per attempt here, so guessing a 6-digit PIN offline takes days, online is locked out. */
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;
/** Wrong PINs allowed before the console locks, and the first lock's length (it doubles each time). */
export const MAX_ATTEMPTS = 5;
export const FIRST_LOCK_MS = 60_000;
/** The doubling stops here: long enough to make guessing hopeless, short enough that the organiser gets back in. */
export const MAX_LOCK_MS = 15 * 60_000;
/** A session lasts this long after login. */
export const SESSION_MS = 4 * 60 * 60 * 1000;

export type LoginResult =
  | { ok: true; token: string; expiresAt: number }
  | { ok: false; code: 'bad-pin' | 'locked' | 'no-pin' | 'pin-set'; retryAfterMs?: number };

/** The organiser's PIN (stored only as a salted scrypt hash) and the sessions it opens. */
export interface OrganiserAuth {
  needsPin(): boolean;
  /** Chooses the first PIN and opens a session; refused once a PIN is set. The caller decides who may. */
  choosePin(pin: string): Promise<LoginResult>;
  /** Checks the PIN, counting failures toward a lock; never sets one. */
  login(pin: string): Promise<LoginResult>;
  isValid(token: string): boolean;
}

export interface AuthOptions {
  now?: () => number;
  /** The first lock's length; tests shorten it. */
  firstLockMs?: number;
}

const hash = async (pin: string, salt: Buffer): Promise<Buffer> => scryptAsync(pin, salt, KEY_LENGTH, SCRYPT);

/** What is stored of a PIN: its scrypt parameters, salt and key, never the PIN. */
async function pinRecord(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await hash(pin, salt);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Whether `pin` is the one `stored` was made from, compared in constant time. */
async function pinMatches(stored: string, pin: string): Promise<boolean> {
  const [, , , , salt64, key64] = stored.split('$');
  const expected = Buffer.from(key64 ?? '', 'base64');
  const actual = await hash(pin, Buffer.from(salt64 ?? '', 'base64'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export function createOrganiserAuth(store: ResponseStore, options: AuthOptions = {}): OrganiserAuth {
  const now = options.now ?? Date.now;
  const firstLockMs = options.firstLockMs ?? FIRST_LOCK_MS;
  const sessions = new Map<string, number>();
  const lock = createGuessLock({ maxAttempts: MAX_ATTEMPTS, firstLockMs, maxLockMs: MAX_LOCK_MS, now });
  // One PIN check at a time, each deciding on the lock before it hashes: guesses sent in parallel (from any socket,
  // on either listener) are judged one after the other, so the sixth never reaches the hash.
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const open = (): LoginResult => {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now() + SESSION_MS;
    sessions.set(token, expiresAt);
    return { ok: true, token, expiresAt };
  };
  const lockedResult = (): LoginResult | null => {
    const retryAfterMs = lock.lockedForMs();
    return retryAfterMs === null ? null : { ok: false, code: 'locked', retryAfterMs };
  };

  const check = async (pin: string): Promise<LoginResult> => {
    const locked = lockedResult();
    if (locked) return locked;
    const stored = store.getSetting('pin');
    if (stored === undefined) return { ok: false, code: 'no-pin' };
    if (await pinMatches(stored, pin)) {
      lock.succeeded();
      return open();
    }
    const retryAfterMs = lock.failed();
    return retryAfterMs === null ? { ok: false, code: 'bad-pin' } : { ok: false, code: 'locked', retryAfterMs };
  };

  return {
    needsPin: () => store.getSetting('pin') === undefined,
    choosePin: (pin) =>
      oneAtATime(async () => {
        if (store.getSetting('pin') !== undefined) return { ok: false, code: 'pin-set' };
        store.setSetting('pin', await pinRecord(pin));
        return open();
      }),
    // While locked, the answer needs no turn in the queue.
    login: (pin) => Promise.resolve(lockedResult() ?? oneAtATime(() => check(pin))),
    isValid: (token) => {
      const expiresAt = sessions.get(token);
      if (expiresAt === undefined) return false;
      if (expiresAt <= now()) {
        sessions.delete(token);
        return false;
      }
      return true;
    },
  };
}
