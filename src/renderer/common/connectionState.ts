/** Where a page's connection to the hub stands. */
export type ConnectionState = 'connecting' | 'open' | 'closed';
