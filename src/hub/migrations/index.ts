import * as m0001 from './0001-init';

/** Numbered schema migrations; `user_version` records how many have run. Append only. */
export const MIGRATIONS: readonly { name: string; up: string }[] = [{ name: '0001-init', up: m0001.up }];
