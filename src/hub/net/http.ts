import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/**
 * The URL of a request, or null when the request line is not a URL we can read ("///%F2…" and the like make
 * `new URL` throw, which must never reach the process).
 */
export function requestUrl(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://hub');
  } catch {
    return null;
  }
}

/** The path of a request, or null when it cannot be read (see requestUrl). */
export function requestPath(req: IncomingMessage): string | null {
  return requestUrl(req)?.pathname ?? null;
}

/** The pages the hub serves; each is a folder of the renderer build. */
export const PAGES = ['kiosk', 'projector', 'admin', 'phone', 'preview', 'remote', 'workshop'] as const;

/** The console's preview of a draft: the only page another page (the console, on this hub) may frame. */
export const FRAMED_PAGE = 'preview';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Content Security Policy for every page: nothing but this hub, no inline script, no remote content. The socket's
 * address is named as well, for browsers whose 'self' does not cover ws: (older Safari); without a host that passed
 * `safeHost`, 'self' alone.
 */
export function contentSecurityPolicy(host: string | null, { forms = false, framed = false } = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    host === null ? "connect-src 'self'" : `connect-src 'self' ws://${host}`,
    "object-src 'none'",
    "base-uri 'none'",
    forms ? "form-action 'self'" : "form-action 'none'",
    framed ? "frame-ancestors 'self'" : "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The Host header when it is a plain host name or address with an optional port, else null. It goes into the
 * policy below, and a header is whatever the client typed: "x; script-src *" must not become part of the policy.
 */
export function safeHost(host: string | undefined): string | null {
  if (host === undefined) return null;
  return /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/.test(
    host,
  )
    ? host
    : null;
}

/** Headers for every page; `forms` lets a page submit a form to this hub (only the pairing page does). */
export function securityHeaders(req: IncomingMessage, { forms = false, framed = false } = {}): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(safeHost(req.headers.host), { forms, framed }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/**
 * A short page the network gates answer with (not paired, wrong code, not on this device): the app's name and
 * `body`, under the headers of every page. `forms` lets its form submit to this hub; `phone` sets it for a phone's
 * screen.
 */
export function sendGatePage(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: string,
  { forms = false, phone = false } = {},
): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    ...securityHeaders(req, { forms }),
  });
  const frame = phone
    ? 'font:1.125rem/1.5 system-ui,sans-serif;max-width:30rem;margin:2rem auto'
    : 'font:1.25rem/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto';
  res.end(
    `<!doctype html><html lang="nl"><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
      `<title>De Ideale Ambtenaar</title><main style="${frame};padding:0 1rem">` +
      `<h1>De Ideale Ambtenaar</h1>${body}</main></html>`,
  );
}

/** Serves the built pages and their assets; returns false when the path is not a page route. */
export function servePages(pagesDir: string, req: IncomingMessage, res: ServerResponse): boolean {
  const path = requestPath(req);
  if (path === null) return false;
  if (path === '/') {
    res.writeHead(302, { Location: '/kiosk', ...securityHeaders(req) }).end();
    return true;
  }
  const page = PAGES.find((p) => path === `/${p}` || path === `/${p}/`);
  if (page) return sendFile(join(pagesDir, page, 'index.html'), req, res, 'no-cache', page === FRAMED_PAGE);
  if (path.startsWith('/assets/')) {
    let file: string;
    try {
      file = normalize(join(pagesDir, decodeURIComponent(path)));
    } catch {
      return false;
    }
    if (!file.startsWith(join(pagesDir, 'assets') + sep)) return false;
    return sendFile(file, req, res, 'public, max-age=31536000, immutable');
  }
  return false;
}

function sendFile(file: string, req: IncomingMessage, res: ServerResponse, cache: string, framed = false): boolean {
  if (!existsSync(file) || !statSync(file).isFile()) return false;
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': cache,
    ...securityHeaders(req, { framed }),
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
  return true;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** The session token of an `Authorization: Bearer …` header. */
export function bearerToken(req: IncomingMessage): string | null {
  return /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? null;
}
