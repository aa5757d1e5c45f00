/**
 * The presenter code: it opens `/remote` on the presenter's phone and nothing else. Never shown on the projection
 * (the console shows it with its QR code), apart from the join code and the room code, with its own lock against
 * guessing per address (net/codeLock.ts). "New code" closes every remote; the old cookies then open nothing.
 */
import { randomInt } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { JOIN_CODE_ALPHABET } from '../../core/lan';
import {
  createCodeLock,
  judgeWithLock,
  FORMER_CODES,
  refuseLockedUpgrade,
  refuseUpgrade,
  sendLockedPage,
  type CodeLock,
} from '../net/codeLock';
import { requestUrl, securityHeaders, sendGatePage } from '../net/http';
import type { AudienceGate } from '../net/lan';
import { readCookie, sameCode } from '../net/lanGate';
import type { Peer } from '../net/peer';
import type { ResponseStore } from '../store/responseStore';

/** 12 characters of the join code's alphabet: 60 bits, as the join code; it is scanned off the console, not typed. */
export const PRESENTER_CODE_LENGTH = 12;
export const PRESENTER_PARAM = 'presenter';
export const PRESENTER_COOKIE = 'ideale-presenter';
/** The remote's socket asks for this role in its address (`/ws?remote`), so a phone's socket is never a remote's. */
export const REMOTE_SOCKET_PARAM = 'remote';
/** Close code for remote sockets when the code is renewed or the remote switched off. */
export const REMOTES_ENDED = 4003;
const COOKIE_MAX_AGE_S = 24 * 3600;
const REMOTE_PATHS = new Set(['/remote', '/remote/']);

export function normalizePresenterCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== PRESENTER_CODE_LENGTH) return null;
  for (const char of code) if (!JOIN_CODE_ALPHABET.includes(char)) return null;
  return code;
}

export interface PresenterController {
  /** The code while the remote is switched on, else null. */
  activeCode(): string | null;
  enable(): void;
  disable(): void;
  newCode(): void;
  /** Remotes connected now. */
  remotes(): number;
  /** Puts the presenter's gate in front of `next` (audience mode's) on the network listener. */
  gateBefore(next: AudienceGate): AudienceGate;
}

interface Saved {
  enabled: boolean;
  code: string;
  former: string[];
}

function newCode(): string {
  let code = '';
  for (let i = 0; i < PRESENTER_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

function readSaved(raw: string | undefined): Saved | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as { enabled?: unknown; code?: unknown; former?: unknown };
    const code = typeof value.code === 'string' ? normalizePresenterCode(value.code) : null;
    const former = Array.isArray(value.former)
      ? value.former.flatMap((c) => (typeof c === 'string' ? (normalizePresenterCode(c) ?? []) : []))
      : [];
    return code ? { enabled: value.enabled === true, code, former } : null;
  } catch {
    return null;
  }
}

/** The presenter code, kept in the settings like the room code, so a restarted hub lets the same remotes in. */
export function createPresenter(store: ResponseStore, peers: () => Iterable<Peer>): PresenterController {
  const state = readSaved(store.getSetting('presenter')) ?? { enabled: false, code: newCode(), former: [] };
  const save = (): void => store.setSetting('presenter', JSON.stringify(state));
  const dropRemotes = (): void => {
    for (const peer of peers()) if (peer.remote) peer.socket.close(REMOTES_ENDED, 'presenter code ended');
  };
  const lock = createCodeLock({ normalize: normalizePresenterCode, former: () => state.former });
  const activeCode = (): string | null => (state.enabled ? state.code : null);
  return {
    activeCode,
    enable: () => {
      state.enabled = true;
      save();
    },
    disable: () => {
      state.enabled = false;
      save();
      dropRemotes();
    },
    newCode: () => {
      state.former = [state.code, ...state.former].slice(0, FORMER_CODES);
      state.code = newCode();
      save();
      dropRemotes();
    },
    remotes: () => {
      let n = 0;
      for (const peer of peers()) if (peer.remote && peer.role === 'remote') n++;
      return n;
    },
    gateBefore: (next) => presenterGate(activeCode, lock, next),
  };
}

type Verdict = 'pair' | 'in' | 'socket' | 'refused' | 'none';

