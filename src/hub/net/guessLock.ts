/**
 * A lock against guessing a secret: after `maxAttempts` wrong guesses in a row it locks, first for `firstLockMs`,
 * then twice as long each time up to `maxLockMs`; a right guess forgets the failures. The organiser's PIN uses one.
 */
export interface GuessLock {
  /** How long until the next guess is judged, or null when it may be judged now. */
  lockedForMs(): number | null;
  /** A wrong guess; returns how long the lock it caused lasts (null when it caused none). */
  failed(): number | null;
  /** A right guess: the count of failures and of locks starts again. */
  succeeded(): void;
}

export interface GuessLockOptions {
  maxAttempts: number;
  firstLockMs: number;
  maxLockMs: number;
  now?: () => number;
}

export function createGuessLock({ maxAttempts, firstLockMs, maxLockMs, now = Date.now }: GuessLockOptions): GuessLock {
  let failures = 0;
  let locks = 0;
  let lockedUntil = 0;
  const lockedForMs = (): number | null => (now() < lockedUntil ? lockedUntil - now() : null);
  return {
    lockedForMs,
    failed: () => {
      failures += 1;
      if (failures < maxAttempts) return null;
      failures = 0;
      lockedUntil = now() + Math.min(maxLockMs, firstLockMs * 2 ** Math.min(locks, 30));
      locks += 1;
      return lockedUntil - now();
    },
    succeeded: () => {
      failures = 0;
      locks = 0;
      lockedUntil = 0;
    },
  };
}
