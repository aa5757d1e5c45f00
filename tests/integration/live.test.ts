import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HubMessage } from '../../src/core/messages';
import { TestClient } from '../support/hub';
import { isLive, joinPhone, liveAnswer, openRemote, scanRemote, startLiveHub } from '../support/live';
import { phoneAddress, Phone, scan } from '../support/audience';
import { useTestHub } from '../support/useTestHub';

const fixture = useTestHub(startLiveHub);
const REMOTE = '127.0.9.1';

type LiveView = NonNullable<Extract<HubMessage, { type: 'live' }>['live']>;
const lastView = (client: TestClient): LiveView | null =>
  (client.messages.filter(isLive).at(-1)?.live ?? null) as LiveView | null;

describe('the live moment', () => {
  it('is put from the remote, answered once per phone, shown in steps, revealed and closed', async () => {
    const projector = await TestClient.connect(fixture.hub.url, 'projector');
    const remote = (await openRemote(fixture.hub, REMOTE, await scanRemote(fixture.hub, REMOTE)))!;
    const phones = await Promise.all([0, 1, 2, 3, 4, 5].map((n) => joinPhone(fixture.hub, n)));

    remote.send({ type: 'remote', command: 'livePick', situation: 'item:terras' });
    remote.send({ type: 'remote', command: 'livePut' });
    const put = (await projector.waitFor((m) => isLive(m) && m.live !== null)) as Extract<HubMessage, { type: 'live' }>;
    const live = put.live!;
    expect(live.options.map((o) => o.type)).toEqual([null, null, null]);
    expect(live.asks).toBeNull();
    const question = await phones[0]!.waitFor((m) => m.type === 'liveQuestion' && m.question !== null);
    expect(JSON.stringify(question)).not.toMatch(/bureaucraat|verbinder|ondernemer/);

    for (let i = 0; i < 4; i++)
      expect(await liveAnswer(phones[i]!, live.id, i % 3, `live-answer-${i}-x`)).toMatchObject({ type: 'ack' });
    await projector.waitFor((m) => isLive(m) && m.live?.answered === 4);
    expect(lastView(projector)!.split).toBeNull();

    expect(await liveAnswer(phones[4]!, live.id, 0, 'live-answer-4-x')).toMatchObject({ type: 'ack' });
    await projector.waitFor((m) => isLive(m) && m.live?.answered === 5);
    expect(lastView(projector)!.split).toEqual({ counts: [3, 1, 1], of: 5 });
    // One more answer does not move the split: the change would be one phone's choice.
    expect(await liveAnswer(phones[5]!, live.id, 2, 'live-answer-5-x')).toMatchObject({ type: 'ack' });
    await projector.waitFor((m) => isLive(m) && m.live?.answered === 6);
    expect(lastView(projector)!.split).toEqual({ counts: [3, 1, 1], of: 5 });
    await remote.waitFor((m) => m.type === 'remoteState' && m.state.live.answered === 6);

    // A lost ack: the same answer again is acknowledged, not counted; another answer from the phone is refused.
    expect(await liveAnswer(phones[0]!, live.id, 0, 'live-answer-0-x')).toMatchObject({ duplicate: true });
    expect(await liveAnswer(phones[0]!, live.id, 1, 'live-answer-0-y')).toMatchObject({ code: 'already-answered' });

    remote.send({ type: 'remote', command: 'liveReveal' });
    await projector.waitFor((m) => isLive(m) && m.live?.phase === 'revealed');
    const revealed = lastView(projector)!;
    expect(revealed.options.every((o) => o.type !== null)).toBe(true);
    expect(revealed.asks).toBe('bureaucraat');
    // One answer after the last step: the reveal keeps the step, the kept total has all six.
    expect(revealed.split).toEqual({ counts: [3, 1, 1], of: 5 });
    const late = await joinPhone(fixture.hub, 7);
    expect(await liveAnswer(late, live.id, 0, 'live-answer-7-x')).toMatchObject({ code: 'live-closed' });

    remote.send({ type: 'remote', command: 'liveClose' });
    await projector.waitFor((m) => isLive(m) && m.live === null);
    await phones[1]!.waitFor((m) => m.type === 'liveQuestion' && m.question === null);
    expect(await liveAnswer(phones[1]!, live.id, 0, 'live-answer-1-z')).toMatchObject({ code: 'live-closed' });
    const kept = fixture.hub.context.moments.store.closed();
    expect(kept).toHaveLength(1);
    expect(kept[0]!.counts).toEqual([3, 1, 2]);
    expect(kept[0]!.situation.options.map((o) => o.type).sort()).toEqual(['bureaucraat', 'ondernemer', 'verbinder']);
    for (const c of [projector, remote, late, ...phones]) c.close();
  });

  it('counts a phone once by either of its ids, lets a late phone answer, and links nothing to its answer', async () => {
    fixture.hub.context.moments.put();
    const live = (fixture.hub.context.moments.view() as Extract<HubMessage, { type: 'live' }>).live!;
    const cookie = await scan(fixture.hub, phoneAddress(1));
    const first = (await Phone.open(fixture.hub, { cookie, localAddress: phoneAddress(1), device: 'same-phone-one' }))!;
    expect(await liveAnswer(first, live.id, 1, 'answer-one-aaaa')).toMatchObject({ type: 'ack' });
    // The storage cleared: a new device id, the same cookie.
    const again = (await Phone.open(fixture.hub, { cookie, localAddress: phoneAddress(1), device: 'same-phone-two' }))!;
    const told = await again.waitFor((m) => m.type === 'liveQuestion');
    expect(told).toMatchObject({ answered: true });
    expect(await liveAnswer(again, live.id, 2, 'answer-two-bbbb')).toMatchObject({ code: 'already-answered' });
    const late = await joinPhone(fixture.hub, 9);
    expect(await liveAnswer(late, live.id, 2, 'answer-late-cccc')).toMatchObject({ type: 'ack' });
    fixture.hub.context.moments.close();

    const db = new Database(join(fixture.dir, 'ideale-ambtenaar.sqlite'), { readonly: true });
    const livePhones = db.prepare('SELECT phone FROM live_phones').all() as { phone: string }[];
    const audiencePhones = new Set(
      (db.prepare('SELECT phone FROM audience_phones').all() as { phone: string }[]).map((r) => r.phone),
    );
    expect(livePhones.length).toBeGreaterThan(0);
    expect(livePhones.some((r) => audiencePhones.has(r.phone))).toBe(false);
    const columns = (db.prepare('PRAGMA table_info(live_phones)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(['moment', 'phone', 'answer']);
    db.close();
    for (const c of [first, again, late]) c.close();
  });

  it('resumes an open moment after a restart, and its counts', async () => {
    fixture.hub.context.moments.put();
    const live = (fixture.hub.context.moments.view() as Extract<HubMessage, { type: 'live' }>).live!;
    const phone = await joinPhone(fixture.hub, 2);
    expect(await liveAnswer(phone, live.id, 0, 'answer-restart-1')).toMatchObject({ type: 'ack' });
    phone.close();
    await fixture.hub.close();
    fixture.hub = await startLiveHub(fixture.dir);
    const projector = await TestClient.connect(fixture.hub.url, 'projector');
    const view = await projector.waitFor((m) => isLive(m) && m.live !== null);
    expect(view).toMatchObject({ live: { id: live.id, phase: 'open', answered: 1 } });
    const back = await joinPhone(fixture.hub, 2);
    expect(await back.waitFor((m) => m.type === 'liveQuestion')).toMatchObject({ answered: true });
    projector.close();
    back.close();
  });
});
