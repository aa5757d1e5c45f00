import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/**
 * Runs Electronegativity over the sources and fails on any finding of medium or higher severity that
 * scripts/electronegativity-allow.json does not explain (the tool itself exits 0 even on HIGH findings).
 */
const root = new URL('..', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'));
const allow = JSON.parse(readFileSync(join(root, 'scripts/electronegativity-allow.json'), 'utf8'));
const out = join(mkdtempSync(join(tmpdir(), 'eneg-')), 'report.csv');
execFileSync(join(root, 'node_modules/.bin/electronegativity'), ['-i', join(root, 'src'), '-e', version, '-o', out], {
  stdio: 'ignore',
});

const findings = readFileSync(out, 'utf8')
  .split('\n')
  .slice(1)
  .filter((line) => line.trim())
  .map((line) => {
    const [issue, severity, confidence, file, location] = line.split(',').map((f) => f.replace(/^"|"$/g, '').trim());
    return { issue, severity, confidence, file: file === 'N/A' ? 'N/A' : relative(root, file), location };
  });
const serious = findings.filter((f) => ['MEDIUM', 'HIGH', 'CRITICAL'].includes(f.severity));
const unexplained = serious.filter((f) => !allow[`${f.issue} ${f.file}`]);
for (const f of serious)
  console.log(
    `${unexplained.includes(f) ? 'UNEXPLAINED' : 'explained  '} ${f.severity.padEnd(8)} ${f.issue} ${f.file}:${f.location}`,
  );
console.log(
  `electronegativity (Electron ${version}): ${findings.length} findings, ${serious.length} medium or higher, ${unexplained.length} unexplained`,
);
process.exit(unexplained.length > 0 ? 1 : 0);
