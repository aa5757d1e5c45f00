import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shippedInstrument } from '../../tests/support/instruments';
import { makeResponse } from '../../tests/support/responses';
import { parseClientMessage } from './messages';
import { checkAgainstInstrument, responseSchema } from './response';

const instrument = shippedInstrument('ideale-ambtenaar');
const validResponse = (): any => ({ ...makeResponse(instrument), context: { rol: 'beleid' } });

describe('client messages', () => {
  it('accepts hello and a valid submit', () => {
    expect(parseClientMessage(JSON.stringify({ type: 'hello', role: 'kiosk', device: 'abcdefgh-1234' })).ok).toBe(true);
    const parsed = parseClientMessage(JSON.stringify({ type: 'submit', response: validResponse() }));
    expect(parsed.ok).toBe(true);
  });

  it.each([
    ['not JSON', '{"type":', 'bad-json'],
    ['an unknown type', '{"type":"drop-table"}', 'bad-message'],
    ['a wrong role', '{"type":"hello","role":"root","device":"abcdefgh"}', 'bad-message'],
    ['an extra key', '{"type":"hello","role":"kiosk","device":"abcdefgh","admin":true}', 'bad-message'],
    ['a __proto__ key', '{"type":"hello","role":"kiosk","device":"abcdefgh","__proto__":{"x":1}}', 'bad-message'],
    ['a device id with markup', '{"type":"hello","role":"kiosk","device":"<script>alert(1)</script>"}', 'bad-message'],
  ])('rejects %s with a clear code', (_name, raw, code) => {
    const parsed = parseClientMessage(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.code).toBe(code);
      expect(parsed.reason.length).toBeGreaterThan(3);
    }
  });

  it('rejects a response whose id is not a UUID, or with a free-text field', () => {
    expect(responseSchema.safeParse({ ...validResponse(), id: 'x' }).success).toBe(false);
    expect(responseSchema.safeParse({ ...validResponse(), name: 'Jan' }).success).toBe(false);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.anything().map((x) => JSON.stringify(x) ?? ''),
        ),
        (raw) => {
          const parsed = parseClientMessage(raw);
          expect(typeof parsed.ok).toBe('boolean');
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('a response checked against its instrument', () => {
  it('passes when every item is answered once with a known type', () => {
    expect(checkAgainstInstrument(responseSchema.parse(validResponse()), instrument)).toBeNull();
  });

  it.each([
    ['an unknown instrument version', (r: any) => (r.instrumentVersion = '9.9.9'), /instrument/],
    ['an out-of-range type', (r: any) => (r.answers[0].order[1] = 'kameel'), /unknown type kameel for item/],
    [
      'the same type first and second',
      (r: any) => (r.answers[0].order[1] = r.answers[0].order[0]),
      /same choice twice/,
    ],
    [
      'a single pick where the instrument asks two choices',
      (r: any) => (r.answers = r.answers.map((a: any) => ({ item: a.item, type: a.order[0] }))),
      /first and a second choice/,
    ],
    ['a missing item', (r: any) => r.answers.pop(), /expected 12 answers, got 11/],
    ['an item twice', (r: any) => (r.answers[1].item = r.answers[0].item), /answered twice/],
    ['an unknown item', (r: any) => (r.answers[0].item = 'extra'), /unknown item extra/],
    ['an unknown casus', (r: any) => (r.casus = 'niets'), /unknown casus/],
    ['an unknown context option', (r: any) => (r.context = { rol: 'wethouder' }), /unknown option wethouder/],
    ['an unknown context question', (r: any) => (r.context = { leeftijd: 'x' }), /unknown context question/],
  ])('refuses %s', (_name, mutate, message) => {
    const response = validResponse();
    mutate(response);
    expect(checkAgainstInstrument(responseSchema.parse(response), instrument)).toMatch(message);
  });
});

describe('the outbox report', () => {
  it('from a kiosk of an earlier version (no refused count) is still understood, as none refused', () => {
    expect(parseClientMessage(JSON.stringify({ type: 'outbox', pending: 3 }))).toEqual({
      ok: true,
      message: { type: 'outbox', pending: 3, refused: 0 },
    });
  });
});
