import { z } from 'zod';
import type { Profile } from './response';
import { labelKey, leadingType, type ProfileLabel } from './scoring';

/** The live totals of one instrument: what the projector and the kiosk's crowd comparison show. */
export const aggregateSchema = z.object({
  total: z.number().int().nonnegative(),
  /** Per type (instrument order): responses whose label leads with that type (leading or two-sided). */
  leading: z.array(z.number().int().nonnegative()),
  /** Responses with a balanced mix and no leading type (chameleons and all-rounders; `labels` splits them). */
  balanced: z.number().int().nonnegative(),
  /** Count per label key (see labelKey). */
  labels: z.record(z.string(), z.number().int().nonnegative()),
  /** Sum of shares per type; divide by total for the mean mix. */
  shareSums: z.array(z.number().nonnegative()),
  /** Per type: how many situations asked most for it. */
  casus: z.array(z.number().int().nonnegative()),
});
export type Aggregate = z.infer<typeof aggregateSchema>;

/** An empty aggregate for `n` types. */
export function emptyAggregate(n: number): Aggregate {
  return {
    total: 0,
    leading: Array.from({ length: n }, () => 0),
    balanced: 0,
    labels: {},
    shareSums: Array.from({ length: n }, () => 0),
    casus: Array.from({ length: n }, () => 0),
  };
}

/**
 * Adds one profile. Addition commutes, so the result does not depend on delivery order; the hub dedupes by id before
 * calling this, which makes the whole path idempotent.
 */
export function addToAggregate(
  agg: Aggregate,
  profile: Pick<Profile, 'shares' | 'label' | 'casusIndex'>,
  typeIds: readonly string[],
): Aggregate {
  const key = labelKey(profile.label);
  const lead = leadingType(profile.label);
  const leadIndex = lead === null ? -1 : typeIds.indexOf(lead);
  return {
    total: agg.total + 1,
    leading: agg.leading.map((c, i) => (i === leadIndex ? c + 1 : c)),
    balanced: agg.balanced + (lead === null ? 1 : 0),
    labels: { ...agg.labels, [key]: (agg.labels[key] ?? 0) + 1 },
    shareSums: agg.shareSums.map((s, i) => s + (profile.shares[i] ?? 0)),
    casus: agg.casus.map((c, i) => (i === profile.casusIndex ? c + 1 : c)),
  };
}

/** The smallest crowd for which the distribution is shown at all (fewer would single people out). */
export const MIN_CROWD_FOR_DISTRIBUTION = 5;

/** Adds one public crowd member (shares and casus only), labelled as the hub labels a profile. */
export function addMember(
  agg: Aggregate,
  member: { shares: number[]; casus: number; label: ProfileLabel },
  typeIds: readonly string[],
): Aggregate {
  return addToAggregate(agg, { shares: member.shares, label: member.label, casusIndex: member.casus }, typeIds);
}

/** The aggregate of a set of public crowd members (for a projector filtering on a round). */
export function aggregateMembers(
  members: readonly { shares: number[]; casus: number; label: ProfileLabel }[],
  typeIds: readonly string[],
): Aggregate {
  let agg = emptyAggregate(typeIds.length);
  for (const m of members) agg = addMember(agg, m, typeIds);
  return agg;
}
