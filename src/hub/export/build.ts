import { createHash } from 'node:crypto';
import { canonicalTotals, type ExportDocument } from '../../core/export/document';
import { buildExportTables } from '../../core/export/tables';
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
  const stored = store.listForExport(instrument.id, instrument.version);
  const rows = stored.map((r) => ({
    answers: r.answers,
    casus: r.casus,
    context: r.context,
    round: r.round,
    hour: new Date(r.receivedAt).getHours(),
  }));
  const tables = buildExportTables(instrument, rows, store.rounds(), options.suppressBelow);
  let first = Infinity;
  let last = -Infinity;
  for (const r of stored) {
    first = Math.min(first, r.receivedAt);
    last = Math.max(last, r.receivedAt);
  }
  return {
    ...tables,
    stamp: {
      event: options.event,
      from: stored.length ? hourIso(first) : null,
      to: stored.length ? hourIso(last) : null,
      generatedAt: (options.now ?? new Date()).toISOString(),
      appVersion: options.appVersion,
      instrument: `${instrument.id}@${instrument.version}`,
      suppressBelow: options.suppressBelow,
      checksum: createHash('sha256').update(canonicalTotals(tables)).digest('hex'),
    },
  };
}
