import { describe, expect, it } from 'vitest';
import { phoneLanguage } from './language';

describe('phoneLanguage', () => {
  it('takes the first browser language the page speaks, Dutch when none', () => {
    expect(phoneLanguage(null, ['en-GB', 'nl'])).toBe('en');
    expect(phoneLanguage(null, ['de-DE', 'nl-BE', 'en'])).toBe('nl');
    expect(phoneLanguage(null, ['fr-FR'])).toBe('nl');
    expect(phoneLanguage('en', ['nl-NL'])).toBe('en');
  });
});
