import { describe, expect, it } from 'vitest';
import type { HubMessage } from '../../src/core/messages';
import { TestClient, startTestHub } from '../support/hub';
import { shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';
import { useTestHub } from '../support/useTestHub';

const instrument = shippedInstrument('ideale-ambtenaar');
type Talk = Extract<HubMessage, { type: 'talk' }>;
const isTalk = (m: HubMessage): m is Talk => m.type === 'talk';
const fixture = useTestHub();

describe("the talk's group counts", () => {
  it('follow every arrival, equal what a restarted hub counts from its database, and never send a small group', async () => {
    const projector = await TestClient.connect(fixture.hub.url, 'projector');
    const kiosk = await TestClient.connect(fixture.hub.url, 'kiosk');
    // Five skip the question: with them the groups not shown (the two at a waterschap) are at least the threshold.
    const layers = [...Array(7).fill('gemeente'), ...Array(2).fill('waterschap'), ...Array(5).fill(null)] as (
      string | null
    )[];
    for (const [i, laag] of layers.entries()) {
      const response = makeResponse(instrument, () => i % 3);
      response.context = laag ? { laag } : {};
      const from = kiosk.messages.length;
      kiosk.send({ type: 'submit', response });
      await kiosk.waitFor((m) => m.type === 'ack', from);
    }
    const live = await projector.waitFor((m): m is Talk => isTalk(m) && (m.talk.split?.size ?? 0) === layers.length);
    expect(Object.keys(live.talk.context.laag!)).toEqual(['gemeente']);
    expect(live.talk.context.laag!.gemeente!.size).toBe(7);
    expect(JSON.stringify(live.talk)).not.toContain('waterschap');
    expect(live.talk.arrivals.reduce((s, a) => s + a.count, 0)).toBe(layers.length);
    kiosk.close();
    projector.close();

    await fixture.hub.close();
    fixture.hub = await startTestHub(fixture.dir);
    const again = await TestClient.connect(fixture.hub.url, 'projector');
    const rebuilt = await again.waitFor(isTalk);
    expect(rebuilt.talk).toEqual(live.talk);
    again.close();
  });
});
