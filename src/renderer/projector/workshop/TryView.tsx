import type { WorkshopScreen } from '../../../core/workshop';
import { useLang } from '../../common/useLang';
import { density } from './AsksView';

/** Phase 4, "what we will try": the commitments participants chose to share, as a wall without names. */
export function TryView({ screen }: { screen: WorkshopScreen }) {
  const { t } = useLang();
  return (
    <section className="ws-try" aria-labelledby="ws-wall-title" data-testid="ws-try">
      <h2 id="ws-wall-title" className="ws-section-title">
        {t('workshopScreen.wall')}
      </h2>
      {screen.commitments.length === 0 ? (
        <p className="ws-empty">{t('workshopScreen.wallEmpty')}</p>
      ) : (
        <ul className={`ws-wall ${density(screen.commitments.length)}`} data-testid="ws-wall">
          {screen.commitments.map((text, i) => (
            <li key={i}>{text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
