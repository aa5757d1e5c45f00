import type { LossRecord } from '../losses';
import type { CrowdPicture } from './crowdDots';
import type { LiveMomentInfo } from './liveTables';
import type { ExportTables } from './tables';

/** Who made the export, of what, and how it was protected: printed on every format. */
export interface ExportStamp {
  event: string;
  /** The first and the last counted response, ISO (UTC); null when there are none. */
  from: string | null;
  to: string | null;
  /** The event's time zone: hours in the tables and every clock time shown are read in it. */
  timeZone: string;
  generatedAt: string;
  appVersion: string;
  instrument: string;
  /** Stored answers this export leaves out because they belong to another instrument or version. */
  otherAnswers: number;
  /** Stored answers this export leaves out because the organiser set their network address aside (audience mode). */
  setAside: number;
  suppressBelow: number;
  /** What the data folder records as lost or not stored (core/losses.ts): every format prints it. */
  losses: LossRecord[];
  /** sha256 over the shown totals (see canonicalTotals). */
  checksum: string;
}

export interface ExportDocument extends ExportTables {
  stamp: ExportStamp;
  /** The report's crowd plot (crowdDots.ts): shown profiles only, nobody below the threshold. Drawn in the PDF only. */
  crowd: CrowdPicture;
  /** The talk's live moments ("De zaal in de zaal"): their words for the report; their counts are tables `live-n`. */
  live: LiveMomentInfo[];
}

/** The shown numbers in a canonical text form; hidden cells are "x". The checksum is taken over this. */
export function canonicalTotals(tables: ExportTables): string {
  const counts = tables.counts.map(
    (t) =>
      `${t.id}:${t.values.map((row, r) => row.map((v, c) => (t.hidden[r]![c] ? 'x' : String(v))).join(',')).join(';')}`,
  );
  const means = `${tables.means.id}:${tables.means.means.map((row) => row.map((v) => (v === null ? 'x' : v.toFixed(1))).join(',')).join(';')}`;
  return [...counts, means].join('\n');
}

export const EXPORT_FORMATS = ['csv', 'csv-semicolon', 'xlsx', 'json', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
