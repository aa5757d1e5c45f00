import type { IncomingMessage, ServerResponse } from 'node:http';
import { findInstrument, LANGUAGES, type Language } from '../../core/instrument';
import type { HubContext } from '../context';
import { bearerToken, requestUrl, sendJson } from '../net/http';
import { pilotSheetPdf } from './pilotSheet';

export const PILOT_PATH = '/export/pilot';

/**
 * GET /export/pilot?instrument=<id>&part=sheet|key[&lang=en] with the session token: a draft's pilot sheet (options
 * lettered, types hidden) or its key, as PDF. The draft when there is one, else the newest version; never over the
 * network (routes.ts keeps /export* on the hub's own computer).
 */
export function handlePilotRequest(ctx: HubContext, req: IncomingMessage, res: ServerResponse): void {
  const token = bearerToken(req);
  if (req.method !== 'GET') return sendJson(res, 405, { error: 'method not allowed' });
  if (!token || !ctx.auth.isValid(token)) return sendJson(res, 401, { error: 'log in with the organiser PIN first' });
  const query = requestUrl(req)?.searchParams;
  const id = query?.get('instrument') ?? '';
  const part = query?.get('part') ?? '';
  const lang = query?.get('lang') ?? ctx.settings.defaultLang;
  if (part !== 'sheet' && part !== 'key') return sendJson(res, 400, { error: 'part must be sheet or key' });
  if (!(LANGUAGES as readonly string[]).includes(lang))
    return sendJson(res, 400, { error: `lang must be one of ${LANGUAGES.join(', ')}` });
  const instrument = ctx.library.draft(id) ?? findInstrument(ctx.instruments, id);
  if (!instrument) return sendJson(res, 404, { error: 'no such instrument' });
  pilotSheetPdf(instrument, {
    lang: lang as Language,
    part,
    fontsDir: ctx.fontsDir,
    now: ctx.now(),
    timeZone: ctx.settings.timeZone,
  })
    .then((body) => {
      res.writeHead(200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${instrument.id}-${part === 'key' ? 'sleutel' : 'proef'}-${lang}.pdf"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(body);
    })
    .catch((error: unknown) => {
      ctx.log(`Pilot sheet failed: ${error instanceof Error ? error.message : String(error)}`);
      sendJson(res, 500, { error: 'the pilot sheet failed' });
    });
}
