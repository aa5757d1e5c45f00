import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { ResponseStore } from './responseStore';

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
/** A session lasts this long after login. */
export const SESSION_MS = 4 * 60 * 60 * 1000;

export type LoginResult =
  { ok: true; token: string; expiresAt: number } | { ok: false; code: 'bad-pin' | 'locked'; retryAfterMs?: number };

/** The organiser's PIN (stored only as a salted scrypt hash) and the sessions it opens. */
export interface OrganiserAuth {
  needsPin(): boolean;
  /** Sets the PIN on first use; otherwise checks it, counting failures toward a lock. */
  login(pin: string): Promise<LoginResult>;
  isValid(token: string): boolean;
}

export function createOrganiserAuth(store: ResponseStore, now: () => number = Date.now): OrganiserAuth {
  const sessions = new Map<string, number>();
  let failures = 0;
  let locks = 0;
  let lockedUntil = 0;

  const hash = async (pin: string, salt: Buffer): Promise<Buffer> => scryptAsync(pin, salt, KEY_LENGTH, SCRYPT);
  const open = (): LoginResult => {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now() + SESSION_MS;
    sessions.set(token, expiresAt);
    return { ok: true, token, expiresAt };
  };

  return {
    needsPin: () => store.getSetting('pin') === undefined,
    login: async (pin) => {
      if (now() < lockedUntil) return { ok: false, code: 'locked', retryAfterMs: lockedUntil - now() };
      const stored = store.getSetting('pin');
      if (stored === undefined) {
        const salt = randomBytes(16);
        const key = await hash(pin, salt);
        store.setSetting(
          'pin',
          `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`,
        );
        return open();
      }
      const [, , , , salt64, key64] = stored.split('$');
      const expected = Buffer.from(key64 ?? '', 'base64');
      const actual = await hash(pin, Buffer.from(salt64 ?? '', 'base64'));
      if (expected.length === actual.length && timingSafeEqual(expected, actual)) {
        failures = 0;
        locks = 0;
        return open();
      }
      failures += 1;
      if (failures >= MAX_ATTEMPTS) {
        failures = 0;
        lockedUntil = now() + FIRST_LOCK_MS * 2 ** locks;
        locks += 1;
        return { ok: false, code: 'locked', retryAfterMs: lockedUntil - now() };
      }
      return { ok: false, code: 'bad-pin' };
    },
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
