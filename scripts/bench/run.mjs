import { benchAudience } from './audience.mjs';
import { benchKiosk, benchProjector } from './browser.mjs';
import { benchExport } from './export.mjs';
import { benchHub } from './hub.mjs';
import { execFileSync } from 'node:child_process';
import { benchLongDay } from './longday.mjs';
import { benchReport } from './report.mjs';
import { benchSoak } from './soak.mjs';

/**
 * `npm run bench [-- harness hub export report kiosk projector soak audience longday]`: prints figures against the budgets of
 * the design brief. Timings on shared machines are noisy, so nothing here fails on a number.
 */
const all = {
  // The scoring harness: recovery per simulated profile, the point schemes side by side, the visit's reading time.
  harness: () =>
    execFileSync(process.execPath, [new URL('../../out/main/harness.js', import.meta.url).pathname, '--search'], {
      stdio: 'inherit',
    }),
  hub: benchHub,
  export: benchExport,
  // The day report at 600, 10,000 and 100,000 answers: size and time to write.
  report: benchReport,
  kiosk: benchKiosk,
  projector: benchProjector,
  soak: () => benchSoak({ visitors: 200 }),
  // A talk room of 300 phones, the phone page's weight and first paint on a slowed CPU.
  audience: benchAudience,
  longday: benchLongDay,
};
const chosen = process.argv.slice(2).filter((a) => a in all);
for (const name of chosen.length ? chosen : Object.keys(all)) {
  await all[name]();
}
