import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AdminAction, HubMessage } from '../../src/core/messages';
import { TestClient, loginAsOrganiser } from '../support/hub';
import { useTestHub } from '../support/useTestHub';
import { shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';

const instrument = shippedInstrument('ideale-ambtenaar');
const fixture = useTestHub();

async function act(client: TestClient, token: string, action: AdminAction): Promise<HubMessage> {
  const from = client.messages.length;
  client.send({ type: 'admin', token, action });
  return client.waitFor((m) => m.type === 'done' || m.type === 'error' || m.type === 'status', from);
}

describe('organiser access', () => {
  it('the console asks for a PIN on first start; the PIN is stored only as a salted scrypt hash', async () => {
    const admin = await TestClient.connect(fixture.hub.url, 'admin');
    expect(admin.messages[0]).toMatchObject({ type: 'welcome', needsPin: true });
    await loginAsOrganiser(admin, '13579');
    const stored = fixture.hub.store.getSetting('pin')!;
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('13579');
    const later = await TestClient.connect(fixture.hub.url, 'admin');
    expect(later.messages[0]).toMatchObject({ type: 'welcome', needsPin: false });
    admin.close();
    later.close();
  });

  it('no admin action and no export without a valid session', async () => {
    const admin = await TestClient.connect(fixture.hub.url, 'admin');
    await loginAsOrganiser(admin);
    const reply = await act(admin, 'x'.repeat(43), { kind: 'status' });
    expect(reply).toMatchObject({ type: 'error', code: 'no-session' });
    const kiosk = await TestClient.connect(fixture.hub.url, 'kiosk');
    const wiped = await act(kiosk, 'y'.repeat(43), { kind: 'wipe', confirm: 'WIS' });
    expect(wiped).toMatchObject({ type: 'error', code: 'no-session' });
    for (const headers of [{}, { Authorization: 'Bearer nope' }, { Authorization: 'Basic abc' }] as Record<
      string,
      string
    >[]) {
      const res = await fetch(`${fixture.hub.url}/export?format=json`, { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'log in with the organiser PIN first' });
    }
    admin.close();
    kiosk.close();
  });

  it('locks the console after five wrong PINs, also for the right PIN, and says for how long', async () => {
    const admin = await TestClient.connect(fixture.hub.url, 'admin');
    await loginAsOrganiser(admin, '2468');
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const from = admin.messages.length;
      admin.send({ type: 'login', pin: '0000' });
      const reply = await admin.waitFor((m) => m.type === 'error', from);
      if (reply.type === 'error') codes.push(reply.code);
    }
    expect(codes).toEqual(['bad-pin', 'bad-pin', 'bad-pin', 'bad-pin', 'locked']);
    const from = admin.messages.length;
    admin.send({ type: 'login', pin: '2468' });
    const reply = await admin.waitFor((m) => m.type === 'error' || m.type === 'session', from);
    expect(reply).toMatchObject({ type: 'error', code: 'locked' });
    expect(reply.type === 'error' && reply.retryAfterMs).toBeGreaterThan(50_000);
    admin.close();
  });
});

describe('rounds, rehearsal and the new day', () => {
  it('a round labels the responses that arrive while it runs, and projectors hear of it', async () => {
    const admin = await TestClient.connect(fixture.hub.url, 'admin');
    const token = await loginAsOrganiser(admin);
    const projector = await TestClient.connect(fixture.hub.url, 'projector');
    const kiosk = await TestClient.connect(fixture.hub.url, 'kiosk');
    kiosk.send({ type: 'submit', response: makeResponse(instrument) });
    await kiosk.waitFor((m) => m.type === 'ack');
    expect(await act(admin, token, { kind: 'startRound', name: 'Zaal 2' })).toMatchObject({ type: 'done' });
    const state = await projector.waitFor((m) => m.type === 'state');
    expect(state).toMatchObject({ round: { name: 'Zaal 2', endedAt: null } });
    kiosk.send({ type: 'submit', response: makeResponse(instrument) });
    const update = await projector.waitFor((m) => m.type === 'update' && m.aggregate.total === 2);
    expect(update.type === 'update' && update.member.round).toBe(state.type === 'state' ? state.round?.id : -1);
    await act(admin, token, { kind: 'stopRound' });
    const status = await act(admin, token, { kind: 'status' });
    expect(status.type === 'status' && status.status.perRound).toEqual([{ id: 1, name: 'Zaal 2', count: 1 }]);
    for (const c of [admin, projector, kiosk]) c.close();
  });

  it('rehearsal visitors fill the picture, are marked, and one action clears them', async () => {
    const admin = await TestClient.connect(fixture.hub.url, 'admin');
    const token = await loginAsOrganiser(admin);
    const projector = await TestClient.connect(fixture.hub.url, 'projector');
    await act(admin, token, { kind: 'rehearse', count: 120 });
    await projector.waitFor((m) => m.type === 'update' && m.aggregate.total === 120);
    const status = await act(admin, token, { kind: 'status' });
    expect(status.type === 'status' && [status.status.rehearsal, status.status.responses]).toEqual([120, 0]);
    const from = projector.messages.length;
    await act(admin, token, { kind: 'clearRehearsal' });
    const welcome = await projector.waitFor((m) => m.type === 'welcome', from);
    expect(welcome.type === 'welcome' && [welcome.aggregate.total, welcome.crowd.length]).toEqual([0, 0]);
    expect(fixture.hub.store.count()).toBe(0);
    admin.close();
    projector.close();
  });

  it('reset for a new day archives a copy that opens and holds the old data, then clears', async () => {
    const admin = await TestClient.connect(fixture.hub.url, 'admin');
    const token = await loginAsOrganiser(admin);
    const kiosk = await TestClient.connect(fixture.hub.url, 'kiosk');
    const responses = [makeResponse(instrument), makeResponse(instrument, () => 1)];
    for (const response of responses) {
      kiosk.send({ type: 'submit', response });
      await kiosk.waitFor((m) => m.type === 'ack' && m.id === response.id);
    }
    const done = await act(admin, token, { kind: 'archiveAndReset' });
    expect(done).toMatchObject({ type: 'done', kind: 'archiveAndReset' });
    expect(fixture.hub.store.count()).toBe(0);
    const status = await act(admin, token, { kind: 'status' });
    const archives = status.type === 'status' ? status.status.archives : [];
    expect(archives).toHaveLength(1);
    const archive = new Database(join(fixture.dir, 'archives', archives[0]!), { readonly: true });
    const ids = archive.prepare('SELECT id FROM responses ORDER BY rowid').all() as { id: string }[];
    expect(ids.map((r) => r.id)).toEqual(responses.map((r) => r.id));
    expect(archive.pragma('integrity_check', { simple: true })).toBe('ok');
    archive.close();
    admin.close();
    kiosk.close();
  });

  it('wipe needs the confirmation word', async () => {
    const admin = await TestClient.connect(fixture.hub.url, 'admin');
    const token = await loginAsOrganiser(admin);
    const from = admin.messages.length;
    admin.send(JSON.stringify({ type: 'admin', token, action: { kind: 'wipe', confirm: 'ja' } }));
    expect(await admin.waitFor((m) => m.type === 'error', from)).toMatchObject({ code: 'bad-message' });
    expect(await act(admin, token, { kind: 'wipe', confirm: 'WIS' })).toMatchObject({ type: 'done' });
    admin.close();
  });
});
