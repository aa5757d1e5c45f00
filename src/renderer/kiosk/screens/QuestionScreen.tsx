import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One option as the visitor sees it; `rank` is its place among the visitor's choices (1, 2) or null. */
export interface Choice {
  id: string;
  text: string;
  rank: number | null;
  /** The type behind the option, for tests and styling only (never shown). */
  type?: string;
}

interface Props {
  /** Changes with the question, so focus moves to the new prompt and the screen starts fresh. */
  questionKey: string;
  className: string;
  step: ReactNode;
  prompt: string;
  hint?: string;
  choices: readonly Choice[];
  onChoose(id: string): void;
  compact?: boolean;
  /** Options carry their place among the choices ("1", "2"); otherwise a chosen option is only marked as chosen. */
  ranked?: boolean;
  footer: ReactNode;
}

/**
 * The frame every question shares (situations, casus, context): the prompt takes focus when the question changes, so
 * a screen reader hears it, and every option is a large button that says whether and how it was chosen.
 */
export function QuestionScreen({
  questionKey,
  className,
  step,
  prompt,
  hint,
  choices,
  onChoose,
  compact,
  ranked,
  footer,
}: Props) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [questionKey]);
  return (
    <main className={`screen item ${className}`} key={questionKey}>
      {step}
      <h1 ref={heading} tabIndex={-1} className="prompt">
        {prompt}
      </h1>
      {hint && (
        <p className="hint" aria-live="polite">
          {hint}
        </p>
      )}
      <div className={compact ? 'options compact' : 'options'}>
        {choices.map((choice) => (
          <button
            key={choice.id}
            className="option"
            aria-pressed={choice.rank !== null}
            data-type={choice.type}
            data-rank={choice.rank ?? undefined}
            onClick={() => onChoose(choice.id)}
          >
            {ranked && choice.rank !== null && (
              <span className="rank" aria-hidden="true">
                {choice.rank}
              </span>
            )}
            <span className="option-text">{choice.text}</span>
            {ranked && choice.rank !== null && (
              <span className="sr-only">{choice.rank === 1 ? t('item.first') : t('item.second')}</span>
            )}
          </button>
        ))}
      </div>
      {footer}
    </main>
  );
}
