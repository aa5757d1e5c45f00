import { describe, expect, it } from 'vitest';
import type { HubMessage } from '../../src/core/messages';
import { AUDIENCE_ENDED } from '../../src/hub/audience/controller';
import { audienceCode, get, lanUrl, Phone, phoneAddress, scan, startAudienceHub } from '../support/audience';
import { loginAsOrganiser, TestClient } from '../support/hub';
import { useTestHub } from '../support/useTestHub';
import { shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';

const instrument = shippedInstrument('ideale-ambtenaar');
const fixture = useTestHub(startAudienceHub);

describe('audience mode', () => {
  it('lets a scanned phone open the phone page, answer once and get no crowd data', async () => {
    const projector = await TestClient.connect(fixture.hub.url, 'projector');
    const cookie = await scan(fixture.hub, phoneAddress(0));
    const page = await get(`${lanUrl(fixture.hub)}/phone/`, { cookie, localAddress: phoneAddress(0) });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');

    const phone = (await Phone.open(fixture.hub, {
      cookie,
      localAddress: phoneAddress(0),
      device: 'phone-device-0001',
    }))!;
    const welcome = phone.messages.find((m) => m.type === 'welcome') as Extract<HubMessage, { type: 'welcome' }>;
    expect(welcome.crowd).toEqual([]);
    expect(welcome.aggregate.total).toBe(0);

    const first = makeResponse(instrument);
    expect(await phone.submit(first)).toMatchObject({ type: 'ack', id: first.id, duplicate: false });
    // The ack was lost, say: the same answer again is acknowledged, not stored twice.
    expect(await phone.submit(first)).toMatchObject({ type: 'ack', id: first.id, duplicate: true });
    const second = makeResponse(instrument, () => 1);
    expect(await phone.submit(second)).toMatchObject({ type: 'error', code: 'already-answered', ref: second.id });
    expect(fixture.hub.store.count()).toBe(1);

    await projector.waitFor((m) => m.type === 'update');
    await new Promise((r) => setTimeout(r, 3500));
    expect(phone.messages.map((m) => m.type)).not.toContain('update');
    expect(phone.messages.map((m) => m.type)).not.toContain('aggregate');
    expect(phone.messages.map((m) => m.type)).not.toContain('audience');
    phone.close();
    projector.close();
  });

  it('tells projectors the address, the code and how many phones joined', async () => {
    const projector = await TestClient.connect(fixture.hub.url, 'projector');
    const invite = await projector.waitFor((m) => m.type === 'audience');
    expect(invite).toMatchObject({ url: `${lanUrl(fixture.hub)}/phone/?code=${audienceCode(fixture.hub)}`, joined: 0 });
    for (let i = 0; i < 3; i++) {
      const cookie = await scan(fixture.hub, phoneAddress(i));
      await Phone.open(fixture.hub, { cookie, localAddress: phoneAddress(i), device: `phone-device-000${i}` });
    }
    await projector.waitFor((m) => m.type === 'audience' && m.joined === 3);
    projector.close();
  });

  it('ends with a new code: phone sockets closed, the old cookie opens nothing', async () => {
    const cookie = await scan(fixture.hub, phoneAddress(1));
    const phone = (await Phone.open(fixture.hub, {
      cookie,
      localAddress: phoneAddress(1),
      device: 'phone-device-0002',
    }))!;
    const admin = await TestClient.connect(fixture.hub.url, 'admin');
    const token = await loginAsOrganiser(admin);
    admin.send({ type: 'admin', token, action: { kind: 'audienceNewCode' } });
    await admin.waitFor((m) => m.type === 'done' && m.kind === 'audienceNewCode');
    await expect.poll(() => phone.closed).toBe(AUDIENCE_ENDED);
    expect((await get(`${lanUrl(fixture.hub)}/phone/`, { cookie })).status).toBe(401);
    expect(await Phone.open(fixture.hub, { cookie })).toBeNull();
    admin.close();
  });

  it('is refused without network mode, and counts phones per round in the console', async () => {
    const admin = await TestClient.connect(fixture.hub.url, 'admin');
    const token = await loginAsOrganiser(admin);
    admin.send({ type: 'admin', token, action: { kind: 'startRound', name: 'Zaal 1' } });
    await admin.waitFor((m) => m.type === 'done' && m.kind === 'startRound');
    for (let i = 0; i < 2; i++) {
      const cookie = await scan(fixture.hub, phoneAddress(i));
      const phone = (await Phone.open(fixture.hub, {
        cookie,
        localAddress: phoneAddress(i),
        device: `phone-device-100${i}`,
      }))!;
      if (i === 0) await phone.submit(makeResponse(instrument));
    }
    const from = admin.messages.length;
    admin.send({ type: 'admin', token, action: { kind: 'status' } });
    const status = await admin.waitFor((m) => m.type === 'status', from);
    expect(status.type === 'status' && status.status.audience.perRound).toEqual([
      { round: 1, name: 'Zaal 1', joined: 2, answered: 1 },
    ]);

    admin.send({ type: 'admin', token, action: { kind: 'lan', enabled: false } });
    await admin.waitFor((m) => m.type === 'done' && m.kind === 'lan');
    admin.send({ type: 'admin', token, action: { kind: 'audience', enabled: true } });
    await admin.waitFor((m) => m.type === 'error' && m.message === 'audienceNeedsLan');
    admin.close();
  });
});
