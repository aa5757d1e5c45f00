import { PDFParse } from 'pdf-parse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HubMessage, HubStatus } from '../../src/core/messages';
import type { RunningHub } from '../../src/hub/server';
import { loginAsOrganiser, startTestHub, tempDataDir, TestClient } from '../support/hub';
import { shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';

const instrument = shippedInstrument('ideale-ambtenaar');
/** 09:17 UTC on 6 February 2026: 10:17 in Amsterdam, 15:02 in Kathmandu (UTC+5:45), whatever the machine's zone. */
const FIRST = Date.UTC(2026, 1, 6, 9, 17);
/** The hub's clock, which each test sets: 17:00 UTC that day unless a test moves it (18:00 in Amsterdam). */
let now = Date.UTC(2026, 1, 6, 17, 0);

let data: ReturnType<typeof tempDataDir>;
let hub: RunningHub;
let admin: TestClient;
let token: string;

beforeEach(async () => {
  now = Date.UTC(2026, 1, 6, 17, 0);
  data = tempDataDir();
  hub = await startTestHub(data.dir, { now: () => now });
  // Ten visitors, one every four minutes from 09:17 UTC, then five more two hours later.
  for (let k = 0; k < 10; k++)
    hub.store.insert(makeResponse(instrument), FIRST + k * 240_000, { round: null, rehearsal: false });
  for (let k = 0; k < 5; k++)
    hub.store.insert(makeResponse(instrument), FIRST + 2 * 3_600_000 + k * 60_000, { round: null, rehearsal: false });
  admin = await TestClient.connect(hub.url, 'admin');
  token = await loginAsOrganiser(admin);
});
afterEach(async () => {
  admin.close();
  await hub.close();
  data.remove();
});

async function json(): Promise<any> {
  const res = await fetch(`${hub.url}/export?format=json`, { headers: { Authorization: `Bearer ${token}` } });
  return res.json();
}
async function pdfText(): Promise<string> {
  const res = await fetch(`${hub.url}/export?format=pdf`, { headers: { Authorization: `Bearer ${token}` } });
  const parser = new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) });
  const text = (await parser.getText()).text;
  await parser.destroy();
  return text;
}
async function status(): Promise<HubStatus> {
  const from = admin.messages.length;
  admin.send({ type: 'admin', token, action: { kind: 'status' } });
  const reply = await admin.waitFor((m) => m.type === 'status', from);
  return (reply as Extract<HubMessage, { type: 'status' }>).status;
}
async function setZone(timeZone: string): Promise<void> {
  const from = admin.messages.length;
  admin.send({ type: 'admin', token, action: { kind: 'settings', settings: { timeZone } } });
  await admin.waitFor((m) => m.type === 'done' || m.type === 'error', from);
}

describe('event time', () => {
  it('reads hours and the period in Europe/Amsterdam by default, from the first to the last counted answer', async () => {
    const doc = await json();
    const hours = doc.tables.find((t: any) => t.id === 'uren');
    expect(hours.rows).toEqual(['10:00-11:00', '12:00-13:00', 'Totaal']);
    expect(doc.stamp.timeZone).toBe('Europe/Amsterdam');
    expect(doc.stamp.from).toBe(new Date(FIRST).toISOString());
    expect(doc.stamp.to).toBe(new Date(FIRST + 2 * 3_600_000 + 4 * 60_000).toISOString());
    expect(doc.stamp.generatedAt).toBe('2026-02-06T17:00:00.000Z');
    const text = await pdfText();
    expect(text).toContain('6 februari 2026, 10:17 tot 12:21');
    expect(text).toContain('Gemaakt 2026-02-06 18:00');
  });

  it('follows the time zone the organiser sets, in the tables, the stamp and the report', async () => {
    await setZone('Asia/Kathmandu');
    const doc = await json();
    expect(doc.tables.find((t: any) => t.id === 'uren').rows).toEqual(['15:00-16:00', '17:00-18:00', 'Totaal']);
    expect(doc.stamp.timeZone).toBe('Asia/Kathmandu');
    const text = await pdfText();
    expect(text).toContain('6 februari 2026, 15:02 tot 17:06');
    expect(text).toContain('Asia/Kathmandu');
    expect(text).toContain('Gemaakt 2026-02-06 22:45');
  });

  it("counts today and draws the day chart from the event's midnight, not the computer's", async () => {
    // 23:50 in Amsterdam: the whole day, from the step of the first answer (10:10) to the step that runs now.
    now = Date.UTC(2026, 1, 6, 22, 50);
    let day = await status();
    expect(day.today).toBe(15);
    expect(day.day.start).toBe(Date.UTC(2026, 1, 6, 9, 10));
    expect(day.day.counts).toHaveLength(143 - 61 + 1);
    expect(day.day.counts.reduce((a, b) => a + b, 0)).toBe(15);
    // On the Chatham Islands (UTC+13:45) 11:30 UTC is 01:15 on the 7th: their day holds the five of 01:02 to 01:06.
    await setZone('Pacific/Chatham');
    now = Date.UTC(2026, 1, 6, 11, 30);
    day = await status();
    expect(day.today).toBe(5);
    expect(day.day).toEqual({ start: Date.UTC(2026, 1, 6, 11, 15), stepMinutes: 10, counts: [5, 0] });
    // 00:10 in Amsterdam, 23:10 UTC: still the 6th in UTC, but the event's new day holds only the answer of 00:02.
    await setZone('Europe/Amsterdam');
    hub.store.insert(makeResponse(instrument), Date.UTC(2026, 1, 6, 23, 2), { round: null, rehearsal: false });
    now = Date.UTC(2026, 1, 6, 23, 10);
    day = await status();
    expect(day.today).toBe(1);
    expect(day.day).toEqual({ start: Date.UTC(2026, 1, 6, 23, 0), stepMinutes: 10, counts: [1, 0] });
  });

  it("names the export's file after the event's day, also just after its midnight", async () => {
    now = Date.UTC(2026, 1, 6, 23, 30);
    const res = await fetch(`${hub.url}/export?format=json`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="ideale-ambtenaar-totalen-2026-02-07.json"',
    );
  });

  it('refuses a time zone it does not know, and keeps the one it had', async () => {
    const from = admin.messages.length;
    admin.send({ type: 'admin', token, action: { kind: 'settings', settings: { timeZone: 'Europe/Atlantis' } } });
    const reply = await admin.waitFor((m) => m.type === 'done' || m.type === 'error', from);
    expect(reply.type).toBe('error');
    expect((await json()).stamp.timeZone).toBe('Europe/Amsterdam');
  });
});
