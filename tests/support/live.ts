import type { HubMessage } from '../../src/core/messages';
import { PRESENTER_COOKIE } from '../../src/hub/live/presenter';
import type { RunningHub } from '../../src/hub/server';
import { get, lanUrl, Phone, phoneAddress, scan, startAudienceHub } from './audience';

/** A hub in network mode with audience mode and the remote on. */
export async function startLiveHub(dataDir: string): Promise<RunningHub> {
  const hub = await startAudienceHub(dataDir);
  hub.context.presenter.enable();
  return hub;
}

export const presenterCode = (hub: RunningHub): string => hub.context.presenter.activeCode() ?? '';

/** Opens /remote/ with the presenter code, as scanning its QR code does: the cookie, for a Cookie header. */
export async function scanRemote(hub: RunningHub, localAddress: string, code = presenterCode(hub)): Promise<string> {
  const reply = await get(`${lanUrl(hub)}/remote/?presenter=${code}`, { localAddress });
  if (reply.status !== 303) throw new Error(`remote scan refused: ${reply.status}`);
  const cookie = reply.cookies.find((c) => c.startsWith(`${PRESENTER_COOKIE}=`));
  if (!cookie) throw new Error('remote scan set no cookie');
  return cookie;
}

/** A remote's socket (`/ws?remote`), said hello, with its first state received; null when refused. */
export async function openRemote(hub: RunningHub, localAddress: string, cookie: string): Promise<Phone | null> {
  const remote = await Phone.open(hub, { cookie, localAddress, query: '?remote' });
  if (!remote) return null;
  remote.send({ type: 'hello', role: 'remote', device: `remote-${localAddress.replace(/\./g, '-')}` });
  await remote.waitFor((m) => m.type === 'remoteState');
  return remote;
}

/** Phone `n`: scanned, connected from its own address, said hello. */
export async function joinPhone(hub: RunningHub, n: number): Promise<Phone> {
  const cookie = await scan(hub, phoneAddress(n));
  return (await Phone.open(hub, { cookie, localAddress: phoneAddress(n), device: `live-phone-${1000 + n}` }))!;
}

/** Sends a live answer and waits for the ack or the error about it. */
export async function liveAnswer(phone: Phone, live: number, option: number, id: string): Promise<HubMessage> {
  const from = phone.messages.length;
  phone.send({ type: 'liveAnswer', live, option, id });
  return phone.waitFor((m) => (m.type === 'ack' && m.id === id) || (m.type === 'error' && m.ref === id), from);
}

export type LiveViewMessage = Extract<HubMessage, { type: 'live' }>;
export const isLive = (m: HubMessage): m is LiveViewMessage => m.type === 'live';
