import { useTranslation } from 'react-i18next';
import { localize } from '../../../core/instrument';
import { useKiosk } from '../store';

/** Optional, coarse context for the organiser's breakdowns; one tap skips it. */
export function ContextScreen() {
  const { t } = useTranslation();
  const instrument = useKiosk((s) => s.instrument)!;
  const lang = useKiosk((s) => s.lang);
  const index = useKiosk((s) => s.contextIndex);
  const context = useKiosk((s) => s.context);
  const choose = useKiosk((s) => s.chooseContext);
  const back = useKiosk((s) => s.back);
  const question = instrument.context[index]!;
  return (
    <main className="screen item context" key={question.id}>
      <p className="step">{t('context.title')}</p>
      <h1 className="prompt">{localize(question.prompt, lang)}</h1>
      <div className="options compact">
        {question.options.map((option) => (
          <button
            key={option.id}
            className="option"
            aria-pressed={context[question.id] === option.id}
            onClick={() => choose(option.id)}
          >
            {localize(option.label, lang)}
          </button>
        ))}
      </div>
      <div className="row">
        <button className="secondary back" onClick={back}>
          ← {t('item.back')}
        </button>
        <button className="secondary" onClick={() => choose(null)}>
          {t('context.skip')}
        </button>
      </div>
    </main>
  );
}
