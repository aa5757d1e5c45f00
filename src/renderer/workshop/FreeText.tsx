import { useId, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { forbiddenCharacter } from '../../core/text';

/**
 * One line of the participant's own text (a case, a commitment, a screen name): the hub's cap as the field's own
 * limit with a counter, and a character the hub would refuse (core/text.ts) named beside the field before anything is
 * sent. Enter saves nothing and breaks no line: the text is one line.
 */
export function FreeText({
  label,
  value,
  onChange,
  max,
  multiline = true,
  testId,
  disabled = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  max: number;
  multiline?: boolean;
  testId: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const found = forbiddenCharacter(value);
  const noEnter = (event: KeyboardEvent): void => {
    if (event.key === 'Enter') event.preventDefault();
  };
  const common = {
    id,
    value,
    maxLength: max,
    disabled,
    'aria-describedby': `${id}-count${found ? ` ${id}-error` : ''}`,
    'aria-invalid': found !== null,
    'data-testid': testId,
    autoComplete: 'off',
  };
  return (
    <div className="free-text">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onKeyDown={noEnter} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => onChange(e.target.value)} />
      )}
      <span className="counter" id={`${id}-count`} data-testid={`${testId}-count`}>
        {t('workshopParticipant.counter', { count: value.length, max })}
      </span>
      {found && (
        <span className="field-error" role="alert" id={`${id}-error`} data-testid={`${testId}-refused`}>
          {t('workshopParticipant.textRefused', { position: found.position, character: found.character })}
        </span>
      )}
    </div>
  );
}

/** Whether `text` may be sent: nothing the hub refuses. */
export const sendable = (text: string): boolean => forbiddenCharacter(text) === null;
