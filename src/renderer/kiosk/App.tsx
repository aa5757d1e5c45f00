import { IdleCountdown } from './IdleCountdown';
import { OperatorExit } from './OperatorExit';
import { Attract } from './screens/Attract';
import { Result } from './screens/Result';
import { useKiosk } from './store';
import { idleSettingsFrom, useIdleReset } from './useIdleReset';
import { VisitShell } from './VisitShell';

export function App({ login }: { login: (pin: string) => void }) {
  const screen = useKiosk((s) => s.screen);
  const connection = useKiosk((s) => s.connection);
  const settings = useKiosk((s) => s.settings);
  const { countdownUntil, stay } = useIdleReset(idleSettingsFrom(location.search, settings));
  const offline = (connection === 'closed' || connection === 'unpaired') && screen !== 'result';

  return (
    <VisitShell
      className="kiosk"
      notice={offline ? (connection === 'unpaired' ? 'connection.unpaired' : 'connection.offline') : null}
      attract={<Attract />}
      result={<Result />}
    >
      <OperatorExit login={login} />
      {countdownUntil !== null && <IdleCountdown until={countdownUntil} onStay={stay} />}
    </VisitShell>
  );
}
// Named for React's developer tools and the render-count tests; minifying renames functions.
App.displayName = 'App';
