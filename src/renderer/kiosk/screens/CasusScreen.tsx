import { useTranslation } from 'react-i18next';
import { localize } from '../../../core/instrument';
import { useKiosk } from '../store';

/** The casus: what the visitor's own situation at work asks most. */
export function CasusScreen() {
  const { t } = useTranslation();
  const instrument = useKiosk((s) => s.instrument)!;
  const lang = useKiosk((s) => s.lang);
  const casus = useKiosk((s) => s.casus);
  const choose = useKiosk((s) => s.chooseCasus);
  const back = useKiosk((s) => s.back);
  return (
    <main className="screen item casus">
      <p className="step">{t('casus.title')}</p>
      <h1 className="prompt">{localize(instrument.casus.prompt, lang)}</h1>
      <p className="hint">{localize(instrument.casus.hint, lang)}</p>
      <div className="options">
        {instrument.casus.options.map((option) => (
          <button
            key={option.type}
            className="option"
            aria-pressed={casus === option.type}
            data-type={option.type}
            onClick={() => choose(option.type)}
          >
            {localize(option.text, lang)}
          </button>
        ))}
      </div>
      <button className="secondary back" onClick={back}>
        ← {t('item.back')}
      </button>
    </main>
  );
}
