/**
 * The talk's live moment: one situation put to the room, answered on phones (first choice only), the room's split
 * shown on the projector and revealed with the types, then closed and kept as its own small total. Schemas for
 * every message about it, and the pure rules of what the projector may show (docs/adr/0010-live-moment.md).
 */
import { z } from 'zod';
import { noticeable } from './headlines';
import { localizedSchema, type Instrument, type Localized } from './instrument';
import { plainText } from './text';

/** Letters the options are shown with, in the order the hub shuffled them for this moment. */
export const LIVE_LETTERS = 'ABCDEF';

const typeRef = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a type id');
const liveText = plainText('liveText').trim().min(1).max(300);
const bothLanguages = z.strictObject({ nl: liveText, en: liveText });

/**
 * A live situation the organiser typed in the console (a case someone in the room brought): a prompt and one option
 * per type of the running instrument, Dutch and English, one line of visible text each (core/text.ts).
 */
export const liveDraftSchema = z.strictObject({
  prompt: bothLanguages,
  options: z
    .array(z.strictObject({ type: typeRef, text: bothLanguages }))
    .min(3)
    .max(6),
  /** The type this situation asks for most, if the organiser says so; named at the reveal. */
  asks: typeRef.nullable(),
});
export type LiveDraft = z.infer<typeof liveDraftSchema>;

/** A typed situation as kept: its id beside what was typed. */
export type KeptDraft = LiveDraft & { id: string };

/** A situation to pick: `item:<id>` (the instrument's) or `typed:<id>` (typed in the console). */
export const situationRefSchema = z.string().regex(/^(item|typed):[a-z0-9-]{1,40}$/, 'must be item:<id> or typed:<id>');

/** Whether a typed situation fits the instrument: one option per type, no type twice, `asks` one of them. */
export function draftProblem(draft: LiveDraft, instrument: Pick<Instrument, 'types'>): string | null {
  const ids = instrument.types.map((t) => t.id);
  const given = draft.options.map((o) => o.type);
  if (given.length !== ids.length || new Set(given).size !== given.length || given.some((g) => !ids.includes(g)))
    return `give one option for each type (${ids.join(', ')})`;
  if (draft.asks !== null && !ids.includes(draft.asks)) return `unknown type "${draft.asks}"`;
  return null;
}

/** The split the projector may show: counts per option (in letter order) and how many answers they hold. */
export const liveSplitSchema = z.object({ counts: z.array(z.number().int().nonnegative()), of: z.number().int() });
export type LiveSplit = z.infer<typeof liveSplitSchema>;

/** What a projector is sent about the live moment; types and `asks` only once it is revealed. */
export const liveViewSchema = z.object({
  id: z.number().int().positive(),
  phase: z.enum(['open', 'revealed']),
  title: localizedSchema.nullable(),
  prompt: localizedSchema,
  options: z.array(z.object({ text: localizedSchema, type: z.string().nullable() })),
  asks: z.string().nullable(),
  /** Answers so far: a count only, which tells nobody's choice. */
  answered: z.number().int().nonnegative(),
  /** The split cut to the threshold and published in steps (publishSplit), null below it. */
  split: liveSplitSchema.nullable(),
  threshold: z.number().int(),
});
export type LiveView = z.infer<typeof liveViewSchema>;

/** What a phone is sent: the question only, no counts, no types. */
export const liveQuestionSchema = z.object({
  id: z.number().int().positive(),
  open: z.boolean(),
  prompt: localizedSchema,
  options: z.array(localizedSchema),
});
export type LiveQuestion = z.infer<typeof liveQuestionSchema>;

/** The commands a remote (and a projector's live key) may give; the first six only move the projector. */
export const REMOTE_COMMANDS = [
  'next',
  'previous',
  'hide',
  'freeze',
  'blank',
  'invite',
  'roundStart',
  'roundStop',
  'livePick',
  'livePut',
  'liveReveal',
  'liveClose',
  'liveStep',
] as const;
export type RemoteCommand = (typeof REMOTE_COMMANDS)[number];
export const PROJECTOR_COMMANDS = ['next', 'previous', 'hide', 'freeze', 'blank', 'invite'] as const;
export type ProjectorCommand = (typeof PROJECTOR_COMMANDS)[number];

/** What a projector reports of itself, for the remote's screen. */
export const projectorStateSchema = z.strictObject({
  view: z.string().regex(/^[a-z]{1,20}$/),
  hidden: z.boolean(),
  frozen: z.boolean(),
  blank: z.boolean(),
  invite: z.boolean(),
});
export type ProjectorState = z.infer<typeof projectorStateSchema>;

/** What a remote shows: the projector's view, the round, the live moment and its answer count; no crowd data. */
export const remoteStateSchema = z.object({
  projector: projectorStateSchema.nullable(),
  round: z.string().nullable(),
  live: z.object({
    phase: z.enum(['none', 'open', 'revealed']),
    picked: z.string().nullable(),
    answered: z.number().int().nonnegative(),
  }),
  situations: z.array(z.object({ ref: z.string(), title: localizedSchema })),
});
export type RemoteState = z.infer<typeof remoteStateSchema>;

