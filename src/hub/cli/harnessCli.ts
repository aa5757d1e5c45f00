import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { RANKED_RULES } from '../../core/scoring';
import { formatSides, sidesNamed } from '../../core/sidesNamed';
import { bestRules, formatResults, pct, REALISTIC_NOISE, simulate, worstRecovery } from '../../core/simulation';
import { visitTime } from '../../core/visitTime';
import { loadInstruments } from '../day/instruments';

/**
 * `node out/main/harness.js [--search] [--per-class 1000]`: runs simulated respondents through every current
 * instrument and prints recovery per class, the confusion matrix, how often the result's sentence names a visitor's
 * sides, how the point schemes and second-side gaps compare, and the visit time.
 */
function main(): void {
  const { values } = parseArgs({
    options: {
      search: { type: 'boolean', default: false },
      'per-class': { type: 'string', default: '1000' },
      instruments: { type: 'string', default: resolve(__dirname, '../../assets/instruments') },
    },
  });
  const perClass = Number(values['per-class']);
  for (const instrument of loadInstruments(values.instruments)) {
    console.log(
      `\n== ${instrument.id}@${instrument.version} (${instrument.scoring}, ${instrument.types.length} types)`,
    );
    for (const lang of instrument.languages) {
      const time = visitTime(instrument, lang);
      console.log(
        `  visit time (${lang}): first item to result ${(time.toResult / 60).toFixed(1)} min (budget 4), whole visit ${(time.visit / 60).toFixed(1)} min (budget 5); ${time.words} words, ${time.taps} taps`,
      );
    }
    if (instrument.scoring !== 'first-and-second') continue;
    for (const consistency of [0.7, 0.8, 0.9]) {
      for (const spread of [0, 0.5]) {
        const results = simulate(
          instrument,
          { points: [2, 1], rules: RANKED_RULES },
          { consistency, perClass, spread },
        );
        console.log(
          `  product rules, consistency ${consistency}, spread ${spread} (worst class ${pct(worstRecovery(results))}):`,
        );
        console.log(formatResults(results));
        console.log(`  the result's sentence, consistency ${consistency}, spread ${spread}:`);
        console.log(formatSides(sidesNamed(instrument, { consistency, perClass, spread })));
      }
    }
    if (!values.search) continue;
    console.log("  a leading type's second side named from a gap of (realistic noise):");
    for (const gap of [0.1, 0.15, 0.175, 0.2, 0.25]) {
      const rows = sidesNamed(instrument, { ...REALISTIC_NOISE, perClass }, gap);
      console.log(`  gap ${gap}: ${rows.map((r) => `${r.profile} ${pct(r.now)}`).join(', ')}`);
    }
    console.log('  point schemes, each with the label rules that suit it best (realistic noise):');
    for (const points of [[1], [2, 1], [3, 1], [3, 2], [1, 1]]) {
      const best = bestRules(instrument, points, { perClass });
      console.log(
        `  points ${points.join('/')}: best rules ${JSON.stringify(best.rules)}, worst class ${pct(worstRecovery(best.results))}`,
      );
      console.log(formatResults(best.results));
    }
  }
}

main();
