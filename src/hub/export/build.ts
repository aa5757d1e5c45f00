import { createHash } from 'node:crypto';
import { canonicalTotals, type ExportDocument } from '../../core/export/document';
import { buildExportTables, exportRow, type ExportRow } from '../../core/export/tables';
import type { Instrument } from '../../core/instrument';
import type { ResponseStore } from '../responseStore';

const hourIso = (ms: number): string => {
  const d = new Date(ms);
  d.setMinutes(0, 0, 0);
  return d.toISOString();
};

/** Reads the real responses of an instrument and builds the stamped, suppressed export document. */
export function buildExport(
  store: ResponseStore,
  instrument: Instrument,
  options: { event: string; appVersion: string; suppressBelow: number; now?: Date },
): ExportDocument {
  const rows: ExportRow[] = [];
  let first = Infinity;
  let last = -Infinity;
  store.forEachForExport(instrument.id, instrument.version, (r) => {
    rows.push(exportRow(r, instrument, r.round, new Date(r.receivedAt).getHours()));
    first = Math.min(first, r.receivedAt);
    last = Math.max(last, r.receivedAt);
  });
  const tables = buildExportTables(instrument, rows, store.rounds(), options.suppressBelow);

  return {
    ...tables,
    stamp: {
      event: options.event,
      from: rows.length ? hourIso(first) : null,
      to: rows.length ? hourIso(last) : null,
      generatedAt: (options.now ?? new Date()).toISOString(),
      appVersion: options.appVersion,
      instrument: `${instrument.id}@${instrument.version}`,
      suppressBelow: options.suppressBelow,
      checksum: createHash('sha256').update(canonicalTotals(tables)).digest('hex'),
    },
  };
}
