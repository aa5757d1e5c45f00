import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HubMessage } from '../../src/core/messages';
import { ANSWERS_PER_ADDRESS, ANSWERS_PER_DEVICE } from '../../src/hub/net/answerLimit';
import type { RunningHub } from '../../src/hub/server';
import { loginAsOrganiser, startLanTestHub, tempDataDir, TEST_LAN_HOST, TestClient } from '../support/hub';
import { shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';

const instrument = shippedInstrument('ideale-ambtenaar');
const other = shippedInstrument('vier-perspectieven');
const LONG = Number(process.env.FAULT_CASES ?? 0) > 1000;
const LAN_HOST = TEST_LAN_HOST;

let data: ReturnType<typeof tempDataDir>;
let hub: RunningHub;
beforeEach(async () => {
  data = tempDataDir();
  hub = await startLanTestHub(data.dir);
});
afterEach(async () => {
  await hub.close();
  data.remove();
});

const lanBase = (): string => `http://${LAN_HOST}:${hub.context.lan.status().port}`;
const paired = (): Record<string, string> => ({ cookie: `ideale-join=${hub.context.lan.status().code ?? ''}` });
type Status = Extract<HubMessage, { type: 'status' }>['status'];

async function statusOf(console_: TestClient, token: string): Promise<Status> {
  const from = console_.messages.length;
  console_.send({ type: 'admin', token, action: { kind: 'status' } });
  const reply = await console_.waitFor((m) => m.type === 'status', from);
  return (reply as Extract<HubMessage, { type: 'status' }>).status;
}

describe('answers per paired device', () => {
  it('20 paired sockets flooding answers: a clear refusal past the cap, nothing stored past it, the local kiosk still served', async () => {
    const SOCKETS = 20;
    const EACH = LONG ? 95 : 60;
    const flooders = await Promise.all(
      Array.from({ length: SOCKETS }, () => TestClient.connect(lanBase(), 'kiosk', paired())),
    );
    const started = Date.now();
    for (const socket of flooders)
      for (let i = 0; i < EACH; i++) socket.send({ type: 'submit', response: makeResponse(instrument) });
    const replies = await Promise.all(
      flooders.map(async (socket) => {
        const isReply = (m: HubMessage): boolean => m.type === 'ack' || (m.type === 'error' && m.ref !== undefined);
        await socket.waitFor(() => socket.messages.filter(isReply).length === EACH, 0, 20_000);
        return socket.messages.filter(isReply);
      }),
    );
    const acks = replies.flat().filter((m) => m.type === 'ack').length;
    const refusals = replies.flat().filter((m) => m.type === 'error');
    const stored = hub.store.count();
    console.log(
      `answer-cap: ${SOCKETS * EACH} answers from ${SOCKETS} paired sockets in ${Date.now() - started} ms: ` +
        `${acks} acknowledged, ${stored} stored, ${refusals.length} refused (cap ${ANSWERS_PER_DEVICE}/min per device, ${ANSWERS_PER_ADDRESS}/min per address)`,
    );
    expect(stored).toBe(acks);
    expect(stored).toBeLessThanOrEqual(ANSWERS_PER_ADDRESS);
    for (const perSocket of replies)
      expect(perSocket.filter((m) => m.type === 'ack').length).toBeLessThanOrEqual(ANSWERS_PER_DEVICE);
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({ type: 'error', code: 'rate-limited' });
      expect(refusal.type === 'error' && refusal.message).toMatch(/answers per minute/);
      expect(refusal.type === 'error' && refusal.retryAfterMs).toBeGreaterThan(0);
    }
    expect(hub.context.live.aggregate().total).toBe(stored);

    const local = await TestClient.connect(hub.url, 'kiosk');
    const response = makeResponse(instrument);
    local.send({ type: 'submit', response });
    await local.waitFor((m) => m.type === 'ack' && m.id === response.id);
    for (const c of [local, ...flooders]) c.close();
  }, 60_000);
});

