import { emptyAggregate } from '../../core/aggregate';
import { checkAgainstInstrument, profileOf } from '../../core/response';
import type { ParticipantAction, WorkshopAdminAction } from '../../core/workshop';
import type { Handler, HubContext } from '../context';
import { acceptResponse } from '../handlers/accept';
import type { Peer } from '../net/peer';
import type { WorkshopRow } from './workshopStore';

/**
 * Workshop mode's messages (docs/adr/0011-workshop-mode.md): a participant's page, over its workshop's own socket,
 * and the facilitator's console. A participant reaches only their own rows in their own workshop; a refusal is an
 * `error` with code `refused` and changes nothing.
 */
class WorkshopRefused extends Error {}

/** The participant's workshop and their key in it; refused when the workshop is gone. */
function whose(ctx: HubContext, peer: Peer): { workshop: WorkshopRow; participant: string } {
  const workshop = peer.workshop ? ctx.workshops.get(peer.workshop) : null;
  if (!workshop || !peer.participant) throw new WorkshopRefused('workshop-gone');
  return { workshop, participant: ctx.workshops.store.participantKey(workshop.id, peer.participant) };
}

/** A participant says hello: the workshop's instrument (no totals, no crowd) and what they gave so far. */
export function participantHello(ctx: HubContext, peer: Peer): void {
  const { workshop, participant } = whose(ctx, peer);
  const instrument = ctx.workshops.instrumentOf(workshop);
  if (!instrument) throw new WorkshopRefused('workshop-gone');
  peer.role = 'participant';
  ctx.workshops.store.join(workshop.id, participant, ctx.now());
  ctx.send(peer, {
    type: 'welcome',
    instrument,
    aggregate: emptyAggregate(instrument.types.length),
    crowd: [],
    settings: ctx.settings,
    round: null,
    needsPin: false,
  });
  ctx.workshops.changed(workshop.id);
}

async function participantAct(ctx: HubContext, peer: Peer, action: ParticipantAction): Promise<void> {
  const { workshop, participant } = whose(ctx, peer);
  const store = ctx.workshops.store;
  // A closed session takes nothing new; taking back what you gave is always possible.
  if (workshop.closed && action.kind !== 'forget') throw new WorkshopRefused('workshop-closed');
  switch (action.kind) {
    case 'answer': {
      const instrument = ctx.workshops.instrumentOf(workshop)!;
      const { response } = action;
      const problem =
        response.instrumentId !== instrument.id || response.instrumentVersion !== instrument.version
          ? 'not this workshop’s instrument'
          : checkAgainstInstrument(response, instrument);
      if (problem) throw new WorkshopRefused(problem);
      const first = !store.participant(workshop.id, participant)?.answered;
      store.answer(workshop.id, participant, response, profileOf(response, instrument).shares, ctx.now());
      // Counted in today's crowd only when the facilitator chose so, once per participant, unlinked from them.
      if (workshop.countInCrowd && first) await acceptResponse(ctx, response, { rehearsal: false, round: null });
      ctx.send(peer, { type: 'ack', id: response.id, duplicate: !first });
      break;
    }
    case 'nickname':
      if (!workshop.nicknames && action.nickname !== null) throw new WorkshopRefused('no-nicknames');
      store.nickname(workshop.id, participant, action.nickname);
      break;
    case 'case': {
      const types = ctx.workshops.instrumentOf(workshop)!.types;
      if (action.asks !== null && !types.some((t) => t.id === action.asks)) throw new WorkshopRefused('unknown-type');
      store.setCase(workshop.id, participant, action.text, action.asks, action.share);
      break;
    }
    case 'commitment':
      store.setCommitment(workshop.id, participant, action.text, action.share);
      break;
    case 'forget':
      store.forget(workshop.id, participant);
      break;
  }
  ctx.workshops.changed(workshop.id);
}

/** What one facilitator action does: the console text's key for `done`. */
function adminAct(ctx: HubContext, action: WorkshopAdminAction): string | null {
  const room = ctx.workshops;
  switch (action.kind) {
    case 'list':
      return null;
    case 'create':
      if (!room.create(action.setup)) throw new WorkshopRefused('workshopInstrumentUnknown');
      return 'workshopCreated';
    case 'phase':
      if (!room.setPhase(action.id, action.phase)) throw new WorkshopRefused('workshopUnknown');
      room.changed(action.id);
      return 'workshopPhase';
    case 'show':
      if (!room.show(action.id)) throw new WorkshopRefused('workshopUnknown');
      return action.id ? 'workshopOnScreen' : 'workshopOffScreen';
    case 'close':
      if (!room.get(action.id)) throw new WorkshopRefused('workshopUnknown');
      room.store.close(action.id, ctx.now());
      room.changed(action.id);
      return 'workshopClosed';
    case 'delete': {
      const { removed, walTruncated } = room.remove(action.id);
      if (!removed) throw new WorkshopRefused('workshopUnknown');
      return walTruncated ? 'workshopDeleted' : 'workshopDeletedLogBusy';
    }
  }
}

export const workshopHandlers: { participant: Handler<'participant'>; workshopAdmin: Handler<'workshopAdmin'> } = {
  participant: async (ctx, peer, { action }) => {
    if (peer.role !== 'participant') {
      ctx.send(peer, { type: 'error', code: 'not-hello', message: 'say hello as a participant first' });
      return;
    }
    try {
      await participantAct(ctx, peer, action);
    } catch (error) {
      if (!(error instanceof WorkshopRefused)) throw error;
      ctx.send(peer, { type: 'error', code: 'refused', message: error.message });
    }
  },
  workshopAdmin: (ctx, peer, { token, action }) => {
    if (!ctx.auth.isValid(token)) {
      ctx.send(peer, { type: 'error', code: 'no-session', message: 'log in with the organiser PIN first' });
      return;
    }
    try {
      const done = adminAct(ctx, action);
      ctx.send(peer, { type: 'workshops', list: ctx.workshops.summaries() });
      if (done) ctx.send(peer, { type: 'done', kind: `workshop.${action.kind}`, detail: done, params: {} });
    } catch (error) {
      if (!(error instanceof WorkshopRefused)) throw error;
      ctx.send(peer, { type: 'error', code: 'refused', message: error.message });
    }
  },
};

export { WorkshopRefused };
