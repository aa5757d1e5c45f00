import type { IdealType } from './instrument';
import type { WorkshopPhase, WorkshopScreen } from './workshop';

/**
 * What the shared screen may show of a small group (docs/adr/0011-workshop-mode.md). In a team of six a picture can
 * give people away, so:
 * - **no picture below a minimum**: the group's mix and what its cases ask are shown from {@link WORKSHOP_MIN_GROUP}
 *   answers (cases) on, never per person, never as dots;
 * - **in steps**: a shown picture changes only when at least the minimum of answers came or went since it was shown,
 *   so the difference between two pictures is never one person's mix (the live moment's rule, docs/adr/0010);
 * - **names only by choice**: a participant's own mix is on the screen only under the nickname they chose to show, and
 *   the group's mean only while those without one are none or at least the minimum (else the mean minus the named
 *   mixes would be the few others' own);
 * - **shared lines without names**, sorted by their text, not by when they came.
 */

/** Fewest answers (or cases) the group picture is drawn from. */
export const WORKSHOP_MIN_GROUP = 5;

/** One participant as the hub keeps them. */
export interface ParticipantRecord {
  /** The participant's mix (shares per type, instrument order), once they answered. */
  shares: readonly number[] | null;
  nickname: string | null;
  case: { text: string; asks: string | null; share: boolean } | null;
  commitment: { text: string; share: boolean } | null;
}

/** A picture as last shown: the mean mix and how many it was drawn from. */
export interface ShownPicture {
  shares: number[];
  count: number;
}

/** What the screen showed last, so the next picture moves only in steps. */
export interface ShownState {
  group: ShownPicture | null;
  asks: ShownPicture | null;
}

export const NOTHING_SHOWN: ShownState = { group: null, asks: null };

/** The mean mix, added up in a fixed order, so it is the same whatever order the answers came in. */
function mean(mixes: readonly (readonly number[])[], n: number): number[] {
  const sorted = [...mixes].sort((a, b) => byText(JSON.stringify(a), JSON.stringify(b)));
  return Array.from({ length: n }, (_, i) => sorted.reduce((sum, m) => sum + (m[i] ?? 0), 0) / sorted.length);
}

/**
 * The picture to show now and the one to remember: none below the minimum; else the remembered one until the count
 * moved by at least the minimum (up or down) since it was drawn, then the current one. The memory outlives a spell
 * below the minimum, so a picture that comes back after one never differs from the last by one person; a withdrawn
 * answer leaves the picture at its next step. `current` is computed only when needed.
 */
export function stepped(
  count: number,
  last: ShownPicture | null,
  current: () => number[],
  min = WORKSHOP_MIN_GROUP,
): { show: ShownPicture | null; memory: ShownPicture | null } {
  if (count < min) return { show: null, memory: last };
  const show = last && Math.abs(count - last.count) < min ? last : { shares: current(), count };
  return { show, memory: show };
}

