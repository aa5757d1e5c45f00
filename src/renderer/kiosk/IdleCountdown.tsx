import { useTranslation } from 'react-i18next';
import { useNow } from '../common/useNow';

/** The "still there?" overlay: the only part of the kiosk that ticks while the countdown runs. */
export function IdleCountdown({ until, onStay }: { until: number; onStay: () => void }) {
  const { t } = useTranslation();
  const now = useNow(250);
  const seconds = Math.max(0, Math.ceil((until - now) / 1000));
  return (
    <div
      className="idle-overlay"
      data-idle-overlay
      onClick={onStay}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="idle-title"
      aria-describedby="idle-body"
    >
      <div className="idle-card">
        <h2 id="idle-title">{t('idle.title')}</h2>
        <p id="idle-body" data-testid="idle-seconds">
          {t('idle.body', { seconds })}
        </p>
        <button className="primary" onClick={onStay} autoFocus>
          {t('idle.stay')}
        </button>
      </div>
    </div>
  );
}
// Named for React's developer tools and the render-count tests; minifying renames functions.
IdleCountdown.displayName = 'IdleCountdown';
