import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { AUDIENCE_PARAM, normalizeAudienceCode, PHONE_PAGE } from '../../core/audience';
import { carriedCode, refuseLockedUpgrade, refuseUpgrade, sendLockedPage, type CodeLock } from '../net/codeLock';
import { requestUrl, securityHeaders, sendGatePage } from '../net/http';
import type { AudienceGate } from '../net/lan';
import { readCookie, sameCode } from '../net/lanGate';

/** The cookie a phone keeps after scanning the code: it opens the phone page and its socket, nothing else. */
export const AUDIENCE_COOKIE = 'ideale-audience';
/** A random id the hub gives each phone, HttpOnly so the page's script (and whoever edits it) cannot change it. */
export const PHONE_COOKIE = 'ideale-phone';
const AUDIENCE_MAX_AGE_S = 24 * 3600;

const PHONE_PATHS = new Set([`/${PHONE_PAGE}`, `/${PHONE_PAGE}/`]);

/** The phone's cookie id when it has the form the hub gives out (22 base64url characters), else null. */
export function phoneCookie(req: IncomingMessage): string | null {
  const value = readCookie(req.headers.cookie, PHONE_COOKIE);
  return value !== null && /^[A-Za-z0-9_-]{22}$/.test(value) ? value : null;
}

export type AudienceVerdict =
  | { kind: 'in' }
  | { kind: 'pair'; location: string }
  | { kind: 'home' }
  | { kind: 'elsewhere' }
  | { kind: 'no-cookie' }
  | { kind: 'refused'; typed: boolean };

/** What a script that took the code off the projection is told when it opens a socket without scanning. */
export const NO_PHONE_COOKIE =
  "A phone's socket needs the cookies the phone page sets: open /phone/ with the room code first (scan the QR code).";

/**
 * What the audience code lets a request on the network listener do: the phone page, its assets and its socket. A
 * page opened with the code gets the cookie and is sent to the same page without the code; with the cookie, `/`
 * leads to the phone page and every other page or route is refused (`elsewhere`). The socket needs both cookies
 * the page was given, the code's and the phone's own (`no-cookie` when the code came without them). `expected`
 * null: audience mode is off, and no code opens anything.
 */
export function audienceAdmission(req: IncomingMessage, expected: string | null): AudienceVerdict {
  const url = requestUrl(req);
  if (!url) return { kind: 'refused', typed: false };
  const typed = url.searchParams.get(AUDIENCE_PARAM);
  const byQuery = expected !== null && sameCode(typed === null ? null : normalizeAudienceCode(typed), expected);
  const cookie = readCookie(req.headers.cookie, AUDIENCE_COOKIE);
  const byCookie = expected !== null && sameCode(cookie === null ? null : normalizeAudienceCode(cookie), expected);
  const path = url.pathname;
  const isPage = PHONE_PATHS.has(path);
  if (byQuery && isPage && req.method === 'GET') {
    url.searchParams.delete(AUDIENCE_PARAM);
    return { kind: 'pair', location: `/${PHONE_PAGE}/${url.search}` };
  }
  if (path === '/ws') {
    if (byCookie && phoneCookie(req)) return { kind: 'in' };
    if (byCookie || byQuery) return { kind: 'no-cookie' };
  }
  if (!byCookie) return { kind: 'refused', typed: typed !== null };
  if (isPage || path === '/ws' || path.startsWith('/assets/')) return { kind: 'in' };
  if (path === '/') return { kind: 'home' };
  return { kind: 'elsewhere' };
}

/** The cookies a phone gets when it comes in with the code: the code itself and, once, its own random id. */
export function audienceCookies(req: IncomingMessage, code: string): string[] {
  const cookies = [`${AUDIENCE_COOKIE}=${code}; Path=/; Max-Age=${AUDIENCE_MAX_AGE_S}; HttpOnly; SameSite=Strict`];
  if (!phoneCookie(req)) cookies.push(newPhoneCookie());
  return cookies;
}

export function newPhoneCookie(): string {
  return `${PHONE_COOKIE}=${randomBytes(16).toString('base64url')}; Path=/; Max-Age=${AUDIENCE_MAX_AGE_S}; HttpOnly; SameSite=Strict`;
}

