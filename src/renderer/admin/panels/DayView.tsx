import { useLang } from '../../common/useLang';
import { useConsole } from '../store';
import { ArrivalsChart } from './ArrivalsChart';
import { CrowdMap } from './CrowdMap';

/** The day at a glance: arrivals per ten minutes and the crowd so far (real visitors; rehearsal ones apart). */
export function DayView() {
  const { t } = useLang();
  const status = useConsole((s) => s.status);
  const instrument = useConsole((s) => s.instrument);
  const settings = useConsole((s) => s.settings);
  const crowd = useConsole((s) => s.crowd);
  if (!status || !instrument || !settings) return null;
  return (
    <section className="panel" aria-labelledby="day-title">
      <h2 id="day-title">{t('console.day')}</h2>
      <div className="day">
        <ArrivalsChart day={status.day} timeZone={settings.timeZone} />
        <CrowdMap
          instrument={instrument}
          crowd={crowd.filter((m) => !m.rehearsal)}
          threshold={settings.suppressBelow}
        />
      </div>
    </section>
  );
}
