import { localize, type Instrument, type Language } from '../../core/instrument';
import { leadingType, type ProfileLabel } from '../../core/scoring';

/** The card a result explains: the leading type's, or the chameleon's or all-rounder's own. */
export interface ResultCard {
  kind: 'type' | 'chameleon' | 'all-round';
  name: string;
  mark: string;
  color: string;
  short: string;
  /** A type's longer text, values and roots; a balanced card has none (it is every type a little). */
  long: string | null;
  values: string | null;
  roots: string | null;
  strength: string;
  pitfall: string;
  reflection: string;
}

/** A quiet slate for the balanced cards: no type's colour, white mark readable on it. */
const BALANCED_COLOR = '#56607a';

/**
 * A leading or two-sided result gets its leading type's card; a chameleon or all-rounder gets its own card from the
 * instrument, not the card of whichever type is a point ahead. An instrument without balanced cards (1.x) falls back to
 * the largest share.
 */
export function resultCard(
  label: ProfileLabel,
  shares: readonly number[],
  instrument: Instrument,
  lang: Language,
): ResultCard {
  const lead = leadingType(label);
  const balanced = label.kind === 'chameleon' || label.kind === 'all-round' ? instrument.balanced?.[label.kind] : null;
  if (!lead && balanced && (label.kind === 'chameleon' || label.kind === 'all-round')) {
    return {
      kind: label.kind,
      name: localize(balanced.name, lang),
      mark: balanced.mark,
      color: BALANCED_COLOR,
      short: localize(balanced.short, lang),
      long: null,
      values: null,
      roots: null,
      strength: localize(balanced.strength, lang),
      pitfall: localize(balanced.pitfall, lang),
      reflection: localize(balanced.reflection, lang),
    };
  }
  const index = lead ? instrument.types.findIndex((x) => x.id === lead) : shares.indexOf(Math.max(...shares));
  const type = instrument.types[index]!;
  return {
    kind: 'type',
    name: localize(type.name, lang),
    mark: type.mark,
    color: type.color,
    short: localize(type.short, lang),
    long: localize(type.long, lang),
    values: localize(type.values, lang),
    roots: localize(type.roots, lang),
    strength: localize(type.strength, lang),
    pitfall: localize(type.pitfall, lang),
    reflection: localize(type.reflection, lang),
  };
}
