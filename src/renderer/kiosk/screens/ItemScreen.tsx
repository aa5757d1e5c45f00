import { useTranslation } from 'react-i18next';
import { localize } from '../../../core/instrument';
import { choicesPerItem } from '../session';
import { useKiosk } from '../store';
import { QuestionScreen } from './QuestionScreen';

/**
 * One situation per screen: the options in this visitor's shuffled order. The visitor taps a first and then a second
 * choice ("1" and "2" appear on them); a tap on a chosen option takes it back.
 */
export function ItemScreen() {
  const { t } = useTranslation();
  const instrument = useKiosk((s) => s.instrument)!;
  const lang = useKiosk((s) => s.lang);
  const index = useKiosk((s) => s.itemIndex);
  const order = useKiosk((s) => s.orders);
  const answers = useKiosk((s) => s.answers);
  const pick = useKiosk((s) => s.pick);
  const back = useKiosk((s) => s.back);
  const item = instrument.items[index]!;
  const total = instrument.items.length;
  const picks = answers[item.id] ?? [];
  const twoChoices = choicesPerItem(instrument) === 2;
  const hint = !twoChoices ? t('item.choose') : picks.length === 0 ? t('item.chooseFirst') : t('item.chooseSecond');

  return (
    <QuestionScreen
      questionKey={item.id}
      className="situation"
      step={
        <>
          <div
            className="progress"
            role="progressbar"
            aria-valuemin={1}
            aria-valuemax={total}
            aria-valuenow={index + 1}
            aria-label={t('item.progress', { current: index + 1, total })}
          >
            <span className="progress-fill" style={{ width: `${((index + 1) / total) * 100}%` }} />
          </div>
          <p className="step">{t('item.progress', { current: index + 1, total })}</p>
        </>
      }
      prompt={localize(item.prompt, lang)}
      hint={hint}
      choices={(order[item.id] ?? item.options.map((o) => o.type)).map((type) => {
        const option = item.options.find((o) => o.type === type)!;
        const rank = picks.indexOf(type);
        return { id: type, type, text: localize(option.text, lang), rank: rank >= 0 ? rank + 1 : null };
      })}
      onChoose={pick}
      ranked={twoChoices}
      footer={
        <button className="secondary back" onClick={back}>
          ← {t('item.back')}
        </button>
      }
    />
  );
}
// Named for React's developer tools and the render-count tests; minifying renames functions.
ItemScreen.displayName = 'ItemScreen';