/** The organiser's live actions in the console, with a session token like every admin action. */
export const liveAdminActionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('status') }),
  z.strictObject({ kind: z.literal('draft'), draft: liveDraftSchema }),
  z.strictObject({ kind: z.literal('removeDraft'), id: z.string().regex(/^[a-z0-9-]{1,40}$/) }),
  z.strictObject({ kind: z.literal('pick'), situation: situationRefSchema }),
  z.strictObject({ kind: z.literal('presenter'), enabled: z.boolean() }),
  z.strictObject({ kind: z.literal('presenterNewCode') }),
]);
export type LiveAdminAction = z.infer<typeof liveAdminActionSchema>;

/** One closed (or running) live moment as the console lists it. */
export const liveMomentSummarySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  openedAt: z.number(),
  closedAt: z.number().nullable(),
  round: z.string().nullable(),
  answered: z.number().int(),
});

/** The console's live panel: the presenter code, typed situations, the one picked, and the moments so far. */
export const liveStatusSchema = z.object({
  presenter: z.object({ enabled: z.boolean(), code: z.string().nullable(), remotes: z.number().int() }),
  drafts: z.array(liveDraftSchema.extend({ id: z.string() })),
  picked: z.string().nullable(),
  phase: z.enum(['none', 'open', 'revealed']),
  moments: z.array(liveMomentSummarySchema),
});
export type LiveStatus = z.infer<typeof liveStatusSchema>;

const sum = (counts: readonly number[]): number => counts.reduce((a, b) => a + b, 0);

/**
 * The split a projector may show as answers arrive. Nothing below the threshold; from there on it moves in steps of
 * at least `threshold` answers, so the difference between two splits on screen is never one phone's choice (someone
 * who saw a neighbour tap cannot read it off the next change).
 */
export function publishSplit(shown: LiveSplit | null, counts: readonly number[], threshold: number): LiveSplit | null {
  const total = sum(counts);
  if (total < threshold) return null;
  if (total - (shown?.of ?? 0) >= threshold) return { counts: [...counts], of: total };
  return shown;
}

/**
 * The split at the reveal: the final counts when the answers since the last step are none or a whole step, else the
 * last step (the few after it are in the kept total, not on the screen).
 */
export function revealSplit(shown: LiveSplit | null, counts: readonly number[], threshold: number): LiveSplit | null {
  const total = sum(counts);
  if (total < threshold) return null;
  const since = total - (shown?.of ?? 0);
  return since === 0 || since >= threshold ? { counts: [...counts], of: total } : shown;
}

/** What the reveal may say about the room's choice (core/headlines.ts's noise rule). */
export type LiveClaim =
  | { kind: 'leads'; type: number; share: number; asks: number | null }
  | { kind: 'close'; a: number; b: number; asks: number | null };

/**
 * One claim about a revealed split: the option ahead when its lead over the next is more than noise (multinomial
 * standard error, as the projector's headlines), else the two that are close. Nothing below the threshold.
 * `types[i]` is the type index of option i; `asks` the type index the situation asks for, if any.
 */
export function liveClaim(
  split: LiveSplit | null,
  types: readonly number[],
  asks: number | null,
  threshold: number,
): LiveClaim | null {
  if (!split || split.of < Math.max(threshold, 5)) return null;
  const { counts, of: n } = split;
  let a = 0;
  for (let i = 1; i < counts.length; i++) if (counts[i]! > counts[a]!) a = i;
  let b = a === 0 ? 1 : 0;
  for (let i = 0; i < counts.length; i++) if (i !== a && counts[i]! > counts[b]!) b = i;
  const pa = counts[a]! / n;
  const pb = counts[b]! / n;
  const se = Math.sqrt(Math.max(0, pa + pb - (pa - pb) ** 2) / n);
  return noticeable(pa - pb, se)
    ? { kind: 'leads', type: types[a]!, share: pa, asks }
    : { kind: 'close', a: types[a]!, b: types[b]!, asks };
}

/** A title for a situation: its own few words, else the start of its prompt. */
export function situationTitle(title: Localized | undefined, prompt: Localized): Localized {
  if (title) return title;
  const cut = (text: string): string => (text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text);
  return Object.fromEntries(Object.entries(prompt).map(([lang, text]) => [lang, cut(text)]));
}

/** The words of a reveal's sentence, in one language (the projector's locales and the report's words hold them). */
export interface LiveWords {
  leads: string;
  close: string;
  asksOther: string;
  asksSame: string;
  asksAlone: string;
}

/** The reveal's one sentence for a claim: who the room chose, and what the situation asks when it says so. */
export function liveSentence(claim: LiveClaim, words: LiveWords, typeName: (index: number) => string): string {
  const fill = (template: string, values: Record<string, string>): string =>
    template.replace(/\{\{(\w+)\}\}/g, (all, name: string) => values[name] ?? all);
  const head =
    claim.kind === 'leads'
      ? fill(words.leads, { type: typeName(claim.type) })
      : fill(words.close, { a: typeName(claim.a), b: typeName(claim.b) });
  if (claim.asks === null) return head;
  if (claim.kind === 'leads' && claim.asks === claim.type) return head + words.asksSame;
  return head + fill(claim.kind === 'leads' ? words.asksOther : words.asksAlone, { asks: typeName(claim.asks) });
}
