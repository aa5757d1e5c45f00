import { bareName } from '../headlineWords';
import { localize, type Instrument, type Language } from '../instrument';
import type { Profile } from '../response';
import { labelKey, leadingType, type ProfileLabel } from '../scoring';

/** The column of profiles without a leading type (chameleons and all-rounders). */
export const BALANCED = 'balanced';

export interface ProfileRow {
  key: string;
  /** The leading-type column this profile counts towards in the crosstabs. */
  lead: string;
  text: string;
}

/** A profile's name in a language: "De Bureaucraat", "Bureaucraat met Verbinder-kant", "Kameleon"; in English alike. */
export function profileName(label: ProfileLabel, instrument: Instrument, lang: Language = 'nl'): string {
  const name = (id: string): string => localize(instrument.types.find((t) => t.id === id)!.name, lang);
  const bare = (id: string): string => bareName(name(id));
  switch (label.kind) {
    case 'leading':
      return name(label.primary);
    case 'two-sided':
      return lang === 'en'
        ? `${bare(label.primary)} with a ${bare(label.secondary)} side`
        : `${bare(label.primary)} met ${bare(label.secondary)}-kant`;
    case 'chameleon':
      return lang === 'en' ? 'Chameleon' : 'Kameleon';
    case 'all-round':
      return lang === 'en' ? 'All-rounder' : 'Allrounder';
  }
}

/** The label a key of labelKey stands for. */
export function labelOfKey(key: string): ProfileLabel {
  const [kind, rest = ''] = key.split(':');
  if (kind === 'leading') return { kind: 'leading', primary: rest };
  if (kind === 'two-sided') {
    const [primary = '', secondary = ''] = rest.split('+');
    return { kind: 'two-sided', primary, secondary, tied: false };
  }
  return { kind: kind === 'all-round' ? 'all-round' : 'chameleon' };
}

/**
 * The rows of the profile table: every label the instrument can give, in a stable order, then any other label the
 * given profiles carry (so a label kind the scoring adds later shows up, and counts towards its leading type).
 */
export function profileLabels(instrument: Instrument, profiles: readonly Profile[]): ProfileRow[] {
  const typeIds = instrument.types.map((t) => t.id);
  const text = (label: ProfileLabel): string => profileName(label, instrument, 'nl');
  const known: ProfileLabel[] = [
    ...typeIds.map((primary) => ({ kind: 'leading' as const, primary })),
    ...typeIds.flatMap((primary) =>
      typeIds
        .filter((secondary) => secondary !== primary)
        .map((secondary) => ({ kind: 'two-sided' as const, primary, secondary, tied: false })),
    ),
    { kind: 'chameleon' as const },
    ...(instrument.scoring === 'first-and-second' ? [{ kind: 'all-round' as const }] : []),
  ];
  const rows = new Map<string, ProfileRow>();
  for (const label of [...known, ...profiles.map((p) => p.label)]) {
    const key = labelKey(label);
    if (!rows.has(key)) rows.set(key, { key, lead: leadingType(label) ?? BALANCED, text: text(label) });
  }
  return [...rows.values()];
}
