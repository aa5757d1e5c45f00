import type { IncomingMessage, ServerResponse } from 'node:http';
import { LANGUAGES, type Language } from '../../core/instrument';
import type { HubContext } from '../context';
import { bearerToken, requestUrl, sendJson } from '../net/http';
import { workshopReportPdf } from './workshopReport';

export const WORKSHOP_REPORT_PATH = '/export/workshop';

/**
 * GET /export/workshop?id=<workshop>[&lang=en] with the session token: the facilitator's session report (PDF). It
 * shows what the shared screen may show, over everyone who takes part now (no step memory: a report is read after
 * the session), and no one's own mix but under the nickname they chose to show. Never over the network.
 */
export function handleWorkshopReport(ctx: HubContext, req: IncomingMessage, res: ServerResponse): void {
  const token = bearerToken(req);
  if (req.method !== 'GET') return sendJson(res, 405, { error: 'method not allowed' });
  if (!token || !ctx.auth.isValid(token)) return sendJson(res, 401, { error: 'log in with the organiser PIN first' });
  const query = requestUrl(req)?.searchParams;
  const lang = query?.get('lang') ?? ctx.settings.defaultLang;
  if (!(LANGUAGES as readonly string[]).includes(lang))
    return sendJson(res, 400, { error: `lang must be one of ${LANGUAGES.join(', ')}` });
  const workshop = ctx.workshops.get(query?.get('id') ?? '');
  const instrument = workshop ? ctx.workshops.instrumentOf(workshop) : null;
  const screen = workshop ? ctx.workshops.reportScreen(workshop.id) : null;
  if (!workshop || !instrument || !screen) return sendJson(res, 404, { error: 'no such workshop' });
  workshopReportPdf(
    { workshop: { name: workshop.name, date: workshop.date, phase: workshop.phase }, instrument, screen },
    { lang: lang as Language, fontsDir: ctx.fontsDir, now: ctx.now(), timeZone: ctx.settings.timeZone },
  )
    .then((body) => {
      res.writeHead(200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="workshop-${workshop.date}-${lang}.pdf"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(body);
    })
    .catch((error: unknown) => {
      ctx.log(`Workshop report failed: ${error instanceof Error ? error.message : String(error)}`);
      sendJson(res, 500, { error: 'the workshop report failed' });
    });
}
