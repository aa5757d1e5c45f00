import { describe, expect, it } from 'vitest';
import { formatJoinCode, JOIN_CODE_LENGTH, normalizeJoinCode, pairingUrl } from './lan';

describe('join code', () => {
  it('reads a code the way people type it', () => {
    expect(normalizeJoinCode('abcd-efgh-jkmn')).toBe('ABCDEFGHJKMN');
    expect(normalizeJoinCode(' ABCD EFGH JKMN ')).toBe('ABCDEFGHJKMN');
    // O looks like 0, I and L like 1: Crockford's alphabet has only the digits.
    expect(normalizeJoinCode('oooo-iiii-llll')).toBe('000011111111');
  });

  it('refuses what cannot be a code', () => {
    expect(normalizeJoinCode('')).toBeNull();
    expect(normalizeJoinCode('ABCDEFGHJKM')).toBeNull();
    expect(normalizeJoinCode('ABCDEFGHJKMNP')).toBeNull();
    expect(normalizeJoinCode('ABCDEFGHJKMU')).toBeNull();
    expect(normalizeJoinCode('ABCDEFGH%KMN')).toBeNull();
  });

  it('groups a code by four for reading aloud', () => {
    expect(formatJoinCode('ABCDEFGHJKMN')).toBe('ABCD-EFGH-JKMN');
    expect(JOIN_CODE_LENGTH).toBe(12);
  });

  it('builds the address a device opens, with brackets for IPv6', () => {
    expect(pairingUrl('192.168.1.20', 5781, 'kiosk', 'ABCDEFGHJKMN')).toBe(
      'http://192.168.1.20:5781/kiosk/?join=ABCDEFGHJKMN',
    );
    expect(pairingUrl('fe80::1', 5781, 'projector', 'ABCDEFGHJKMN')).toBe(
      'http://[fe80::1]:5781/projector/?join=ABCDEFGHJKMN',
    );
  });
});
