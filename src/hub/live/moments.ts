/**
 * The live room: the talk's live moment (this module: pick, put, answers, reveal, close), what a remote may do
 * (handlers.ts), the presenter code and its gate (presenter.ts), the console's live panel (admin.ts), the typed
 * situations (situations.ts) and the kept moments (liveStore.ts, migration 0005). docs/adr/0010-live-moment.md.
 */
import { MIN_CROWD_FOR_DISTRIBUTION } from '../../core/aggregate';
import {
  publishSplit,
  revealSplit,
  type LiveSplit,
  type LiveView,
  type ProjectorState,
  type RemoteState,
} from '../../core/live';
import type { HubMessage } from '../../core/messages';
import type { HubContext } from '../context';
import { createAnswerLimit, type AnswerLimit } from '../net/answerLimit';
import type { Peer } from '../net/peer';
import type { LiveMoments } from './liveMoments';
import type { LiveStore, StoredMoment } from './liveStore';

export type { LiveMoments };
import { listSituations, resolveSituation } from './situations';

/** A live command that cannot be done now; the remote or console is told why. */
export class LiveRefused extends Error {}

interface Running {
  moment: StoredMoment;
  phase: 'open' | 'revealed';
  counts: number[];
  shown: LiveSplit | null;
}

/** Never fewer than the projector's own minimum (core/aggregate.ts). */
export const liveThreshold = (ctx: HubContext): number =>
  Math.max(ctx.settings.suppressBelow, MIN_CROWD_FOR_DISTRIBUTION);

const phoneIds = (peer: Peer) => ({ device: peer.deviceKey!.slice('phone|'.length), cookie: peer.phone });

/** Per-minute caps on live answers, as on phones' diagnostic answers (audience/handlers.ts, docs/adr/0007). */
const LIVE_ANSWERS_PER_SOCKET = 10;
const LIVE_ANSWERS_PER_ADDRESS = 600;

/** The live room's state in memory; the moments themselves are in the file (liveStore.ts). */
interface LiveState {
  store: LiveStore;
  running: Running | null;
  picked: string | null;
  projector: ProjectorState | null;
  lastRemote: string;
  dirty: boolean;
  stopped: boolean;
  limit: AnswerLimit;
}

function questionMessage(running: Running | null, answered: boolean): HubMessage {
  return {
    type: 'liveQuestion',
    question: running && {
      id: running.moment.id,
      open: running.phase === 'open',
      prompt: running.moment.situation.prompt,
      options: running.moment.situation.options.map((o) => o.text),
    },
    answered,
  };
}

function remoteStateOf(s: LiveState, ctx: HubContext): RemoteState {
  return {
    projector: s.projector,
    round: ctx.store.activeRound()?.name ?? null,
    live: {
      phase: s.running?.phase ?? 'none',
      picked: s.picked,
      answered: s.running ? s.running.counts.reduce((a, b) => a + b, 0) : 0,
    },
    situations: listSituations(ctx),
  };
}

function announce(s: LiveState, ctx: HubContext): void {
  const message: HubMessage = { type: 'remoteState', state: remoteStateOf(s, ctx) };
  const frame = JSON.stringify(message);
  if (frame === s.lastRemote) return;
  s.lastRemote = frame;
  ctx.broadcast(message, ['remote']);
}

const viewMessage = (s: LiveState, ctx: HubContext): HubMessage => ({
  type: 'live',
  live: s.running && viewOf(s.running, liveThreshold(ctx)),
});

/** Every page that shows the moment: phones the question, projectors the view, remotes their state. */
function tellEveryone(s: LiveState, ctx: HubContext): void {
  ctx.broadcast(questionMessage(s.running, false), ['phone']);
  ctx.broadcast(viewMessage(s, ctx), ['projector']);
  announce(s, ctx);
}

/** One message to projectors and remotes per event-loop turn, however many answers the turn committed. */
function answersChanged(s: LiveState, ctx: HubContext): void {
  if (s.dirty) return;
  s.dirty = true;
  setImmediate(() => {
    s.dirty = false;
    if (s.stopped) return;
    ctx.broadcast(viewMessage(s, ctx), ['projector']);
    announce(s, ctx);
  });
}

function pick(s: LiveState, ctx: HubContext, ref: string | undefined): void {
  const list = listSituations(ctx);
  if (ref === undefined) {
    const at = list.findIndex((x) => x.ref === s.picked);
    s.picked = list[(at + 1) % list.length]?.ref ?? null;
  } else if (list.some((x) => x.ref === ref)) s.picked = ref;
  else throw new LiveRefused('livePickUnknown');
  announce(s, ctx);
}

function put(s: LiveState, ctx: HubContext): void {
  if (s.running) throw new LiveRefused('liveRunning');
  if (s.picked === null) pick(s, ctx, undefined);
  const situation = s.picked === null ? null : resolveSituation(ctx, s.picked);
  if (!situation) throw new LiveRefused('livePickUnknown');
  const instrument = `${ctx.live.instrument.id}@${ctx.live.instrument.version}`;
  const round = ctx.store.activeRound();
  const moment = s.store.open(situation, instrument, round && { id: round.id, name: round.name }, ctx.now());
  s.running = { moment, phase: 'open', counts: [...moment.counts], shown: null };
  tellEveryone(s, ctx);
}

function reveal(s: LiveState, ctx: HubContext): void {
  const running = s.running;
  if (!running || running.phase !== 'open') throw new LiveRefused('liveNotOpen');
  s.store.reveal(running.moment.id, ctx.now());
  running.phase = 'revealed';
  running.counts = s.store.counts(running.moment.id);
  running.shown = revealSplit(running.shown, running.counts, liveThreshold(ctx));
  tellEveryone(s, ctx);
}

