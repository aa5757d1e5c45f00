import { createHash } from 'node:crypto';
import { canonicalTotals, type ExportDocument } from '../../core/export/document';
import { buildExportTables, countedSize, exportRow, type ExportRow } from '../../core/export/tables';
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
  const times: number[] = [];
  store.forEachForExport(instrument.id, instrument.version, (r) => {
    rows.push(exportRow(r, instrument, r.round, new Date(r.receivedAt).getHours()));
    times.push(r.receivedAt);
  });
  const tables = buildExportTables(instrument, rows, store.rounds(), options.suppressBelow);
  // The period covers the responses the tables count (whole groups, see countedSize), not the ones still waiting.
  const counted = times.slice(0, countedSize(times.length, options.suppressBelow));
  const first = counted.reduce((a, b) => Math.min(a, b), Infinity);
  const last = counted.reduce((a, b) => Math.max(a, b), -Infinity);

  return {
    ...tables,
    stamp: {
      event: options.event,
      from: counted.length ? hourIso(first) : null,
      to: counted.length ? hourIso(last) : null,
      generatedAt: (options.now ?? new Date()).toISOString(),
      appVersion: options.appVersion,
      instrument: `${instrument.id}@${instrument.version}`,
      // Versions are never mixed: answers to another one are counted here, so the export says what it leaves out.
      otherAnswers: store.count({ rehearsal: false }) - rows.length,
      suppressBelow: options.suppressBelow,
      checksum: createHash('sha256').update(canonicalTotals(tables)).digest('hex'),
    },
  };
}
