import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Instrument } from '../../src/core/instrument';
import type { AdminAction, HubMessage } from '../../src/core/messages';
import { startTestHub, TestClient, loginAsOrganiser } from '../support/hub';
import { makeResponse } from '../support/responses';
import { useTestHub } from '../support/useTestHub';

const fixture = useTestHub();

/** Sends an action and returns every message up to its `done` or `error`. */
async function act(client: TestClient, token: string, action: AdminAction): Promise<HubMessage[]> {
  const from = client.messages.length;
  client.send({ type: 'admin', token, action });
  await client.waitFor((m) => m.type === 'done' || m.type === 'error', from);
  return client.messages.slice(from);
}
const lastOf = <T extends HubMessage['type']>(messages: HubMessage[], type: T): Extract<HubMessage, { type: T }> =>
  messages.filter((m) => m.type === type).at(-1) as Extract<HubMessage, { type: T }>;

async function organiser(): Promise<{ admin: TestClient; token: string }> {
  const admin = await TestClient.connect(fixture.hub.url, 'admin');
  return { admin, token: await loginAsOrganiser(admin) };
}

/** Copies the shipped three-type instrument as `gemeente-x` and returns the draft the hub sent back. */
async function copied(admin: TestClient, token: string): Promise<Instrument> {
  const replies = await act(admin, token, {
    kind: 'draftCopy',
    from: 'ideale-ambtenaar',
    id: 'gemeente-x',
    title: { nl: 'Gemeente X', en: 'Municipality X' },
  });
  expect(replies.at(-1)).toMatchObject({ type: 'done', detail: 'draftCopied' });
  return lastOf(replies, 'draft').instrument as Instrument;
}

