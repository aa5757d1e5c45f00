import { useLang } from '../../common/useLang';
import { DEFAULT_TIME_ZONE } from '../../../core/eventTime';
import { localize } from '../../../core/instrument';
import { useConsole } from '../store';
import { DatabaseNotice } from './DatabaseNotice';
import { Devices } from './Devices';
import { LossNotice } from './LossNotice';
import { OtherInstruments } from './OtherInstruments';

const gib = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

export function Overview() {
  const { t, lang } = useLang();
  const status = useConsole((s) => s.status);
  const aggregate = useConsole((s) => s.aggregate);
  const instrument = useConsole((s) => s.instrument);
  const settings = useConsole((s) => s.settings);
  if (!status || !instrument || !aggregate) return null;
  return (
    <section className="panel" aria-labelledby="overview-title">
      <h2 id="overview-title">{t('console.overview')}</h2>
      <LossNotice database={status.database} timeZone={settings?.timeZone ?? DEFAULT_TIME_ZONE} />
      <DatabaseNotice database={status.database} />
      <dl className="figures">
        <div>
          <dt>{t('console.today')}</dt>
          <dd data-testid="status-today">{status.today}</dd>
        </div>
        <div>
          <dt>{t('console.total')}</dt>
          <dd data-testid="status-total">{status.responses}</dd>
        </div>
        <div>
          <dt>{t('console.rehearsalCount')}</dt>
          <dd data-testid="status-rehearsal">{status.rehearsal}</dd>
        </div>
        <div>
          <dt>{t('console.disk')}</dt>
          <dd>{status.freeDiskBytes === null ? t('console.unknown') : gib(status.freeDiskBytes)}</dd>
        </div>
        <div>
          <dt>{t('console.version')}</dt>
          <dd>{status.appVersion}</dd>
        </div>
        <div>
          <dt>{t('console.instrument')}</dt>
          <dd>{status.instrument}</dd>
        </div>
      </dl>
      <OtherInstruments status={status} />
      <table>
        <caption>{t('console.perType')}</caption>
        <tbody>
          {instrument.types.map((type, i) => (
            <tr key={type.id}>
              <th scope="row">{localize(type.name, lang)}</th>
              <td>{aggregate.leading[i]}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('console.balanced')}</th>
            <td>{aggregate.balanced}</td>
          </tr>
        </tbody>
      </table>
      <Devices devices={status.devices} timeZone={settings?.timeZone ?? DEFAULT_TIME_ZONE} />
    </section>
  );
}
