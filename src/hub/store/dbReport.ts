import { DEFAULT_TIME_ZONE } from '../../core/eventTime';
import { describeLoss } from '../../core/losses';
import type { RecoveryNote } from '../../core/messages';
import { recoveryNoteSchema } from '../../core/messages';
import type { OpenReport } from './db';
import { LOSSES_FILE } from './lossLedger';
import type { ResponseStore } from './responseStore';

/** The start's findings about the database, loud enough to be found in a supervisor's log. */
export function logOpenReport(report: OpenReport, log: (line: string) => void): void {
  const note = report.recovery;
  const before = note?.expected === null || note === undefined ? '' : `, ${note.expected} recorded before`;
  if (note?.kind === 'damaged')
    log(
      `DATABASE DAMAGED (${report.problems.join('; ')}): it was kept as ${report.quarantined} and a new one started with the ${note.readable} readable answers (${note.unreadable} unreadable${before}).` +
        (note.settingsLost.length > 0 ? ` Settings that could not be read: ${note.settingsLost.join(', ')}.` : ''),
    );
  else if (note?.kind === 'fewer')
    log(
      `DATABASE LOST ANSWERS: it holds ${note.readable} answers${before}. Look for a copy in archives/ and beside ${report.file}.`,
    );
  if (report.loss) {
    const kept = report.lossRecorded ? `recorded in ${LOSSES_FILE}, every export says so` : 'NOT RECORDED';
    log(`DATABASE LOST ANSWERS: ${describeLoss(report.loss, 'en', DEFAULT_TIME_ZONE)} (${kept})`);
  }
  for (const line of report.notes) log(`Database: ${line}.`);
  if (!report.writable)
    log(
      `DATABASE NOT WRITABLE: ${report.file} cannot be written (rights or disk); answers are not saved until it is fixed and the hub restarted.`,
    );
}

/** The last start's findings about the database, as kept in its settings; null when there were none. */
export function lastRecovery(store: ResponseStore): RecoveryNote | null {
  const saved = store.getSetting('recovery');
  if (saved === undefined) return null;
  try {
    const parsed = recoveryNoteSchema.safeParse(JSON.parse(saved));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
