import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchAudience } from './audience.mjs';
import { benchKiosk, benchProjector } from './browser.mjs';
import { benchExport } from './export.mjs';
import { benchHub } from './hub.mjs';
import { benchLive } from './live.mjs';
import { benchLongDay } from './longday.mjs';
import { runPhase, runPhases } from './phases.mjs';
import { benchReport } from './report.mjs';
import { benchSoak } from './soak.mjs';

/**
 * `npm run bench [-- harness hub export report kiosk projector soak audience live longday]`: prints figures against the
 * budgets of the design brief. Timings on shared machines are noisy, so nothing here fails on a number. Each phase
 * runs in its own process (`run.mjs --phase NAME`); one that fails prints why, the others still run, and the run
 * exits 1 at the end.
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
  // The talk's live moment: 300 phones answer one situation in 30 s; the remote's buttons.
  live: benchLive,
  longday: benchLongDay,
};

const [flag, phase] = process.argv.slice(2);
if (flag === '--phase') {
  if (!(phase in all)) throw new Error(`no bench phase "${phase}"`);
  await runPhase(phase, all[phase]);
} else {
  const chosen = process.argv.slice(2).filter((a) => a in all);
  const failed = await runPhases(fileURLToPath(import.meta.url), chosen.length ? chosen : Object.keys(all));
  process.exitCode = failed.length ? 1 : 0;
}
