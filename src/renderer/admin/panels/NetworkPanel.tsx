import { useTranslation } from 'react-i18next';
import { formatJoinCode, hubAddress, PAIRABLE_PAGES, pairingUrl, type PairablePage } from '../../../core/lan';
import { useQrCode } from '../../common/useQrCode';
import { useConsole } from '../store';

/** One page to pair: its QR code and the same address as text, for a laptop without a camera. */
function PairingCard({ page, url }: { page: PairablePage; url: string }) {
  const { t } = useTranslation();
  const qr = useQrCode(url, 240);
  return (
    <figure className="pairing" data-testid={`pair-${page}`}>
      {qr && <img src={qr} width={240} height={240} alt={t(`console.pairQrAlt.${page}`)} />}
      <figcaption>
        <strong>{t(`console.pairPage.${page}`)}</strong>
        <code>{url}</code>
      </figcaption>
    </figure>
  );
}

/**
 * Network mode: off by default (only this computer connects). On, the hub also listens on the venue network and
 * devices pair by scanning a QR code or opening its address, which carries the join code.
 */
export function NetworkPanel() {
  const { t } = useTranslation();
  const lan = useConsole((s) => s.status?.lan);
  const act = useConsole((s) => s.act);
  if (!lan) return null;
  const address = lan.address;
  const code = lan.enabled && lan.listening ? lan.code : null;
  return (
    <section className="panel" aria-labelledby="network-title">
      <h2 id="network-title">{t('console.network')}</h2>
      <p>{lan.enabled ? t('console.lanOnHelp') : t('console.lanOffHelp')}</p>
      <div className="row">
        <button onClick={() => act({ kind: 'lan', enabled: !lan.enabled })}>
          {lan.enabled ? t('console.lanSwitchOff') : t('console.lanSwitchOn')}
        </button>
        {lan.enabled && (
          <button onClick={() => window.confirm(t('console.lanNewCodeConfirm')) && act({ kind: 'lanNewCode' })}>
            {t('console.lanRenew')}
          </button>
        )}
      </div>
      {lan.error && (
        <p role="alert" className="warn">
          {t(`console.lanError.${lan.error}`, { port: lan.port })}
        </p>
      )}
      {code && (
        <>
          <p>
            {t('console.joinCode')}: <strong className="join-code">{formatJoinCode(code)}</strong>
          </p>
          {address === null ? (
            <p role="alert" className="warn">
              {t('console.lanNoAddress')}
            </p>
          ) : (
            <>
              {lan.addresses.length > 1 && (
                <label className="address-choice">
                  {t('console.lanAddress')}
                  <select value={address} onChange={(e) => act({ kind: 'lanAddress', address: e.target.value })}>
                    {lan.addresses.map((a) => (
                      <option key={a}>{a}</option>
                    ))}
                  </select>
                </label>
              )}
              <p>{t('console.lanTypeCode', { address: hubAddress(address, lan.port) })}</p>
              <div className="pairings">
                {PAIRABLE_PAGES.map((page) => (
                  <PairingCard key={page} page={page} url={pairingUrl(address, lan.port, page, code)} />
                ))}
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}
