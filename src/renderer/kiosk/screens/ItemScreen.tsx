import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../core/instrument';
import { useKiosk } from '../store';

/** One situation per screen: the options in this visitor's shuffled order, big enough for any finger. */
export function ItemScreen() {
  const { t } = useTranslation();
  const instrument = useKiosk((s) => s.instrument)!;
  const lang = useKiosk((s) => s.lang);
  const index = useKiosk((s) => s.itemIndex);
  const order = useKiosk((s) => s.orders);
  const answers = useKiosk((s) => s.answers);
  const answer = useKiosk((s) => s.answer);
  const back = useKiosk((s) => s.back);
  const heading = useRef<HTMLHeadingElement>(null);
  const item = instrument.items[index]!;
  const total = instrument.items.length;
  const chosen = answers[item.id];

  useEffect(() => heading.current?.focus(), [index]);

  return (
    <main className="screen item" key={item.id}>
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
      <h1 ref={heading} tabIndex={-1} className="prompt">
        {localize(item.prompt, lang)}
      </h1>
      <p className="hint">{t('item.choose')}</p>
      <div className="options">
        {(order[item.id] ?? item.options.map((o) => o.type)).map((type) => {
          const option = item.options.find((o) => o.type === type)!;
          return (
            <button
              key={type}
              className="option"
              aria-pressed={chosen === type}
              data-type={type}
              onClick={() => answer(type)}
            >
              {localize(option.text, lang)}
            </button>
          );
        })}
      </div>
      <button className="secondary back" onClick={back}>
        ← {t('item.back')}
      </button>
    </main>
  );
}
