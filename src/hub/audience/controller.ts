/**
 * The audience room: phones in the talk room, let in by their own code. This module keeps audience mode on or off
 * with its code and sends projectors the invitation; gate.ts checks the code and the phone's cookies, handlers.ts
 * takes one answer per phone per round, phoneStore.ts and sources.ts keep who joined and where answers came from.
 */
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
import { createCodeLock, FORMER_CODES } from '../net/codeLock';
import type { AudienceGate } from '../net/lan';
import type { Peer } from '../net/peer';
import type { ResponseStore } from '../store/responseStore';
import { audienceGate } from './gate';
import type { PhoneIds, PhoneStore } from './phoneStore';
import { PHONE_FLAG_ANSWERS, type SourceBook } from './sources';

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
  sources: SourceBook;
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

/** What is kept of audience mode: on or off, the code, and the codes before "New room code" (codeLock.ts). */
interface SavedAudience {
  enabled: boolean;
  code: string;
  former: string[];
}

const readSaved = (raw: string | undefined): SavedAudience | null => {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as { enabled?: unknown; code?: unknown; former?: unknown };
    const code = typeof value.code === 'string' ? normalizeAudienceCode(value.code) : null;
    const former = Array.isArray(value.former)
      ? value.former.flatMap((c) => (typeof c === 'string' ? (normalizeAudienceCode(c) ?? []) : []))
      : [];
    return code ? { enabled: value.enabled === true, code, former } : null;
  } catch {
    return null;
  }
};

/** Audience mode's kept state, read once; `save` writes it back. */
function keptAudience(store: ResponseStore): { state: SavedAudience; save(): void; renew(): void } {
  const state = readSaved(store.getSetting('audience')) ?? { enabled: false, code: newAudienceCode(), former: [] };
  const save = (): void => store.setSetting('audience', JSON.stringify(state));
  return {
    state,
    save,
    renew: () => {
      state.former = [state.code, ...state.former].slice(0, FORMER_CODES);
      state.code = newAudienceCode();
      save();
    },
  };
}

const keyOf = (round: Round | null, now: Date): string =>
  round
    ? `round-${round.id}`
    : `day-${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/** Audience mode: kept in the database like network mode, so a restarted hub lets the same room in again. */
export function createAudience(deps: Deps): AudienceController {
  const kept = keptAudience(deps.store);
  const { state } = kept;
  let lastInvite = '';
  const now = deps.now ?? (() => new Date());
  const dropPhones = (): void => {
    for (const peer of deps.peers()) if (peer.audience) peer.socket.close(AUDIENCE_ENDED, 'audience ended');
  };
  const activeCode = (): string | null => (state.enabled ? state.code : null);
  const lock = createCodeLock({ normalize: normalizeAudienceCode, former: () => state.former });
  const switchTo = (on: boolean): void => {
    state.enabled = on;
    kept.save();
    if (!on) dropPhones();
    controller.announce();
  };

  const controller: AudienceController = {
    activeCode,
    status: () => statusOf(deps, now(), state.enabled, activeCode()),
    enable: () => switchTo(true),
    disable: () => switchTo(false),
    newCode: () => {
      kept.renew();
      dropPhones();
      controller.announce();
    },
    gate: audienceGate({ active: activeCode, lock }, () => (state.enabled ? AUDIENCE_EXTRA_CONNECTIONS : 0)),
    roundKey: () => keyOf(deps.store.activeRound(), now()),
    joined: (ids) => {
      // Only a count: a join lost to a failing disk costs the number, never the phone's answer.
      deps.phones
        .join(controller.roundKey(), ids)
        .then((isNew) => isNew && controller.announce())
        .catch(() => undefined);
    },
    invite: () => inviteOf(deps.lan(), state.enabled, state.code, deps.phones.counts(controller.roundKey()).joined),
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

/**
 * Audience mode as the console shows it: on or off, the code, the phones connected, who joined per round, and the
 * addresses that answered for more than a few people.
 */
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
  return { enabled, code, connected, perRound, flagAbove: PHONE_FLAG_ANSWERS, flagged: deps.sources.flagged() };
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
