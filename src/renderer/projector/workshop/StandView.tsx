import { formatJoinCode } from '../../../core/lan';
import { localize, type IdealType } from '../../../core/instrument';
import type { WorkshopScreen } from '../../../core/workshop';
import { WORKSHOP_MIN_GROUP } from '../../../core/workshopViews';
import { MixBars } from '../../common/MixBars';
import { NamedMark } from '../../common/NamedMark';
import { useLang } from '../../common/useLang';
import { useQrCode } from '../../common/useQrCode';
import { GroupMap } from './GroupMap';

/** The QR code's pixels: the screen scales it down crisply (pixelated), so a large source is enough. */
const QR_PIXELS = 600;

/** How to join: the participant page's address as a QR code and the code to type (the address only with network). */
function JoinBox({ join }: { join: { url: string | null; code: string } | null }) {
  const { t } = useLang();
  const qr = useQrCode(join?.url ?? '', QR_PIXELS);
  if (!join) return null;
  return (
    <aside className="ws-join" aria-labelledby="ws-join-title" data-testid="ws-join">
      <h2 id="ws-join-title">{t('workshopScreen.join')}</h2>
      {qr && join.url ? (
        <>
          <img className="ws-qr" src={qr} alt={t('workshopScreen.qrAlt')} data-url={join.url} />
          <p className="ws-join-url">
            {t('workshopScreen.joinScan')} <strong>{join.url}</strong>
          </p>
        </>
      ) : (
        <p className="ws-join-url">{t('workshopScreen.joinOff')}</p>
      )}
      <p className="ws-join-code">
        {t('workshopScreen.joinCode')}{' '}
        <strong data-testid="ws-code" translate="no">
          {formatJoinCode(join.code)}
        </strong>
      </p>
    </aside>
  );
}

/**
 * Phase 1, "where we stand": the group's mean mix as bars and as a point among the types (from the minimum on), the
 * mixes of those who chose to show a nickname, the types with their roots in the literature, and how to join.
 */
export function StandView({
  screen,
  types,
  join,
}: {
  screen: WorkshopScreen;
  types: readonly IdealType[];
  join: { url: string | null; code: string } | null;
}) {
  const { t, lang } = useLang();
  const named = screen.named.length > 0;
  return (
    <div className="ws-stand" data-testid="ws-stand">
      <figure className="ws-map">
        <GroupMap
          types={types}
          lang={lang}
          group={screen.group?.shares ?? null}
          named={screen.named}
          label={t(named ? 'workshopScreen.polygonNamed' : 'workshopScreen.polygon')}
          groupWord={t('workshopScreen.groupPoint')}
        />
        {named && <figcaption className="ws-note">{t('workshopScreen.namedNote')}</figcaption>}
      </figure>
      <section className="ws-group" data-testid="ws-group">
        {screen.group ? (
          <>
            <h2>{t('workshopScreen.groupOf', { count: screen.group.count })}</h2>
            <MixBars types={types} lang={lang} shares={screen.group.shares} />
          </>
        ) : (
          <p className="ws-too-few" data-testid="ws-too-few">
            {t('workshopScreen.tooFewGroup', { min: WORKSHOP_MIN_GROUP })}
          </p>
        )}
      </section>
      <JoinBox join={join} />
      <section className="ws-roots" aria-labelledby="ws-roots-title">
        <h2 id="ws-roots-title" className="ws-section-title">
          {t('workshopScreen.roots')}
        </h2>
        <ul>
          {types.map((type) => (
            <li key={type.id}>
              <strong className="ws-type">
                <NamedMark mark={type.mark} color={type.color} name={localize(type.name, lang)} />
              </strong>
              <span>{localize(type.roots, lang)}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
