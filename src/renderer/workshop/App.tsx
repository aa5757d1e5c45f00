import { useKiosk } from '../kiosk/store';
import { VisitShell } from '../kiosk/VisitShell';
import { Banner } from './Banner';
import { useWorkshop } from './store';
import { Tasks } from './Tasks';
import { WorkshopResult } from './WorkshopResult';

/**
 * A workshop participant's page: the kiosk's visit over the whole instrument on their own phone or laptop (as the
 * phone page, without the crowd), the workshop's name and step above it, and below it, between answering, what the
 * step asks of them: a screen name, a case from their work, one thing to try, and taking it all back.
 */
export function App() {
  const connection = useKiosk((s) => s.connection);
  const screen = useKiosk((s) => s.screen);
  const gone = useWorkshop((s) => s.gone);
  const notice = gone
    ? null
    : connection === 'closed' || connection === 'unpaired'
      ? 'workshopParticipant.offline'
      : null;
  const between = screen === 'intro' || screen === 'result';
  return (
    <VisitShell className="kiosk phone workshop" notice={notice} banner={<Banner />} result={<WorkshopResult />}>
      {between && <Tasks />}
    </VisitShell>
  );
}
