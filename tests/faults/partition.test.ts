import { describe, expect, it } from 'vitest';
import { addToAggregate, emptyAggregate } from '../../src/core/aggregate';
import { profileOf } from '../../src/core/response';
import { TestClient } from '../support/hub';
import { useTestHub } from '../support/useTestHub';
import { shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';

const instrument = shippedInstrument('ideale-ambtenaar');
const typeIds = instrument.types.map((t) => t.id);
const fixture = useTestHub();

describe('partition and resend', () => {
  it('connections cut mid-send, duplicates and reordering: the totals equal the distinct responses exactly', async () => {
    const pool = Array.from({ length: 120 }, (_, i) => makeResponse(instrument, (k) => (k * (i + 1) + i) % 3));
    const unacked = new Set(pool.map((r) => r.id));
    let cuts = 0;
    let sends = 0;
    for (let round = 0; unacked.size > 0 && round < 20; round++) {
      await Promise.all(
        [0, 1, 2].map(async (c) => {
          const client = await TestClient.connect(fixture.hub.url, 'kiosk');
          // Every client sends the whole pool again, in its own order, some twice.
          const order = [...pool, ...pool.slice(0, 30)].sort(() => Math.random() - 0.5);
          const cutAfter = Math.floor(Math.random() * order.length);
          for (const [i, response] of order.entries()) {
            if (i === cutAfter && c !== 0) {
              client.socket.terminate();
              cuts += 1;
              break;
            }
            client.send({ type: 'submit', response });
            sends += 1;
            if (i % 40 === 0) await new Promise((r) => setTimeout(r, 30));
          }
          await new Promise((r) => setTimeout(r, 200));
          for (const m of client.messages) if (m.type === 'ack') unacked.delete(m.id);
          client.close();
        }),
      );
    }
    expect(unacked.size).toBe(0);
    expect(fixture.hub.store.count()).toBe(pool.length);
    const expected = pool.reduce((agg, r) => addToAggregate(agg, profileOf(r, instrument), typeIds), emptyAggregate(3));
    const projector = await TestClient.connect(fixture.hub.url, 'projector');
    const welcome = projector.messages[0]!;
    projector.close();
    if (welcome.type !== 'welcome') throw new Error('expected a welcome');
    expect(welcome.aggregate.total).toBe(expected.total);
    expect(welcome.aggregate.leading).toEqual(expected.leading);
    expect(welcome.aggregate.labels).toEqual(expected.labels);
    console.log(
      `partition-and-resend: ${sends} sends of ${pool.length} distinct responses, ${cuts} cut connections, ${fixture.hub.store.count()} stored`,
    );
  }, 60_000);
});
