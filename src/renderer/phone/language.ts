import type { Language } from '../../core/instrument';

/**
 * The phone's language: `?lang=` when given, else the first of the browser's languages the page speaks, else Dutch
 * (the event's language).
 */
export function phoneLanguage(asked: string | null, browser: readonly string[]): Language {
  if (asked === 'nl' || asked === 'en') return asked;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'nl' || base === 'en') return base;
  }
  return 'nl';
}
