import { localize, type Instrument, type Localized } from '../instrument';
import { LIVE_LETTERS } from '../live';
import { clockTime } from '../eventTime';
import { suppressLinked } from './suppression';
import type { CodebookEntry, CountTable } from './tables';

/** One closed live moment as the export reads it: its situation, options in the order shown, time, round, counts. */
export interface LiveMomentInput {
  id: number;
  title: Localized | null;
  prompt: Localized;
  options: { type: string; text: Localized }[];
  asks: string | null;
  openedAt: number;
  round: string | null;
  counts: number[];
}

/** What the day report needs beside a moment's table: its words, types and time (counts come from the table). */
export interface LiveMomentInfo {
  table: string;
  title: Localized;
  prompt: Localized;
  options: { letter: string; type: string; text: Localized }[];
  asks: string | null;
  openedAt: number;
  round: string | null;
}

/**
 * Each live moment as its own small count table ("De zaal in de zaal"): one row per option, lettered as on the
 * projector and named by its type, and the total. Suppressed on its own (docs/adr/0004, docs/adr/0010): a moment is
 * counted apart from the diagnostic answers and shares no total with them. Every option below the threshold is
 * hidden, and while the total would give a hidden one away a second is hidden too; a moment under the threshold
 * shows nothing but that it ran.
 */
export function buildLiveTables(
  moments: readonly LiveMomentInput[],
  instrument: Pick<Instrument, 'types'>,
  threshold: number,
  timeZone: string,
): { tables: CountTable[]; info: LiveMomentInfo[]; codebook: CodebookEntry[] } {
  const typeName = (id: string): string => {
    const type = instrument.types.find((t) => t.id === id);
    return type ? localize(type.name, 'nl') : id;
  };
  const tables = moments.map((m, n): CountTable => {
    const total = m.counts.reduce((a, b) => a + b, 0);
    const names = m.options.map((_, i) => `option-${i}`);
    const values = new Map<string, number>([...names.map((k, i) => [k, m.counts[i] ?? 0] as const), ['total', total]]);
    const hidden = suppressLinked({ values, relations: [{ total: 'total', parts: names }], grids: [] }, threshold);
    const name = localize(m.title ?? m.prompt, 'nl');
    const when = clockTime(m.openedAt, timeZone);
    return {
      id: `live-${n + 1}`,
      title: `Vraag aan de zaal ${n + 1}: ${name} (${when}${m.round ? `, ${m.round}` : ''})`,
      rowHeader: 'Antwoord',
      rowLabels: m.options.map((o, i) => `${LIVE_LETTERS[i]} · ${typeName(o.type)}: ${localize(o.text, 'nl')}`),
      colLabels: ['Aantal'],
      values: [...m.counts.map((c) => [c]), [total]],
      hidden: [...names.map((k) => [hidden.has(k)]), [hidden.has('total')]],
    };
  });
  const info = moments.map((m, n) => ({
    table: `live-${n + 1}`,
    title: m.title ?? m.prompt,
    prompt: m.prompt,
    options: m.options.map((o, i) => ({ letter: LIVE_LETTERS[i]!, type: o.type, text: o.text })),
    asks: m.asks,
    openedAt: m.openedAt,
    round: m.round,
  }));
  const codebook: CodebookEntry[] =
    moments.length === 0
      ? []
      : [
          {
            variable: 'live',
            code: 'live-n',
            nl: 'Vraag aan de zaal: één situatie tijdens het praatje, eerste keuze op de telefoon; los van de antwoorden op het instrument, nergens aan gekoppeld',
            en: 'Question to the room: one situation during the talk, first choice on the phone; apart from the answers to the instrument and linked to none of them',
          },
        ];
  return { tables, info, codebook };
}
