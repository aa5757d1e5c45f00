import { createHash } from 'node:crypto';
import { hourIn } from '../../core/eventTime';
import { canonicalTotals, type ExportDocument } from '../../core/export/document';
import { crowdDots } from '../../core/export/crowdDots';
import { BALANCED } from '../../core/export/profileLabels';
import { buildExportTables, countedSize, exportRow, type ExportRow } from '../../core/export/tables';
import { leadingType } from '../../core/scoring';
import type { Instrument } from '../../core/instrument';
import type { LossRecord } from '../../core/losses';
import type { ResponseStore } from '../store/responseStore';

/** Reads the real responses of an instrument and builds the stamped, suppressed export document. */
export function buildExport(
  store: ResponseStore,
  instrument: Instrument,
  options: {
    event: string;
    appVersion: string;
    suppressBelow: number;
    timeZone: string;
    /** What the data folder records as lost or not stored: carried in the stamp. */
    losses: LossRecord[];
    now?: Date;
  },
): ExportDocument {
  const rows: ExportRow[] = [];
  const times: number[] = [];
  const ids: string[] = [];
  store.forEachForExport(instrument.id, instrument.version, (r) => {
    rows.push(exportRow(r, instrument, r.round, hourIn(r.receivedAt, options.timeZone)));
    times.push(r.receivedAt);
    ids.push(r.id);
  });
  const tables = buildExportTables(instrument, rows, store.rounds(), options.suppressBelow);
  // The period covers the responses the tables count (whole groups, see countedSize), not the ones still waiting.
  const counted = times.slice(0, countedSize(times.length, options.suppressBelow));
  const first = counted.reduce((a, b) => Math.min(a, b), Infinity);
  const last = counted.reduce((a, b) => Math.max(a, b), -Infinity);
  const typeIds = instrument.types.map((t) => t.id);
  const casus = tables.counts.find((t) => t.id === 'casus')!;
  const totalRow = casus.hidden[casus.hidden.length - 1]!;
  const shownLeads = new Set([...typeIds, BALANCED].filter((_, c) => !totalRow[c]));
  const crowd = crowdDots(
    counted.map((_, i) => ({
      id: ids[i]!,
      shares: rows[i]!.profile.shares,
      lead: leadingType(rows[i]!.profile.label) ?? BALANCED,
    })),
    typeIds,
    shownLeads,
    options.suppressBelow,
  );

  return {
    ...tables,
    crowd,
    stamp: {
      event: options.event,
      from: counted.length ? new Date(first).toISOString() : null,
      to: counted.length ? new Date(last).toISOString() : null,
      timeZone: options.timeZone,
      generatedAt: (options.now ?? new Date()).toISOString(),
      appVersion: options.appVersion,
      instrument: `${instrument.id}@${instrument.version}`,
      // Versions are never mixed: answers to another one are counted here, so the export says what it leaves out.
      otherAnswers: store.count({ rehearsal: false }) - rows.length,
      suppressBelow: options.suppressBelow,
      losses: options.losses,
      checksum: createHash('sha256').update(canonicalTotals(tables)).digest('hex'),
    },
  };
}
