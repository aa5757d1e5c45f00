import { clockTime } from '../../../core/eventTime';
import { describeLoss, isLoss } from '../../../core/losses';
import type { HubStatus } from '../../../core/messages';
import { useLang } from '../../common/useLang';

/**
 * The alarm for answers that cannot be stored now and for what the data folder records as lost: red until the
 * writes succeed again, and the record until the day is archived. The overview shows it whole; the export panel
 * (`inExport`) says what it means for the files it makes.
 */
export function LossNotice({
  database,
  timeZone,
  inExport = false,
}: {
  database: HubStatus['database'];
  timeZone: string;
  inExport?: boolean;
}) {
  const { t, lang } = useLang();
  const lost = database.losses.filter(isLoss);
  const told = database.losses.filter((r) => !isLoss(r));
  const { writes } = database;
  if (!writes.failing && database.losses.length === 0) return null;
  return (
    <div className="losses" data-testid={inExport ? 'export-losses' : 'losses'}>
      {writes.failing && (
        <div className="alarm" role="alert">
          <h3>{t('console.losses.failingTitle')}</h3>
          {/* `since` is set whenever writes fail (losses.ts). */}
          <p>{t('console.losses.failing', { time: clockTime(writes.since ?? 0, timeZone) })}</p>
          {/* The count grows with every try: not read out again each time. */}
          <p aria-live="off">{t('console.losses.failedTries', { count: writes.failed })}</p>
        </div>
      )}
      {lost.length > 0 && (
        <div className="alarm" role="alert">
          <h3>{t('console.losses.lostTitle')}</h3>
          {inExport && <p>{t('console.losses.exportLost')}</p>}
          <ul>
            {lost.map((r) => (
              <li key={`${r.kind}-${r.at}`}>{describeLoss(r, lang, timeZone)}</li>
            ))}
          </ul>
          {!inExport && <p>{t('console.losses.kept')}</p>}
        </div>
      )}
      {told.length > 0 && (
        <div className="told">
          <h3>{t('console.losses.toldTitle')}</h3>
          {inExport && <p>{t('console.losses.exportTold')}</p>}
          <ul>
            {told.map((r) => (
              <li key={`${r.kind}-${r.at}`}>{describeLoss(r, lang, timeZone)}</li>
            ))}
          </ul>
          {!inExport && <p>{t('console.losses.kept')}</p>}
        </div>
      )}
    </div>
  );
}
