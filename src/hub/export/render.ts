import { isoMinute } from '../../core/eventTime';
import { toCsv } from '../../core/export/csv';
import type { ExportDocument, ExportFormat } from '../../core/export/document';
import type { Instrument } from '../../core/instrument';
import { toPdf, type ReportOptions } from './pdf';
import { toXlsx } from './xlsx';

export interface RenderedExport {
  body: Buffer;
  contentType: string;
  fileName: string;
}

/** Turns the export document into the file of the chosen format. */
export async function renderExport(
  doc: ExportDocument,
  format: ExportFormat,
  instrument: Instrument,
  report: ReportOptions = { lang: 'nl' },
): Promise<RenderedExport> {
  // The event's day, not UTC's: an export made at 00:30 in Amsterdam belongs to the new day.
  const day = isoMinute(Date.parse(doc.stamp.generatedAt), doc.stamp.timeZone).slice(0, 10);
  const base = `ideale-ambtenaar-totalen-${day}`;
  switch (format) {
    case 'csv':
    case 'csv-semicolon':
      return {
        body: Buffer.from(toCsv(doc, format === 'csv' ? 'comma' : 'semicolon'), 'utf8'),
        contentType: 'text/csv; charset=utf-8',
        fileName: `${base}${format === 'csv' ? '' : '-puntkomma'}.csv`,
      };
    case 'json':
      return {
        body: Buffer.from(JSON.stringify(jsonView(doc), null, 2), 'utf8'),
        contentType: 'application/json; charset=utf-8',
        fileName: `${base}.json`,
      };
    case 'xlsx':
      return {
        body: await toXlsx(doc),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        fileName: `${base}.xlsx`,
      };
    case 'pdf':
      return {
        body: await toPdf(doc, instrument, report),
        contentType: 'application/pdf',
        fileName: `${base}${report.lang === 'en' ? '-en' : ''}.pdf`,
      };
  }
}

/** JSON with suppressed cells as null, so no hidden number is in the file at all. */
function jsonView(doc: ExportDocument): unknown {
  return {
    stamp: doc.stamp,
    tables: doc.counts.map((t) => ({
      id: t.id,
      title: t.title,
      rowHeader: t.rowHeader,
      rows: [...t.rowLabels, 'Totaal'],
      columns: t.colLabels,
      values: t.values.map((row, r) => row.map((v, c) => (t.hidden[r]![c] ? null : v))),
    })),
    meanMix: {
      title: doc.means.title,
      rows: doc.means.rowLabels,
      columns: doc.means.colLabels,
      n: doc.means.n,
      values: doc.means.means,
    },
    codebook: doc.codebook,
  };
}
