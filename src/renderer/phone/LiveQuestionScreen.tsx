import { LIVE_LETTERS } from '../../core/live';
import { localize } from '../../core/instrument';
import { useLang } from '../common/useLang';
import { useLiveQuestion } from './live';

/** The live question as one screen: the situation, its options lettered as on the big screen, first choice only. */
export function LiveQuestionScreen() {
  const { t, lang } = useLang();
  const question = useLiveQuestion((s) => s.question);
  const choice = useLiveQuestion((s) => s.choice);
  const delivery = useLiveQuestion((s) => s.delivery);
  const choose = useLiveQuestion((s) => s.choose);
  if (!question) return null;
  const canChoose = question.open && delivery === 'none';
  const status =
    delivery === 'sent'
      ? t('live.phoneSent')
      : delivery === 'sending'
        ? t('live.phoneSending')
        : delivery === 'already'
          ? t('live.phoneAlready')
          : !question.open
            ? t('live.phoneClosed')
            : t('live.phoneHint');
  return (
    <main
      className="screen item live-question"
      data-testid="live-question"
      data-delivery={delivery}
      aria-labelledby="live-q"
    >
      <p className="kicker" id="live-q">
        {t('live.phoneTitle')}
      </p>
      <p className="prompt">{localize(question.prompt, lang)}</p>
      <p className="hint" role="status" data-testid="live-status">
        {status}
      </p>
      <div className="options">
        {question.options.map((text, i) => (
          <button
            key={LIVE_LETTERS[i]}
            className="option"
            data-testid={`live-choice-${LIVE_LETTERS[i]}`}
            aria-pressed={choice === i}
            disabled={!canChoose}
            onClick={() => choose(i)}
          >
            <span className="live-letter-small" aria-hidden="true">
              {LIVE_LETTERS[i]}
            </span>{' '}
            <span className="sr-only">{LIVE_LETTERS[i]}: </span>
            {localize(text, lang)}
          </button>
        ))}
      </div>
      {choice !== null && <p className="hint">{t('live.phoneYourChoice', { letter: LIVE_LETTERS[choice] })}</p>}
    </main>
  );
}
