import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdminAction, HubMessage, HubStatus } from '../../src/core/messages';
import { startHub, type RunningHub } from '../../src/hub/server';
import { PAGES_DIR, loginAsOrganiser, tempDataDir, TestClient } from '../support/hub';
import { INSTRUMENTS_DIR } from '../support/instruments';

let data: ReturnType<typeof tempDataDir>;
let hub: RunningHub;
beforeEach(() => (data = tempDataDir()));
afterEach(async () => {
  await hub.close();
  data.remove();
});

async function act(client: TestClient, token: string, action: AdminAction): Promise<HubMessage> {
  const from = client.messages.length;
  client.send({ type: 'admin', token, action });
  return client.waitFor((m) => m.type === 'done' || m.type === 'error' || m.type === 'status', from);
}

async function status(client: TestClient, token: string): Promise<HubStatus> {
  const reply = await act(client, token, { kind: 'status' });
  if (reply.type !== 'status') throw new Error(JSON.stringify(reply));
  return reply.status;
}

describe('start with the computer, switched from the console', () => {
  it('the app behind the hub switches it; it is off until the organiser switches it on', async () => {
    let enabled = false;
    const calls: boolean[] = [];
    hub = await startHub({
      dataDir: data.dir,
      port: 0,
      pagesDir: PAGES_DIR,
      instrumentsDir: INSTRUMENTS_DIR,
      host: { startAtLogin: { isEnabled: () => enabled, setEnabled: (on) => void calls.push((enabled = on)) } },
    });
    const admin = await TestClient.connect(hub.url, 'admin');
    const token = await loginAsOrganiser(admin);
    expect((await status(admin, token)).startAtLogin).toEqual({ available: true, enabled: false });
    expect(await act(admin, token, { kind: 'startAtLogin', enabled: true })).toMatchObject({
      type: 'done',
      detail: 'startAtLoginOn',
    });
    expect((await status(admin, token)).startAtLogin).toEqual({ available: true, enabled: true });
    await act(admin, token, { kind: 'startAtLogin', enabled: false });
    expect(calls).toEqual([true, false]);
    admin.close();
  });

  it('the hub alone (npm run hub) says it is not available and refuses to switch it', async () => {
    hub = await startHub({ dataDir: data.dir, port: 0, pagesDir: PAGES_DIR, instrumentsDir: INSTRUMENTS_DIR });
    const admin = await TestClient.connect(hub.url, 'admin');
    const token = await loginAsOrganiser(admin);
    expect((await status(admin, token)).startAtLogin).toEqual({ available: false, enabled: false });
    expect(await act(admin, token, { kind: 'startAtLogin', enabled: true })).toMatchObject({
      type: 'error',
      code: 'refused',
      message: 'startAtLoginUnavailable',
    });
    admin.close();
  });

  it('a switch that fails in the operating system is reported, and the hub keeps serving', async () => {
    hub = await startHub({
      dataDir: data.dir,
      port: 0,
      pagesDir: PAGES_DIR,
      instrumentsDir: INSTRUMENTS_DIR,
      host: {
        startAtLogin: {
          isEnabled: () => false,
          setEnabled: () => {
            throw new Error('EACCES: permission denied');
          },
        },
      },
    });
    const admin = await TestClient.connect(hub.url, 'admin');
    const token = await loginAsOrganiser(admin);
    expect(await act(admin, token, { kind: 'startAtLogin', enabled: true })).toMatchObject({
      type: 'error',
      message: 'startAtLoginFailed',
    });
    expect((await status(admin, token)).startAtLogin.enabled).toBe(false);
    admin.close();
  });
});
