import type { Instrument } from '../../src/core/instrument';
import { seededRandom } from '../../src/core/simulation';
import { simulatedResponse } from '../../src/hub/day/rehearsal';
import type { ResponseStore } from '../../src/hub/store/responseStore';

/** 6 February 2026 in Amsterdam (UTC+1): `hour` local time as an instant. */
export const amsterdam = (hour: number, minute = 0): number => Date.UTC(2026, 1, 6, hour - 1, minute);

/**
 * A day of `visitors` at the stand from 09:30 to 16:30 Amsterdam time, with a talk (round "Zaal 1", 11:00-11:45)
 * that draws a third of them: the harness's simulated visitors, seeded, so every run sees the same day.
 */
export function simulateDay(store: ResponseStore, instrument: Instrument, visitors: number, seed = 7): void {
  const random = seededRandom(seed);
  const inTalk = Math.round(visitors / 3);
  const atStand = visitors - inTalk;
  const arrivals: { at: number; talk: boolean }[] = [
    ...Array.from({ length: atStand }, (_, k) => ({
      at: amsterdam(9, 30) + (k * 7 * 3_600_000) / atStand,
      talk: false,
    })),
    ...Array.from({ length: inTalk }, (_, k) => ({ at: amsterdam(11, 5) + (k * 35 * 60_000) / inTalk, talk: true })),
  ].sort((a, b) => a.at - b.at);
  const start = amsterdam(11);
  let round: number | null = null;
  for (const arrival of arrivals) {
    if (arrival.talk && round === null) round = store.startRound('Zaal 1', start).id;
    if (!arrival.talk && round !== null && arrival.at > amsterdam(11, 45)) {
      store.stopRound(amsterdam(11, 45));
      round = null;
    }
    store.insert(simulatedResponse(instrument, random), Math.round(arrival.at), {
      round: arrival.talk ? round : null,
      rehearsal: false,
    });
  }
  if (round !== null) store.stopRound(amsterdam(11, 45));
}
