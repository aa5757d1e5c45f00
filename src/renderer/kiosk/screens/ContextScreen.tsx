import { useTranslation } from 'react-i18next';
import { localize } from '../../../core/instrument';
import { questionsOf, useKiosk } from '../store';
import { QuestionScreen } from './QuestionScreen';

/**
 * Optional, coarse context; one tap skips it. On the 'case' screen (before the casus) it asks what kind of case the
 * visitor has in mind, which the result names; on the 'context' screen it asks for the organiser's breakdowns.
 */
export function ContextScreen({ phase }: { phase: 'case' | 'context' }) {
  const { t } = useTranslation();
  const instrument = useKiosk((s) => s.instrument)!;
  const lang = useKiosk((s) => s.lang);
  const index = useKiosk((s) => s.contextIndex);
  const context = useKiosk((s) => s.context);
  const choose = useKiosk((s) => s.chooseContext);
  const back = useKiosk((s) => s.back);
  const question = questionsOf(instrument, phase)[index];
  if (!question) return null;
  return (
    <QuestionScreen
      questionKey={question.id}
      className={phase}
      step={<p className="step">{t(phase === 'case' ? 'case.title' : 'context.title')}</p>}
      prompt={localize(question.prompt, lang)}
      hint={phase === 'case' ? t('case.hint') : undefined}
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