describe('instruments made in the console', () => {
  it('copy, edit, publish, run: a kiosk answer on the new version is stored under it and survives a restart', async () => {
    const { admin, token } = await organiser();
    const draft = await copied(admin, token);
    draft.items[0]!.prompt = { nl: 'Een wethouder belt over de raadsvraag.', en: 'An alderman calls about it.' };
    const saved = await act(admin, token, { kind: 'draftSave', instrument: draft });
    expect(lastOf(saved, 'draft')).toMatchObject({ problems: [], refused: null });
    const published = await act(admin, token, { kind: 'draftPublish', id: 'gemeente-x' });
    expect(published.at(-1)).toMatchObject({ type: 'done', params: { version: '1.0.0' } });
    expect(existsSync(join(fixture.dir, 'instruments', 'gemeente-x-1.0.0.json'))).toBe(true);
    const file = JSON.parse(readFileSync(join(fixture.dir, 'instruments', 'gemeente-x-1.0.0.json'), 'utf8'));
    expect(file).toMatchObject({ format: 1, id: 'gemeente-x', version: '1.0.0' });

    await act(admin, token, { kind: 'instrument', id: 'gemeente-x' });
    const kiosk = await TestClient.connect(fixture.hub.url, 'kiosk');
    const welcome = kiosk.messages[0] as Extract<HubMessage, { type: 'welcome' }>;
    expect(welcome.instrument).toMatchObject({ id: 'gemeente-x', version: '1.0.0' });
    expect(welcome.instrument.items[0]!.prompt.nl).toBe('Een wethouder belt over de raadsvraag.');
    const response = makeResponse(welcome.instrument);
    kiosk.send({ type: 'submit', response });
    await kiosk.waitFor((m) => m.type === 'ack' && m.id === response.id);
    const exported = await fetch(`${fixture.hub.url}/export?format=json`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(JSON.stringify(await exported.json())).toContain('gemeente-x@1.0.0');
    kiosk.close();
    admin.close();

    await fixture.hub.close();
    fixture.hub = await startTestHub(fixture.dir);
    expect(fixture.hub.context.live.instrument).toMatchObject({ id: 'gemeente-x', version: '1.0.0' });
    expect(fixture.hub.context.live.crowd()).toHaveLength(1);
  });

  it('a new version of the running instrument runs at once; a visit finished on the old one is still kept', async () => {
    const { admin, token } = await organiser();
    const draft = await copied(admin, token);
    await act(admin, token, { kind: 'draftPublish', id: 'gemeente-x' });
    await act(admin, token, { kind: 'instrument', id: 'gemeente-x' });
    const kiosk = await TestClient.connect(fixture.hub.url, 'kiosk');
    const old = (kiosk.messages[0] as Extract<HubMessage, { type: 'welcome' }>).instrument;
    draft.items[1]!.options[0]!.text = { nl: 'Ik bel eerst de jurist.', en: 'I call the lawyer first.' };
    await act(admin, token, { kind: 'draftSave', instrument: draft });
    const again = await act(admin, token, { kind: 'draftPublish', id: 'gemeente-x' });
    expect(again.at(-1)).toMatchObject({ type: 'done', params: { version: '1.1.0' } });
    await kiosk.waitFor((m) => m.type === 'welcome' && m.instrument.version === '1.1.0');
    expect(fixture.hub.context.live.instrument.version).toBe('1.1.0');
    // The visitor who started on 1.0.0 hands in on 1.0.0: stored and acknowledged, counted apart.
    const late = makeResponse(old);
    kiosk.send({ type: 'submit', response: late });
    await kiosk.waitFor((m) => m.type === 'ack' && m.id === late.id);
    expect(fixture.hub.store.countPerInstrument().get('gemeente-x@1.0.0')).toBe(1);
    kiosk.close();
    admin.close();
  });

  it('publishing the same text twice makes no second version; a draft with faults is not published', async () => {
    const { admin, token } = await organiser();
    const draft = await copied(admin, token);
    await act(admin, token, { kind: 'draftPublish', id: 'gemeente-x' });
    const twice = await act(admin, token, { kind: 'draftPublish', id: 'gemeente-x' });
    expect(lastOf(twice, 'draft')).toMatchObject({ refused: 'nothingToPublish' });
    draft.items = draft.items.slice(1);
    draft.items[0]!.prompt = { nl: 'Alleen Nederlands.' };
    const saved = await act(admin, token, { kind: 'draftSave', instrument: draft });
    const problems = lastOf(saved, 'draft').problems.map((p) => `${p.path} ${p.rule}`);
    expect(problems).toEqual(expect.arrayContaining(['items asks-unbalanced', 'items.0.prompt missing-text']));
    const refused = await act(admin, token, { kind: 'draftPublish', id: 'gemeente-x' });
    expect(lastOf(refused, 'draft')).toMatchObject({ refused: 'draftNotReady' });
    expect(refused.at(-1)).toMatchObject({ type: 'error', code: 'refused' });
    expect(existsSync(join(fixture.dir, 'instruments', 'gemeente-x-1.1.0.json'))).toBe(false);
    admin.close();
  });

  it('retires an instrument instead of deleting it; the running one is not retired', async () => {
    const { admin, token } = await organiser();
    await copied(admin, token);
    await act(admin, token, { kind: 'draftPublish', id: 'gemeente-x' });
    await act(admin, token, { kind: 'instrument', id: 'gemeente-x' });
    const running = await act(admin, token, { kind: 'instrumentRetire', id: 'gemeente-x', retired: true });
    expect(lastOf(running, 'draft')).toMatchObject({ refused: 'instrumentRunning' });
    await act(admin, token, { kind: 'instrument', id: 'ideale-ambtenaar' });
    await act(admin, token, { kind: 'instrumentRetire', id: 'gemeente-x', retired: true });
    const choose = await act(admin, token, { kind: 'instrument', id: 'gemeente-x' });
    expect(choose.at(-1)).toMatchObject({ type: 'error', message: 'instrumentIsRetired' });
    expect(fixture.hub.context.instruments.some((i) => i.id === 'gemeente-x')).toBe(true);
    const shipped = await act(admin, token, { kind: 'instrumentRetire', id: 'vier-perspectieven', retired: true });
    expect(lastOf(shipped, 'draft')).toMatchObject({ refused: 'instrumentShipped' });
    admin.close();
  });

  it('exports a version as the file the app ships, and imports it back as a draft', async () => {
    const { admin, token } = await organiser();
    await copied(admin, token);
    await act(admin, token, { kind: 'draftPublish', id: 'gemeente-x' });
    const from = admin.messages.length;
    admin.send({ type: 'admin', token, action: { kind: 'instrumentFile', ref: 'gemeente-x@1.0.0' } });
    const file = (await admin.waitFor((m) => m.type === 'instrumentFile', from)) as Extract<
      HubMessage,
      { type: 'instrumentFile' }
    >;
    expect(file.name).toBe('gemeente-x-1.0.0.json');
    const data = JSON.parse(file.text) as Instrument;
    const renamed = { ...data, id: 'provincie-y' };
    const imported = await act(admin, token, { kind: 'instrumentImport', file: renamed });
    expect(imported.at(-1)).toMatchObject({ type: 'done', detail: 'imported', params: { id: 'provincie-y' } });
    expect(lastOf(imported, 'library').entries.find((e) => e.id === 'provincie-y')).toMatchObject({
      versions: [],
      draft: { unpublished: true, problems: 0 },
    });
    admin.close();
  });

  it("prints the draft's pilot sheet and its key for the organiser only", async () => {
    const { admin, token } = await organiser();
    const draft = await copied(admin, token);
    draft.items[0]!.prompt = { nl: 'Een nieuwe zin voor de proef.', en: 'A new sentence for the pilot.' };
    await act(admin, token, { kind: 'draftSave', instrument: draft });
    const url = `${fixture.hub.url}/export/pilot?instrument=gemeente-x&part=sheet&lang=nl`;
    expect((await fetch(url)).status).toBe(401);
    const sheet = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('content-disposition')).toContain('gemeente-x-proef-nl.pdf');
    const body = Buffer.from(await sheet.arrayBuffer());
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const key = await fetch(url.replace('part=sheet', 'part=key'), { headers: { Authorization: `Bearer ${token}` } });
    expect(key.headers.get('content-disposition')).toContain('gemeente-x-sleutel-nl.pdf');
    const bad = await fetch(url.replace('part=sheet', 'part=all'), { headers: { Authorization: `Bearer ${token}` } });
    expect(bad.status).toBe(400);
    admin.close();
  });
});