/**
 * The page a phone gets without a valid audience code (wrong, old or none): a form to type the code from the
 * projection. `elsewhere`: the audience code opens the phone page only.
 */
export function sendAudienceRefusal(
  req: IncomingMessage,
  res: ServerResponse,
  typed: boolean,
  status: 401 | 403,
): void {
  const body =
    status === 403
      ? `<p>Met de zaalcode kun je alleen meedoen op je telefoon: <a href="/${PHONE_PAGE}/">naar de vragen</a>.</p>` +
        `<p lang="en">The room code only lets you take part on your phone: <a href="/${PHONE_PAGE}/">to the questions</a>.</p>`
      : (typed
          ? `<p role="alert" style="color:#fca5a5">Die zaalcode klopt niet (meer). <span lang="en">That room code is not (or no longer) right.</span></p>`
          : '') +
        `<p>Scan de QR-code op het grote scherm, of typ de zaalcode die daar staat.</p>` +
        `<p lang="en">Scan the QR code on the big screen, or type the room code shown there.</p>` +
        `<form method="get" action="/${PHONE_PAGE}/" style="display:flex;flex-direction:column;gap:12px">` +
        `<label for="code">Zaalcode <span lang="en">(room code)</span></label>` +
        `<input id="code" name="${AUDIENCE_PARAM}" required autocomplete="off" autocapitalize="characters" spellcheck="false" ` +
        `placeholder="ABCD-EFGH" style="font:inherit;font-family:monospace;padding:8px;min-height:44px">` +
        `<button style="font:inherit;min-height:44px">Doe mee <span lang="en">· join</span></button></form>`;
  sendGatePage(req, res, status, body, { forms: status === 401, phone: true });
}

export const isPhonePath = (req: IncomingMessage): boolean => PHONE_PATHS.has(requestUrl(req)?.pathname ?? '');

/** The room code now (null while audience mode is off), and the lock against guessing it. */
export interface RoomCode {
  active(): string | null;
  lock: CodeLock;
}

/**
 * The room code's verdict with its lock: while the address is locked for guessing, a request that carries a room
 * code is not judged (`locked`, how long); otherwise the verdict, and a wrong code counted toward the lock. While
 * audience mode is off there is nothing to guess, and nothing is counted.
 */
function judgeRoom(
  req: IncomingMessage,
  room: RoomCode,
): { locked: number } | { locked: null; verdict: AudienceVerdict } {
  const address = req.socket.remoteAddress ?? '?';
  const code = room.active();
  const carried = code === null ? [] : carriedCode(req, AUDIENCE_PARAM, AUDIENCE_COOKIE);
  const wait = carried.length > 0 ? room.lock.lockedForMs(address) : null;
  if (wait !== null) return { locked: wait };
  const verdict = audienceAdmission(req, code);
  const right = code !== null && carried.some((value) => sameCode(normalizeAudienceCode(value), code));
  const caused = room.lock.judged(address, carried, right);
  return caused !== null ? { locked: caused } : { locked: null, verdict };
}

/** What the network listener asks of audience mode: may this request or socket in as a phone, and how many more. */
export function audienceGate(room: RoomCode, extraConnections: () => number): AudienceGate {
  return {
    request: (req, res) => {
      const judged = judgeRoom(req, room);
      if (judged.locked !== null) {
        sendLockedPage(req, res, judged.locked, true);
        return 'handled';
      }
      const { verdict } = judged;
      if (verdict.kind === 'refused' || verdict.kind === 'no-cookie') {
        if (!isPhonePath(req)) return 'no';
        sendAudienceRefusal(req, res, verdict.kind === 'refused' && verdict.typed, 401);
      } else if (verdict.kind === 'elsewhere') sendAudienceRefusal(req, res, false, 403);
      else if (verdict.kind === 'pair' || verdict.kind === 'home') {
        const code = room.active();
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
    upgrade: (req: IncomingMessage, socket: Socket) => {
      const judged = judgeRoom(req, room);
      if (judged.locked !== null) refuseLockedUpgrade(socket, judged.locked);
      else if (judged.verdict.kind === 'no-cookie') refuseUpgrade(socket, '401 Unauthorized', NO_PHONE_COOKIE);
      else return judged.verdict.kind === 'in' ? 'in' : 'no';
      return 'handled';
    },
    extraConnections,
  };
}
