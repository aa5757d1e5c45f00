/**
 * Network mode's gate: the join code, how a request proves it (the query once, then an HttpOnly cookie), the
 * addresses devices are offered, and the page a refused request gets. The listener itself is lan.ts.
 */
import { randomInt, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NetworkInterfaceInfo } from 'node:os';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, JOIN_PARAM, normalizeJoinCode } from '../../core/lan';
import { requestUrl, sendGatePage } from './http';

/** The cookie a paired browser keeps, so reloads, assets and the WebSocket need no code in the URL. */
export const JOIN_COOKIE = 'ideale-join';
const COOKIE_MAX_AGE_S = 14 * 24 * 3600;

/** The Set-Cookie value that pairs a browser with `code` for two weeks. */
export const joinCookie = (code: string): string =>
  `${JOIN_COOKIE}=${code}; Path=/; Max-Age=${COOKIE_MAX_AGE_S}; HttpOnly; SameSite=Strict`;

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

function isPrivate(address: string): boolean {
  return /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(address);
}

/** The computer's IPv4 addresses other devices can reach: no loopback, no link-local; private ranges first. */
export function lanAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string[] {
  const found = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((i) => i.family === 'IPv4' && !i.internal && !i.address.startsWith('169.254.'))
    .map((i) => i.address);
  return [...new Set(found)].sort((a, b) => Number(isPrivate(b)) - Number(isPrivate(a)) || a.localeCompare(b));
}

/** Compares a code a request carried with the expected one in constant time; null never matches. */
export function sameCode(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The value of cookie `name` in a Cookie header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

function cookieCode(header: string | undefined): string | null {
  const value = readCookie(header, JOIN_COOKIE);
  return value === null ? null : normalizeJoinCode(value);
}

/**
 * What a request on the network listener may do: come in (its cookie or query carries the code), pair (a page
 * opened with the right code: set the cookie and send it to the same page without the code in the address bar), or
 * nothing. Health checks need no code; they tell nothing.
 */
export function admission(
  req: IncomingMessage,
  expected: string,
): { kind: 'in' } | { kind: 'pair'; location: string } | { kind: 'refused' } {
  const url = requestUrl(req);
  if (!url) return { kind: 'refused' };
  if (url.pathname === '/healthz') return { kind: 'in' };
  const typed = url.searchParams.get(JOIN_PARAM);
  if (sameCode(typed === null ? null : normalizeJoinCode(typed), expected)) {
    if (url.pathname === '/ws' || req.method !== 'GET') return { kind: 'in' };
    url.searchParams.delete(JOIN_PARAM);
    return { kind: 'pair', location: url.pathname + url.search };
  }
  return sameCode(cookieCode(req.headers.cookie), expected) ? { kind: 'in' } : { kind: 'refused' };
}

/**
 * A short bilingual page for someone who opened the hub without pairing (with a form to type the join code, for a
 * laptop without a camera: the organiser reads the code aloud), or the console from another device.
 */
export function sendRefusal(req: IncomingMessage, res: ServerResponse, status: 401 | 403): void {
  const typedCode = requestUrl(req)?.searchParams.has(JOIN_PARAM) ?? false;
  const body =
    status === 403
      ? `<p>Het beheer werkt alleen op de computer van de hub zelf.</p>` +
        `<p lang="en">The console only works on the hub’s own computer.</p>`
      : (typedCode
          ? `<p role="alert" style="color:#fca5a5">Die koppelcode klopt niet. <span lang="en">That join code is not right.</span></p>`
          : '') +
        `<p>Dit apparaat is nog niet gekoppeld aan de hub. Scan de QR-code in het beheer van de hub, of typ hier de koppelcode.</p>` +
        `<p lang="en">This device is not paired with the hub. Scan the QR code in the hub’s console, or type the join code here.</p>` +
        `<form method="get" action="/kiosk/" style="display:flex;flex-direction:column;gap:12px;max-width:22rem">` +
        `<label for="join">Koppelcode <span lang="en">(join code)</span></label>` +
        `<input id="join" name="${JOIN_PARAM}" required autocomplete="off" autocapitalize="characters" spellcheck="false" ` +
        `placeholder="ABCD-EFGH-JKMN" style="font:inherit;font-family:monospace;padding:8px;min-height:44px">` +
        `<button formaction="/kiosk/" style="font:inherit;min-height:44px">Koppel als kiosk <span lang="en">· pair as kiosk</span></button>` +
        `<button formaction="/projector/" style="font:inherit;min-height:44px">Koppel als projectie <span lang="en">· pair as projection</span></button>` +
        `</form>`;
  // The pairing form submits to this hub; everything else in the policy stays as strict as on every page.
  sendGatePage(req, res, status, body, { forms: status === 401 });
}
