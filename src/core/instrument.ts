import { z } from 'zod';
import { plainText } from './text';

/** Languages the product ships. Dutch first. */
export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const languageSchema = z.enum(LANGUAGES);

/** Longest text of an instrument, in characters: a situation is read in seconds, not studied. */
export const MAX_TEXT_CHARS = 600;

/**
 * A text in every language the instrument declares, keyed by language only: a key like `__proto__` or `xx` is
 * refused, not carried. Each text is one line of visible text (core/text.ts), as every text the organiser types.
 */
export const localizedSchema = z.partialRecord(
  languageSchema,
  plainText('instrumentText').trim().min(1).max(MAX_TEXT_CHARS),
);
export type Localized = z.infer<typeof localizedSchema>;

/** A draft's text: as an instrument's, but a language may still be empty while the organiser writes. */
export const draftTextSchema = z.partialRecord(languageSchema, plainText('instrumentText').max(MAX_TEXT_CHARS));

const idSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a lowercase id (a-z, 0-9, -), at most 40 characters');

/** One ideal type: a corner of the type polygon. */
export const idealTypeSchema = z.strictObject({
  id: idSchema,
  name: localizedSchema,
  /** One letter or short mark shown beside the colour, so colour is never the only cue. */
  mark: z.string().min(1).max(2),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #0072B2'),
  /** The name in the plural, without article ("Verbinders"), for the attract screen's line of the day. */
  plural: localizedSchema.optional(),
  short: localizedSchema,
  long: localizedSchema,
  values: localizedSchema,
  roots: localizedSchema,
  strength: localizedSchema,
  pitfall: localizedSchema,
  reflection: localizedSchema,
});
export type IdealType = z.infer<typeof idealTypeSchema>;

/** An answer option that counts for exactly one type. */
export const typedOptionSchema = z.strictObject({ type: idSchema, text: localizedSchema });

/** A situational item: one option per type, shown in shuffled order. */
export const itemSchema = z.strictObject({
  id: idSchema,
  /** A few words that name the situation, so a result can point back to it ("bij Het terras"). */
  title: localizedSchema.optional(),
  prompt: localizedSchema,
  /**
   * The type this situation asks for most (never shown before answering). Balanced over the types, it lets a result
   * tell a visitor who switches with the situation from one who is balanced whatever the situation.
   */
  asks: idSchema.optional(),
  options: z.array(typedOptionSchema).min(3).max(6),
  /**
   * Asked only in a workshop (docs/adr/0011): the stand, the phones and the talk skip it, so the five-minute visit
   * stays five minutes while the workshop takes the whole instrument.
   */
  workshopOnly: z.boolean().optional(),
});
export type Item = z.infer<typeof itemSchema>;

/** The situations of a visit at the stand or on a phone: all but those asked only in a workshop. */
export const standItems = <T extends { workshopOnly?: boolean }>(items: readonly T[]): T[] =>
  items.filter((it) => !it.workshopOnly);

/** The instrument as the stand and the phones ask it (the workshop asks it whole). */
export function standInstrument<T extends Pick<Instrument, 'items'>>(instrument: T): T {
  return instrument.items.some((it) => it.workshopOnly)
    ? { ...instrument, items: standItems(instrument.items) }
    : instrument;
}

/**
 * How a visitor answers a situation and how it is scored (docs/adr/0003-scoring-thresholds.md):
 * - `first-choice` (instruments 1.x): one pick per situation;
 * - `first-and-second` (2.x and 3.x): a first and a second choice; the rest is implied.
 */
export const SCORING_KINDS = ['first-choice', 'first-and-second'] as const;
export type ScoringKind = (typeof SCORING_KINDS)[number];

/** When a context question is asked: before the casus (the visitor's own case, named in the result) or after it. */
export const CONTEXT_MOMENTS = ['before-casus', 'after-casus'] as const;
export type ContextMoment = (typeof CONTEXT_MOMENTS)[number];

/**
 * An optional, skippable context question for the organiser's breakdowns. One question may be asked before the
 * casus: the kind of case the visitor has in mind. Its options may carry a `phrase` ("jouw project met partners") that
 * the result uses to name the case; an option without one ("something else") leaves the sentence general.
 */
export const contextQuestionSchema = z.strictObject({
  id: idSchema,
  asked: z.enum(CONTEXT_MOMENTS).default('after-casus'),
  prompt: localizedSchema,
  options: z
    .array(z.strictObject({ id: idSchema, label: localizedSchema, phrase: localizedSchema.optional() }))
    .min(2)
    .max(8),
});
export type ContextQuestion = z.infer<typeof contextQuestionSchema>;

/** The context questions asked at one moment, in instrument order. */
export const contextAsked = (instrument: Pick<Instrument, 'context'>, moment: ContextMoment): ContextQuestion[] =>
  instrument.context.filter((q) => q.asked === moment);

/**
 * A card for a result that has no leading type (docs/adr/0003): a chameleon or an all-rounder gets its own name and
 * texts instead of the card of whichever type is a point ahead.
 */
