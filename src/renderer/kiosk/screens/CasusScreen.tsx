import { useTranslation } from 'react-i18next';
import { localize } from '../../../core/instrument';
import { useKiosk } from '../store';
import { QuestionScreen } from './QuestionScreen';

/** The casus: what the visitor's own situation at work asks most. */
export function CasusScreen() {
  const { t } = useTranslation();
  const instrument = useKiosk((s) => s.instrument)!;
  const lang = useKiosk((s) => s.lang);
  const casus = useKiosk((s) => s.casus);
  const choose = useKiosk((s) => s.chooseCasus);
  const back = useKiosk((s) => s.back);
  return (
    <QuestionScreen
      questionKey="casus"
      className="casus"
      step={<p className="step">{t('casus.title')}</p>}
      prompt={localize(instrument.casus.prompt, lang)}
      hint={localize(instrument.casus.hint, lang)}
      choices={instrument.casus.options.map((o) => ({
        id: o.type,
        type: o.type,
        text: localize(o.text, lang),
        rank: casus === o.type ? 1 : null,
      }))}
      onChoose={choose}
      footer={
        <button className="secondary back" onClick={back}>
          ← {t('item.back')}
        </button>
      }
    />
  );
}
