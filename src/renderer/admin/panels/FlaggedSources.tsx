import { clockTime, DEFAULT_TIME_ZONE } from '../../../core/eventTime';
import type { AudienceStatus } from '../../../core/audience';
import { useLang } from '../../common/useLang';
import { useConsole } from '../store';

/**
 * Network addresses that handed in more answers in one round than a few people would: a room behind one router, or
 * a script with the room code. The organiser knows which; each can be set aside (its answers stay stored, out of the
 * live picture and the export) and taken back.
 */
export function FlaggedSources({ audience }: { audience: AudienceStatus }) {
  const { t } = useLang();
  const act = useConsole((s) => s.act);
  const timeZone = useConsole((s) => s.settings?.timeZone) ?? DEFAULT_TIME_ZONE;
  if (audience.flagged.length === 0) return null;
  return (
    <div data-testid="audience-flagged">
      <h3 id="flagged-title">{t('console.flaggedTitle')}</h3>
      <p>{t('console.flaggedHelp', { count: audience.flagAbove })}</p>
      <ul className="flagged">
        {audience.flagged.map((f) => {
          const name = f.address ?? t('console.flaggedUnknownAddress', { tag: f.source.slice(0, 6) });
          const action = f.setAside ? t('console.takeBack') : t('console.setAside');
          return (
            <li key={f.source} className={f.setAside ? 'set-aside' : undefined} data-testid="flagged-source">
              <p>
                <strong className="flagged-address">{name}</strong>
                <br />
                {t('console.flaggedAnswers', { count: f.answers })} ·{' '}
                {t('console.flaggedPeriod', { first: clockTime(f.first, timeZone), last: clockTime(f.last, timeZone) })}
                <br />
                <span className={f.setAside ? 'warn' : undefined}>
                  {f.setAside ? t('console.flaggedIsSetAside') : t('console.flaggedCounts')}
                </span>
              </p>
              <button
                aria-label={`${action}: ${name}`}
                onClick={() => act({ kind: 'audienceSetAside', source: f.source, setAside: !f.setAside })}
              >
                {action}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
