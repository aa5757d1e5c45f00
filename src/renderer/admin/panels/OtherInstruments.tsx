import { useTranslation } from 'react-i18next';
import type { HubStatus } from '../../../core/messages';

/**
 * Answers for an instrument other than the running one: those stored (a kiosk's outbox after a switch, or another
 * day) stay out of today's figures; those refused named an instrument that did not run today.
 */
export function OtherInstruments({ status }: { status: HubStatus }) {
  const { t } = useTranslation();
  if (status.otherInstruments.length === 0) return null;
  return (
    <div data-testid="other-instruments">
      {status.otherInstrument > 0 ? (
        <p data-testid="status-other">{t('console.otherInstrument', { count: status.otherInstrument })}</p>
      ) : (
        <p>{t('console.otherInstrumentsTitle')}</p>
      )}
      <ul>
        {status.otherInstruments.map((other) => (
          <li key={other.instrument} data-testid={`other-${other.instrument}`}>
            {other.title ? `${other.title} (${other.instrument})` : t('console.unknownInstrumentName')}:{' '}
            {t('console.otherStored', { count: other.stored })}
            {other.refused > 0 && <> · {t('console.otherRefused', { count: other.refused })}</>}
          </li>
        ))}
      </ul>
    </div>
  );
}
