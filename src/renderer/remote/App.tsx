import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localize, type Language } from '../../core/instrument';
import type { RemoteCommand } from '../../core/live';
import { useRemote } from './store';

function Button({
  command,
  children,
  wide,
  primary,
}: {
  command: RemoteCommand;
  children: ReactNode;
  wide?: boolean;
  primary?: boolean;
}) {
  const press = useRemote((s) => s.press);
  const connected = useRemote((s) => s.connection === 'open');
  return (
    <button
      className={`rb${wide ? ' wide' : ''}${primary ? ' primary' : ''}`}
      data-testid={`remote-${command}`}
      disabled={!connected}
      onClick={() => press(command)}
    >
      {children}
    </button>
  );
}

/** The live situation: pick one, put it to the room, reveal, close; with the answer count. */
function LivePart() {
  const { t, i18n } = useTranslation();
  const state = useRemote((s) => s.state);
  const press = useRemote((s) => s.press);
  if (!state) return null;
  const { live, situations } = state;
  const lang = i18n.language as Language;
  return (
    <section className="remote-live" aria-labelledby="remote-live-title">
      <h2 id="remote-live-title">{t('live.liveTitle')}</h2>
      <p className="remote-line" role="status" data-testid="remote-live-phase">
        {t(`live.phase.${live.phase}`)} ·{' '}
        <span data-testid="remote-answers">{t('live.answers', { count: live.answered })}</span>
      </p>
      <label className="remote-pick">
        {t('live.pick')}
        <select
          value={live.picked ?? ''}
          disabled={live.phase !== 'none'}
          data-testid="remote-pick"
          onChange={(e) => press('livePick', e.target.value)}
        >
          {live.picked === null && <option value="">…</option>}
          {situations.map((s) => (
            <option key={s.ref} value={s.ref}>
              {localize(s.title, lang)}
            </option>
          ))}
        </select>
      </label>
      <div className="remote-grid three">
        <Button command="livePut" primary={live.phase === 'none'}>
          {t('live.put')}
        </Button>
        <Button command="liveReveal" primary={live.phase === 'open'}>
          {t('live.reveal')}
        </Button>
        <Button command="liveClose" primary={live.phase === 'revealed'}>
          {t('live.closeLive')}
        </Button>
      </div>
    </section>
  );
}

/**
 * The presenter's remote on their own phone: the view on screen and the answer count at the top, the projector's
 * switches and the round in the middle, the live situation, and next and previous large at the bottom, where a
 * thumb reaches them. It reaches only these commands: no console, no exports, no crowd data.
 */
export function App() {
  const { t } = useTranslation();
  const state = useRemote((s) => s.state);
  const connection = useRemote((s) => s.connection);
  const refusal = useRemote((s) => s.refusal);
  const projector = state?.projector ?? null;
  const on = (flag: boolean): string => (flag ? ` (${t('live.on')})` : '');
  return (
    <main className="remote" data-testid="remote">
      <header className="remote-head">
        <h1>{t('live.remoteTitle')}</h1>
        <p className="remote-view" data-testid="remote-view" aria-live="polite">
          {projector ? `${t('live.remoteView')}: ${t(`projector.views.${projector.view}`)}` : t('live.remoteNone')}
        </p>
        <p className="remote-line">{state?.round ? t('live.roundNow', { name: state.round }) : t('live.noRound')}</p>
      </header>
      {connection === 'unpaired' && (
        <p className="remote-alert" role="alert">
          {t('live.ended')}
        </p>
      )}
      {connection === 'closed' && (
        <p className="remote-alert" role="alert">
          {t('live.offline')}
        </p>
      )}
      {refusal && (
        <p className="remote-alert" role="alert" data-testid="remote-refusal">
          {t(`live.refused.${refusal}`, { defaultValue: refusal })}
        </p>
      )}
      <div className="remote-grid">
        <Button command="hide">{t('live.hide') + on(projector?.hidden ?? false)}</Button>
        <Button command="freeze">{t('live.freeze') + on(projector?.frozen ?? false)}</Button>
        <Button command="blank">{t('live.blank') + on(projector?.blank ?? false)}</Button>
        <Button command="invite">{t('live.invite') + on(projector?.invite ?? false)}</Button>
        <Button command={state?.round ? 'roundStop' : 'roundStart'} wide>
          {state?.round ? t('live.roundStop') : t('live.roundStart')}
        </Button>
      </div>
      <LivePart />
      <nav className="remote-steps" aria-label={t('live.remoteTitle')}>
        <Button command="previous">← {t('live.previous')}</Button>
        <Button command="next" primary>
          {t('live.next')} →
        </Button>
      </nav>
    </main>
  );
}
