import { describe, expect, it } from 'vitest';
import { ANSWERS_PER_ADDRESS, ANSWERS_PER_DEVICE, createAnswerLimit } from './answerLimit';
import type { Peer } from './peer';

const peerAt = (address: string): Peer => ({ address }) as Peer;

describe('answers per paired device', () => {
  it('refuses past the cap with the wait until one fits, and lets the device go on a minute later', () => {
    let now = 0;
    const limit = createAnswerLimit({ now: () => now });
    const tablet = peerAt('10.0.0.5');
    for (let i = 0; i < ANSWERS_PER_DEVICE; i++) {
      expect(limit.take(tablet)).toEqual({ ok: true });
      now += 100;
    }
    expect(limit.take(tablet)).toEqual({ ok: false, retryAfterMs: 60_000 - ANSWERS_PER_DEVICE * 100 });
    now = 60_000;
    expect(limit.take(tablet)).toEqual({ ok: true });
  });

  it('new connections from one address share its allowance; another address has its own', () => {
    const limit = createAnswerLimit({ now: () => 0 });
    let taken = 0;
    for (let c = 0; c < 10; c++) {
      const connection = peerAt('10.0.0.6');
      for (let i = 0; i < ANSWERS_PER_DEVICE; i++) if (limit.take(connection).ok) taken += 1;
    }
    expect(taken).toBe(ANSWERS_PER_ADDRESS);
    expect(limit.take(peerAt('10.0.0.7'))).toEqual({ ok: true });
  });
});
