import { z } from 'zod';
import { clockTime, isoMinute } from './eventTime';

/**
 * One loss, or one stretch of answers that could not be stored, as the hub records it in the data folder
 * (`ideale-ambtenaar.losses.json`) until the organiser archives the day. The console shows it, every export carries
 * it in its stamp, and the export command will not pass it by in silence.
 *
 * - `fewer`: the database opened with fewer answers than were counted before (emptied, replaced, cut to 0 bytes).
 * - `damaged`: the file was damaged; it was set aside as `keptAs` and its readable answers carried into a fresh one.
 * - `wal-cut`: the write-ahead log was cut short, so its last commits were gone; kept aside as `keptAs`.
 * - `write-failed`: from `at` to `until`, `refused` answers could not be stored (disk full, rights): the devices keep
 *   such answers and send them again, so `lost` counts those that have not arrived since.
 * - `record-unreadable`: the record itself could not be read; what it held is unknown.
 */
export const lossRecordSchema = z.object({
  at: z.number(),
  kind: z.enum(['fewer', 'damaged', 'wal-cut', 'write-failed', 'record-unreadable']),
  /** Answers gone; null when how many cannot be known. */
  lost: z.number().int().nonnegative().nullable(),
  /** Answers counted before, and found, at the start that found it (null for `write-failed`). */
  expected: z.number().int().nonnegative().nullable(),
  found: z.number().int().nonnegative().nullable(),
  /** The file kept aside, in the data folder. */
  keptAs: z.string().nullable(),
  /** The last failure of a `write-failed` stretch. */
  until: z.number().nullable(),
  /** Distinct answers refused during a `write-failed` stretch. */
  refused: z.number().int().nonnegative(),
  /** What went wrong, one line in English, as the log says it. */
  reason: z.string().max(500),
});
export type LossRecord = z.infer<typeof lossRecordSchema>;

/** True when answers are (or may be) missing: a record of anything else is told, but blocks nothing. */
export const isLoss = (record: LossRecord): boolean => record.lost === null || record.lost > 0;

type Lang = 'nl' | 'en';

const WORDS = {
  nl: {
    lost: (n: number | null) =>
      n === null ? 'een onbekend aantal antwoorden verloren' : n === 0 ? 'niets verloren' : `${n} antwoorden verloren`,
    fewer: (r: LossRecord) => `de database had nog ${r.found} van de ${r.expected} antwoorden die eerder waren geteld`,
    damaged: (r: LossRecord) =>
      `de database was beschadigd; ${r.found} antwoorden zijn bewaard, het beschadigde bestand staat apart als ${r.keptAs}`,
    walCut: (r: LossRecord) =>
      `het logbestand van de database (-wal) was afgekapt; ${r.found} antwoorden zijn bewaard, het afgekapte bestand staat apart als ${r.keptAs}`,
    until: 'tot',
    failed: (r: LossRecord) =>
      `${r.refused} antwoorden konden niet worden opgeslagen (schijf vol of map niet beschrijfbaar)`,
    failedLost: (n: number | null) =>
      n === 0
        ? 'ze zijn later allemaal alsnog opgeslagen'
        : n === null
          ? 'niet bekend is hoeveel er later alsnog zijn opgeslagen'
          : `${n} daarvan ontbreken nog`,
    unreadable: () => 'het verliesregister in de datamap kon niet worden gelezen',
  },
  en: {
    lost: (n: number | null) =>
      n === null ? 'an unknown number of answers lost' : n === 0 ? 'nothing lost' : `${n} answers lost`,
    fewer: (r: LossRecord) => `the database held ${r.found} of the ${r.expected} answers counted before`,
    damaged: (r: LossRecord) =>
      `the database was damaged; ${r.found} answers were kept, the damaged file is kept as ${r.keptAs}`,
    walCut: (r: LossRecord) =>
      `the database's write-ahead log (-wal) was cut short; ${r.found} answers were kept, the cut file is kept as ${r.keptAs}`,
    until: 'to',
    failed: (r: LossRecord) => `${r.refused} answers could not be stored (disk full or folder not writable)`,
    failedLost: (n: number | null) =>
      n === 0
        ? 'all of them were stored later'
        : n === null
          ? 'how many were stored later is unknown'
          : `${n} of them are still missing`,
    unreadable: () => 'the record of losses in the data folder could not be read',
  },
};

/** " tot 11:42" when a stretch ended in another minute than it began (with the date when on another day). */
function stretchEnd(record: LossRecord, word: string, timeZone: string): string {
  const end = record.until ?? record.at;
  const [from, to] = [isoMinute(record.at, timeZone), isoMinute(end, timeZone)];
  if (from === to) return '';
  return ` ${word} ${from.slice(0, 10) === to.slice(0, 10) ? clockTime(end, timeZone) : to}`;
}

/** One line for a person: when, what happened, what was lost; clock times in the event's time zone. */
export function describeLoss(record: LossRecord, lang: Lang, timeZone: string): string {
  const w = WORDS[lang];
  const when = isoMinute(record.at, timeZone);
  switch (record.kind) {
    case 'fewer':
      return `${when}: ${w.fewer(record)}: ${w.lost(record.lost)}.`;
    case 'damaged':
      return `${when}: ${w.damaged(record)}: ${w.lost(record.lost)}.`;
    case 'wal-cut':
      return `${when}: ${w.walCut(record)}: ${w.lost(record.lost)}.`;
    case 'write-failed':
      return `${when}${stretchEnd(record, w.until, timeZone)}: ${w.failed(record)}; ${w.failedLost(record.lost)}.`;
    case 'record-unreadable':
      return `${when}: ${w.unreadable()}: ${w.lost(record.lost)}.`;
  }
}

/** The stamp's lines about losses, in Dutch as the exports are: one per record, or one that says none is recorded. */
export function stampLossLines(records: readonly LossRecord[], timeZone: string): string[] {
  if (records.length === 0) return ['geen vastgelegd'];
  return records.map((r) => `${isLoss(r) ? 'LET OP: ' : ''}${describeLoss(r, 'nl', timeZone)}`);
}

/** The stamp's label for those lines. */
export const STAMP_LOSS_LABEL = 'Verloren of niet opgeslagen antwoorden';
