import { useTranslation } from 'react-i18next';
import { localize, type Language } from '../../../core/instrument';
import { PRESENTER_KEYS } from '../keys';
import { useProjector } from '../store';
import { VIEWS } from '../talkViews';

/** The keys and what they do, generated from the same table the key handler uses. */
export function HelpOverlay() {
  const { t, i18n } = useTranslation();
  const instrument = useProjector((s) => s.instrument);
  const name = (key: string): string =>
    i18n.exists(`projector.keyNames.${key}`) ? t(`projector.keyNames.${key}`) : key.toUpperCase();
  return (
    // Focusable: on a small screen the list scrolls, and a keyboard must reach it.
    <div className="help" role="dialog" aria-labelledby="help-title" data-testid="help" tabIndex={0}>
      <h2 id="help-title">{t('projector.helpTitle')}</h2>
      <dl>
        {PRESENTER_KEYS.map((k) => (
          <div key={k.label}>
            <dt>{k.keys.map(name).join(' / ')}</dt>
            <dd>{t(`projector.keys.${k.label}`)}</dd>
          </div>
        ))}
      </dl>
      <p className="help-remote" data-testid="help-remote">
        {t('live.remoteHelp')}
      </p>
      <h3 id="views-title">{t('projector.viewsTitle')}</h3>
      <ol className="help-views" aria-labelledby="views-title" data-testid="help-views">
        {VIEWS.map((view) => (
          <li key={view}>{t(`projector.views.${view}`)}</li>
        ))}
      </ol>
      {instrument && (
        <p className="instrument" data-testid="instrument-version">
          {t('projector.instrument', {
            title: localize(instrument.title, i18n.language as Language),
            version: instrument.version,
          })}
        </p>
      )}
    </div>
  );
}
