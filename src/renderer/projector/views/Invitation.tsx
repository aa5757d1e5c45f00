import { useTranslation } from 'react-i18next';
import { useQrCode } from '../../common/useQrCode';
import { useInvite } from '../invite';
import { useProjector } from '../store';
import './invitation.css';

/** The QR code's pixels: the screen scales it down crisply (pixelated), so a large source is enough. */
const QR_PIXELS = 720;

/**
 * The room's invitation: a QR code large enough to scan from the back row, the short address and the room code to
 * type, and while a round runs how many in the room take part. Shown and hidden with Q; the counter stays in the
 * corner when the invitation is hidden.
 */
export function Invitation() {
  const { t } = useTranslation();
  const invite = useInvite((s) => s.invite);
  const shown = useInvite((s) => s.shown);
  const round = useProjector((s) => s.round);
  const qr = useQrCode(invite?.url ?? '', QR_PIXELS);
  const running = round !== null && round.endedAt === null;
  const counter =
    invite?.url && running ? (
      <p className="invite-joined" data-testid="invite-joined" aria-live="polite">
        {t('projector.invite.joined', { count: invite.joined })}
      </p>
    ) : null;
  if (!shown) return counter && <div className="invite-corner">{counter}</div>;
  if (!invite?.url) {
    return (
      <aside className="invitation off" data-testid="invitation">
        <p>{t('projector.invite.off')}</p>
      </aside>
    );
  }
  return (
    <aside className="invitation" data-testid="invitation" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('projector.invite.title')}</h2>
      {qr && <img className="invite-qr" src={qr} alt={t('projector.invite.qrAlt')} data-url={invite.url} />}
      <p className="invite-address">
        {t('projector.invite.scan')} <strong data-testid="invite-address">{invite.address}</strong>
      </p>
      <p className="invite-code">
        {t('projector.invite.code')} <strong data-testid="invite-code">{invite.code}</strong>
      </p>
      {counter}
    </aside>
  );
}
