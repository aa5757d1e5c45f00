import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ms, ROOT, seedDatabase, startHub, tempDir } from './lib.mjs';

/** Export of 100,000 stored responses in every format, through the command line (process start included). */
export async function benchExport({ count = 100_000 } = {}) {
  const dir = tempDir('export');
  const hub = await startHub(dir);
  await hub.stop();
  seedDatabase(dir, count);
  console.log(`export: ${count} responses`);
  for (const format of ['csv', 'csv-semicolon', 'xlsx', 'json', 'pdf']) {
    const out = join(dir, `out.${format}`);
    const t0 = performance.now();
    const printed = execFileSync(
      process.execPath,
      [join(ROOT, 'out/main/export.js'), '--data', dir, '--format', format, '--out', out],
      { encoding: 'utf8' },
    );
    const inside = /read and built in (\d+) ms/.exec(printed)?.[1] ?? '?';
    console.log(
      `  ${format.padEnd(14)} ${ms(performance.now() - t0)} with process start, ${inside} ms to read and build (${statSync(out).size} bytes; budget ≤ 2 s; the PDF alone: npm run bench -- report)`,
    );
  }
}
