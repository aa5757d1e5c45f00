import { describe, expect, it } from 'vitest';
import { startOfDay } from '../../src/core/eventTime';
import { localize } from '../../src/core/instrument';
import type { AdminAction, HubMessage, HubStatus } from '../../src/core/messages';
import { RUNS_SETTING } from '../../src/hub/day/instrumentRuns';
import { lanBaseOf, loginAsOrganiser, pairedWith, startLanTestHub, TestClient } from '../support/hub';
import { shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';
import { useTestHub } from '../support/useTestHub';

/**
 * Flood, "another instrument": a paired device stored 60 answers for the four perspectives while the three types
 * ran. An answer is stored only for an instrument that ran today (a kiosk's outbox after a switch); any other is bad
 * input, refused as `bad-response` with the reason, and the console counts per instrument what came in for another.
 */
const three = shippedInstrument('ideale-ambtenaar');
const four = shippedInstrument('vier-perspectieven');
const FOUR = `${four.id}@${four.version}`;
const THREE = `${three.id}@${three.version}`;

const fixture = useTestHub(startLanTestHub);
const lanBase = (): string => lanBaseOf(fixture.hub);
const paired = (): Record<string, string> => pairedWith(fixture.hub);
const isReply = (id: string) => (m: HubMessage) =>
  (m.type === 'ack' || m.type === 'error') && ('id' in m ? m.id : m.ref) === id;

async function organiser(): Promise<{
  act: (a: AdminAction) => Promise<HubMessage>;
  status: () => Promise<HubStatus>;
  close: () => void;
}> {
  const console_ = await TestClient.connect(fixture.hub.url, 'admin');
  const token = await loginAsOrganiser(console_);
  const act = async (action: AdminAction): Promise<HubMessage> => {
    const from = console_.messages.length;
    console_.send({ type: 'admin', token, action });
    return console_.waitFor((m) => m.type === 'done' || m.type === 'error' || m.type === 'status', from);
  };
  const status = async (): Promise<HubStatus> =>
    ((await act({ kind: 'status' })) as Extract<HubMessage, { type: 'status' }>).status;
  return { act, status, close: () => console_.close() };
}

/** Sends each answer and waits for its reply; returns the replies in order. */
async function hand(socket: TestClient, answers: ReturnType<typeof makeResponse>[]): Promise<HubMessage[]> {
  const replies: HubMessage[] = [];
  for (const response of answers) {
    socket.send({ type: 'submit', response });
    replies.push(await socket.waitFor(isReply(response.id)));
  }
  return replies;
}

describe('flood: answers for another instrument', () => {
  it('60 answers from paired devices for an instrument that did not run today: all refused, none stored, counted', async () => {
    const console_ = await organiser();
    const projector = await TestClient.connect(fixture.hub.url, 'projector');
    // Two paired devices of one address: 30 each stays within the answer caps, so every refusal is the gate's.
    const devices = await Promise.all([0, 1].map(() => TestClient.connect(lanBase(), 'kiosk', paired())));
    const replies = (
      await Promise.all(
        devices.map((d) =>
          hand(
            d,
            Array.from({ length: 30 }, () => makeResponse(four)),
          ),
        ),
      )
    ).flat();
    expect(replies).toHaveLength(60);
    for (const reply of replies)
      expect(reply).toMatchObject({
        type: 'error',
        code: 'bad-response',
        message: `answers for ${FOUR} are refused: it did not run today (running now: ${THREE})`,
      });
    expect(fixture.hub.store.count()).toBe(0);
    expect(projector.messages.filter((m) => m.type === 'update')).toHaveLength(0);
    const status = await console_.status();
    expect(status.otherInstruments).toEqual([
      { instrument: FOUR, title: localize(four.title, 'nl'), stored: 0, refused: 60 },
    ]);
    expect(status.otherInstrument).toBe(0);
    // The running instrument is still welcome (the devices used up their minute: refused answers count to the cap).
    const local = await TestClient.connect(fixture.hub.url, 'kiosk');
    expect(await hand(local, [makeResponse(three)])).toMatchObject([{ type: 'ack' }]);
    local.close();
    console.log(`another-instrument: 60 answers for ${FOUR} from 2 paired devices, 60 refused, 0 stored`);
    for (const c of [...devices, projector]) c.close();
    console_.close();
  });

  it("after a switch, a kiosk's outbox for the instrument that ran earlier today is stored, and after a restart too", async () => {
    const console_ = await organiser();
    const kiosk = await TestClient.connect(fixture.hub.url, 'kiosk');
    expect(await console_.act({ kind: 'instrument', id: four.id })).toMatchObject({ type: 'done' });
    expect(await hand(kiosk, [makeResponse(three), makeResponse(three)])).toMatchObject([
      { type: 'ack' },
      { type: 'ack' },
    ]);
    kiosk.close();
    console_.close();
    await fixture.hub.close();
    fixture.hub = await startLanTestHub(fixture.dir);
    const again = await TestClient.connect(fixture.hub.url, 'kiosk');
    expect(await hand(again, [makeResponse(three), makeResponse(four)])).toMatchObject([
      { type: 'ack' },
      { type: 'ack' },
    ]);
    const later = await organiser();
    const status = await later.status();
    expect(status.otherInstruments).toEqual([
      { instrument: THREE, title: localize(three.title, 'nl'), stored: 3, refused: 0 },
    ]);
    expect(fixture.hub.context.live.aggregate().total).toBe(1);
    again.close();
    later.close();
  });

  it('an instrument that last ran yesterday is refused today; one the fixture.hub does not have is counted apart', async () => {
    const old = shippedInstrument('ideale-ambtenaar-1.0.0');
    const yesterday = startOfDay(Date.now(), fixture.hub.context.settings.timeZone) - 3_600_000;
    fixture.hub.store.setSetting(RUNS_SETTING, JSON.stringify({ [`${old.id}@${old.version}`]: yesterday }));
    await fixture.hub.close();
    fixture.hub = await startLanTestHub(fixture.dir);
    const kiosk = await TestClient.connect(fixture.hub.url, 'kiosk');
    const stranger = { ...makeResponse(three), instrumentId: 'bestaat-niet' };
    const replies = await hand(kiosk, [makeResponse(old), stranger]);
    expect(replies).toMatchObject([
      {
        type: 'error',
        code: 'bad-response',
        message: expect.stringMatching(/ideale-ambtenaar@1\.0\.0 are refused: it did not run today/),
      },
      { type: 'error', code: 'bad-response', message: `unknown instrument bestaat-niet@${three.version}` },
    ]);
    const console_ = await organiser();
    expect((await console_.status()).otherInstruments).toEqual([
      { instrument: `${old.id}@${old.version}`, title: localize(old.title, 'nl'), stored: 0, refused: 1 },
      { instrument: 'unknown', title: null, stored: 0, refused: 1 },
    ]);
    expect(fixture.hub.store.count()).toBe(0);
    kiosk.close();
    console_.close();
  });
});
