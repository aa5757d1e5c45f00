import { describe, expect, it } from 'vitest';
import type { HubMessage } from '../../src/core/messages';
import { lanBaseOf, startLanTestHub, TestClient } from '../support/hub';
import { makeResponse } from '../support/responses';
import { useTestHub } from '../support/useTestHub';
import { facilitator, participant, participantCookies, workshopAct } from '../support/workshop';

/**
 * Fault category "workshop": wrong and stale codes, guessing in parallel, hostile free text, floods, replays and
 * answers after close. Each is refused with its reason and changes nothing another participant or the day can see.
 */
const fixture = useTestHub(startLanTestHub);

const instrumentOf = (p: TestClient) =>
  (p.messages.find((m) => m.type === 'welcome') as Extract<HubMessage, { type: 'welcome' }>).instrument;

async function refusalOf(p: TestClient, message: unknown): Promise<HubMessage> {
  const from = p.messages.length;
  p.send(message as string);
  return p.waitFor((m) => m.type === 'error', from);
}

describe('fault category: workshop', () => {
  it('wrong codes are refused and, guessed in parallel, lock the address out; a right code still works elsewhere', async () => {
    const { admin, workshop } = await facilitator(fixture.hub);
    const base = lanBaseOf(fixture.hub);
    expect((await fetch(`${base}/workshop/?w=ZZZZZZZZ`, { redirect: 'manual' })).status).toBe(401);
    // Twenty guesses at once from one address: judged one at a time, the lock holds from the tenth.
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fetch(`${base}/workshop/?w=${String(i).padStart(8, '2')}`, { redirect: 'manual' }).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(10);
    // The right code from the locked address waits too (a guesser learns nothing from it).
    expect((await fetch(`${base}/workshop/?w=${workshop.code}`, { redirect: 'manual' })).status).toBe(429);
    // A socket without the page's cookies is refused at the upgrade.
    await expect(TestClient.connect(base, undefined, {}, '/ws?workshop')).rejects.toThrow();
    admin.close();
  });

  it("a deleted workshop's code opens nothing; its participants are closed", async () => {
    const { admin, token, workshop } = await facilitator(fixture.hub);
    const cookie = await participantCookies(fixture.hub, workshop.code);
    const p = await participant(fixture.hub, workshop.code, cookie);
    await workshopAct(admin, token, { kind: 'delete', id: workshop.id });
    await expect.poll(() => p.closed?.code).toBe(4004);
    const page = await fetch(`${lanBaseOf(fixture.hub)}/workshop/`, { headers: { cookie }, redirect: 'manual' });
    expect(page.status).toBe(401);
    await expect(
      TestClient.connect(lanBaseOf(fixture.hub), 'participant', { cookie }, '/ws?workshop'),
    ).rejects.toThrow();
    admin.close();
  });

  it('hostile free text is refused with the rule, HTML stays text, a 201st character and a 10 MB frame change nothing', async () => {
    const { admin, workshop } = await facilitator(fixture.hub);
    const p = await participant(fixture.hub, workshop.code);
    await p.waitFor((m) => m.type === 'participantState');
    const sent = (action: unknown): unknown => ({ type: 'participant', action });
    expect(await refusalOf(p, sent({ kind: 'case', text: 'Een\u202Ezaak', asks: null, share: true }))).toMatchObject({
      code: 'bad-message',
      detail: { key: 'textRefused.freeText' },
    });
    expect(await refusalOf(p, sent({ kind: 'commitment', text: 'x'.repeat(201), share: true }))).toMatchObject({
      code: 'bad-message',
    });
    expect(await refusalOf(p, sent({ kind: 'nickname', nickname: 'Anna\u0000' }))).toMatchObject({
      detail: { key: 'textRefused.nickname' },
    });
    const from = p.messages.length;
    p.send({
      type: 'participant',
      action: { kind: 'case', text: '<img src=x onerror=alert(1)>', asks: null, share: true },
    });
    await p.waitFor((m) => m.type === 'participantState', from);
    expect(fixture.hub.context.workshops.reportScreen(workshop.id)!.cases).toEqual([
      { text: '<img src=x onerror=alert(1)>', asks: null },
    ]);
    p.send(
      JSON.stringify({
        type: 'participant',
        action: { kind: 'case', text: 'y'.repeat(10_000_000), asks: null, share: true },
      }),
    );
    await expect.poll(() => p.closed?.code, { timeout: 15_000 }).toBe(1009);
    expect(fixture.hub.context.workshops.reportScreen(workshop.id)!.cases).toHaveLength(1);
    admin.close();
  });

  it('a replayed answer is acknowledged once as new; answers after close are refused; a flood closes only its socket', async () => {
    const { admin, token, workshop } = await facilitator(fixture.hub);
    const p = await participant(fixture.hub, workshop.code);
    const response = makeResponse(instrumentOf(p));
    for (let i = 0; i < 3; i++) p.send({ type: 'participant', action: { kind: 'answer', response } });
    await expect.poll(() => p.messages.filter((m) => m.type === 'ack').length).toBe(3);
    expect(p.messages.filter((m) => m.type === 'ack').map((m) => (m as { duplicate: boolean }).duplicate)).toEqual([
      false,
      true,
      true,
    ]);
    // Another instrument's answer is not this workshop's.
    const other = { ...makeResponse(instrumentOf(p)), instrumentVersion: '2.0.0' };
    expect(await refusalOf(p, { type: 'participant', action: { kind: 'answer', response: other } })).toMatchObject({
      code: 'refused',
    });
    await workshopAct(admin, token, { kind: 'close', id: workshop.id });
    const late = await participant(fixture.hub, workshop.code);
    expect(
      await refusalOf(late, {
        type: 'participant',
        action: { kind: 'answer', response: makeResponse(instrumentOf(late)) },
      }),
    ).toMatchObject({ message: 'workshop-closed' });
    const flood = await participant(fixture.hub, workshop.code);
    for (let i = 0; i < 2000 && flood.closed === null; i++)
      flood.send({ type: 'participant', action: { kind: 'nickname', nickname: `N${i}` } });
    await expect
      .poll(
        () =>
          flood.closed?.code ?? (flood.messages.some((m) => m.type === 'error' && m.code === 'rate-limited') ? -1 : 0),
      )
      .not.toBe(0);
    const { list } = await workshopAct(admin, token, { kind: 'list' });
    expect(list[0]).toMatchObject({ answered: 1 });
    expect(fixture.hub.store.count()).toBe(0);
    admin.close();
    p.close();
    late.close();
  });
});
