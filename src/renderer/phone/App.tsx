import { useKiosk } from '../kiosk/store';
import { VisitShell } from '../kiosk/VisitShell';
import { LiveQuestionScreen } from './LiveQuestionScreen';
import { useLiveQuestion } from './live';
import { PhoneResult } from './PhoneResult';
import { usePhone } from './store';

/**
 * The phone page: the kiosk's visit (intro, the situations with a first and second choice, the case, the casus, the
 * context, the result) on a visitor's own phone, without the attract screen, the lock-down or the idle reset: it is
 * their phone, and the result stays on it.
 */
export function App() {
  const connection = useKiosk((s) => s.connection);
  const ended = usePhone((s) => s.ended);
  const notice = ended ? 'phone.ended' : connection === 'closed' ? 'phone.offline' : null;
  // The live question lies over the visit, which stays mounted (hidden) and is back where it was when it closes.
  const live = useLiveQuestion((s) => s.question !== null);
  return (
    <>
      {live && (
        <div className="kiosk phone">
          <LiveQuestionScreen />
        </div>
      )}
      <div hidden={live} data-testid="visit">
        <VisitShell className="kiosk phone" notice={notice} result={<PhoneResult />} />
      </div>
    </>
  );
}
