import { randomBytes, randomInt } from 'node:crypto';
import { z } from 'zod';
import { draftProblem, liveDraftSchema, situationTitle, type KeptDraft, type LiveDraft } from '../../core/live';
import type { Localized } from '../../core/instrument';
import type { HubContext } from '../context';
import type { PutSituation } from './liveStore';

/** At most this many typed situations are kept: a talk has a few live moments, not a questionnaire. */
export const MAX_DRAFTS = 20;
const SETTING = 'live-drafts';
const keptSchema = z.array(liveDraftSchema.extend({ id: z.string().regex(/^[a-z0-9-]{1,40}$/) }));

/** The situations the organiser typed, as kept in the settings; a value that no longer reads gives none. */
export function readDrafts(ctx: Pick<HubContext, 'store'>): KeptDraft[] {
  const raw = ctx.store.getSetting(SETTING);
  if (!raw) return [];
  try {
    const parsed = keptSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Keeps a typed situation; returns its id, or the reason it does not fit the running instrument. */
export function saveDraft(ctx: HubContext, draft: LiveDraft): { id: string } | { problem: string } {
  const problem = draftProblem(draft, ctx.live.instrument);
  if (problem) return { problem };
  const drafts = readDrafts(ctx);
  if (drafts.length >= MAX_DRAFTS) return { problem: `at most ${MAX_DRAFTS} typed situations` };
  const id = `t${randomBytes(4).toString('hex')}`;
  ctx.store.setSetting(SETTING, JSON.stringify([...drafts, { ...draft, id }]));
  return { id };
}

export function removeDraft(ctx: HubContext, id: string): boolean {
  const drafts = readDrafts(ctx);
  const left = drafts.filter((d) => d.id !== id);
  ctx.store.setSetting(SETTING, JSON.stringify(left));
  return left.length < drafts.length;
}

/** Every situation the presenter can pick: the typed ones that fit the running instrument first, then its own. */
export function listSituations(ctx: HubContext): { ref: string; title: Localized }[] {
  const instrument = ctx.live.instrument;
  const typed = readDrafts(ctx)
    .filter((d) => draftProblem(d, instrument) === null)
    .map((d) => ({ ref: `typed:${d.id}`, title: situationTitle(undefined, d.prompt) }));
  const items = instrument.items.map((item) => ({
    ref: `item:${item.id}`,
    title: situationTitle(item.title, item.prompt),
  }));
  return [...typed, ...items];
}

/**
 * The situation as it is put to the room, its options in a fresh random order: the letters must not tell the type
 * (with a fixed order the room would learn that A is always the same type).
 */
export function resolveSituation(ctx: HubContext, ref: string): PutSituation | null {
  const [kind, id] = ref.split(':') as [string, string];
  const instrument = ctx.live.instrument;
  let found: Omit<PutSituation, 'ref'> | null = null;
  if (kind === 'item') {
    const item = instrument.items.find((i) => i.id === id);
    if (item)
      found = { title: item.title ?? null, prompt: item.prompt, options: item.options, asks: item.asks ?? null };
  } else {
    const draft = readDrafts(ctx).find((d) => d.id === id);
    if (draft && draftProblem(draft, instrument) === null)
      found = { title: null, prompt: draft.prompt, options: draft.options, asks: draft.asks };
  }
  if (!found) return null;
  const options = [...found.options];
  for (let i = options.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [options[i], options[j]] = [options[j]!, options[i]!];
  }
  return { ref, ...found, options };
}
