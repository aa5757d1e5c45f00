import { describe, expect, it } from 'vitest';
import type { HubMessage } from '../../src/core/messages';
import type { LanStatus } from '../../src/core/lan';
import type { RunningHub } from '../../src/hub/server';
import { loginAsOrganiser, startLanTestHub, TEST_LAN_HOST, TestClient } from '../support/hub';
import { useTestHub } from '../support/useTestHub';

/**
 * A laptop on the venue Wi-Fi and a cable (or a VPN) has more than one address, and the likeliest is not always the
 * one the room can reach. The organiser picks it in the console; the QR codes and the projector's invitation follow.
 */
const OTHER = '10.9.8.7';
let reachable = [TEST_LAN_HOST, OTHER];
const start = async (dataDir: string): Promise<RunningHub> => {
  const hub = await startLanTestHub(dataDir, { lanAddresses: () => reachable });
  hub.context.audience.enable();
  return hub;
};
const fixture = useTestHub(start);

async function lanStatus(admin: TestClient, token: string): Promise<LanStatus> {
  const from = admin.messages.length;
  admin.send({ type: 'admin', token, action: { kind: 'status' } });
  const reply = await admin.waitFor((m) => m.type === 'status', from);
  if (reply.type !== 'status') throw new Error('no status');
  return reply.status.lan;
}

/** A console logged in that chose `address` (the computer reaching both test addresses). */
async function organiserChose(address: string): Promise<{ admin: TestClient; token: string }> {
  reachable = [TEST_LAN_HOST, OTHER];
  const admin = await TestClient.connect(fixture.hub.url, 'admin');
  const token = await loginAsOrganiser(admin);
  admin.send({ type: 'admin', token, action: { kind: 'lanAddress', address } });
  await admin.waitFor((m) => m.type === 'done' && m.kind === 'lanAddress');
  return { admin, token };
}

const inviteUrl = (m: HubMessage): string | null => (m.type === 'audience' ? m.url : null);

describe('the address devices and phones are given', () => {
  it('is the one the organiser chose, for QR codes and the invitation, after a restart too', async () => {
    reachable = [TEST_LAN_HOST, OTHER];
    const projector = await TestClient.connect(fixture.hub.url, 'projector');
    const first = await projector.waitFor((m) => m.type === 'audience');
    expect(inviteUrl(first)).toMatch(new RegExp(`^http://${TEST_LAN_HOST.replaceAll('.', '\\.')}:`));
    const admin = await TestClient.connect(fixture.hub.url, 'admin');
    const token = await loginAsOrganiser(admin);
    expect(await lanStatus(admin, token)).toMatchObject({ addresses: [TEST_LAN_HOST, OTHER], address: TEST_LAN_HOST });

    admin.send({ type: 'admin', token, action: { kind: 'lanAddress', address: OTHER } });
    await admin.waitFor((m) => m.type === 'done' && m.kind === 'lanAddress');
    expect((await lanStatus(admin, token)).address).toBe(OTHER);
    const moved = await projector.waitFor((m) => inviteUrl(m)?.startsWith(`http://${OTHER}:`) === true);
    expect(moved.type === 'audience' && moved.address).toContain(OTHER);
    admin.close();
    projector.close();

    const dir = fixture.dir;
    await fixture.hub.close();
    fixture.hub = await start(dir);
    const again = await TestClient.connect(fixture.hub.url, 'admin');
    expect((await lanStatus(again, await loginAsOrganiser(again))).address).toBe(OTHER);
    again.close();
  });

  it('refuses an address this computer does not have, and changes nothing', async () => {
    const { admin, token } = await organiserChose(OTHER);
    for (const address of ['192.168.1.50', 'evil.example', `${OTHER} `]) {
      const from = admin.messages.length;
      admin.send({ type: 'admin', token, action: { kind: 'lanAddress', address } });
      const reply = await admin.waitFor((m) => m.type === 'error' || m.type === 'done', from);
      expect(reply).toMatchObject({ type: 'error', message: 'lanAddressGone' });
    }
    expect((await lanStatus(admin, token)).address).toBe(OTHER);
    admin.close();
  });

  it('falls back to the likeliest while the computer is off the chosen network, and returns to it after', async () => {
    const { admin, token } = await organiserChose(OTHER);
    reachable = [TEST_LAN_HOST];
    expect((await lanStatus(admin, token)).address).toBe(TEST_LAN_HOST);
    reachable = [TEST_LAN_HOST, OTHER];
    expect((await lanStatus(admin, token)).address).toBe(OTHER);
    admin.close();
  });
});