/** What the presenter code does with a request: none when it carries no presenter code and is no remote's path. */
function verdictOf(req: IncomingMessage, code: string | null): { verdict: Verdict; typed: boolean; url: URL | null } {
  const url = requestUrl(req);
  if (!url) return { verdict: 'none', typed: false, url };
  const typed = url.searchParams.get(PRESENTER_PARAM);
  const cookie = readCookie(req.headers.cookie, PRESENTER_COOKIE);
  const right = (value: string | null): boolean =>
    code !== null && value !== null && sameCode(normalizePresenterCode(value), code);
  const path = url.pathname;
  const remotePage = REMOTE_PATHS.has(path);
  const remoteSocket = path === '/ws' && url.searchParams.has(REMOTE_SOCKET_PARAM);
  if (remotePage && right(typed) && req.method === 'GET') return { verdict: 'pair', typed: true, url };
  if (remotePage || remoteSocket) {
    if (right(cookie)) return { verdict: remoteSocket ? 'socket' : 'in', typed: false, url };
    return { verdict: 'refused', typed: typed !== null, url };
  }
  if (path.startsWith('/assets/') && right(cookie)) return { verdict: 'in', typed: false, url };
  return { verdict: 'none', typed: false, url };
}

/** The verdict with the lock: a locked address is not judged; a wrong presenter code counts toward its lock. */
function judge(req: IncomingMessage, active: () => string | null, lock: CodeLock) {
  const code = active();
  const gate = {
    codes: code === null ? [] : [code],
    param: PRESENTER_PARAM,
    cookie: PRESENTER_COOKIE,
    normalize: normalizePresenterCode,
  };
  return judgeWithLock(req, gate, lock, () => verdictOf(req, code));
}

function presenterGate(active: () => string | null, lock: CodeLock, next: AudienceGate): AudienceGate {
  return {
    request: (req, res) => {
      const judged = judge(req, active, lock);
      if (judged.locked !== null) {
        sendLockedPage(req, res, judged.locked, true);
        return 'handled';
      }
      if (judged.verdict === 'none') return next.request(req, res);
      if (judged.verdict === 'in') return 'in';
      if (judged.verdict === 'pair') {
        judged.url!.searchParams.delete(PRESENTER_PARAM);
        res.writeHead(303, {
          Location: `/remote/${judged.url!.search}`,
          'Set-Cookie': `${PRESENTER_COOKIE}=${active()}; Path=/; Max-Age=${COOKIE_MAX_AGE_S}; HttpOnly; SameSite=Strict`,
          'Cache-Control': 'no-store',
          ...securityHeaders(req),
        });
        res.end();
      } else sendRemoteRefusal(req, res, judged.typed);
      return 'handled';
    },
    upgrade: (req: IncomingMessage, socket: Socket) => {
      const judged = judge(req, active, lock);
      if (judged.locked !== null) refuseLockedUpgrade(socket, judged.locked);
      else if (judged.verdict === 'socket') return 'remote';
      else if (judged.verdict === 'none') return next.upgrade(req, socket);
      else refuseUpgrade(socket, '401 Unauthorized', 'Open /remote/ with the presenter code first.');
      return 'handled';
    },
    extraConnections: next.extraConnections,
  };
}

/** The page for a remote without a valid presenter code: a form to type it, in both languages. */
function sendRemoteRefusal(req: IncomingMessage, res: ServerResponse, typed: boolean): void {
  sendGatePage(
    req,
    res,
    401,
    (typed
      ? `<p role="alert" style="color:#fca5a5">Die presentatorcode klopt niet (meer). <span lang="en">That presenter code is not (or no longer) right.</span></p>`
      : '') +
      `<p>Scan de QR-code van de afstandsbediening in de console.</p>` +
      `<p lang="en">Scan the remote's QR code in the console.</p>` +
      `<form method="get" action="/remote/" style="display:flex;flex-direction:column;gap:12px">` +
      `<label for="code">Presentatorcode <span lang="en">(presenter code)</span></label>` +
      `<input id="code" name="${PRESENTER_PARAM}" required autocomplete="off" autocapitalize="characters" spellcheck="false" ` +
      `style="font:inherit;font-family:monospace;padding:8px;min-height:44px">` +
      `<button style="font:inherit;min-height:44px">Open <span lang="en">· open</span></button></form>`,
    { forms: true, phone: true },
  );
}