describe('answers for an instrument that is not running', () => {
  it('are kept and acknowledged when it ran earlier today, stay out of the live totals and the projector, and the console counts them apart', async () => {
    const console_ = await TestClient.connect(hub.url, 'admin');
    const token = await loginAsOrganiser(console_);
    // The other instrument ran this morning: kiosks that still show it hand in what visitors finish on it.
    for (const id of [other.id, instrument.id]) {
      const from = console_.messages.length;
      console_.send({ type: 'admin', token, action: { kind: 'instrument', id } });
      await console_.waitFor((m) => m.type === 'done', from);
    }
    const projector = await TestClient.connect(hub.url, 'projector');
    const kiosk = await TestClient.connect(lanBase(), 'kiosk', paired());
    const stale = [makeResponse(other), makeResponse(other)];
    const current = makeResponse(instrument);
    for (const response of [...stale, current]) {
      kiosk.send({ type: 'submit', response });
      await kiosk.waitFor((m) => m.type === 'ack' && m.id === response.id);
    }
    expect(hub.store.count()).toBe(3);
    await projector.waitFor((m) => m.type === 'update');
    expect(projector.messages.filter((m) => m.type === 'update')).toHaveLength(1);
    expect(hub.context.live.aggregate().total).toBe(1);
    const status = await statusOf(console_, token);
    console.log(
      `other-instrument: ${stale.length} answers for another instrument kept and counted apart, ${status.responses} in all`,
    );
    expect(status.otherInstrument).toBe(2);
    expect(status.otherInstruments).toMatchObject([
      { instrument: `${other.id}@${other.version}`, stored: 2, refused: 0 },
    ]);
    expect(status.responses).toBe(3);
    for (const c of [console_, projector, kiosk]) c.close();
  });
});

describe('CSV formula injection', () => {
  it('an event or round name that is a formula reaches the CSV exports as text, negative numbers stay numbers', async () => {
    const console_ = await TestClient.connect(hub.url, 'admin');
    const token = await loginAsOrganiser(console_);
    const hostile = ['=HYPERLINK("http://x","y")', '+SUM(1,2)', '-2+3', '@cmd', '\tTAB', '\r=1'];
    const act = async (action: Parameters<TestClient['send']>[0]): Promise<void> => {
      const from = console_.messages.length;
      console_.send(action);
      await console_.waitFor((m) => m.type === 'done' || m.type === 'error', from);
    };
    await act({ type: 'admin', token, action: { kind: 'settings', settings: { eventName: hostile[0]! } } });
    let tried = 0;
    for (const name of hostile.slice(1)) {
      await act({ type: 'admin', token, action: { kind: 'startRound', name: name.trim() || name } });
      await act({ type: 'admin', token, action: { kind: 'rehearse', count: 3 } });
    }
    for (const format of ['csv', 'csv-semicolon']) {
      const res = await fetch(`${hub.url}/export?format=${format}`, { headers: { Authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      const text = (await res.text()).replace(/^\uFEFF/, '');
      const sep = format === 'csv' ? ',' : ';';
      expect(text).toContain('HYPERLINK');
      for (const cell of cellsOf(text, sep)) {
        tried += 1;
        if (/^-?\d+([.,]\d+)?$/.test(cell)) continue;
        expect(cell, `${format}: ${JSON.stringify(cell)}`).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
    console.log(`csv-injection: ${tried} cells in csv and csv-semicolon checked, none starts a formula`);
    console_.close();
  });
});

/** The cells of a CSV text, quotes removed (a quoted cell may hold the separator, quotes and line breaks). */
function cellsOf(text: string, sep: string): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i += 1;
      while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) {
        cell += text[i];
        i += text[i] === '"' ? 2 : 1;
      }
      i += 1;
    } else while (i < text.length && text[i] !== sep && text[i] !== '\r' && text[i] !== '\n') cell += text[i++];
    cells.push(cell);
    if (text[i] === sep) i += 1;
    else while (text[i] === '\r' || text[i] === '\n') i += 1;
  }
  return cells;
}
