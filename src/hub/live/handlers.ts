import { clockTime } from '../../core/eventTime';
import { PROJECTOR_COMMANDS, type ProjectorCommand, type RemoteCommand } from '../../core/live';
import type { Handler, HubContext } from '../context';
import type { Peer } from '../net/peer';
import { liveAdmin } from './admin';
import { LiveRefused } from './moments';

/** The live commands a projector's own key may give (it is on stage, like a remote); its view keys stay local. */
const PROJECTOR_MAY: ReadonlySet<RemoteCommand> = new Set(['liveStep', 'livePut', 'liveReveal', 'liveClose']);

const isProjectorCommand = (command: RemoteCommand): command is ProjectorCommand =>
  (PROJECTOR_COMMANDS as readonly string[]).includes(command);

/** A remote says hello: it gets its state (the projector's view, the round, the live moment), never crowd data. */
export function remoteHello(ctx: HubContext, peer: Peer, device: string): void {
  peer.role = 'remote';
  peer.deviceKey = `remote|${device}`;
  ctx.send(peer, { type: 'remoteState', state: ctx.moments.remoteState() });
}

/** What one remote command does; round and live commands change the hub, the rest move the projectors. */
function command(ctx: HubContext, peer: Peer, command: RemoteCommand, situation: string | undefined): void {
  // With a workshop on the shared screen, next and previous step through its phases (docs/adr/0011).
  const workshop = ctx.workshops.onScreen();
  if (workshop && (command === 'next' || command === 'previous')) {
    ctx.workshops.step(workshop, command === 'next' ? 1 : -1);
    return;
  }
  if (isProjectorCommand(command)) {
    ctx.broadcast({ type: 'presenter', command }, ['projector']);
    return;
  }
  const moments = ctx.moments;
  switch (command) {
    case 'roundStart': {
      if (ctx.store.activeRound()) throw new LiveRefused('roundRunning');
      const round = ctx.store.startRound(`Zaal ${clockTime(ctx.now(), ctx.settings.timeZone)}`, ctx.now());
      ctx.broadcast({ type: 'state', settings: ctx.settings, round });
      break;
    }
    case 'roundStop':
      if (!ctx.store.stopRound(ctx.now())) throw new LiveRefused('noRoundRunning');
      ctx.broadcast({ type: 'state', settings: ctx.settings, round: null });
      break;
    case 'livePick':
      moments.pick(situation);
      break;
    case 'livePut':
      moments.put();
      break;
    case 'liveReveal':
      moments.reveal();
      break;
    case 'liveClose':
      moments.close();
      break;
    case 'liveStep':
      moments.step();
      break;
  }
  ctx.audience.announce();
  moments.announce();
}

export const liveHandlers: {
  liveAnswer: Handler<'liveAnswer'>;
  remote: Handler<'remote'>;
  projectorState: Handler<'projectorState'>;
  liveAdmin: Handler<'liveAdmin'>;
} = {
  liveAnswer: (ctx, peer, { live, option, id }) => ctx.moments.answer(peer, live, option, id),
  remote: (ctx, peer, message) => {
    const allowed = peer.role === 'remote' || (peer.role === 'projector' && PROJECTOR_MAY.has(message.command));
    if (!allowed) {
      ctx.send(peer, { type: 'error', code: 'refused', message: 'only a remote gives these commands' });
      return;
    }
    try {
      command(ctx, peer, message.command, message.situation);
    } catch (error) {
      if (!(error instanceof LiveRefused)) throw error;
      ctx.send(peer, { type: 'error', code: 'refused', message: error.message });
    }
  },
  projectorState: (ctx, peer, { state }) => {
    if (peer.role !== 'projector') {
      ctx.send(peer, { type: 'error', code: 'refused', message: 'only a projector reports its view' });
      return;
    }
    ctx.moments.setProjector(state);
  },
  liveAdmin,
};
