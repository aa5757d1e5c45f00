import { WORKSHOP_PHASES } from '../../../core/workshop';
import { useLang } from '../../common/useLang';
import { AsksView } from './AsksView';
import { HelpView } from './HelpView';
import { StandView } from './StandView';
import { useWorkshopScreen } from './store';
import { TryView } from './TryView';
import './workshop.css';

/**
 * The shared screen in workshop mode (docs/adr/0011-workshop-mode.md): the phase's number and title and the group's
 * name on top, how many joined and answered, and one view per phase below. Plain DOM and SVG: the talk's 3D scene is
 * not drawn while a workshop is on the screen.
 */
export function WorkshopView() {
  const { t } = useLang();
  const screen = useWorkshopScreen((s) => s.screen);
  const types = useWorkshopScreen((s) => s.types);
  const join = useWorkshopScreen((s) => s.join);
  if (!screen) return null;
  const number = WORKSHOP_PHASES.indexOf(screen.phase) + 1;
  return (
    <div className="workshop-screen" data-testid="workshop-screen" data-phase={screen.phase}>
      <header className="ws-head">
        <div className="ws-heading">
          <p className="ws-kicker">
            <span data-testid="ws-phase-number">{t('workshopScreen.phaseOf', { n: number })}</span>
            <span aria-hidden="true"> · </span>
            <span className="ws-name" data-testid="ws-name">
              {screen.name}
            </span>
          </p>
          <h1 className="ws-title" data-testid="ws-title">
            {t(`workshopScreen.phases.${screen.phase}`)}
          </h1>
        </div>
        <p className="ws-counts">
          <span data-testid="ws-joined">{t('workshopScreen.joined', { count: screen.joined })}</span>
          <span data-testid="ws-answered">{t('workshopScreen.answered', { count: screen.answered })}</span>
        </p>
      </header>
      <div className="ws-body">
        {screen.phase === 'stand' && <StandView screen={screen} types={types} join={join} />}
        {screen.phase === 'asks' && <AsksView screen={screen} types={types} />}
        {screen.phase === 'help' && <HelpView screen={screen} types={types} />}
        {screen.phase === 'try' && <TryView screen={screen} />}
      </div>
    </div>
  );
}
