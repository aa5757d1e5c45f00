import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { WORKSHOP_PAGE, WORKSHOP_PARAM } from '../../core/workshop';
import {
  createCodeLock,
  judgeWithLock,
  refuseLockedUpgrade,
  refuseUpgrade,
  sendLockedPage,
  type CodeLock,
} from '../net/codeLock';
import { requestUrl, securityHeaders, sendGatePage } from '../net/http';
import type { AudienceGate } from '../net/lan';
import { readCookie, sameCode } from '../net/lanGate';
import { normalizeWorkshopCode } from './room';

/**
 * The workshop code's gate on the network listener (docs/adr/0011-workshop-mode.md): a workshop's code opens its
 * participant page (`/workshop/`), the page's assets and its socket (`/ws?workshop`), nothing else. The page is
 * given the code as an HttpOnly cookie and a random participant id of its own, which is who the participant is in
 * that workshop. Guessing is locked per address as for the other codes (net/codeLock.ts), with a lock of its own.
 */
export const WORKSHOP_COOKIE = 'ideale-workshop';
export const PARTICIPANT_COOKIE = 'ideale-participant';
/** The participant page's socket asks for this in its address, so it is never taken for a phone's or a remote's. */
export const WORKSHOP_SOCKET_PARAM = 'workshop';
const COOKIE_MAX_AGE_S = 12 * 3600;
const PAGE_PATHS = new Set([`/${WORKSHOP_PAGE}`, `/${WORKSHOP_PAGE}/`]);

/** The participant's cookie id when it has the form the hub gives out (22 base64url characters), else null. */
export function participantCookie(req: IncomingMessage): string | null {
  const value = readCookie(req.headers.cookie, PARTICIPANT_COOKIE);
  return value !== null && /^[A-Za-z0-9_-]{22}$/.test(value) ? value : null;
}

/** The workshop code in the request's cookie, normalised, or null. */
export function workshopCookie(req: IncomingMessage): string | null {
  const value = readCookie(req.headers.cookie, WORKSHOP_COOKIE);
  return value === null ? null : normalizeWorkshopCode(value);
}

type Verdict = 'pair' | 'in' | 'socket' | 'no-participant' | 'refused' | 'none';

function verdictOf(
  req: IncomingMessage,
  codes: readonly string[],
): { verdict: Verdict; typed: boolean; url: URL | null } {
  const url = requestUrl(req);
  if (!url) return { verdict: 'none', typed: false, url };
  const typed = url.searchParams.get(WORKSHOP_PARAM);
  const right = (value: string | null): boolean => {
    const code = value === null ? null : normalizeWorkshopCode(value);
    return codes.some((c) => sameCode(code, c));
  };
  const cookie = readCookie(req.headers.cookie, WORKSHOP_COOKIE);
  const page = PAGE_PATHS.has(url.pathname);
  const socket = url.pathname === '/ws' && url.searchParams.has(WORKSHOP_SOCKET_PARAM);
  if (page && right(typed) && req.method === 'GET') return { verdict: 'pair', typed: true, url };
  if (page || socket) {
    if (!right(cookie)) return { verdict: 'refused', typed: typed !== null, url };
    if (socket) return { verdict: participantCookie(req) ? 'socket' : 'no-participant', typed: false, url };
    return { verdict: 'in', typed: false, url };
  }
  if (url.pathname.startsWith('/assets/') && right(cookie)) return { verdict: 'in', typed: false, url };
  return { verdict: 'none', typed: false, url };
}

/** The verdict with the lock: a locked address is not judged; a wrong workshop code counts toward its lock. */
function judge(req: IncomingMessage, codes: () => string[], lock: CodeLock) {
  const now = codes();
  const gate = { codes: now, param: WORKSHOP_PARAM, cookie: WORKSHOP_COOKIE, normalize: normalizeWorkshopCode };
  return judgeWithLock(req, gate, lock, () => verdictOf(req, now));
}

/** The cookies a participant gets when they come in with the code: the code and, once, their own random id. */
function pairCookies(req: IncomingMessage, code: string): string[] {
  const cookies = [`${WORKSHOP_COOKIE}=${code}; Path=/; Max-Age=${COOKIE_MAX_AGE_S}; HttpOnly; SameSite=Strict`];
  if (!participantCookie(req))
    cookies.push(
      `${PARTICIPANT_COOKIE}=${randomBytes(16).toString('base64url')}; Path=/; Max-Age=${COOKIE_MAX_AGE_S}; HttpOnly; SameSite=Strict`,
    );
  return cookies;
}

/** Puts the workshop codes' gate in front of `next` (the presenter's and audience mode's). */
export function workshopGateBefore(codes: () => string[], next: AudienceGate): AudienceGate {
  const lock = createCodeLock({ normalize: normalizeWorkshopCode, former: () => [] });
  return {
    request: (req, res) => {
      const judged = judge(req, codes, lock);
      if (judged.locked !== null) {
        sendLockedPage(req, res, judged.locked, true);
        return 'handled';
      }
      if (judged.verdict === 'none') return next.request(req, res);
      if (judged.verdict === 'in') return 'in';
      if (judged.verdict === 'pair') {
        const code = normalizeWorkshopCode(judged.url!.searchParams.get(WORKSHOP_PARAM)!)!;
        judged.url!.searchParams.delete(WORKSHOP_PARAM);
        res.writeHead(303, {
          Location: `/${WORKSHOP_PAGE}/${judged.url!.search}`,
          'Set-Cookie': pairCookies(req, code),
          'Cache-Control': 'no-store',
          ...securityHeaders(req),
        });
        res.end();
      } else sendWorkshopRefusal(req, res, judged.typed);
      return 'handled';
    },
    upgrade: (req: IncomingMessage, socket: Socket) => {
      const judged = judge(req, codes, lock);
      if (judged.locked !== null) refuseLockedUpgrade(socket, judged.locked);
      else if (judged.verdict === 'socket') return 'workshop';
      else if (judged.verdict === 'none') return next.upgrade(req, socket);
      else refuseUpgrade(socket, '401 Unauthorized', 'Open /workshop/ with the workshop code first.');
      return 'handled';
    },
    extraConnections: next.extraConnections,
  };
}

/** The page for a participant without a valid workshop code: a form to type it, in both languages. */
function sendWorkshopRefusal(req: IncomingMessage, res: ServerResponse, typed: boolean): void {
  sendGatePage(
    req,
    res,
    401,
    (typed
      ? `<p role="alert" style="color:#fca5a5">Die workshopcode klopt niet (meer). <span lang="en">That workshop code is not (or no longer) right.</span></p>`
      : '') +
      `<p>Scan de QR-code op het scherm van de workshop, of typ de code.</p>` +
      `<p lang="en">Scan the QR code on the workshop's screen, or type the code.</p>` +
      `<form method="get" action="/${WORKSHOP_PAGE}/" style="display:flex;flex-direction:column;gap:12px">` +
      `<label for="code">Workshopcode <span lang="en">(workshop code)</span></label>` +
      `<input id="code" name="${WORKSHOP_PARAM}" required autocomplete="off" autocapitalize="characters" spellcheck="false" ` +
      `style="font:inherit;font-family:monospace;padding:8px;min-height:44px">` +
      `<button style="font:inherit;min-height:44px">Open <span lang="en">· open</span></button></form>`,
    { forms: true, phone: true },
  );
}