export const balancedCardSchema = z.strictObject({
  name: localizedSchema,
  /** Shown beside the name like a type's mark, so the card is never told apart by colour alone. */
  mark: z.string().min(1).max(2),
  short: localizedSchema,
  strength: localizedSchema,
  pitfall: localizedSchema,
  reflection: localizedSchema,
});
export type BalancedCard = z.infer<typeof balancedCardSchema>;
const BALANCED_CARD_KEYS = ['name', 'short', 'strength', 'pitfall', 'reflection'] as const;

/** The file format this app reads and writes; a file that says a higher one comes from a newer app. */
export const INSTRUMENT_FORMAT = 1;

export const instrumentShape = z.strictObject({
  /** Absent in files from before the console could write them; the same as 1. */
  format: z.literal(INSTRUMENT_FORMAT).optional(),
  id: idSchema,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version like 1.0.0'),
  scoring: z.enum(SCORING_KINDS).default('first-choice'),
  languages: z.array(languageSchema).min(1),
  title: localizedSchema,
  types: z.array(idealTypeSchema).min(3).max(6),
  items: z.array(itemSchema).min(3).max(30),
  casus: z.strictObject({ prompt: localizedSchema, hint: localizedSchema, options: z.array(typedOptionSchema) }),
  context: z.array(contextQuestionSchema).max(4),
  /** Cards for the balanced labels; a `first-and-second` instrument needs both. */
  balanced: z.strictObject({ chameleon: balancedCardSchema, 'all-round': balancedCardSchema }).optional(),
});

/**
 * Adds a refusal with its rule and the values its message names, so the console can say it in its own words beside
 * the field while files and logs keep the exact English message.
 */
function issue(
  ctx: z.RefinementCtx,
  path: (string | number)[],
  rule: string,
  values: Record<string, string | number>,
  message: string,
): void {
  ctx.addIssue({ code: 'custom', path, message, params: { rule, values } });
}

/** A versioned content file in assets/instruments/, checked in full at load. */
export const instrumentSchema = instrumentShape.superRefine((inst, ctx) => {
  const typeIds = inst.types.map((t) => t.id);
  const languages = inst.languages;

  const checkLocalized = (value: Localized, path: (string | number)[]): void => {
    for (const lang of languages) {
      if (!value[lang]) issue(ctx, path, 'missing-text', { lang }, `missing the "${lang}" text`);
    }
  };
  const checkUnique = (ids: string[], path: (string | number)[], what: string): void => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) issue(ctx, [...path, i, 'id'], 'duplicate-id', { id }, `duplicate ${what} id "${id}"`);
      seen.add(id);
    });
  };
  const checkOnePerType = (options: { type: string; text: Localized }[], path: (string | number)[]): void => {
    options.forEach((o, i) => {
      if (!typeIds.includes(o.type)) {
        issue(ctx, [...path, i, 'type'], 'unknown-type', { type: o.type }, `unknown type "${o.type}"`);
      }
      checkLocalized(o.text, [...path, i, 'text']);
    });
    const missing = typeIds.filter((id) => !options.some((o) => o.type === id));
    const doubled = typeIds.filter((id) => options.filter((o) => o.type === id).length > 1);
    if (missing.length > 0 || doubled.length > 0) {
      issue(
        ctx,
        path,
        'one-per-type',
        { missing: missing.join(', '), doubled: doubled.join(', ') },
        `needs exactly one option per type (missing: ${missing.join(', ') || 'none'}; more than once: ${doubled.join(', ') || 'none'})`,
      );
    }
  };

  checkLocalized(inst.title, ['title']);
  checkUnique(typeIds, ['types'], 'type');
  inst.types.forEach((t, i) => {
    for (const key of ['name', 'short', 'long', 'values', 'roots', 'strength', 'pitfall', 'reflection'] as const) {
      checkLocalized(t[key], ['types', i, key]);
    }
    if (t.plural) checkLocalized(t.plural, ['types', i, 'plural']);
  });
  checkUnique(
    inst.items.map((it) => it.id),
    ['items'],
    'item',
  );
  inst.items.forEach((it, i) => {
    checkLocalized(it.prompt, ['items', i, 'prompt']);
    if (it.title) checkLocalized(it.title, ['items', i, 'title']);
    checkOnePerType(it.options, ['items', i, 'options']);
    if (it.asks !== undefined && !typeIds.includes(it.asks)) {
      issue(ctx, ['items', i, 'asks'], 'unknown-type', { type: it.asks }, `unknown type "${it.asks}"`);
    }
  });
  if (inst.scoring === 'first-and-second') checkSituations(inst, typeIds, ctx);
  checkLocalized(inst.casus.prompt, ['casus', 'prompt']);
  checkLocalized(inst.casus.hint, ['casus', 'hint']);
  checkOnePerType(inst.casus.options, ['casus', 'options']);
  checkUnique(
    inst.context.map((c) => c.id),
    ['context'],
    'context question',
  );
  inst.context.forEach((c, i) => {
    checkLocalized(c.prompt, ['context', i, 'prompt']);
    checkUnique(
      c.options.map((o) => o.id),
      ['context', i, 'options'],
      'option',
    );
    c.options.forEach((o, j) => {
      checkLocalized(o.label, ['context', i, 'options', j, 'label']);
      if (o.phrase) checkLocalized(o.phrase, ['context', i, 'options', j, 'phrase']);
      if (o.phrase && c.asked !== 'before-casus')
        issue(
          ctx,
          ['context', i, 'options', j, 'phrase'],
          'phrase-after-casus',
          {},
          'only a question asked before the casus names the case in the result',
        );
    });
  });
  const before = inst.context.flatMap((c, i) => (c.asked === 'before-casus' ? [i] : []));
  if (before.length > 1)
    issue(
      ctx,
      ['context', before[1]!, 'asked'],
      'one-before-casus',
      {},
      'at most one context question can be asked before the casus',
    );
  for (const label of ['chameleon', 'all-round'] as const) {
    const card = inst.balanced?.[label];
    if (card) for (const key of BALANCED_CARD_KEYS) checkLocalized(card[key], ['balanced', label, key]);
  }
  if (inst.scoring === 'first-and-second' && !inst.balanced)
    issue(ctx, ['balanced'], 'needs-balanced-cards', {}, 'needs a card for "chameleon" and "all-round"');
});
export type Instrument = z.infer<typeof instrumentShape>;

