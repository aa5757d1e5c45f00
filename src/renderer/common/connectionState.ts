/**
 * Where a page's connection to the hub stands. `unpaired`: the hub is there but refuses this device over the network
 * (its join code was renewed, or it never had one), so waiting will not help; pairing again will.
 */
export type ConnectionState = 'connecting' | 'open' | 'closed' | 'unpaired';
