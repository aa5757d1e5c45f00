import * as m0001 from './0001-init';
import * as m0002 from './0002-rounds-rehearsal';
import * as m0003 from './0003-audience-phones';
import * as m0004 from './0004-audience-sources';
import * as m0005 from './0005-live-moments';
import * as m0006 from './0006-workshops';

/** Numbered schema migrations; `user_version` records how many have run. Append only. */
export const MIGRATIONS: readonly { name: string; up: string }[] = [
  { name: '0001-init', up: m0001.up },
  { name: '0002-rounds-rehearsal', up: m0002.up },
  { name: '0003-audience-phones', up: m0003.up },
  { name: '0004-audience-sources', up: m0004.up },
  { name: '0005-live-moments', up: m0005.up },
  { name: '0006-workshops', up: m0006.up },
];
