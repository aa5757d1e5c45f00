import { useTranslation } from 'react-i18next';
import { WORKSHOP_PHASES } from '../../core/workshop';
import { useKiosk } from '../kiosk/store';
import { useWorkshop } from './store';
import { hasTask } from './Tasks';

/** "2026-03-12" as the participant's language writes a day ("12 maart 2026"); the day is the same everywhere. */
export function dayText(date: string, lang: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/**
 * The workshop's name, date and the step the group is in (from the hub's participant state), under the visit's top
 * bar; what happened to the session (closed, deleted) and to the participant's answers (removed) is said here too.
 */
export function Banner() {
  const { t } = useTranslation();
  const lang = useKiosk((s) => s.lang);
  const screen = useKiosk((s) => s.screen);
  const state = useWorkshop((s) => s.state);
  const gone = useWorkshop((s) => s.gone);
  const removed = useWorkshop((s) => s.removed);
  const workshop = state?.workshop;
  const number = workshop ? WORKSHOP_PHASES.indexOf(workshop.phase) + 1 : 0;
  const answering = screen !== 'intro' && screen !== 'result';
  return (
    <div className="workshop-banner" data-testid="workshop-banner">
      {workshop && (
        <>
          <p className="workshop-name">
            <span data-testid="workshop-name">{workshop.name}</span>
            <span className="workshop-date"> · {dayText(workshop.date, lang)}</span>
          </p>
          <p className="workshop-phase" data-testid="workshop-phase" data-phase={workshop.phase}>
            <span className="phase-number" aria-hidden="true">
              {number}
            </span>
            {t('workshopParticipant.phase', { number, name: t(`workshopParticipant.phases.${workshop.phase}`) })}
          </p>
          {!workshop.closed && !gone && hasTask(state) && !answering && (
            <a className="to-task" href="#workshop-tasks">
              {t('workshopParticipant.toTask')}
            </a>
          )}
          {!workshop.closed && !gone && hasTask(state) && answering && (
            <p className="workshop-note">{t('workshopParticipant.finishFirst')}</p>
          )}
        </>
      )}
      {workshop?.closed && !gone && (
        <p className="workshop-alert" role="status" data-testid="workshop-closed">
          {t('workshopParticipant.closed')}
        </p>
      )}
      {gone && (
        <p className="workshop-alert" role="alert" data-testid="workshop-gone">
          {t('workshopParticipant.gone')}
        </p>
      )}
      <RemovedNote removed={removed} />
    </div>
  );
}

function RemovedNote({ removed }: { removed: ReturnType<typeof useWorkshop.getState>['removed'] }) {
  const { t } = useTranslation();
  const names = (removed ?? []).map((r) => t(`workshopParticipant.forget.what.${r}`));
  const what =
    names.length > 1
      ? `${names.slice(0, -1).join(', ')} ${t('workshopParticipant.forget.and')} ${names.at(-1)}`
      : names[0];
  // The live region is there before its words, so a screen reader reads them out when they come.
  return (
    <div role="status" className={removed ? 'workshop-removed' : 'sr-only'} data-testid="forgotten">
      {removed &&
        (names.length ? t('workshopParticipant.forget.done', { what }) : t('workshopParticipant.forget.nothing'))}
    </div>
  );
}
