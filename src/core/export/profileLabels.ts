import { localize, type Instrument } from '../instrument';
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

/**
 * The rows of the profile table: every label the instrument can give, in a stable order, then any other label the
 * given profiles carry (so a label kind the scoring adds later shows up, and counts towards its leading type).
 */
export function profileLabels(instrument: Instrument, profiles: readonly Profile[]): ProfileRow[] {
  const typeIds = instrument.types.map((t) => t.id);
  const name = (id: string): string => localize(instrument.types.find((t) => t.id === id)!.name, 'nl');
  const bare = (id: string): string => name(id).replace(/^De /, '');
  const text = (label: ProfileLabel): string => {
    switch (label.kind) {
      case 'leading':
        return name(label.primary);
      case 'two-sided':
        return `${bare(label.primary)} met ${bare(label.secondary)}-kant`;
      case 'chameleon':
        return 'Kameleon';
      case 'all-round':
        return 'Allrounder';
    }
  };
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
