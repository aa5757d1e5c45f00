/**
 * What reaches network mode's listener and how it is let in: the join code's gate (lanGate.ts) with its lock against
 * guessing (codeLock.ts), then audience mode's gate for phones. The listener itself is lan.ts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { JOIN_PARAM, normalizeJoinCode } from '../../core/lan';
import { carriedCode, refuseLockedUpgrade, refuseUpgrade, sendLockedPage, type CodeLock } from './codeLock';
import { securityHeaders } from './http';
import { admission, JOIN_COOKIE, joinCookie, sameCode, sendRefusal } from './lanGate';

/**
 * Audience mode's way in on the same listener (src/hub/audience): requests without the join code may still carry the
 * audience code, which opens the phone page and its socket only.
 */
export interface AudienceGate {
  /**
   * A request the join code did not let in: `handled` when audience mode answered it (a redirect, its own refusal),
   * `in` when the audience code lets it through to the page routes, `no` when it is none of audience mode's business.
   */
  request(req: IncomingMessage, res: ServerResponse): 'handled' | 'in' | 'no';
  /**
   * The same for a socket upgrade: `handled` when audience mode refused it with its own reason; `remote` when the
   * presenter code let in a remote (src/hub/live/presenter.ts).
   */
  upgrade(req: IncomingMessage, socket: Socket): 'handled' | 'in' | 'remote' | 'workshop' | 'no';
  /** Connections audience mode adds to the caps: a whole room may share one address behind a NAT. */
  extraConnections(): number;
}

/** What the listener hands on once a request or socket is let in. */
export interface LanEntryOptions {
  audience?: AudienceGate;
  request(req: IncomingMessage, res: ServerResponse): void;
  upgrade(req: IncomingMessage, socket: Socket, head: Buffer, by: Admission): void;
}

/** What let a socket in on the network listener: the join code, the room code (a phone) or the presenter code. */
export type Admission = 'join' | 'audience' | 'remote' | 'workshop';

/** The join code and the lock against guessing it. */
export interface JoinGate {
  code(): string;
  lock: CodeLock;
}

/**
 * The join code's gate with its lock: while the address is locked for guessing, a request that carries a join code
 * is not judged (`locked`, how long); otherwise the verdict, and a wrong code counted toward the lock.
 */
function judgeJoin(
  req: IncomingMessage,
  join: JoinGate,
): { locked: number } | { locked: null; verdict: ReturnType<typeof admission> } {
  const address = req.socket.remoteAddress ?? '?';
  const carried = carriedCode(req, JOIN_PARAM, JOIN_COOKIE);
  const wait = carried.length > 0 ? join.lock.lockedForMs(address) : null;
  if (wait !== null) return { locked: wait };
  const right = carried.some((value) => sameCode(normalizeJoinCode(value), join.code()));
  const caused = join.lock.judged(address, carried, right);
  return caused !== null ? { locked: caused } : { locked: null, verdict: admission(req, join.code()) };
}

/** What network mode's listener does with a request: the join code's gate first, then audience mode's. */
export function lanRequests(
  options: LanEntryOptions,
  join: JoinGate,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const judged = judgeJoin(req, join);
    if (judged.locked !== null) {
      sendLockedPage(req, res, judged.locked, false);
      return;
    }
    const { verdict } = judged;
    const audience = verdict.kind === 'refused' ? (options.audience?.request(req, res) ?? 'no') : 'no';
    if (audience === 'in') options.request(req, res);
    else if (audience === 'handled') return;
    else if (verdict.kind === 'refused') sendRefusal(req, res, 401);
    else if (verdict.kind === 'pair') {
      res.writeHead(303, {
        Location: verdict.location,
        'Set-Cookie': joinCookie(join.code()),
        'Cache-Control': 'no-store',
        ...securityHeaders(req),
      });
      res.end();
    } else options.request(req, res);
  };
}

/** What network mode's listener does with an upgrade: a paired device, else a phone, else a 401. */
export function lanUpgrades(
  options: LanEntryOptions,
  join: JoinGate,
): (req: IncomingMessage, socket: Socket, head: Buffer) => void {
  return (req, socket, head) => {
    const judged = judgeJoin(req, join);
    if (judged.locked !== null) {
      refuseLockedUpgrade(socket, judged.locked);
      return;
    }
    if (judged.verdict.kind === 'in') {
      options.upgrade(req, socket, head, 'join');
      return;
    }
    const phone = options.audience?.upgrade(req, socket) ?? 'no';
    if (phone === 'in' || phone === 'remote' || phone === 'workshop')
      options.upgrade(req, socket, head, phone === 'in' ? 'audience' : phone);
    else if (phone === 'no') refuseUpgrade(socket, '401 Unauthorized', 'Pair this device with the join code first.');
  };
}
