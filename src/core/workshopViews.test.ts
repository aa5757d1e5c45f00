import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shippedInstrument } from '../../tests/support/instruments';
import {
  complementaryGroups,
  NOTHING_SHOWN,
  workshopScreen,
  WORKSHOP_MIN_GROUP,
  type ParticipantRecord,
  type ShownState,
} from './workshopViews';

const types = shippedInstrument('ideale-ambtenaar').types;
const ws = { name: 'Team West', phase: 'stand' as const, nicknames: true };

const mixArb = fc
  .tuple(fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 1, max: 24 }))
  .map(([a, b, c]) => [a, b, c].map((x) => x / (a + b + c)));
const recordArb: fc.Arbitrary<ParticipantRecord> = fc.record({
  shares: fc.option(mixArb, { nil: null }),
  nickname: fc.option(fc.constantFrom('Anna', 'Bram', 'Cem', 'Dewi', 'Eva'), { nil: null }),
  case: fc.option(
    fc.record({
      text: fc.string({ minLength: 1, maxLength: 20 }),
      asks: fc.option(fc.constantFrom(...types.map((t) => t.id)), { nil: null }),
      share: fc.boolean(),
    }),
    { nil: null },
  ),
  commitment: fc.option(fc.record({ text: fc.string({ minLength: 1, maxLength: 20 }), share: fc.boolean() }), {
    nil: null,
  }),
});

describe('what the shared screen may show of a small group', () => {
  it('no group picture below the minimum; none of the mixes of those who chose no nickname', () => {
    const four = Array.from({ length: WORKSHOP_MIN_GROUP - 1 }, (_, i) => ({
      shares: [1, 0, 0].map((_, j) => (j === i % 3 ? 1 : 0)),
      nickname: null,
      case: null,
      commitment: null,
    }));
    const { screen } = workshopScreen(ws, types, four, NOTHING_SHOWN);
    expect(screen.group).toBeNull();
    expect(screen.named).toEqual([]);
    expect(screen.answered).toBe(4);
  });

  // The group picture moves only in steps of the minimum: two pictures on the screen in a row never differ by one
  // person's answer, whoever joins, answers or withdraws in between (the export's suppression, for a small group).
  it('a picture changes only when the minimum of answers came or went since it was shown (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(recordArb, { maxLength: 30 }), { minLength: 2, maxLength: 12 }), (moments) => {
        let shown: ShownState = NOTHING_SHOWN;
        // What a viewer remembers: the last picture shown, also across a spell without one.
        let last: { count: number; shares: number[] } | null = null;
        for (const records of moments) {
          const next = workshopScreen(ws, types, records, shown);
          shown = next.shown;
          const group = next.screen.group;
          if (!group) continue;
          expect(group.count).toBeGreaterThanOrEqual(WORKSHOP_MIN_GROUP);
          if (last && JSON.stringify(group) !== JSON.stringify(last))
            expect(Math.abs(group.count - last.count)).toBeGreaterThanOrEqual(WORKSHOP_MIN_GROUP);
          last = group;
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('shows a mix only under a nickname, and shared lines without names in an order that does not follow arrival', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 20 }), fc.integer(), (records, seed) => {
        const { screen } = workshopScreen(ws, types, records, NOTHING_SHOWN);
        const withName = records.filter((r) => r.shares && r.nickname);
        expect(screen.named.map((n) => n.nickname).sort()).toEqual(withName.map((r) => r.nickname).sort());
        // Any order of arrival gives the same screen.
        const shuffled = [...records].sort(() => (seed % 2 === 0 ? 1 : -1));
        expect(workshopScreen(ws, types, shuffled, NOTHING_SHOWN).screen).toEqual(screen);
        const shared = records.filter((r) => r.case?.share && r.case.text).length;
        expect(screen.cases).toHaveLength(shared);
        expect(JSON.stringify(screen.commitments)).not.toMatch(/Anna|Bram|Cem|Dewi|Eva/);
      }),
      { numRuns: 200 },
    );
  });

  it('never shows the group beside named mixes when the unnamed are 1 to 4: their sum would be theirs (property)', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 30 }), (records) => {
        const { screen } = workshopScreen(ws, types, records, NOTHING_SHOWN);
        const unnamed = records.filter((r) => r.shares && !r.nickname).length;
        if (screen.group) expect(unnamed === 0 || unnamed >= WORKSHOP_MIN_GROUP).toBe(true);
      }),
      { numRuns: 300 },
    );
    const five = ['Anna', 'Bram', 'Cem', 'Dewi', null].map((nickname, i) => ({
      shares: [i / 10, 1 - i / 10, 0],
      nickname,
      case: null,
      commitment: null,
    }));
    expect(workshopScreen(ws, types, five, NOTHING_SHOWN).screen.group).toBeNull();
  });

  it('without nicknames allowed no one is named, whatever they typed', () => {
    const records = Array.from({ length: 8 }, (_, i) => ({
      shares: [0.5, 0.3, 0.2],
      nickname: `P${i}`,
      case: null,
      commitment: null,
    }));
    const { screen } = workshopScreen({ ...ws, nicknames: false }, types, records, NOTHING_SHOWN);
    expect(screen.named).toEqual([]);
    expect(screen.groups).toEqual([]);
    expect(screen.group?.count).toBe(8);
  });

  it('names who has the side a shared case asks strongest, among the named', () => {
    const records: ParticipantRecord[] = [
      { shares: [0.7, 0.2, 0.1], nickname: 'Anna', case: null, commitment: null },
      {
        shares: [0.1, 0.2, 0.7],
        nickname: 'Bram',
        case: { text: 'Buurtavond', asks: 'verbinder', share: true },
        commitment: null,
      },
      {
        shares: [0.2, 0.6, 0.2],
        nickname: null,
        case: { text: 'Geheim', asks: 'ondernemer', share: false },
        commitment: null,
      },
    ];
    const { screen } = workshopScreen(ws, types, records, NOTHING_SHOWN);
    expect(screen.cases).toEqual([{ text: 'Buurtavond', asks: 'verbinder' }]);
    expect(screen.strongest).toEqual([{ case: 0, type: 'verbinder', nicknames: ['Bram'] }]);
  });
});

describe('complementary groups for the discussion', () => {
  it('puts every named participant in exactly one pair or trio, the most different together (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 15 }),
        fc.array(mixArb, { minLength: 15, maxLength: 15 }),
        (names, mixes) => {
          const people = names.map((nickname, i) => ({ nickname, shares: mixes[i]! }));
          const groups = complementaryGroups(people);
          expect(
            groups
              .flat()
              .map((p) => p.nickname)
              .sort(),
          ).toEqual(people.length >= 2 ? names.sort() : []);
          for (const g of groups) expect([2, 3]).toContain(g.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('pairs the two who differ most', () => {
    const groups = complementaryGroups([
      { nickname: 'A', shares: [1, 0, 0] },
      { nickname: 'B', shares: [0.9, 0.1, 0] },
      { nickname: 'C', shares: [0, 0, 1] },
      { nickname: 'D', shares: [0, 0.1, 0.9] },
    ]);
    expect(
      groups.map((g) =>
        g
          .map((p) => p.nickname)
          .sort()
          .join(''),
      ),
    ).toEqual(['AC', 'BD']);
  });
});
