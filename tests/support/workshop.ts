import type { HubMessage } from '../../src/core/messages';
import type { WorkshopAdminAction, WorkshopSetup, WorkshopSummary } from '../../src/core/workshop';
import type { RunningHub } from '../../src/hub/server';
import { lanBaseOf, loginAsOrganiser, TestClient } from './hub';

/** The console's socket, logged in, acting on workshops; resolves with the list the hub sends back. */
export async function workshopAct(
  admin: TestClient,
  token: string,
  action: WorkshopAdminAction,
): Promise<{ list: WorkshopSummary[]; reply: HubMessage }> {
  const from = admin.messages.length;
  admin.send({ type: 'workshopAdmin', token, action });
  const reply = await admin.waitFor(
    (m) => m.type === 'done' || m.type === 'error' || (action.kind === 'list' && m.type === 'workshops'),
    from,
  );
  const lists = admin.messages.slice(from).filter((m) => m.type === 'workshops');
  const list = (lists.at(-1) as Extract<HubMessage, { type: 'workshops' }> | undefined)?.list ?? [];
  return { list, reply };
}

export const SETUP: WorkshopSetup = {
  name: 'Team Vergunningen',
  instrument: 'ideale-ambtenaar',
  date: '2026-03-12',
  nicknames: true,
  countInCrowd: false,
};

/** A facilitator with one workshop made: the console's socket, its token and the workshop as listed. */
export async function facilitator(
  hub: RunningHub,
  setup: Partial<WorkshopSetup> = {},
): Promise<{ admin: TestClient; token: string; workshop: WorkshopSummary }> {
  const admin = await TestClient.connect(hub.url, 'admin');
  const token = await loginAsOrganiser(admin);
  const { list } = await workshopAct(admin, token, { kind: 'create', setup: { ...SETUP, ...setup } });
  return { admin, token, workshop: list.at(-1)! };
}

/** The cookies a browser gets when it opens the participant page with `code` (on the network listener). */
export async function participantCookies(hub: RunningHub, code: string): Promise<string> {
  const res = await fetch(`${lanBaseOf(hub)}/workshop/?w=${code}`, { redirect: 'manual' });
  if (res.status !== 303) throw new Error(`the workshop page answered ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** A participant: the page's cookies and its socket, hello said. */
export async function participant(hub: RunningHub, code: string, cookie?: string): Promise<TestClient> {
  const cookies = cookie ?? (await participantCookies(hub, code));
  return TestClient.connect(lanBaseOf(hub), 'participant', { cookie: cookies }, '/ws?workshop');
}
