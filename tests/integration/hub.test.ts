import { describe, expect, it } from 'vitest';
import type { HubMessage } from '../../src/core/messages';
import { TestClient, startTestHub } from '../support/hub';
import { useTestHub } from '../support/useTestHub';
import { shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';

const instrument = shippedInstrument('ideale-ambtenaar');
const isAck = (m: HubMessage): m is Extract<HubMessage, { type: 'ack' }> => m.type === 'ack';
const isUpdate = (m: HubMessage): m is Extract<HubMessage, { type: 'update' }> => m.type === 'update';
const isError = (m: HubMessage): m is Extract<HubMessage, { type: 'error' }> => m.type === 'error';

const fixture = useTestHub();

describe('the path of one answer', () => {
  it('submit → ack after commit → the projector receives the new aggregate and one anonymous crowd member', async () => {
    const projector = await TestClient.connect(fixture.hub.url, 'projector');
    const kiosk = await TestClient.connect(fixture.hub.url, 'kiosk');
    const response = makeResponse(instrument, () => 2); // Verbinder first, Bureaucraat second, every time
    kiosk.send({ type: 'submit', response });
    const ack = await kiosk.waitFor(isAck);
    expect(ack).toEqual({ type: 'ack', id: response.id, duplicate: false });
    expect(fixture.hub.store.count()).toBe(1);
    const update = await projector.waitFor(isUpdate);
    expect(update.aggregate.total).toBe(1);
    expect(update.aggregate.leading).toEqual([0, 0, 1]);
    expect(Object.keys(update.member).sort()).toEqual(['casus', 'label', 'rehearsal', 'round', 'seq', 'shares']);
    expect(update.member.shares).toEqual([1 / 3, 0, 2 / 3]);
    expect(update.member.label).toEqual({ kind: 'leading', primary: 'verbinder' });
    expect(JSON.stringify(update)).not.toContain(response.id);
    kiosk.close();
    projector.close();
  });

  it('a resend is acknowledged again and never stored twice', async () => {
    const kiosk = await TestClient.connect(fixture.hub.url, 'kiosk');
    const response = makeResponse(instrument);
    for (let i = 0; i < 5; i++) kiosk.send({ type: 'submit', response });
    await kiosk.waitFor((m) => kiosk.messages.filter(isAck).length === 5 && m.type === 'ack');
    const acks = kiosk.messages.filter(isAck);
    expect(acks.map((a) => a.duplicate)).toEqual([false, true, true, true, true]);
    expect(fixture.hub.store.count()).toBe(1);
    kiosk.close();
  });

  it('a response with an unknown instrument or out-of-range answers is refused and nothing is stored', async () => {
    const kiosk = await TestClient.connect(fixture.hub.url, 'kiosk');
    const unknown = { ...makeResponse(instrument), instrumentId: 'other' };
    const outOfRange = makeResponse(instrument);
    outOfRange.answers[3] = { item: outOfRange.answers[3]!.item, order: ['bureaucraat', 'kameel'] };
    kiosk.send({ type: 'submit', response: unknown });
    kiosk.send({ type: 'submit', response: outOfRange });
    await kiosk.waitFor(() => kiosk.messages.filter(isError).length === 2);
    const errors = kiosk.messages.filter(isError);
    expect(errors.map((e) => [e.code, e.ref])).toEqual([
      ['bad-response', unknown.id],
      ['bad-response', outOfRange.id],
    ]);
    expect(errors[1]!.message).toContain('kameel');
    expect(fixture.hub.store.count()).toBe(0);
    kiosk.close();
  });

  it('invalid frames get an error reply, change nothing, and the connection keeps serving', async () => {
    const kiosk = await TestClient.connect(fixture.hub.url);
    kiosk.send('{"type":"submit"');
    kiosk.send({ type: 'submit', response: makeResponse(instrument) });
    await kiosk.waitFor(() => kiosk.messages.filter(isError).length === 2);
    expect(kiosk.messages.filter(isError).map((e) => e.code)).toEqual(['bad-json', 'not-hello']);
    kiosk.send({ type: 'hello', role: 'kiosk', device: 'kiosk-device-1' });
    kiosk.send({ type: 'submit', response: makeResponse(instrument) });
    await kiosk.waitFor(isAck);
    expect(fixture.hub.store.count()).toBe(1);
    kiosk.close();
  });

  it('refuses an oversize frame by closing the connection (1009) without storing anything', async () => {
    const kiosk = await TestClient.connect(fixture.hub.url, 'kiosk');
    kiosk.send('x'.repeat(200_000));
    await kiosk.waitFor(() => kiosk.closed !== null).catch(() => undefined);
    expect(kiosk.closed?.code).toBe(1009);
    expect(fixture.hub.store.count()).toBe(0);
  });

  it('refuses a socket from a page of another origin', async () => {
    await expect(TestClient.connect(fixture.hub.url, undefined, { Origin: 'http://evil.example' })).rejects.toThrow(
      /403/,
    );
  });

  it('restarting the hub on the same folder keeps the count, and a projector gets the whole crowd', async () => {
    const kiosk = await TestClient.connect(fixture.hub.url, 'kiosk');
    for (let i = 0; i < 3; i++) {
      kiosk.send({ type: 'submit', response: makeResponse(instrument, () => i) });
      await kiosk.waitFor((m) => m.type === 'ack', kiosk.messages.length);
    }
    kiosk.close();
    await fixture.hub.close();
    fixture.hub = await startTestHub(fixture.dir);
    const projector = await TestClient.connect(fixture.hub.url, 'projector');
    const welcome = projector.messages[0]!;
    expect(welcome.type).toBe('welcome');
    if (welcome.type === 'welcome') {
      expect(welcome.aggregate.total).toBe(3);
      expect(welcome.aggregate.leading).toEqual([1, 1, 1]);
      expect(welcome.crowd.map((m) => m.shares)).toEqual([
        [2 / 3, 1 / 3, 0],
        [0, 2 / 3, 1 / 3],
        [1 / 3, 0, 2 / 3],
      ]);
    }
    projector.close();
  });
});
