import { randomUUID } from 'node:crypto';
import type { Instrument } from '../../src/core/instrument';
import type { SurveyResponse } from '../../src/core/response';

/** A complete, valid response; `pick(i)` chooses the type index for item i. */
export function makeResponse(
  instrument: Instrument,
  pick: (i: number) => number = (i) => i % instrument.types.length,
  id = randomUUID(),
): SurveyResponse {
  return {
    id,
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    lang: 'nl',
    answers: instrument.items.map((item, i) => ({ item: item.id, type: instrument.types[pick(i)]!.id })),
    casus: instrument.types[instrument.types.length - 1]!.id,
    context: {},
  };
}
