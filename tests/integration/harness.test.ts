import { describe, expect, it } from 'vitest';
import { currentInstruments } from '../../src/core/instrument';
import { RANKED_RULES } from '../../src/core/scoring';
import { formatSides, sidesNamed } from '../../src/core/sidesNamed';
import { bestRules, formatResults, REALISTIC_NOISE, simulate, worstRecovery } from '../../src/core/simulation';
import { visitTime } from '../../src/core/visitTime';
import { loadInstruments } from '../../src/hub/day/instruments';
import { INSTRUMENTS_DIR } from '../support/instruments';

const current = currentInstruments(loadInstruments(INSTRUMENTS_DIR));

describe.each(current.map((i) => [`${i.id}@${i.version}`, i] as const))('%s', (name, instrument) => {
  it('asks a first and a second choice', () => {
    expect(instrument.scoring).toBe('first-and-second');
  });

  it('recovers every simulated profile at least 9 times in 10 at realistic noise', () => {
    const results = simulate(
      instrument,
      { points: [2, 1], rules: RANKED_RULES },
      { ...REALISTIC_NOISE, perClass: 2000 },
    );
    console.log(
      `${name}: recovery at realistic noise (consistency ${REALISTIC_NOISE.consistency})\n${formatResults(results)}`,
    );
    for (const r of results) expect(r.recovered / r.n, r.latent).toBeGreaterThanOrEqual(0.9);
  });

  it('names both sides of a two-sided visitor in the first sentence, and seldom a side a pure type lacks', () => {
    const rows = sidesNamed(instrument, { ...REALISTIC_NOISE, perClass: 2000 });
    console.log(`${name}: the result's sentence at realistic noise\n${formatSides(rows)}`);
    const row = Object.fromEntries(rows.map((r) => [r.profile, r]));
    expect(row.pure!.now, 'pure types told of a second side').toBeLessThanOrEqual(0.1);
    expect(row['two-sided']!.now, 'two equal sides both named').toBeGreaterThanOrEqual(0.9);
    // A leading type with a real second side (0.7 of the first) was told only "vooral X" by the labels alone.
    const lean = row['lean 0.7']!;
    expect(lean.now - lean.before, 'more second sides of 0.7 named than by the labels').toBeGreaterThanOrEqual(0.05);
  });

  it('one pick per situation could not tell two-sided people and switchers, whatever its thresholds', () => {
    const single = bestRules(instrument, [1], { ...REALISTIC_NOISE, perClass: 300 });
    console.log(
      `${name}: one pick per situation, best thresholds ${JSON.stringify(single.rules)}\n${formatResults(single.results)}`,
    );
    expect(worstRecovery(single.results)).toBeLessThan(0.8);
  });

  it.each(instrument.languages)('fits the visit budget in %s (first item to result ≤ 4 min, visit ≤ 5 min)', (lang) => {
    const time = visitTime(instrument, lang);
    console.log(
      `${name} (${lang}): ${(time.toResult / 60).toFixed(2)} min to the result, ${(time.visit / 60).toFixed(2)} min in all`,
    );
    expect(time.toResult).toBeLessThanOrEqual(4 * 60);
    expect(time.visit).toBeLessThanOrEqual(5 * 60);
  });
});
