import { situationTitle, type LiveAdminAction, type LiveStatus } from '../../core/live';
import { localize } from '../../core/instrument';
import type { Handler, HubContext } from '../context';
import type { Peer } from '../net/peer';
import { LiveRefused } from './moments';
import { readDrafts, removeDraft, saveDraft } from './situations';

/** The console's live panel: the presenter code, the typed situations, the one picked and the moments so far. */
export function liveStatus(ctx: HubContext): LiveStatus {
  return {
    presenter: {
      enabled: ctx.presenter.activeCode() !== null,
      code: ctx.presenter.activeCode(),
      remotes: ctx.presenter.remotes(),
    },
    drafts: readDrafts(ctx),
    picked: ctx.moments.picked(),
    phase: ctx.moments.phase(),
    moments: ctx.moments.store.all().map((m) => ({
      id: m.id,
      title: localize(situationTitle(m.situation.title ?? undefined, m.situation.prompt), 'nl'),
      openedAt: m.openedAt,
      closedAt: m.closedAt,
      round: m.round?.name ?? null,
      answered: m.counts.reduce((a, b) => a + b, 0),
    })),
  };
}

/** What one action does: the console text's key for `done`, or null for none. */
function act(ctx: HubContext, action: LiveAdminAction): string | null {
  switch (action.kind) {
    case 'status':
      return null;
    case 'draft': {
      const saved = saveDraft(ctx, action.draft);
      if ('problem' in saved) throw new LiveRefused(saved.problem);
      return 'liveDraftSaved';
    }
    case 'removeDraft':
      if (!removeDraft(ctx, action.id)) throw new LiveRefused('liveDraftUnknown');
      return 'liveDraftRemoved';
    case 'pick':
      ctx.moments.pick(action.situation);
      return 'livePicked';
    case 'presenter':
      if (!action.enabled) {
        ctx.presenter.disable();
        return 'presenterOff';
      }
      // The remote reaches the hub over the venue network only; without it the code would open nothing.
      if (!ctx.lan.status().listening) throw new LiveRefused('presenterNeedsLan');
      ctx.presenter.enable();
      return 'presenterOn';
    case 'presenterNewCode':
      ctx.presenter.newCode();
      return 'presenterNewCode';
  }
}

/** `liveAdmin`: like every organiser action, only with the session the PIN opened, only on the hub's computer. */
export const liveAdmin: Handler<'liveAdmin'> = (ctx, peer: Peer, { token, action }) => {
  if (!ctx.auth.isValid(token)) {
    ctx.send(peer, { type: 'error', code: 'no-session', message: 'log in with the organiser PIN first' });
    return;
  }
  try {
    const done = act(ctx, action);
    if (done !== null) ctx.send(peer, { type: 'done', kind: `live-${action.kind}`, detail: done, params: {} });
  } catch (error) {
    if (!(error instanceof LiveRefused)) throw error;
    ctx.send(peer, { type: 'error', code: 'refused', message: error.message });
  }
  ctx.moments.announce();
  ctx.send(peer, { type: 'liveStatus', status: liveStatus(ctx) });
};
