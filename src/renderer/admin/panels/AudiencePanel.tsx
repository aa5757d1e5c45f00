import { useTranslation } from 'react-i18next';
import { audienceUrl, formatAudienceCode } from '../../../core/audience';
import { useQrCode } from '../../common/useQrCode';
import { useConsole } from '../store';
import { FlaggedSources } from './FlaggedSources';

/**
 * Audience mode: phones in the talk room answer through their own code (never the join code). Needs network mode;
 * "New room code" ends it for every phone. Shows how many phones joined and answered per round, and the addresses
 * that answered for more than a few people, to set aside.
 */
export function AudiencePanel() {
  const { t } = useTranslation();
  const lan = useConsole((s) => s.status?.lan);
  const audience = useConsole((s) => s.status?.audience);
  const act = useConsole((s) => s.act);
  const address = lan?.address;
  const url = audience?.code && lan?.listening && address ? audienceUrl(address, lan.port, audience.code) : '';
  const qr = useQrCode(url, 200);
  if (!lan || !audience) return null;
  return (
    <section className="panel" aria-labelledby="audience-title" data-testid="audience-panel">
      <h2 id="audience-title">{t('console.audience')}</h2>
      <p>{t('console.audienceHelp')}</p>
      {!lan.listening && !audience.enabled && <p>{t('console.audienceNeedsLanHelp')}</p>}
      <div className="row">
        <button
          onClick={() => act({ kind: 'audience', enabled: !audience.enabled })}
          disabled={!audience.enabled && !lan.listening}
        >
          {audience.enabled ? t('console.audienceSwitchOff') : t('console.audienceSwitchOn')}
        </button>
        {audience.enabled && (
          <button onClick={() => window.confirm(t('console.audienceRenewConfirm')) && act({ kind: 'audienceNewCode' })}>
            {t('console.audienceRenew')}
          </button>
        )}
      </div>
      {audience.code && (
        <>
          <p>
            {t('console.audienceCode')}:{' '}
            <strong className="join-code" data-testid="audience-code">
              {formatAudienceCode(audience.code)}
            </strong>
          </p>
          {qr && (
            <figure className="pairing">
              <img src={qr} width={200} height={200} alt={t('console.audienceQrAlt')} />
              <figcaption>
                <code>{url}</code>
              </figcaption>
            </figure>
          )}
          <p>{t('console.audienceKey')}</p>
          <p role="status">{t('console.audienceConnected', { count: audience.connected })}</p>
        </>
      )}
      {audience.perRound.length > 0 && (
        <table data-testid="audience-rounds">
          <caption>{t('console.audiencePerRound')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('console.audienceRound')}</th>
              <th scope="col">{t('console.audienceJoined')}</th>
              <th scope="col">{t('console.audienceAnswered')}</th>
            </tr>
          </thead>
          <tbody>
            {audience.perRound.map((r) => (
              <tr key={r.round ?? 'day'}>
                <th scope="row">{r.round === null ? t('console.audienceOutsideRound') : r.name}</th>
                <td>{r.joined}</td>
                <td>{r.answered}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FlaggedSources audience={audience} />
    </section>
  );
}
