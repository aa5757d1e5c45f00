import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { ResponseStore } from '../store/responseStore';

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

export function createOrganiserAuth(store: ResponseStore, options: AuthOptions = {}): OrganiserAuth {
  const now = options.now ?? Date.now;
  const firstLockMs = options.firstLockMs ?? FIRST_LOCK_MS;
  const sessions = new Map<string, number>();
  let failures = 0;
  let locks = 0;
  let lockedUntil = 0;
  // One PIN check at a time, each deciding on the lock before it hashes: guesses sent in parallel (from any socket,
  // on either listener) are judged one after the other, so the sixth never reaches the hash.
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const hash = async (pin: string, salt: Buffer): Promise<Buffer> => scryptAsync(pin, salt, KEY_LENGTH, SCRYPT);
  const open = (): LoginResult => {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now() + SESSION_MS;
    sessions.set(token, expiresAt);
    return { ok: true, token, expiresAt };
  };
  const lockedResult = (): LoginResult | null =>
    now() < lockedUntil ? { ok: false, code: 'locked', retryAfterMs: lockedUntil - now() } : null;

  const check = async (pin: string): Promise<LoginResult> => {
    const locked = lockedResult();
    if (locked) return locked;
    const stored = store.getSetting('pin');
    if (stored === undefined) return { ok: false, code: 'no-pin' };
    const [, , , , salt64, key64] = stored.split('$');
    const expected = Buffer.from(key64 ?? '', 'base64');
    const actual = await hash(pin, Buffer.from(salt64 ?? '', 'base64'));
    if (expected.length === actual.length && timingSafeEqual(expected, actual)) {
      failures = 0;
      locks = 0;
      lockedUntil = 0;
      return open();
    }
    failures += 1;
    if (failures < MAX_ATTEMPTS) return { ok: false, code: 'bad-pin' };
    failures = 0;
    lockedUntil = now() + Math.min(MAX_LOCK_MS, firstLockMs * 2 ** Math.min(locks, 30));
    locks += 1;
    return { ok: false, code: 'locked', retryAfterMs: lockedUntil - now() };
  };

  return {
    needsPin: () => store.getSetting('pin') === undefined,
    choosePin: (pin) =>
      oneAtATime(async () => {
        if (store.getSetting('pin') !== undefined) return { ok: false, code: 'pin-set' };
        const salt = randomBytes(16);
        const key = await hash(pin, salt);
        store.setSetting(
          'pin',
          `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`,
        );
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
