import { addToAggregate, emptyAggregate, type Aggregate } from '../core/aggregate';
import type { Instrument } from '../core/instrument';
import type { CrowdMember } from '../core/messages';
import { profileOf, type Profile } from '../core/response';
import type { InsertMeta, ResponseStore } from './responseStore';

/** The active instrument's live totals and public crowd, kept in memory and rebuilt from the store. */
export interface LiveState {
  readonly instrument: Instrument;
  aggregate(): Aggregate;
  crowd(): readonly CrowdMember[];
  /** Adds a newly stored response; returns its public crowd member, or null when that seq is already in. */
  add(seq: number, profile: Profile, meta: InsertMeta): CrowdMember | null;
}

export function createLiveState(instrument: Instrument, store: ResponseStore): LiveState {
  const typeIds = instrument.types.map((t) => t.id);
  let aggregate = emptyAggregate(typeIds.length);
  const crowd: CrowdMember[] = [];

  const seqs = new Set<number>();

  const add = (seq: number, profile: Profile, meta: InsertMeta): CrowdMember | null => {
    if (seqs.has(seq)) return null;
    seqs.add(seq);
    aggregate = addToAggregate(aggregate, profile, typeIds);
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
    add(row.seq, profileOf(row, instrument), row);
  }
  return { instrument, aggregate: () => aggregate, crowd: () => crowd, add };
}
