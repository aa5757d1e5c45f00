import type { HubContext } from '../context';
import { noteRunning } from './instrumentGate';
import { NOTE_RUNNING_MS } from './instrumentRuns';

/** How often silent peers are pinged, and dropped when they did not answer the last ping. */
export const PING_INTERVAL_MS = 15_000;
/** How often kiosks get the totals again, when they changed. */
const KIOSK_TOTALS_MS = 3000;
/** How often the answer count beside the database is brought up to date. */
const LAST_COUNT_MS = 5000;
/** How often projectors' invitation (address, code, phones joined) is checked for changes. */
const INVITE_CHECK_MS = 1000;

/** The hub's periodic work; returns what stops it. None of it keeps the process alive. */
export function startHubTimers(ctx: HubContext, { pingIntervalMs = PING_INTERVAL_MS } = {}): () => void {
  // Kiosks only need the totals for the result screen and the attract counter: a few seconds old is fine, and
  // sparing them every arrival keeps a busy hub's work per submission flat.
  // Every kiosk got the totals in its welcome: send them again only when they have changed since the start.
  let kioskTotal = ctx.live.aggregate().total;
  const kioskTotals = (): void => {
    const aggregate = ctx.live.aggregate();
    if (aggregate.total === kioskTotal) return;
    kioskTotal = aggregate.total;
    ctx.broadcast({ type: 'aggregate', aggregate }, ['kiosk']);
  };
  const heartbeat = (): void => {
    for (const peer of ctx.peers) {
      if (!peer.alive) peer.socket.terminate();
      else {
        peer.alive = false;
        peer.socket.ping();
      }
    }
  };
  const timers = [
    setInterval(kioskTotals, KIOSK_TOTALS_MS),
    setInterval(heartbeat, pingIntervalMs),
    setInterval(() => ctx.noteCount(), LAST_COUNT_MS),
    // Catches what changes the invitation without going through audience mode: network mode, a new round.
    setInterval(() => ctx.audience.announce(), INVITE_CHECK_MS),
    // An instrument that runs past midnight ran on the new day too: its kiosks' outboxes stay welcome after a switch.
    setInterval(() => noteRunning(ctx), NOTE_RUNNING_MS),
  ];
  for (const timer of timers) timer.unref();
  return () => timers.forEach((timer) => clearInterval(timer));
}
