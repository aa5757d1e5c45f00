/**
 * The day room: what the running day holds in memory beside the store. This module keeps the active instrument's
 * aggregate and public crowd (rebuilt from the store at start and after a reset); timers.ts does the periodic work,
 * devices.ts keeps the console's device list, rehearsal.ts adds simulated visitors, instruments.ts loads the files.
 */
import { addToAggregate, emptyAggregate, type Aggregate } from '../../core/aggregate';
import type { Instrument } from '../../core/instrument';
import type { CrowdMember } from '../../core/messages';
import { profileOf, type Profile, type SurveyResponse } from '../../core/response';
import { emptyTally, publicTalk, tally, type TalkCounts } from '../../core/talkCounts';
import type { InsertMeta, ResponseStore } from '../store/responseStore';

/** What the live state needs of a newly stored answer beyond its profile: its answers, context and arrival time. */
export interface StoredAnswer {
  response: Pick<SurveyResponse, 'answers' | 'context'>;
  receivedAt: number;
}

/** The active instrument's live totals and public crowd, kept in memory and rebuilt from the store. */
export interface LiveState {
  readonly instrument: Instrument;
  aggregate(): Aggregate;
  crowd(): readonly CrowdMember[];
  /** The talk's group counts (context × leading type, first choices, arrivals per hour), cut to `threshold`. */
  talk(threshold: number): TalkCounts;
  /** Adds a newly stored response; returns its public crowd member, or null when that seq is already in. */
  add(seq: number, profile: Profile, meta: InsertMeta, answer: StoredAnswer): CrowdMember | null;
}

export function createLiveState(instrument: Instrument, store: ResponseStore): LiveState {
  const typeIds = instrument.types.map((t) => t.id);
  let aggregate = emptyAggregate(typeIds.length);
  const crowd: CrowdMember[] = [];
  const counts = emptyTally(instrument);

  const seqs = new Set<number>();

  const add = (seq: number, profile: Profile, meta: InsertMeta, answer: StoredAnswer): CrowdMember | null => {
    if (seqs.has(seq)) return null;
    seqs.add(seq);
    aggregate = addToAggregate(aggregate, profile, typeIds);
    tally(counts, instrument, { ...answer, label: profile.label });
    const member = {
      seq,
      // Full precision: the projector places figures by the shares.
      shares: profile.shares,
      label: profile.label,
      casus: profile.casusIndex,
      round: meta.round,
      rehearsal: meta.rehearsal,
    };
    crowd.push(member);
    return member;
  };
  for (const row of store.listForInstrument(instrument.id, instrument.version)) {
    add(row.seq, profileOf(row, instrument), row, { response: row, receivedAt: row.receivedAt });
  }
  return {
    instrument,
    aggregate: () => aggregate,
    crowd: () => crowd,
    talk: (threshold) => publicTalk(counts, instrument, threshold),
    add,
  };
}