function close(s: LiveState, ctx: HubContext): void {
  if (!s.running) throw new LiveRefused('liveNotOpen');
  s.store.close(s.running.moment.id, ctx.now());
  s.running = null;
  tellEveryone(s, ctx);
}

function resume(s: LiveState, ctx: HubContext): void {
  const moment = s.store.running();
  if (!moment) return;
  const threshold = liveThreshold(ctx);
  const shown = publishSplit(null, moment.counts, threshold);
  s.running =
    moment.revealedAt === null
      ? { moment, phase: 'open', counts: moment.counts, shown }
      : { moment, phase: 'revealed', counts: moment.counts, shown: revealSplit(shown, moment.counts, threshold) };
}

export function createLiveMoments(store: LiveStore, context: () => HubContext): LiveMoments {
  const s: LiveState = {
    store,
    running: null,
    picked: null,
    projector: null,
    lastRemote: '',
    dirty: false,
    stopped: false,
    limit: createAnswerLimit({ perDevice: LIVE_ANSWERS_PER_SOCKET, perAddress: LIVE_ANSWERS_PER_ADDRESS }),
  };
  return {
    store,
    phase: () => s.running?.phase ?? 'none',
    picked: () => s.picked,
    pick: (ref) => pick(s, context(), ref),
    put: () => put(s, context()),
    reveal: () => reveal(s, context()),
    close: () => close(s, context()),
    step: () => {
      if (!s.running) put(s, context());
      else if (s.running.phase === 'open') reveal(s, context());
      else close(s, context());
    },
    answer: (peer, live, option, id) => answerOne(s, context(), peer, { live, option, id }),
    view: () => viewMessage(s, context()),
    question: (peer) =>
      questionMessage(
        s.running,
        s.running !== null && peer.role === 'phone' && store.answered(s.running.moment.id, phoneIds(peer)),
      ),
    setProjector: (state) => {
      s.projector = state;
      announce(s, context());
    },
    remoteState: () => remoteStateOf(s, context()),
    announce: () => announce(s, context()),
    resume: () => resume(s, context()),
    stop: () => {
      s.stopped = true;
    },
  };
}

/** Why a live answer cannot be taken now, or null. */
function answerRefusal(s: LiveState, peer: Peer, a: { live: number; option: number; id: string }): HubMessage | null {
  const current = s.running;
  if (peer.role !== 'phone' || !current || current.phase !== 'open' || current.moment.id !== a.live)
    return { type: 'error', code: 'live-closed', message: 'this live question is not open', ref: a.id };
  if (a.option >= current.moment.situation.options.length)
    return { type: 'error', code: 'bad-message', message: 'no such option', ref: a.id };
  const turn = peer.via === 'lan' ? s.limit.take(peer) : ({ ok: true } as const);
  if (!turn.ok) {
    const message = 'too many answers from this network address: try again in a minute';
    return { type: 'error', code: 'rate-limited', message, ref: a.id, retryAfterMs: turn.retryAfterMs };
  }
  return null;
}

/** One phone's answer: only while the moment is open, one per phone (its two ids), acknowledged once committed. */
async function answerOne(
  s: LiveState,
  ctx: HubContext,
  peer: Peer,
  a: { live: number; option: number; id: string },
): Promise<void> {
  const refusal = answerRefusal(s, peer, a);
  if (refusal) return ctx.send(peer, refusal);
  let outcome;
  try {
    ({ outcome } = await s.store.answer(a.live, phoneIds(peer), a.option, a.id));
  } catch (error) {
    const closed = s.running?.moment.id !== a.live || s.running.phase !== 'open';
    if (!closed)
      ctx.log(`A live answer could not be stored: ${error instanceof Error ? error.message : String(error)}`);
    const code = closed ? 'live-closed' : 'internal';
    ctx.send(peer, { type: 'error', code, message: closed ? 'this live question closed' : 'not stored', ref: a.id });
    return;
  }
  if (outcome === 'already') {
    const message = 'this phone already answered this live question';
    ctx.send(peer, { type: 'error', code: 'already-answered', message, ref: a.id });
    return;
  }
  ctx.send(peer, { type: 'ack', id: a.id, duplicate: outcome === 'duplicate' });
  const running = s.running;
  if (outcome === 'stored' && running?.moment.id === a.live) {
    running.counts = s.store.counts(a.live);
    running.shown = publishSplit(running.shown, running.counts, liveThreshold(ctx));
    answersChanged(s, ctx);
  }
}

/** What a projector may see: no types before the reveal, the split only as publishSplit allows. */
function viewOf(running: Running, threshold: number): LiveView {
  const revealed = running.phase === 'revealed';
  const { situation } = running.moment;
  return {
    id: running.moment.id,
    phase: running.phase,
    title: situation.title,
    prompt: situation.prompt,
    options: situation.options.map((o) => ({ text: o.text, type: revealed ? o.type : null })),
    asks: revealed ? situation.asks : null,
    answered: running.counts.reduce((a, b) => a + b, 0),
    split: running.shown,
    threshold,
  };
}

/** Resumes a moment left running, and sends remotes their state when it changed (a round started in the console). */
export function startLive(ctx: HubContext): () => void {
  ctx.moments.resume();
  const timer = setInterval(() => ctx.moments.announce(), 1000);
  return () => {
    clearInterval(timer);
    ctx.moments.stop();
  };
}
