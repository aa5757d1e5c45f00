import { describe, expect, it } from 'vitest';
import { sheetName } from './xlsx';

describe('sheet names Excel opens without repair', () => {
  it('drops the characters Excel refuses, keeps to 31 characters and never repeats a name', () => {
    const used = new Set<string>();
    expect(sheetName('context-werk/thuis: [ja]?', used)).toBe('context-werk-thuis- -ja--');
    const long = 'context-een-heel-lange-vraag-over-het-werk';
    const first = sheetName(long, used);
    const second = sheetName(long, used);
    expect(first).toHaveLength(31);
    expect(second).toHaveLength(31);
    expect(second.endsWith(' (2)')).toBe(true);
    expect(sheetName('Codeboek', new Set(['codeboek']))).toBe('Codeboek (2)');
    expect(sheetName("'", used)).toBe('blad');
  });
});
