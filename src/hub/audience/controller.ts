import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomInt } from 'node:crypto';
import {
  AUDIENCE_CODE_LENGTH,
  audienceUrl,
  formatAudienceCode,
  normalizeAudienceCode,
  shortAudienceAddress,
  type AudienceInvite,
  type AudienceStatus,
} from '../../core/audience';
import { JOIN_CODE_ALPHABET, type LanStatus } from '../../core/lan';
import type { Round } from '../../core/settings';
import type { Peer } from '../net/peer';
import { securityHeaders } from '../net/http';
import type { AudienceGate } from '../net/lan';
import type { ResponseStore } from '../store/responseStore';
import {
  audienceAdmission,
  audienceCookies,
  isPhonePath,
  newPhoneCookie,
  phoneCookie,
  sendAudienceRefusal,
} from './gate';
import type { PhoneIds, PhoneStore } from './phoneStore';

/**
 * Phones one address may connect on top of the network listener's own caps: a room behind one NAT (a venue whose
 * guest Wi-Fi reaches the hub through a router) shows up as one address, and a large hall seats 500.
 */
export const AUDIENCE_EXTRA_CONNECTIONS = 600;
/** Close code for phone sockets when audience mode ends or gets a new code. */
export const AUDIENCE_ENDED = 4002;

export interface AudienceController {
  status(): AudienceStatus;
  /** The code phones must carry, or null while audience mode is off. */
  activeCode(): string | null;
  enable(): void;
  disable(): void;
  /** A new code: every phone socket is closed and the old cookies open nothing. */
  newCode(): void;
  /** What the network listener asks of audience mode. */
  gate: AudienceGate;
  /** The invitation for projectors. */
  invite(): AudienceInvite;
  /** The key answers are counted under: the running round, else the day. */
  roundKey(): string;
  /** A phone opened its socket and said hello in the current round. */
  joined(ids: PhoneIds): void;
  /** Sends projectors the invitation when it changed (the joined count, a new code, network mode…). */
  announce(): void;
  close(): void;
}

interface Deps {
  store: ResponseStore;
  phones: PhoneStore;
  lan(): LanStatus;
  peers(): Iterable<Peer>;
  broadcastInvite(invite: AudienceInvite): void;
  now?: () => Date;
}

function newAudienceCode(): string {
  let code = '';
  for (let i = 0; i < AUDIENCE_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

const readSaved = (raw: string | undefined): { enabled: boolean; code: string } | null => {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as { enabled?: unknown; code?: unknown };
    const code = typeof value.code === 'string' ? normalizeAudienceCode(value.code) : null;
    return code ? { enabled: value.enabled === true, code } : null;
  } catch {
    return null;
  }
};

const keyOf = (round: Round | null, now: Date): string =>
  round
    ? `round-${round.id}`
    : `day-${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/** Audience mode: kept in the database like network mode, so a restarted hub lets the same room in again. */
export function createAudience(deps: Deps): AudienceController {
  const saved = readSaved(deps.store.getSetting('audience'));
  let code = saved?.code ?? newAudienceCode();
  let enabled = saved?.enabled ?? false;
  let lastInvite = '';
  const now = deps.now ?? (() => new Date());
  const save = (): void => deps.store.setSetting('audience', JSON.stringify({ enabled, code }));
  const dropPhones = (): void => {
    for (const peer of deps.peers()) if (peer.audience) peer.socket.close(AUDIENCE_ENDED, 'audience ended');
  };
  const activeCode = (): string | null => (enabled ? code : null);

  const controller: AudienceController = {
    activeCode,
    status: () => statusOf(deps, now(), enabled, activeCode()),
    enable: () => {
      enabled = true;
      save();
      controller.announce();
    },
    disable: () => {
      enabled = false;
      save();
      dropPhones();
      controller.announce();
    },
    newCode: () => {
      code = newAudienceCode();
      save();
      dropPhones();
      controller.announce();
    },
    gate: audienceGate(activeCode, () => enabled),
    roundKey: () => keyOf(deps.store.activeRound(), now()),
    joined: (ids) => {
      // Only a count: a join lost to a failing disk costs the number, never the phone's answer.
      deps.phones
        .join(controller.roundKey(), ids)
        .then((isNew) => isNew && controller.announce())
        .catch(() => undefined);
    },
    invite: () => inviteOf(deps.lan(), enabled, code, deps.phones.counts(controller.roundKey()).joined),
    announce: () => {
      const invite = controller.invite();
      const frame = JSON.stringify(invite);
      if (frame === lastInvite) return;
      lastInvite = frame;
      deps.broadcastInvite(invite);
    },
    close: () => undefined,
  };
  return controller;
}

/** Audience mode as the console shows it: on or off, the code, the phones connected and who joined per round. */
function statusOf(deps: Deps, now: Date, enabled: boolean, code: string | null): AudienceStatus {
  const counts = deps.phones.countsPerKey();
  const perRound: AudienceStatus['perRound'] = deps.store
    .rounds()
    .map((r) => ({ round: r.id, name: r.name, ...(counts.get(`round-${r.id}`) ?? { joined: 0, answered: 0 }) }))
    .filter((r) => r.joined > 0);
  const outside = counts.get(keyOf(null, now));
  if (outside) perRound.push({ round: null, name: '', ...outside });
  let connected = 0;
  for (const peer of deps.peers()) if (peer.role === 'phone') connected++;
  return { enabled, code, connected, perRound };
}

/** What the network listener asks of audience mode: may this request or socket in as a phone, and how many more. */
function audienceGate(activeCode: () => string | null, enabled: () => boolean): AudienceGate {
  return {
    request: (req: IncomingMessage, res: ServerResponse) => {
      const code = activeCode();
      const verdict = audienceAdmission(req, code);
      if (verdict.kind === 'refused') {
        if (!isPhonePath(req)) return 'no';
        sendAudienceRefusal(req, res, verdict.typed, 401);
      } else if (verdict.kind === 'elsewhere') sendAudienceRefusal(req, res, false, 403);
      else if (verdict.kind === 'pair' || verdict.kind === 'home') {
        res.writeHead(303, {
          Location: verdict.kind === 'pair' ? verdict.location : '/phone/',
          'Set-Cookie': verdict.kind === 'pair' && code ? audienceCookies(req, code) : [],
          'Cache-Control': 'no-store',
          ...securityHeaders(req),
        });
        res.end();
      } else {
        if (isPhonePath(req) && !phoneCookie(req)) res.setHeader('Set-Cookie', newPhoneCookie());
        return 'in';
      }
      return 'handled';
    },
    upgrade: (req) => audienceAdmission(req, activeCode()).kind === 'in',
    extraConnections: () => (enabled() ? AUDIENCE_EXTRA_CONNECTIONS : 0),
  };
}

/** The projector's invitation: where and with which code phones get in, while network and audience mode are on. */
function inviteOf(lan: LanStatus, enabled: boolean, code: string, joined: number): AudienceInvite {
  const address = lan.address;
  const open = enabled && lan.listening && address !== null;
  return {
    type: 'audience',
    url: open ? audienceUrl(address, lan.port, code) : null,
    address: open ? shortAudienceAddress(address, lan.port) : null,
    code: open ? formatAudienceCode(code) : null,
    joined,
  };
}
