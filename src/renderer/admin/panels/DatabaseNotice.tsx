import type { HubStatus } from '../../../core/messages';
import { useLang } from '../../common/useLang';

/**
 * What the hub found wrong with its database: shown at the top of the overview until the next such start. A loss
 * the data folder records is told by LossNotice; here only what it does not say (settings and the PIN).
 */
export function DatabaseNotice({ database }: { database: HubStatus['database'] }) {
  const { t, lang } = useLang();
  const recorded = database.losses.some((r) => r.at === database.recovery?.at);
  const note = database.recovery;
  const settingsLost = note?.settingsLost.filter((key) => key !== 'pin') ?? [];
  const untold = note !== null && (!recorded || note.settingsLost.length > 0);
  if (database.writable && !untold) return null;
  const time = note ? new Date(note.at).toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL') : '';
  return (
    <div className="notice error" role="alert" data-testid="database-notice">
      {!database.writable && <p>{t('console.database.notWritable')}</p>}
      {note && untold && (
        <p>
          {!recorded &&
            t(note.kind === 'damaged' ? 'console.database.damaged' : 'console.database.fewer', {
              time,
              readable: note.readable,
              unreadable: note.unreadable,
              file: note.keptAs ?? '',
            })}
          {!recorded && note.expected !== null && note.expected > note.readable && (
            <> {t('console.database.expected', { expected: note.expected })}</>
          )}
          {settingsLost.length > 0 && <> {t('console.database.settingsLost', { keys: settingsLost.join(', ') })}</>}
          {note.settingsLost.includes('pin') && <> {t('console.database.pinLost')}</>}
        </p>
      )}
    </div>
  );
}
