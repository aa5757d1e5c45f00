import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseClientMessage } from './messages';
import { DEFAULT_SETTINGS, readSavedSettings, settingsSchema } from './settings';
import { forbiddenCharacter, plainText, withoutForbidden } from './text';

const FORBIDDEN = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  0x7f,
  ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i),
  0x2028,
  0x2029,
  0x061c,
  0x200e,
  0x200f,
  0x202a,
  0x202b,
  0x202c,
  0x202d,
  0x202e,
  0x2066,
  0x2067,
  0x2068,
  0x2069,
];

describe('the text rule for settings', () => {
  it('refuses every control, line-break and direction character, and names it and its place', () => {
    for (const code of FORBIDDEN) {
      const found = forbiddenCharacter(`Dag${String.fromCharCode(code)}x`);
      expect(found, code.toString(16)).toMatchObject({ position: 4 });
      expect(found!.character).toBe(`U+${code.toString(16).toUpperCase().padStart(4, '0')}`);
    }
    expect(forbiddenCharacter('a\u202Eb')?.kind).toBe('direction');
    expect(forbiddenCharacter('a\tb')?.kind).toBe('control');
    expect(forbiddenCharacter('a\u2028b')?.kind).toBe('line-break');
    expect(forbiddenCharacter('a\uD800b')).toEqual({ position: 2, character: 'U+D800', kind: 'broken' });
  });

  it('lets every visible text through: accents, other scripts, emoji (joined ones too), the no-break space', () => {
    for (const text of [
      'Ambtenaar 2.0 Dag',
      'Café Ñandú — “één”',
      'مؤتمر',
      '日本語',
      '👩🏽‍💻 dag',
      'a\u00A0b',
      'Europe/Amsterdam',
    ])
      expect(forbiddenCharacter(text), text).toBeNull();
    // A character outside the first plane counts once, as a reader counts it.
    expect(forbiddenCharacter('😀\u202E')?.position).toBe(2);
  });

  it('refuses a text with a forbidden character anywhere, and passes one without', () => {
    const visible = fc.string({ unit: 'grapheme', maxLength: 30 }).filter((s) => forbiddenCharacter(s) === null);
    fc.assert(
      fc.property(visible, visible, fc.constantFrom(...FORBIDDEN), (before, after, code) => {
        const schema = plainText('eventName');
        expect(schema.safeParse(before + after).success).toBe(true);
        const result = schema.safeParse(before + String.fromCharCode(code) + after);
        expect(result.success).toBe(false);
        expect(result.error?.issues[0]?.message).toContain(`character ${Array.from(before).length + 1} (U+`);
        expect(withoutForbidden(before + String.fromCharCode(code) + after)).toBe(before + after);
      }),
    );
  });

  it('the event name with a NUL and a right-to-left override is refused with the exact words, before any trimming', () => {
    const result = settingsSchema.partial().safeParse({ eventName: 'Dag\u0000\u202Eevil' });
    expect(result.error?.issues[0]?.message).toBe(
      'event name: character 4 (U+0000) is an invisible control character; use visible text on one line',
    );
    expect(settingsSchema.partial().safeParse({ eventName: '\tDag' }).success).toBe(false);
    expect(settingsSchema.partial().safeParse({ timeZone: 'Europe/\u202EAmsterdam' }).error?.issues[0]?.message).toBe(
      'time zone: character 8 (U+202E) is a character that changes the reading direction; use visible text on one line',
    );
  });

  it('every admin message that carries text is refused with the detail the console words', () => {
    const token = 'x'.repeat(32);
    const cases = [
      [{ kind: 'startRound', name: 'Zaal\u202E2' }, 'textRefused.roundName', 5],
      [{ kind: 'settings', settings: { eventName: 'Dag\u0085' } }, 'textRefused.eventName', 4],
      [{ kind: 'lanAddress', address: '10.0.0.1\u0000' }, 'textRefused.address', 9],
      [{ kind: 'instrument', id: '\u2066ideale-ambtenaar' }, 'textRefused.instrument', 1],
    ] as const;
    for (const [action, key, position] of cases) {
      const parsed = parseClientMessage(JSON.stringify({ type: 'admin', token, action }));
      expect(parsed.ok).toBe(false);
      if (parsed.ok) continue;
      expect(parsed.code).toBe('bad-message');
      expect(parsed.detail).toMatchObject({ key, params: { position } });
    }
  });

  it('settings saved before the rule are read clean: the offending characters go, an empty name takes the default', () => {
    expect(readSavedSettings({ eventName: 'Dag\u0000 \u202E2025' })?.eventName).toBe('Dag 2025');
    expect(readSavedSettings({ eventName: '\u202E\u0000' })?.eventName).toBe(DEFAULT_SETTINGS.eventName);
    expect(readSavedSettings({ suppressBelow: 1 })).toBeNull();
  });
});