/**
 * A `first-and-second` instrument needs what its result relies on: a title and an `asks` per item, with every type
 * asked equally often (so that picking what each situation asks cannot come from a preferred type alone).
 */
function checkSituations(inst: Instrument, typeIds: readonly string[], ctx: z.RefinementCtx): void {
  inst.items.forEach((it, i) => {
    if (!it.title) issue(ctx, ['items', i, 'title'], 'needs-title', {}, 'needs a title');
    if (!it.asks) issue(ctx, ['items', i, 'asks'], 'needs-asks', {}, 'needs "asks": a type id');
  });
  // Balanced over the whole instrument (the workshop) and over the stand's situations (the visit) alike.
  const unbalanced = (items: readonly Item[]): string | null => {
    const counts = typeIds.map((id) => items.filter((it) => it.asks === id).length);
    const even = items.length % typeIds.length === 0 && counts.every((c) => c === items.length / typeIds.length);
    return even ? null : typeIds.map((id, i) => `${id}: ${counts[i]}`).join(', ');
  };
  const each = unbalanced(inst.items);
  if (each)
    issue(ctx, ['items'], 'asks-unbalanced', { counts: each }, `"asks" must be balanced over the types (${each})`);
  const stand = standItems(inst.items);
  const atStand = stand.length === inst.items.length ? null : unbalanced(stand);
  if (atStand)
    issue(
      ctx,
      ['items'],
      'stand-unbalanced',
      { counts: atStand },
      `"asks" must be balanced over the situations the stand asks too, without those for workshops only (${atStand})`,
    );
  if (stand.length < 3)
    issue(ctx, ['items'], 'stand-too-few', {}, 'the stand needs at least 3 situations that are not for workshops only');
}

/** Compares versions like 1.10.0 and 2.0.0 by number. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The newest version of each instrument: what can be chosen. Older versions stay loaded to score old answers. */
export function currentInstruments<T extends Pick<Instrument, 'id' | 'version'>>(instruments: readonly T[]): T[] {
  return [...new Set(instruments.map((i) => i.id))].map((id) => newestVersion(instruments, id)!);
}

/** Finds an instrument by `id` (its newest version) or by `id@version` (exactly that one). */
export function findInstrument<T extends Pick<Instrument, 'id' | 'version'>>(
  instruments: readonly T[],
  ref: string,
): T | undefined {
  const [id, version] = ref.split('@') as [string, string | undefined];
  return version === undefined
    ? newestVersion(instruments, id)
    : instruments.find((i) => i.id === id && i.version === version);
}

/** The newest version of instrument `id` among those loaded, or undefined. Older versions only score old answers. */
export function newestVersion<T extends Pick<Instrument, 'id' | 'version'>>(
  instruments: readonly T[],
  id: string,
): T | undefined {
  return instruments
    .filter((i) => i.id === id)
    .reduce<T | undefined>((best, i) => (!best || compareVersions(i.version, best.version) > 0 ? i : best), undefined);
}

/** Thrown when an instrument file is refused; the message names the file, the place in it and the fault. */
export class InstrumentError extends Error {
  constructor(
    readonly source: string,
    readonly problems: { path: string; message: string }[],
  ) {
    super(
      `Instrument ${source} is refused:\n${problems.map((p) => `  - at ${p.path || '(top)'}: ${p.message}`).join('\n')}`,
    );
    this.name = 'InstrumentError';
  }
}

/** Parses and checks instrument content; `source` names the file in error messages. */
export function parseInstrument(data: unknown, source: string): Instrument {
  const result = instrumentSchema.safeParse(data);
  if (result.success) return result.data;
  throw new InstrumentError(
    source,
    result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  );
}

/** Picks the text for a language, falling back to the instrument's first language. */
export function localize(text: Localized, lang: Language): string {
  return text[lang] ?? Object.values(text)[0] ?? '';
}
