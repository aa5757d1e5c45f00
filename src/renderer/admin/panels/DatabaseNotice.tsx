import type { HubStatus } from '../../../core/messages';
import { useLang } from '../../common/useLang';

/** What the hub found wrong with its database: shown at the top of the overview until the next such start. */
export function DatabaseNotice({ database }: { database: HubStatus['database'] }) {
  const { t, lang } = useLang();
  const note = database.recovery;
  if (database.writable && !note) return null;
  const time = note ? new Date(note.at).toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL') : '';
  const settingsLost = note?.settingsLost.filter((key) => key !== 'pin') ?? [];
  return (
    <div className="notice error" role="alert" data-testid="database-notice">
      {!database.writable && <p>{t('console.database.notWritable')}</p>}
      {note && (
        <p>
          {t(note.kind === 'damaged' ? 'console.database.damaged' : 'console.database.fewer', {
            time,
            readable: note.readable,
            unreadable: note.unreadable,
            file: note.keptAs ?? '',
          })}
          {note.expected !== null && note.expected > note.readable && (
            <> {t('console.database.expected', { expected: note.expected })}</>
          )}
          {settingsLost.length > 0 && <> {t('console.database.settingsLost', { keys: settingsLost.join(', ') })}</>}
          {note.settingsLost.includes('pin') && <> {t('console.database.pinLost')}</>}
        </p>
      )}
    </div>
  );
}
