import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { standInstrument, type Instrument } from '../../src/core/instrument';
import type { HubMessage } from '../../src/core/messages';
import type { ParticipantAction } from '../../src/core/workshop';
import { lanBaseOf, pairedWith, startLanTestHub, TestClient } from '../support/hub';
import { makeResponse } from '../support/responses';
import { useTestHub } from '../support/useTestHub';
import { openRemote, scanRemote } from '../support/live';
import { facilitator, participant, workshopAct } from '../support/workshop';

const fixture = useTestHub(startLanTestHub);

type State = Extract<HubMessage, { type: 'participantState' }>['state'];
type Screen = Extract<HubMessage, { type: 'workshopScreen' }>;

/** Sends a participant's action and waits for what the hub says next (its state, an ack or an error). */
async function says(p: TestClient, action: ParticipantAction): Promise<HubMessage> {
  const from = p.messages.length;
  p.send({ type: 'participant', action });
  return p.waitFor((m) => m.type === 'participantState' || m.type === 'error', from);
}
const stateOf = (p: TestClient): State =>
  (p.messages.filter((m) => m.type === 'participantState').at(-1) as Extract<HubMessage, { type: 'participantState' }>)
    .state;
const instrumentOf = (p: TestClient): Instrument =>
  (p.messages.find((m) => m.type === 'welcome') as Extract<HubMessage, { type: 'welcome' }>).instrument;

