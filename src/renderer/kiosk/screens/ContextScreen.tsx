import { useTranslation } from 'react-i18next';
import { localize } from '../../../core/instrument';
import { useKiosk } from '../store';
import { QuestionScreen } from './QuestionScreen';

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
    <QuestionScreen
      questionKey={question.id}
      className="context"
      step={<p className="step">{t('context.title')}</p>}
      prompt={localize(question.prompt, lang)}
      choices={question.options.map((o) => ({
        id: o.id,
        text: localize(o.label, lang),
        rank: context[question.id] === o.id ? 1 : null,
      }))}
      onChoose={choose}
      compact
      footer={
        <div className="row">
          <button className="secondary back" onClick={back}>
            ← {t('item.back')}
          </button>
          <button className="secondary" onClick={() => choose(null)}>
            {t('context.skip')}
          </button>
        </div>
      }
    />
  );
}
