import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, seedDatabase, startHub, tempDir } from './lib.mjs';

/**
 * The day report (PDF) at 600, 10,000 and 100,000 stored answers, through the command line: its size and the time
 * to write it from the export document, beside the time to read and count the answers. Budget at 100,000: at most
 * 1 MB and 2 s to write. Printed, never asserted.
 */
export async function benchReport({ counts = [600, 10_000, 100_000] } = {}) {
  console.log('report: the day report as PDF (nl and en)');
  for (const count of counts) {
    const dir = tempDir('report');
    const hub = await startHub(dir);
    await hub.stop();
    seedDatabase(dir, count);
    for (const lang of ['nl', 'en']) {
      const out = join(dir, `report-${lang}.pdf`);
      const printed = execFileSync(
        process.execPath,
        [join(ROOT, 'out/main/export.js'), '--data', dir, '--format', 'pdf', '--lang', lang, '--out', out],
        { encoding: 'utf8' },
      );
      const written = /pdf written (\d+) ms/.exec(printed)?.[1] ?? '?';
      const read = /read and counted (\d+) ms/.exec(printed)?.[1] ?? '?';
      const size = statSync(out).size;
      console.log(
        `  ${String(count).padStart(7)} answers, ${lang}: ${(size / 1024).toFixed(0).padStart(5)} KB, written in ` +
          `${written.padStart(5)} ms (reading and counting the answers ${read} ms)` +
          (count >= 100_000 ? '; budget ≤ 1024 KB, ≤ 2000 ms' : ''),
      );
    }
  }
}
