import { useTranslation } from 'react-i18next';
import { forbiddenCharacter, type TextField } from '../../../core/text';

/**
 * What the hub would refuse in a text field (core/text.ts), said beside the field in the console's own words before
 * anything is sent; the form's button stays off while it shows.
 */
export function TextRuleError({ field, text }: { field: TextField; text: string }) {
  const { t } = useTranslation();
  const found = forbiddenCharacter(text);
  if (!found) return null;
  return (
    <span className="field-error" role="alert" data-testid={`text-refused-${field}`}>
      {t(`console.textRefused.${field}`, { position: found.position, character: found.character })}
    </span>
  );
}
