import { describe, expect, it } from 'vitest';
import { shippedInstrument } from '../../../tests/support/instruments';
import { seededRandom } from '../simulation';
import { labelKey, labelRanked, leadingType, profilePosition } from '../scoring';
import { crowdDensity, hexAt, hexCentre } from './crowdDensity';
import { crowdPicture, DENSITY_FROM, type CrowdInput } from './crowdDots';
import { BALANCED } from './profileLabels';

const three = shippedInstrument('ideale-ambtenaar');
const typeIds = three.types.map((t) => t.id);

/** `count` participants with random mixes on the 2.x lattice (points of twelve situations), labelled as scored. */
function crowd(count: number, seed = 3): CrowdInput[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const points = [0, 0, 0];
    for (let k = 0; k < 12; k++) {
      const first = Math.floor(random() * 3);
      points[first]! += 2;
      points[(first + 1 + Math.floor(random() * 2)) % 3]! += 1;
    }
    const shares = points.map((p) => p / 36);
    const fit = random();
    const label = labelRanked(typeIds, shares, fit);
    return { id: `r${i}`, shares, fit, lead: leadingType(label) ?? BALANCED, profile: labelKey(label) };
  });
}

describe('the crowd plot', () => {
  it('draws only the members of shown profiles, each shifted but never out of its own region', () => {
    const members = crowd(600);
    const hidden = 'two-sided:bureaucraat+verbinder';
    const shown = new Set(members.map((m) => m.profile).filter((p) => p !== hidden));
    const picture = crowdPicture(members, typeIds, 'first-and-second', shown, 5);
    expect(picture.kind).toBe('dots');
    if (picture.kind !== 'dots') return;
    const expected = members.filter((m) => m.profile !== hidden);
    expect(picture.drawn).toBe(expected.length);
    expect(picture.dots).toHaveLength(expected.length);
    // Each dot's region (its label from its own shifted mix) is a shown profile's; balanced mixes share one region.
    const region = (shares: readonly number[], fit: number): string => {
      const label = labelRanked(typeIds, shares, fit);
      return leadingType(label) === null ? BALANCED : labelKey(label);
    };
    const perRegion = new Map<string, number>();
    for (const dot of picture.dots) {
      const key = region(dot.shares, 1);
      perRegion.set(key, (perRegion.get(key) ?? 0) + 1);
    }
    const expectedPerRegion = new Map<string, number>();
    for (const m of expected) {
      const key = region(m.shares, 1);
      expectedPerRegion.set(key, (expectedPerRegion.get(key) ?? 0) + 1);
    }
    expect(perRegion).toEqual(expectedPerRegion);
    expect(perRegion.has(hidden)).toBe(false);
    // Shifted: most dots are not where their exact mix would put them.
    const moved = picture.dots.filter((d, i) => d.shares.join() !== expected[i]?.shares.join()).length;
    expect(moved).toBeGreaterThan(expected.length / 2);
  });

  it('draws nobody below the threshold or when every profile is hidden', () => {
    const members = crowd(40);
    expect(crowdPicture(members.slice(0, 4), typeIds, 'first-and-second', new Set(['chameleon']), 5).kind).toBe('none');
    expect(crowdPicture(members, typeIds, 'first-and-second', new Set(), 5)).toEqual({ kind: 'none', drawn: 0 });
  });

  it(`past ${DENSITY_FROM} drawn: density cells of at least the threshold, with shades and no counts`, () => {
    const members = crowd(20_000);
    const hidden = 'leading:ondernemer';
    const shown = new Set(members.map((m) => m.profile).filter((p) => p !== hidden));
    const picture = crowdPicture(members, typeIds, 'first-and-second', shown, 5);
    expect(picture.kind).toBe('density');
    if (picture.kind !== 'density') return;
    expect(picture.levels[0]).toBe(5);
    expect(picture.levels.length).toBeLessThanOrEqual(5);
    for (const bin of picture.bins) {
      expect(Object.keys(bin).sort()).toEqual(['level', 'shares', 'x', 'y']);
      expect(bin.level).toBeLessThan(picture.levels.length);
    }
    // No cell holds a hidden member: the cells are those of the shown members alone.
    const ownCells = crowdDensity(
      members.filter((m) => shown.has(m.profile)),
      5,
    ).bins.map((b) => `${b.x},${b.y}`);
    expect(picture.bins.map((b) => `${b.x},${b.y}`)).toEqual(ownCells);
  });

  it('leaves out a cell under the threshold', () => {
    const at = (shares: number[], n: number) => Array.from({ length: n }, () => ({ shares }));
    const { bins, levels } = crowdDensity([...at([1, 0, 0], 4), ...at([0, 1, 0], 5), ...at([0, 0, 1], 50)], 5);
    const centre = (shares: number[]): [number, number] =>
      hexCentre(...hexAt(...profilePosition(shares), 0.065), 0.065);
    expect(bins.map((b) => [b.x, b.y])).toEqual([centre([0, 1, 0]), centre([0, 0, 1])]);
    // The fuller cell in the darkest shade, the one at the threshold in the lightest.
    expect(bins.map((b) => b.level).sort()).toEqual([0, levels.length - 1]);
  });
});
