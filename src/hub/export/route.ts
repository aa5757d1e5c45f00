import type { IncomingMessage, ServerResponse } from 'node:http';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/export/document';
import { LANGUAGES, type Language } from '../../core/instrument';
import type { HubContext } from '../context';
import { bearerToken, requestUrl, sendJson } from '../net/http';
import { exportMoment } from '../live/liveStore';
import { buildExport } from './build';
import { renderExport } from './render';

/**
 * GET /export?format=xlsx[&lang=en] with `Authorization: Bearer <session token>`: no session, no data. `lang` is the
 * day report's language (the stand's default language when absent).
 */
export function handleExportRequest(ctx: HubContext, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET') {
    sendJson(res, 405, { error: 'method not allowed' });
    return;
  }
  const token = bearerToken(req);
  if (!token || !ctx.auth.isValid(token)) {
    sendJson(res, 401, { error: 'log in with the organiser PIN first' });
    return;
  }
  const query = requestUrl(req)?.searchParams;
  const format = query?.get('format') ?? '';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    sendJson(res, 400, { error: `format must be one of ${EXPORT_FORMATS.join(', ')}` });
    return;
  }
  // The report's language: asked for, else the stand's default language.
  const lang = query?.get('lang') ?? ctx.settings.defaultLang;
  if (!(LANGUAGES as readonly string[]).includes(lang)) {
    sendJson(res, 400, { error: `lang must be one of ${LANGUAGES.join(', ')}` });
    return;
  }
  const instrument = ctx.live.instrument;
  const doc = buildExport(ctx.store, instrument, {
    event: ctx.settings.eventName,
    appVersion: ctx.appVersion,
    suppressBelow: ctx.settings.suppressBelow,
    timeZone: ctx.settings.timeZone,
    now: new Date(ctx.now()),
    losses: ctx.losses.list((id) => ctx.store.has(id)),
    moments: ctx.moments.store.closed().map(exportMoment),
  });
  renderExport(doc, format as ExportFormat, instrument, { lang: lang as Language, fontsDir: ctx.fontsDir })
    .then((file) => {
      res.writeHead(200, {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(file.body);
    })
    .catch((error: unknown) => {
      ctx.log(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
      sendJson(res, 500, { error: 'the export failed' });
    });
}
