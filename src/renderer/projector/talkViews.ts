/**
 * The projector's views in the order a talk uses them: who is here, who leads, who we are against what our work asks,
 * the crowd per group (one context question at a time), the situation that split the room, and the day told again.
 * `→` walks this list; the help overlay and the README list it in this order.
 */
export const VIEWS = ['crowd', 'bars', 'casus', 'context', 'split', 'replay'] as const;
export type View = (typeof VIEWS)[number];

/**
 * Views whose counts the hub keeps for the whole day only (per group, the split situation): the round filter does not
 * reach them, so their counter shows the day and the round badge says so rather than name a round.
 */
export const WHOLE_DAY_VIEWS: ReadonlySet<View> = new Set<View>(['context', 'split']);
