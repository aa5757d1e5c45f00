import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localize, type Language } from '../../../core/instrument';
import { formatJoinCode, hubAddress } from '../../../core/lan';
import { forbiddenCharacter } from '../../../core/text';
import { useQrCode } from '../../common/useQrCode';
import { actLive, useLiveConsole } from '../liveConsole';
import { useConsole } from '../store';

const STATUS_EVERY_MS = 3000;

/** The presenter code and its QR code: shown here only, never on the projection. */
function Presenter() {
  const { t } = useTranslation();
  const lan = useConsole((s) => s.status?.lan);
  const presenter = useLiveConsole((s) => s.status?.presenter);
  const url =
    presenter?.code && lan?.listening && lan.address
      ? `${hubAddress(lan.address, lan.port)}/remote/?presenter=${presenter.code}`
      : '';
  const qr = useQrCode(url, 200);
  if (!presenter || !lan) return null;
  return (
    <div data-testid="presenter">
      <p>{t('console.presenterHelp')}</p>
      {!lan.listening && !presenter.enabled && <p>{t('console.presenterNeedsLanHelp')}</p>}
      <div className="row">
        <button
          onClick={() => actLive({ kind: 'presenter', enabled: !presenter.enabled })}
          disabled={!presenter.enabled && !lan.listening}
        >
          {presenter.enabled ? t('console.presenterOffButton') : t('console.presenterOnButton')}
        </button>
        {presenter.enabled && (
          <button
            onClick={() => window.confirm(t('console.presenterRenewConfirm')) && actLive({ kind: 'presenterNewCode' })}
          >
            {t('console.presenterRenew')}
          </button>
        )}
      </div>
      {presenter.code && (
        <>
          <p>
            {t('console.presenterCode')}:{' '}
            <strong className="join-code" data-testid="presenter-code">
              {formatJoinCode(presenter.code)}
            </strong>
          </p>
          {qr && (
            <figure className="pairing">
              <img src={qr} width={200} height={200} alt={t('console.presenterQrAlt')} />
              <figcaption>
                <code>{url}</code>
              </figcaption>
            </figure>
          )}
          <p role="status">{t('console.presenterRemotes', { count: presenter.remotes })}</p>
        </>
      )}
    </div>
  );
}

/** Typing a situation someone in the room brought: a prompt and one answer per type, Dutch and English. */
function NewSituation() {
  const { t, i18n } = useTranslation();
  const instrument = useConsole((s) => s.instrument);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [asks, setAsks] = useState('');
  if (!instrument) return null;
  const lang = i18n.language as Language;
  const field = (key: string, label: string) => {
    const value = texts[key] ?? '';
    const bad = forbiddenCharacter(value);
    return (
      <label key={key} className="live-field">
        {label}
        <input
          value={value}
          maxLength={300}
          required
          data-testid={`live-${key}`}
          aria-invalid={bad !== null}
          onChange={(e) => setTexts({ ...texts, [key]: e.target.value })}
        />
        {bad && (
          <span role="alert" className="warn">
            {t('console.textRefused.liveText', { position: bad.position, character: bad.character })}
          </span>
        )}
      </label>
    );
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const both = (key: string) => ({ nl: texts[`${key}-nl`] ?? '', en: texts[`${key}-en`] ?? '' });
    actLive({
      kind: 'draft',
      draft: {
        prompt: both('prompt'),
        options: instrument.types.map((type) => ({ type: type.id, text: both(type.id) })),
        asks: asks === '' ? null : asks,
      },
    });
    setTexts({});
  };
  return (
    <form onSubmit={submit} data-testid="live-new">
      <h3>{t('console.liveNew')}</h3>
      {field('prompt-nl', `${t('console.livePrompt')} (NL)`)}
      {field('prompt-en', `${t('console.livePrompt')} (EN)`)}
      {instrument.types.flatMap((type) => [
        field(`${type.id}-nl`, `${t('console.liveOption', { type: localize(type.name, lang) })} (NL)`),
        field(`${type.id}-en`, `${t('console.liveOption', { type: localize(type.name, lang) })} (EN)`),
      ])}
      <label className="live-field">
        {t('console.liveAsks')}
        <select value={asks} onChange={(e) => setAsks(e.target.value)}>
          <option value="">{t('console.liveAsksNone')}</option>
          {instrument.types.map((type) => (
            <option key={type.id} value={type.id}>
              {localize(type.name, lang)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{t('console.liveSave')}</button>
    </form>
  );
}

/**
 * The talk's live moment in the console: the presenter code for the remote, a situation to pick (typed here or the
 * instrument's own), a new one to type, and the moments so far with their answer counts.
 */
export function LivePanel() {
  const { t, i18n } = useTranslation();
  const token = useConsole((s) => s.token);
  const instrument = useConsole((s) => s.instrument);
  const status = useLiveConsole((s) => s.status);
  useEffect(() => {
    if (!token) return;
    actLive({ kind: 'status' });
    const timer = setInterval(() => actLive({ kind: 'status' }), STATUS_EVERY_MS);
    return () => clearInterval(timer);
  }, [token]);
  if (!status || !instrument) return null;
  const lang = i18n.language as Language;
  return (
    <section className="panel" aria-labelledby="live-title" data-testid="live-panel">
      <h2 id="live-title">{t('console.live')}</h2>
      <p>{t('console.liveHelp')}</p>
      <Presenter />
      <label className="live-field">
        {t('console.livePick')}
        <select
          value={status.picked ?? ''}
          data-testid="live-pick"
          onChange={(e) => actLive({ kind: 'pick', situation: e.target.value })}
        >
          {status.picked === null && <option value="">…</option>}
          <optgroup label={t('console.liveTyped')}>
            {status.drafts.map((d) => (
              <option key={d.id} value={`typed:${d.id}`}>
                {localize(d.prompt, lang)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('console.liveInstrument')}>
            {instrument.items.map((item) => (
              <option key={item.id} value={`item:${item.id}`}>
                {localize(item.title ?? item.prompt, lang)}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      {status.drafts.length > 0 && (
        <ul>
          {status.drafts.map((d) => (
            <li key={d.id}>
              {localize(d.prompt, lang)}{' '}
              <button onClick={() => actLive({ kind: 'removeDraft', id: d.id })}>{t('console.liveRemove')}</button>
            </li>
          ))}
        </ul>
      )}
      <NewSituation />
      {status.moments.length > 0 && (
        <>
          <h3>{t('console.liveMoments')}</h3>
          <ol data-testid="live-moments">
            {status.moments.map((m) => (
              <li key={m.id}>
                {m.title}
                {m.round && ` (${m.round})`}: {t('console.liveMomentAnswers', { count: m.answered })}
                {m.closedAt === null && ` · ${t('console.liveOpenNow')}`}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