/** The share of each type among the sides the cases ask (cases that ask none are left out). */
function asksShares(records: readonly ParticipantRecord[], types: readonly Pick<IdealType, 'id'>[]): number[] {
  const asked = records.flatMap((r) => (r.case?.asks ? [r.case.asks] : []));
  return types.map((t) => asked.filter((a) => a === t.id).length / Math.max(1, asked.length));
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** A named person's place in every list: by nickname, then by mix (two may choose the same nickname). */
const byPerson = (a: { nickname: string; shares: readonly number[] }, b: typeof a): number =>
  byText(a.nickname, b.nickname) || byText(JSON.stringify(a.shares), JSON.stringify(b.shares));

/** Distance between two mixes: how differently two people weigh the types (0 alike, 2 opposite). */
const distance = (a: readonly number[], b: readonly number[]): number =>
  a.reduce((sum, x, i) => sum + Math.abs(x - (b[i] ?? 0)), 0);

/**
 * Pairs of complementary mixes among the named participants: repeatedly the two who differ most; an odd one out
 * joins the pair it differs most from, as a trio. Deterministic for the same people.
 */
export function complementaryGroups<T extends { nickname: string; shares: readonly number[] }>(
  people: readonly T[],
): T[][] {
  const left = [...people].sort(byPerson);
  const groups: T[][] = [];
  while (left.length >= 2) {
    let best: [number, number] = [0, 1];
    for (let i = 0; i < left.length; i++)
      for (let j = i + 1; j < left.length; j++)
        if (distance(left[i]!.shares, left[j]!.shares) > distance(left[best[0]]!.shares, left[best[1]]!.shares))
          best = [i, j];
    const b = left.splice(best[1], 1)[0]!;
    const a = left.splice(best[0], 1)[0]!;
    groups.push([a, b]);
  }
  if (left.length === 1 && groups.length > 0) {
    const odd = left[0]!;
    const far = (g: T[]): number => Math.min(...g.map((p) => distance(p.shares, odd.shares)));
    groups.reduce((a, b) => (far(b) > far(a) ? b : a)).push(odd);
  }
  return groups;
}

/** The type on which a group's mixes differ most: its card's question is the group's to discuss. */
export function mostDifferentType(shares: readonly (readonly number[])[]): number {
  const spread = shares[0]!.map(
    (_, i) => Math.max(...shares.map((s) => s[i]!)) - Math.min(...shares.map((s) => s[i]!)),
  );
  return spread.indexOf(Math.max(...spread));
}

/** The shared screen for a phase, and what it now shows (to pass back in next time). */
export function workshopScreen(
  workshop: { name: string; phase: WorkshopPhase; nicknames: boolean },
  types: readonly Pick<IdealType, 'id' | 'reflection'>[],
  records: readonly ParticipantRecord[],
  shown: ShownState,
  min = WORKSHOP_MIN_GROUP,
): { screen: WorkshopScreen; shown: ShownState } {
  const answered = records.filter((r) => r.shares !== null);
  // Beside the named mixes, the group's mean gives away the sum of the others: it is shown only while they are none
  // or at least the minimum (4 named and 1 unnamed of 5 would show the fifth person's mix).
  const unnamed = answered.filter((r) => !(workshop.nicknames && r.nickname !== null)).length;
  const drawn = stepped(
    answered.length,
    shown.group,
    () =>
      mean(
        answered.map((r) => r.shares!),
        types.length,
      ),
    min,
  );
  const group = unnamed > 0 && unnamed < min ? null : drawn.show;
  const withAsks = records.filter((r) => r.case?.asks);
  const asks = stepped(withAsks.length, shown.asks, () => asksShares(records, types), min);
  const named = workshop.nicknames
    ? answered
        .filter((r) => r.nickname !== null)
        .map((r) => ({ nickname: r.nickname!, shares: [...r.shares!] }))
        .sort(byPerson)
    : [];
  const cases = records
    .flatMap((r) => (r.case?.share && r.case.text ? [{ text: r.case.text, asks: r.case.asks }] : []))
    .sort((a, b) => byText(a.text, b.text) || byText(a.asks ?? '', b.asks ?? ''));
  const strongest = cases.flatMap((c, i) => {
    const t = types.findIndex((x) => x.id === c.asks);
    if (t < 0 || named.length === 0) return [];
    const top = Math.max(...named.map((p) => p.shares[t]!));
    return [{ case: i, type: c.asks!, nicknames: named.filter((p) => p.shares[t] === top).map((p) => p.nickname) }];
  });
  const groups = complementaryGroups(named).map((g) => ({
    nicknames: g.map((p) => p.nickname),
    question: types[mostDifferentType(g.map((p) => p.shares))]!.reflection,
  }));
  const commitments = records
    .flatMap((r) => (r.commitment?.share && r.commitment.text ? [r.commitment.text] : []))
    .sort(byText);
  return {
    screen: {
      name: workshop.name,
      phase: workshop.phase,
      joined: records.length,
      answered: answered.length,
      group,
      named,
      asks: asks.show,
      cases,
      strongest,
      groups,
      commitments,
    },
    // Only what was on the screen is remembered: a picture drawn but held back must not become the base of the next.
    shown: { group: group ?? shown.group, asks: asks.memory },
  };
}
