import { describe, expect, it } from 'vitest';
import { normalizeJoinCode } from '../../core/lan';
import { CODE_ATTEMPTS, CODE_FIRST_LOCK_MS, CODE_MAX_LOCK_MS, createCodeLock } from './codeLock';

const OLD = 'ABCDEFGHJKMN';

function lockAt(now: { t: number }) {
  return createCodeLock({ normalize: normalizeJoinCode, former: () => [OLD], now: () => now.t });
}

/** Wrong guesses from `address` until it is locked; returns the lock's length. */
function guessUntilLocked(lock: ReturnType<typeof createCodeLock>, address: string): number | null {
  let caused: number | null = null;
  for (let i = 0; i < CODE_ATTEMPTS && caused === null; i++) caused = lock.judged(address, ['WRONGWRONGWR'], false);
  return caused;
}

describe('the lock against guessing codes', () => {
  it('locks one address after the wrong codes in a row, for a minute, doubling up to the ceiling', () => {
    const now = { t: 0 };
    const lock = lockAt(now);
    const waits: (number | null)[] = [];
    for (let i = 0; i < 6; i++) {
      waits.push(guessUntilLocked(lock, '10.0.0.5'));
      expect(lock.lockedForMs('10.0.0.5')).toBe(waits.at(-1));
      expect(lock.lockedForMs('10.0.0.6')).toBeNull();
      now.t += waits.at(-1)!;
      expect(lock.lockedForMs('10.0.0.5')).toBeNull();
    }
    expect(waits).toEqual([1, 2, 4, 8, 15, 15].map((m) => Math.min(m * CODE_FIRST_LOCK_MS, CODE_MAX_LOCK_MS)));
  });

  it('a right code starts the count again; a former code or a request without one is no guess', () => {
    const lock = lockAt({ t: 0 });
    for (let i = 0; i < CODE_ATTEMPTS - 1; i++) expect(lock.judged('10.0.0.5', ['x'], false)).toBeNull();
    lock.judged('10.0.0.5', ['RIGHTRIGHTRI'], true);
    for (let i = 0; i < CODE_ATTEMPTS * 5; i++) {
      expect(lock.judged('10.0.0.5', [OLD.toLowerCase()], false)).toBeNull();
      expect(lock.judged('10.0.0.5', [], false)).toBeNull();
    }
    for (let i = 0; i < CODE_ATTEMPTS - 1; i++) expect(lock.judged('10.0.0.5', ['x'], false)).toBeNull();
    expect(lock.judged('10.0.0.5', [OLD, 'x'], false)).toBe(CODE_FIRST_LOCK_MS);
  });

  it('remembers a bounded number of addresses, the least recently heard from forgotten first', () => {
    const lock = lockAt({ t: 0 });
    guessUntilLocked(lock, '10.0.0.5');
    for (let i = 0; i < 4095; i++) lock.judged(`10.1.${i >> 8}.${i & 255}`, ['x'], false);
    expect(lock.lockedForMs('10.0.0.5')).toBe(CODE_FIRST_LOCK_MS);
    lock.judged('10.2.0.0', ['x'], false);
    expect(lock.lockedForMs('10.0.0.5')).toBeNull();
  });
});