describe('workshop mode', () => {
  it('a participant joins with the code, answers the whole instrument apart from the day, and sees only their own', async () => {
    const { admin, token, workshop } = await facilitator(fixture.hub);
    expect(workshop).toMatchObject({ name: 'Team Vergunningen', instrument: 'ideale-ambtenaar@3.0.0', phase: 'stand' });
    expect(workshop.url).toBe(`${lanBaseOf(fixture.hub)}/workshop/?w=${workshop.code}`);
    const p = await participant(fixture.hub, workshop.code);
    await p.waitFor((m) => m.type === 'participantState');
    expect(stateOf(p)).toMatchObject({ workshop: { name: 'Team Vergunningen', phase: 'stand' }, answered: false });
    const response = makeResponse(instrumentOf(p));
    p.send({ type: 'participant', action: { kind: 'answer', response } });
    await p.waitFor((m) => m.type === 'ack' && m.id === response.id);
    await expect.poll(() => stateOf(p).answered).toBe(true);
    // Nothing of it in the day's answers, the live picture or the console's totals.
    expect(fixture.hub.store.count()).toBe(0);
    expect(fixture.hub.context.live.crowd()).toHaveLength(0);
    const { list } = await workshopAct(admin, token, { kind: 'list' });
    expect(list[0]).toMatchObject({ joined: 1, answered: 1 });
    // A participant's socket is a participant's only: no conference answer, no other role.
    const from = p.messages.length;
    p.send({ type: 'submit', response: makeResponse(instrumentOf(p)) });
    expect(await p.waitFor((m) => m.type === 'error', from)).toMatchObject({ code: 'refused' });
    expect(fixture.hub.store.count()).toBe(0);
    p.close();
    admin.close();
  });

  it('the shared screen shows the group from five answers, named mixes only by choice, and never four named beside one', async () => {
    const { admin, token, workshop } = await facilitator(fixture.hub);
    const projector = await TestClient.connect(fixture.hub.url, 'projector');
    await workshopAct(admin, token, { kind: 'show', id: workshop.id });
    const screenNow = (): Screen => projector.messages.filter((m) => m.type === 'workshopScreen').at(-1) as Screen;
    await expect.poll(() => screenNow()?.screen?.name).toBe('Team Vergunningen');
    expect(screenNow().join?.code).toBe(workshop.code);
    const people: TestClient[] = [];
    for (let i = 0; i < 5; i++) {
      const p = await participant(fixture.hub, workshop.code);
      people.push(p);
      if (i < 4) await says(p, { kind: 'nickname', nickname: `P${i}` });
      p.send({ type: 'participant', action: { kind: 'answer', response: makeResponse(instrumentOf(p), () => i % 3) } });
      await p.waitFor((m) => m.type === 'ack');
      if (i === 3) await expect.poll(() => screenNow().screen!.answered).toBe(4);
      if (i === 3) expect(screenNow().screen!.group).toBeNull();
    }
    await expect.poll(() => screenNow().screen!.answered).toBe(5);
    // Four named and one not: the mean would give the fifth away.
    expect(screenNow().screen!.group).toBeNull();
    expect(screenNow().screen!.named.map((n) => n.nickname)).toEqual(['P0', 'P1', 'P2', 'P3']);
    await says(people[0]!, { kind: 'nickname', nickname: null });
    await says(people[1]!, { kind: 'nickname', nickname: null });
    await says(people[2]!, { kind: 'nickname', nickname: null });
    await says(people[3]!, { kind: 'nickname', nickname: null });
    await expect.poll(() => screenNow().screen!.group?.count).toBe(5);
    expect(screenNow().screen!.named).toEqual([]);
    for (const p of people) p.close();
    projector.close();
    admin.close();
  });

  it('cases and commitments reach the screen only when shared, without names; after close only taking back works', async () => {
    const { admin, token, workshop } = await facilitator(fixture.hub);
    await workshopAct(admin, token, { kind: 'show', id: workshop.id });
    const projector = await TestClient.connect(fixture.hub.url, 'projector');
    const a = await participant(fixture.hub, workshop.code);
    const b = await participant(fixture.hub, workshop.code);
    await says(a, { kind: 'nickname', nickname: 'Anna' });
    await says(a, { kind: 'case', text: 'De buurtavond over de windmolens', asks: 'verbinder', share: true });
    await says(b, { kind: 'case', text: 'Geheim dossier', asks: 'bureaucraat', share: false });
    await says(b, { kind: 'commitment', text: 'Ik bel eerst, dan mail ik', share: true });
    await workshopAct(admin, token, { kind: 'phase', id: workshop.id, phase: 'try' });
    const last = (): Screen => projector.messages.filter((m) => m.type === 'workshopScreen').at(-1) as Screen;
    await expect.poll(() => last().screen?.phase).toBe('try');
    expect(last().screen!.cases).toEqual([{ text: 'De buurtavond over de windmolens', asks: 'verbinder' }]);
    expect(last().screen!.commitments).toEqual(['Ik bel eerst, dan mail ik']);
    expect(JSON.stringify(last())).not.toContain('Geheim');
    expect(stateOf(a)).toMatchObject({ workshop: { phase: 'try' }, nickname: 'Anna' });
    await workshopAct(admin, token, { kind: 'close', id: workshop.id });
    expect(await says(b, { kind: 'commitment', text: 'Nog iets', share: true })).toMatchObject({
      type: 'error',
      message: 'workshop-closed',
    });
    const forgot = await says(b, { kind: 'forget' });
    expect(forgot).toMatchObject({ type: 'participantState', state: { case: null, commitment: null } });
    a.close();
    b.close();
    projector.close();
    admin.close();
  });

  it('deleting a workshop leaves no trace of its free text in the database file, its log or an archive', async () => {
    const { admin, token, workshop } = await facilitator(fixture.hub);
    const marker = 'Zeldzaamwoordvoorditwerk';
    const p = await participant(fixture.hub, workshop.code);
    await says(p, { kind: 'nickname', nickname: `${marker}N` });
    await says(p, { kind: 'case', text: `${marker} zaak`, asks: null, share: true });
    await says(p, { kind: 'commitment', text: `${marker} plan`, share: false });
    const files = (): string[] =>
      readdirSync(fixture.dir)
        .filter((f) => f.includes('.sqlite'))
        .map((f) => join(fixture.dir, f));
    const holds = (file: string): boolean => existsSync(file) && readFileSync(file).includes(marker);
    expect(files().some(holds)).toBe(true);
    // An archive of the day never takes a workshop's text along.
    admin.send({ type: 'admin', token, action: { kind: 'archiveAndReset' } });
    await admin.waitFor((m) => m.type === 'done' && m.detail === 'archived');
    const archives = readdirSync(join(fixture.dir, 'archives')).map((f) => join(fixture.dir, 'archives', f));
    expect(archives.filter(holds)).toEqual([]);
    const { reply } = await workshopAct(admin, token, { kind: 'delete', id: workshop.id });
    expect(reply).toMatchObject({ type: 'done', detail: 'workshopDeleted' });
    await expect.poll(() => p.closed?.code).toBe(4004);
    expect(files().filter(holds)).toEqual([]);
    admin.close();
  });

  it('prints the session report for the facilitator only, never over the network', async () => {
    const { admin, token, workshop } = await facilitator(fixture.hub);
    const url = `/export/workshop?id=${workshop.id}&lang=nl`;
    expect((await fetch(`${fixture.hub.url}${url}`)).status).toBe(401);
    const res = await fetch(`${fixture.hub.url}${url}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const lan = await fetch(`${lanBaseOf(fixture.hub)}${url}`, {
      headers: { ...pairedWith(fixture.hub), Authorization: `Bearer ${token}` },
    });
    expect(lan.status).toBe(403);
    admin.close();
  });

  it("the presenter's remote steps the workshop on the screen through its phases, and only within them", async () => {
    const { admin, token, workshop } = await facilitator(fixture.hub);
    fixture.hub.context.presenter.enable();
    const remote = (await openRemote(fixture.hub, '127.0.0.9', await scanRemote(fixture.hub, '127.0.0.9')))!;
    await workshopAct(admin, token, { kind: 'show', id: workshop.id });
    const phase = (): string | undefined => fixture.hub.context.workshops.get(workshop.id)?.phase;
    for (const [command, expected] of [
      ['next', 'asks'],
      ['next', 'help'],
      ['next', 'try'],
      ['next', 'try'],
      ['previous', 'help'],
    ] as const) {
      remote.send({ type: 'remote', command });
      await expect.poll(phase).toBe(expected);
    }
    // Back to the talk: next and previous move the projector's views again, not the workshop.
    await workshopAct(admin, token, { kind: 'show', id: null });
    remote.send({ type: 'remote', command: 'next' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(phase()).toBe('help');
    remote.close();
    admin.close();
  });

  it('situations for workshops only: the workshop asks them, the stand does not', async () => {
    const library = fixture.hub.context.library;
    const draft = library.copy('ideale-ambtenaar', 'met-workshop', { nl: 'Met workshop', en: 'With workshop' }, 0);
    for (const t of draft.types) draft.items.find((it) => it.asks === t.id)!.workshopOnly = true;
    library.saveDraft(draft, 0);
    const published = library.publish('met-workshop');
    const { admin, token, workshop } = await facilitator(fixture.hub, { instrument: 'met-workshop' });
    admin.send({ type: 'admin', token, action: { kind: 'instrument', id: 'met-workshop' } });
    await admin.waitFor((m) => m.type === 'done' && m.detail === 'instrumentOn');
    const whole = (instrument: Instrument) => makeResponse(instrument);
    const stand = (instrument: Instrument) => makeResponse(standInstrument(instrument));

    // The workshop asks every situation: an answer without the three for workshops only is not whole.
    const p = await participant(fixture.hub, workshop.code);
    expect(instrumentOf(p).items).toHaveLength(12);
    expect(await says(p, { kind: 'answer', response: stand(published) })).toMatchObject({ type: 'error' });
    p.send({ type: 'participant', action: { kind: 'answer', response: whole(published) } });
    await p.waitFor((m) => m.type === 'ack');

    // The stand asks nine: the whole twelve are refused there, the nine stored.
    const kiosk = await TestClient.connect(fixture.hub.url, 'kiosk');
    const full = whole(published);
    kiosk.send({ type: 'submit', response: full });
    expect(await kiosk.waitFor((m) => m.type === 'error' && m.ref === full.id)).toMatchObject({ code: 'bad-response' });
    const nine = stand(published);
    expect(nine.answers).toHaveLength(9);
    kiosk.send({ type: 'submit', response: nine });
    await kiosk.waitFor((m) => m.type === 'ack' && m.id === nine.id);
    expect(fixture.hub.store.count()).toBe(1);
    kiosk.close();
    p.close();
    admin.close();
  });
});
