import { randomUUID } from 'node:crypto';
import type { Instrument } from '../core/instrument';
import type { SurveyResponse } from '../core/response';

/**
 * Simulated visitors for a rehearsal: each gets a random preferred mix (so the room sees leaders, hybrids and
 * chameleons) and answers by it. Not a model of real visitors; only a way to fill the picture and the exports.
 */
export function simulatedResponse(instrument: Instrument, random: () => number = Math.random): SurveyResponse {
  const weights = instrument.types.map(() => random() ** 2 + 0.05);
  const total = weights.reduce((a, b) => a + b, 0);
  const pick = (): string => {
    let r = random() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r <= 0) return instrument.types[i]!.id;
    }
    return instrument.types[instrument.types.length - 1]!.id;
  };
  const context: Record<string, string> = {};
  for (const question of instrument.context) {
    if (random() < 0.8) context[question.id] = question.options[Math.floor(random() * question.options.length)]!.id;
  }
  return {
    id: randomUUID(),
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    lang: random() < 0.85 ? 'nl' : 'en',
    answers: instrument.items.map((item) => ({ item: item.id, type: pick() })),
    casus: pick(),
    context,
  };
}
