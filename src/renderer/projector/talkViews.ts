/**
 * The projector's views in the order a talk uses them: who is here, who leads, who we are against what our work asks,
 * the crowd per group (one context question at a time), the situation that split the room, and the day told again.
 * `→` walks this list; the help overlay and the README list it in this order.
 */
export const VIEWS = ['crowd', 'bars', 'casus', 'context', 'split', 'replay'] as const;
export type View = (typeof VIEWS)[number];
