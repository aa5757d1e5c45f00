import { describe, expect, it } from 'vitest';
import type { HubMessage } from '../../src/core/messages';
import { lanBaseOf, pairedWith, startLanTestHub, TestClient } from '../support/hub';
import { shippedInstrument } from '../support/instruments';
import { attackProjector, projectorViews } from '../support/projectorAttacker';
import { makeResponse } from '../support/responses';
import { useTestHub } from '../support/useTestHub';

/**
 * Flood, "a hidden group worked out from the projector": a group the by-group view hides as "nog te weinig" must not
 * follow from anything a projector is sent, on the hub's computer or paired over the network. 20 Bureaucrats at the
 * Rijk and 12 Ondernemers at a gemeente are shown; 3 Verbinders at a waterschap are not, and the day has 35.
 */
const instrument = shippedInstrument('ideale-ambtenaar');
const fixture = useTestHub(startLanTestHub);
const lanBase = (): string => lanBaseOf(fixture.hub);
const paired = (): Record<string, string> => pairedWith(fixture.hub);
type Talk = Extract<HubMessage, { type: 'talk' }>;

async function submit(groups: { count: number; pick: number; laag: string }[]): Promise<void> {
  const kiosk = await TestClient.connect(fixture.hub.url, 'kiosk');
  for (const { count, pick, laag } of groups)
    for (let i = 0; i < count; i++) {
      const response = makeResponse(instrument, () => pick);
      response.context = { laag };
      kiosk.send({ type: 'submit', response });
      await kiosk.waitFor((m) => m.type === 'ack' && m.id === response.id);
    }
  kiosk.close();
}

describe('flood: a hidden group worked out from the projector', () => {
  it('20 + 12 shown of 35: no message to a projector, local or paired, gives away the 3 Verbinders', async () => {
    const local = await TestClient.connect(fixture.hub.url, 'projector');
    const remote = await TestClient.connect(lanBase(), 'projector', paired());
    await submit([
      { count: 20, pick: 0, laag: 'rijk' },
      { count: 12, pick: 1, laag: 'gemeente' },
      { count: 3, pick: 2, laag: 'waterschap' },
    ]);
    const isDay = (m: HubMessage): m is Talk => m.type === 'talk' && (m.talk.split?.size ?? 0) === 35;
    await local.waitFor(isDay);
    await remote.waitFor(isDay);
    // A projector that joins now gets the whole day in its welcome.
    const late = await TestClient.connect(lanBase(), 'projector', paired());
    await late.waitFor(isDay);

    for (const projector of [local, remote, late]) {
      const views = projectorViews(projector.messages);
      expect(views.length).toBeGreaterThan(0);
      for (const view of views) expect(attackProjector(view, instrument)).toEqual([]);
      const day = views.at(-1)!;
      const shown = Object.values(day.talk.context.laag!).reduce((s, g) => s + g.size, 0);
      // What a reader takes away: the day minus the shown groups is a group of at least the threshold.
      expect(day.aggregate.total - shown).toBeGreaterThanOrEqual(day.talk.threshold);
      expect(day.talk.withheld.laag).toEqual(['gemeente']);
      expect(JSON.stringify(day.talk)).not.toContain('waterschap');
    }
    console.log(
      `projector-leak: ${[local, remote, late].map((p) => projectorViews(p.messages).length).join(' + ')} moments ` +
        `read by the attacker (local, paired, paired late), 0 hidden groups worked out`,
    );
    for (const c of [local, remote, late]) c.close();
  });
});
