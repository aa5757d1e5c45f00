import { describe, expect, it } from 'vitest';
import { runRoom } from '../../scripts/bench/room.mjs';
import { startAudienceHub } from '../support/audience';
import { TestClient } from '../support/hub';
import { useTestHub } from '../support/useTestHub';
import { shippedInstrument } from '../support/instruments';

/**
 * A full talk room, short form: 300 phones, each from its own loopback address, join and answer within seconds
 * (the bench spreads the same over minutes). Every answer is stored once and reaches the projector; phones get no
 * crowd data.
 */
const instrument = shippedInstrument('ideale-ambtenaar');
const PHONES = 300;

const fixture = useTestHub(startAudienceHub);

describe('a full room of phones', () => {
  it('stores every answer once, acknowledges each and shows each on the projector', async () => {
    const projector = await TestClient.connect(fixture.hub.url, 'projector');
    const invite = await projector.waitFor((m) => m.type === 'audience');
    const phoneUrl = invite.type === 'audience' ? invite.url! : '';
    const room = await runRoom({ phoneUrl, instrument, phones: PHONES, joinMs: 2000, answerMs: 3000 });
    const sorted = [...room.latencies].sort((a, b) => a - b);
    const p = (q: number): string =>
      (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN).toFixed(1);
    console.log(
      `audience-room (short): ${room.joined} phones joined in 2 s, ${room.latencies.length} answers in 5 s; ack p50 ${p(0.5)} ms, p99 ${p(0.99)} ms (budget p99 ≤ 50 ms)`,
    );
    expect(room.failures).toEqual([]);
    expect(room.joined).toBe(PHONES);
    expect(room.latencies).toHaveLength(PHONES);
    expect(fixture.hub.store.count()).toBe(PHONES);
    await expect.poll(() => projector.messages.filter((m) => m.type === 'update').length).toBe(PHONES);
    // No crowd data reaches a phone: its welcome, its acks, the round's state, and the live moment's question (none is
    // open here; it holds the situation and its options, never a count or a type, docs/adr/0010).
    expect(room.kinds.filter((k) => !['welcome', 'ack', 'state', 'liveQuestion'].includes(k))).toEqual([]);
    expect(fixture.hub.context.audience.status().perRound).toEqual([
      expect.objectContaining({ round: null, joined: PHONES, answered: PHONES }),
    ]);
    projector.close();
  });
});
