import type { IncomingMessage, ServerResponse } from 'node:http';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/export/document';
import type { HubContext } from '../context';
import { bearerToken, requestUrl, sendJson } from '../net/http';
import { buildExport } from './build';
import { renderExport } from './render';

/** GET /export?format=xlsx with `Authorization: Bearer <session token>`: no session, no data. */
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
  const format = requestUrl(req)?.searchParams.get('format') ?? '';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    sendJson(res, 400, { error: `format must be one of ${EXPORT_FORMATS.join(', ')}` });
    return;
  }
  const instrument = ctx.live.instrument;
  const doc = buildExport(ctx.store, instrument, {
    event: ctx.settings.eventName,
    appVersion: ctx.appVersion,
    suppressBelow: ctx.settings.suppressBelow,
    timeZone: ctx.settings.timeZone,
    losses: ctx.losses.list((id) => ctx.store.has(id)),
  });
  renderExport(doc, format as ExportFormat, instrument)
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
