import { randomUUID } from 'node:crypto';
import { standInstrument, type Instrument, type Language } from '../../core/instrument';
import type { SurveyResponse } from '../../core/response';
import { answerItems, LATENT_CLASSES, makeRespondent, REALISTIC_NOISE, strengthFor } from '../../core/simulation';
import type { HubContext } from '../context';
import { acceptResponse } from '../handlers/accept';

/**
 * Simulated visitors for a rehearsal: the harness's respondents (src/core/simulation.ts), a mix of pure, two-sided,
 * balanced and switching profiles answering with realistic noise, so the room sees every kind of label. Not a model
 * of a real crowd; a way to fill the picture and the exports before the doors open.
 */
export function simulatedResponse(instrument: Instrument, random: () => number = Math.random): SurveyResponse {
  const typeIds = instrument.types.map((t) => t.id);
  const latent = LATENT_CLASSES[Math.floor(random() * LATENT_CLASSES.length)]!;
  const respondent = makeRespondent(latent, typeIds, random, 0.5);
  const strength = strengthFor(REALISTIC_NOISE.consistency, typeIds.length);
  const ranked = instrument.scoring === 'first-and-second';
  // A simulated visitor at the stand: the situations for workshops only are not asked there.
  const answers = answerItems(standInstrument(instrument), respondent, strength, ranked ? 2 : 1, random);
  const context: Record<string, string> = {};
  for (const question of instrument.context) {
    if (random() < 0.8) context[question.id] = question.options[Math.floor(random() * question.options.length)]!.id;
  }
  return {
    id: randomUUID(),
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    lang: pickLanguage(instrument.languages, random()),
    answers: ranked
      ? answers.map((a) => ({ item: a.item, order: a.order }))
      : answers.map((a) => ({ item: a.item, type: a.order[0]! })),
    casus: typeIds[Math.floor(random() * typeIds.length)]!,
    context,
  };
}

/** Mostly Dutch, sometimes English, as at the stand; only languages the instrument offers. */
function pickLanguage(offered: readonly Language[], draw: number): Language {
  const first = offered.includes('nl') ? 'nl' : offered[0]!;
  return draw >= 0.85 && offered.includes('en') ? 'en' : first;
}

/** What a rehearsal stored, what the instrument check refused, and what could not be written (with why). */
export interface RehearsalResult {
  stored: number;
  refused: number;
  failed: number;
  cause: string | null;
}

/**
 * Adds `count` simulated visitors and waits for every write: they share one group commit, so a full disk fails
 * them together, and that is one result here rather than a rejection per visitor.
 */
export async function rehearse(ctx: HubContext, count: number): Promise<RehearsalResult> {
  const meta = { round: ctx.store.activeRound()?.id ?? null, rehearsal: true };
  const outcomes = await Promise.allSettled(
    Array.from({ length: count }, () => acceptResponse(ctx, simulatedResponse(ctx.live.instrument), meta)),
  );
  const result: RehearsalResult = { stored: 0, refused: 0, failed: 0, cause: null };
  for (const outcome of outcomes) {
    if (outcome.status === 'rejected') {
      result.failed += 1;
      result.cause ??= outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason);
    } else if (outcome.value.ok) result.stored += 1;
    else result.refused += 1;
  }
  return result;
}
