import { PDFParse } from 'pdf-parse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src/hub/server';
import { loginAsOrganiser, startTestHub, tempDataDir, TestClient } from '../support/hub';
import { shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';

const instrument = shippedInstrument('ideale-ambtenaar');
/** 09:17 UTC on 6 February 2026: 10:17 in Amsterdam, 15:02 in Kathmandu (UTC+5:45), whatever the machine's zone. */
const FIRST = Date.UTC(2026, 1, 6, 9, 17);

let data: ReturnType<typeof tempDataDir>;
let hub: RunningHub;
let admin: TestClient;
let token: string;

beforeEach(async () => {
  data = tempDataDir();
  hub = await startTestHub(data.dir);
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
    expect(await pdfText()).toContain('6 februari 2026, 10:17 tot 12:21');
  });

  it('follows the time zone the organiser sets, in the tables, the stamp and the report', async () => {
    await setZone('Asia/Kathmandu');
    const doc = await json();
    expect(doc.tables.find((t: any) => t.id === 'uren').rows).toEqual(['15:00-16:00', '17:00-18:00', 'Totaal']);
    expect(doc.stamp.timeZone).toBe('Asia/Kathmandu');
    const text = await pdfText();
    expect(text).toContain('6 februari 2026, 15:02 tot 17:06');
    expect(text).toContain('Asia/Kathmandu');
  });

  it('refuses a time zone it does not know, and keeps the one it had', async () => {
    const from = admin.messages.length;
    admin.send({ type: 'admin', token, action: { kind: 'settings', settings: { timeZone: 'Europe/Atlantis' } } });
    const reply = await admin.waitFor((m) => m.type === 'done' || m.type === 'error', from);
    expect(reply.type).toBe('error');
    expect((await json()).stamp.timeZone).toBe('Europe/Amsterdam');
  });
});
