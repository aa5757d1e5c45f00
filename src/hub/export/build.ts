/**
 * The export room: one export document built from the store (this module), with the suppression over the whole
 * document in core/export, rendered as CSV, XLSX, JSON or the PDF day report (render.ts; every PDF through
 * pdf/document.ts) and served to the console at /export (route.ts) or written by the export command.
 */
import { createHash } from 'node:crypto';
import { hourIn } from '../../core/eventTime';
import { canonicalTotals, type ExportDocument } from '../../core/export/document';
import { crowdPicture } from '../../core/export/crowdDots';
import { BALANCED } from '../../core/export/profileLabels';
import { buildLiveTables, type LiveMomentInput } from '../../core/export/liveTables';
import { buildExportTables, countedSize, exportRow, type ExportRow } from '../../core/export/tables';
import { labelKey, leadingType } from '../../core/scoring';
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
    /** What the data folder records as lost or not stored, carried in the stamp (none when absent). */
    losses?: LossRecord[];
    /** The talk's closed live moments (live/liveStore.ts), each its own small table. */
    moments?: LiveMomentInput[];
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
  const diagnostic = buildExportTables(instrument, rows, store.rounds(), options.suppressBelow);
  const live = buildLiveTables(options.moments ?? [], instrument, options.suppressBelow, options.timeZone);
  const tables = {
    ...diagnostic,
    counts: [...diagnostic.counts, ...live.tables],
    codebook: [...diagnostic.codebook, ...live.codebook],
  };
  // The period covers the responses the tables count (whole groups, see countedSize), not the ones still waiting.
  const counted = times.slice(0, countedSize(times.length, options.suppressBelow));
  const first = counted.reduce((a, b) => Math.min(a, b), Infinity);
  const last = counted.reduce((a, b) => Math.max(a, b), -Infinity);
  const crowd = crowdOf(tables, rows, ids, counted.length, instrument, options.suppressBelow);

  return {
    ...tables,
    crowd,
    live: live.info,
    stamp: {
      event: options.event,
      from: counted.length ? new Date(first).toISOString() : null,
      to: counted.length ? new Date(last).toISOString() : null,
      timeZone: options.timeZone,
      generatedAt: (options.now ?? new Date()).toISOString(),
      appVersion: options.appVersion,
      instrument: `${instrument.id}@${instrument.version}`,
      // Versions are never mixed: answers to another one are counted here, so the export says what it leaves out.
      otherAnswers: store.count({ rehearsal: false, setAside: false }) - rows.length,
      setAside: store.count({ rehearsal: false, setAside: true }),
      suppressBelow: options.suppressBelow,
      losses: options.losses ?? [],
      checksum: createHash('sha256').update(canonicalTotals(tables)).digest('hex'),
    },
  };
}

/** The crowd plot: the members of the profiles the tables show, and nobody else (crowdDots.ts). */
function crowdOf(
  tables: ReturnType<typeof buildExportTables>,
  rows: readonly ExportRow[],
  ids: readonly string[],
  counted: number,
  instrument: Instrument,
  suppressBelow: number,
): ReturnType<typeof crowdPicture> {
  const profiles = tables.counts.find((t) => t.id === 'profielen')!;
  const shownProfiles = new Set(profiles.rowKeys!.filter((_, r) => !profiles.hidden[r]![0]));
  return crowdPicture(
    rows.slice(0, counted).map((row, i) => ({
      id: ids[i]!,
      shares: row.profile.shares,
      lead: leadingType(row.profile.label) ?? BALANCED,
      profile: labelKey(row.profile.label),
      fit: row.profile.fit,
    })),
    instrument.types.map((t) => t.id),
    instrument.scoring,
    shownProfiles,
    suppressBelow,
  );
}
