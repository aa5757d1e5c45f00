import { benchKiosk, benchProjector } from './browser.mjs';
import { benchExport } from './export.mjs';
import { benchHub } from './hub.mjs';
import { benchLongDay } from './longday.mjs';
import { benchSoak } from './soak.mjs';

/**
 * `npm run bench [-- hub export kiosk projector soak longday]`: prints figures against the budgets of the design
 * brief. Timings on shared machines are noisy, so nothing here fails on a number.
 */
const all = {
  hub: benchHub,
  export: benchExport,
  kiosk: benchKiosk,
  projector: benchProjector,
  soak: () => benchSoak({ visitors: 200 }),
  longday: benchLongDay,
};
const chosen = process.argv.slice(2).filter((a) => a in all);
for (const name of chosen.length ? chosen : Object.keys(all)) {
  await all[name]();
}
