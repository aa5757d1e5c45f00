import { talkMessage } from './accept';
import { mkdirSync, readdirSync, renameSync, rmSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import type { AdminAction, HubStatus } from '../../core/messages';
import { localize, newestVersion } from '../../core/instrument';
import { startOfDay, startOfStep } from '../../core/eventTime';
import { settingsSchema } from '../../core/settings';
import type { Handler, HubContext } from '../context';
import type { Peer } from '../net/peer';
import { lastRecovery } from '../store/dbReport';
import { noteRunning, otherInstruments } from '../day/instrumentGate';
import { rehearse } from '../day/rehearsal';
import { RefusedError, type ActionMap, type Outcome } from './action';
import { libraryActions } from './library';

export const ARCHIVE_DIR = 'archives';

/** The console's day chart counts arrivals per this many minutes. */
export const DAY_STEP_MINUTES = 10;

/** Arrivals today (event time) per step, from the first step with an answer to the step that runs now. */
function dayChart(ctx: HubContext): HubStatus['day'] {
  const now = ctx.now();
  const stepMs = DAY_STEP_MINUTES * 60_000;
  const midnight = startOfDay(now, ctx.settings.timeZone);
  const per = ctx.store.countPerStep(midnight, stepMs);
  const steps = [...per.keys()];
  if (steps.length === 0)
    return {
      start: startOfStep(now, ctx.settings.timeZone, DAY_STEP_MINUTES),
      stepMinutes: DAY_STEP_MINUTES,
      counts: [],
    };
  const first = Math.min(...steps);
  const last = Math.max(Math.floor((now - midnight) / stepMs), ...steps);
  return {
    start: midnight + first * stepMs,
    stepMinutes: DAY_STEP_MINUTES,
    counts: Array.from({ length: last - first + 1 }, (_, i) => per.get(first + i) ?? 0),
  };
}

function freeDisk(dir: string): number | null {
  try {
    const stats = statfsSync(dir);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

export function hubStatus(ctx: HubContext): HubStatus {
  const connected = new Set([...ctx.peers].map((p) => p.deviceKey));
  let archives: string[] = [];
  try {
    archives = readdirSync(join(ctx.dataDir, ARCHIVE_DIR))
      .filter((f) => f.endsWith('.sqlite'))
      .sort();
  } catch {
    archives = [];
  }
  const responses = ctx.store.count({ rehearsal: false });
  const live = ctx.live.crowd().filter((m) => !m.rehearsal).length;
  return {
    responses,
    // Answers set aside are out of the live crowd too, but they are no other instrument's.
    otherInstrument: ctx.store.count({ rehearsal: false, setAside: false }) - live,
    today: ctx.store.count({ since: startOfDay(ctx.now(), ctx.settings.timeZone), rehearsal: false }),
    otherInstruments: otherInstruments(ctx),
    day: dayChart(ctx),
    rehearsal: ctx.store.count({ rehearsal: true }),
    perRound: ctx.store.rounds().map((r) => ({ id: r.id, name: r.name, count: r.count })),
    devices: [...ctx.devices].map(([key, d]) => ({
      device: d.device,
      role: d.role,
      via: d.via,
      connected: connected.has(key),
      lastSeen: d.lastSeen,
      pending: d.pending,
      refused: d.refused,
    })),
    freeDiskBytes: freeDisk(ctx.dataDir),
    appVersion: ctx.appVersion,
    instrument: `${ctx.live.instrument.id}@${ctx.live.instrument.version}`,
    instruments: ctx.library.choosable().map((i) => ({
      id: i.id,
      version: i.version,
      title: localize(i.title, 'nl'),
    })),
    archives,
    lan: ctx.lan.status(),
    audience: ctx.audience.status(),
    database: {
      writable: ctx.databaseWritable,
      recovery: lastRecovery(ctx.store),
      losses: ctx.losses.list((id) => ctx.store.has(id)),
      writes: ctx.losses.state(),
    },
    startAtLogin: startAtLoginStatus(ctx),
  };
}

function startAtLoginStatus(ctx: HubContext): { available: boolean; enabled: boolean } {
  const item = ctx.host.startAtLogin;
  if (!item) return { available: false, enabled: false };
  try {
    return { available: true, enabled: item.isEnabled() };
  } catch (error) {
    ctx.log(`Start with the computer: ${error instanceof Error ? error.message : String(error)}`);
    return { available: true, enabled: false };
  }
}

/**
 * Copies the database into archives/ with a timestamp; returns the file name. The copy is written under a
 * temporary name and renamed only when whole, so a full disk leaves no half (or empty) archive that looks real.
 * The record of lost answers goes along, beside it under the same name: the day it describes is archived.
 */
export function archiveDatabase(
  ctx: HubContext,
  now = new Date(ctx.now()),
  copy: (path: string) => void = (path) => ctx.store.backupTo(path),
): string {
  const dir = join(ctx.dataDir, ARCHIVE_DIR);
  mkdirSync(dir, { recursive: true });
  const name = `ideale-ambtenaar-${now.toISOString().replace(/[:.]/g, '-')}.sqlite`;
  const partial = join(dir, `${name}.partial`);
  try {
    copy(partial);
    // The day's answers are archived; a workshop's free text is not (it goes when its workshop is deleted).
    ctx.workshops.store.stripFromCopy(partial);
    renameSync(partial, join(dir, name));
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  ctx.losses.archiveTo(join(dir, name.replace(/\.sqlite$/, '.losses.json')));
  return name;
}

/** What each organiser action does; every one needs a valid session (checked before dispatch). */
const actions: ActionMap<AdminAction['kind']> = {
  ...libraryActions,
  status: (ctx, peer) => {
    ctx.send(peer, { type: 'status', status: hubStatus(ctx) });
    return null;
  },
  startRound: (ctx, _peer, { name }) => {
    const round = ctx.store.startRound(name, ctx.now());
    ctx.broadcast({ type: 'state', settings: ctx.settings, round });
    return { key: 'roundStarted', params: { name: round.name } };
  },
  stopRound: (ctx) => {
    const round = ctx.store.stopRound(ctx.now());
    ctx.broadcast({ type: 'state', settings: ctx.settings, round: null });
    return round ? { key: 'roundStopped', params: { name: round.name } } : { key: 'noRoundRunning' };
  },
  settings: (ctx, _peer, { settings }) => {
    ctx.settings = settingsSchema.parse({ ...ctx.settings, ...settings });
    ctx.store.setSetting('settings', JSON.stringify(ctx.settings));
    ctx.broadcast({ type: 'state', settings: ctx.settings, round: ctx.store.activeRound() });
    // The threshold may have changed: projectors get the group counts cut to the new one.
    ctx.broadcast(talkMessage(ctx), ['projector']);
    return { key: 'settingsSaved' };
  },
  instrument: (ctx, _peer, { id }) => {
    const instrument = newestVersion(ctx.instruments, id);
    if (!instrument) throw new RefusedError('unknownInstrument');
    if (ctx.library.isRetired(id)) throw new RefusedError('instrumentIsRetired');
    ctx.store.setSetting('instrument', id);
    // Both ran today: the kiosks that still show the old one may hand in what visitors finish on it.
    noteRunning(ctx);
    ctx.reload(instrument);
    noteRunning(ctx);
    return {
      key: 'instrumentOn',
      params: { title: localize(instrument.title, 'nl'), titleEn: localize(instrument.title, 'en') },
    };
  },
  rehearse: async (ctx, _peer, { count }) => {
    const result = await rehearse(ctx, count);
    if (result.failed > 0) {
      ctx.log(`Rehearsal: ${result.failed} of ${count} could not be stored: ${result.cause}`);
      throw new RefusedError('rehearsalFailed');
    }
    return { key: 'rehearsed', params: { count: result.stored, refused: result.refused } };
  },
  clearRehearsal: (ctx) => {
    const removed = ctx.store.clearRehearsal();
    ctx.noteCount();
    ctx.reload();
    return { key: 'rehearsalCleared', params: { count: removed } };
  },
  archiveAndReset: (ctx) => {
    let name: string;
    try {
      name = archiveDatabase(ctx);
    } catch (error) {
      ctx.log(`Archive failed, nothing wiped: ${error instanceof Error ? error.message : String(error)}`);
      throw new RefusedError('archiveFailed');
    }
    const removed = ctx.store.wipe();
    ctx.noteCount();
    ctx.reload();
    return { key: 'archived', params: { name, count: removed } };
  },
  wipe: (ctx) => {
    const removed = ctx.store.wipe();
    ctx.noteCount();
    ctx.reload();
    return { key: 'wiped', params: { count: removed } };
  },
  lan: async (ctx, _peer, { enabled }) => {
    if (!enabled) {
      await ctx.lan.disable();
      return { key: 'lanOff' };
    }
    try {
      await ctx.lan.enable();
    } catch (error) {
      ctx.log(error instanceof Error ? error.message : String(error));
      throw new RefusedError('lanFailed');
    }
    return { key: 'lanOn' };
  },
  lanNewCode: (ctx) => {
    ctx.lan.newCode();
    return { key: 'lanNewCode' };
  },
  lanAddress: (ctx, _peer, { address }) => {
    // Only an address this computer has now: a typo or a stale list would send every device nowhere.
    if (!ctx.lan.chooseAddress(address)) throw new RefusedError('lanAddressGone');
    ctx.audience.announce();
    return { key: 'lanAddressChosen', params: { address } };
  },
  audience: (ctx, _peer, { enabled }) => {
    if (!enabled) {
      ctx.audience.disable();
      return { key: 'audienceOff' };
    }
    // Phones reach the hub over the venue network only; without it the code would open nothing.
    if (!ctx.lan.status().listening) throw new RefusedError('audienceNeedsLan');
    ctx.audience.enable();
    return { key: 'audienceOn' };
  },
  audienceNewCode: (ctx) => {
    ctx.audience.newCode();
    return { key: 'audienceNewCode' };
  },
  audienceSetAside: (ctx, _peer, { source, setAside }) => {
    // Only an address the console lists: a typo or a stale list sets nothing aside.
    const count = ctx.sources.setAside(source, setAside, ctx.now());
    if (count === null) throw new RefusedError('audienceSourceUnknown');
    // The live picture is rebuilt without (or with) its answers; the export reads the same rule from the file.
    ctx.reload();
    return { key: setAside ? 'audienceSetAside' : 'audienceTakenBack', params: { count } };
  },
  startAtLogin: (ctx, _peer, { enabled }) => {
    const item = ctx.host.startAtLogin;
    if (!item) throw new RefusedError('startAtLoginUnavailable');
    try {
      item.setEnabled(enabled);
    } catch (error) {
      ctx.log(`Start with the computer: ${error instanceof Error ? error.message : String(error)}`);
      throw new RefusedError('startAtLoginFailed');
    }
    return { key: enabled ? 'startAtLoginOn' : 'startAtLoginOff' };
  },
};

const LOGIN_REFUSALS = {
  locked: 'too many wrong PINs: the console is locked for a while',
  'bad-pin': 'wrong PIN',
  'no-pin': 'no PIN set yet: set it in the console on the hub computer',
} as const;

export const adminHandlers: { login: Handler<'login'>; admin: Handler<'admin'> } = {
  login: async (ctx, peer, { pin }) => {
    // Only the console on the hub's own computer chooses the first PIN: never a kiosk (its hidden exit is within a
    // visitor's reach) and never a page from the network.
    const mayChoose = peer.via === 'local' && peer.role === 'admin';
    let result = mayChoose && ctx.auth.needsPin() ? await ctx.auth.choosePin(pin) : await ctx.auth.login(pin);
    if (!result.ok && result.code === 'pin-set') result = await ctx.auth.login(pin);
    if (result.ok) ctx.send(peer, { type: 'session', token: result.token, expiresAt: result.expiresAt });
    else {
      const code = result.code === 'pin-set' ? 'bad-pin' : result.code;
      ctx.send(peer, {
        type: 'error',
        code,
        message: LOGIN_REFUSALS[code],
        ...(result.retryAfterMs === undefined ? {} : { retryAfterMs: result.retryAfterMs }),
      });
    }
  },
  admin: async (ctx, peer, { token, action }) => {
    if (!ctx.auth.isValid(token)) {
      ctx.send(peer, { type: 'error', code: 'no-session', message: 'log in with the organiser PIN first' });
      return;
    }
    try {
      const outcome = await (
        actions[action.kind] as (c: HubContext, p: Peer, a: AdminAction) => Outcome | null | Promise<Outcome | null>
      )(ctx, peer, action);
      if (outcome !== null)
        ctx.send(peer, { type: 'done', kind: action.kind, detail: outcome.key, params: outcome.params ?? {} });
    } catch (error) {
      if (!(error instanceof RefusedError)) throw error;
      ctx.send(peer, { type: 'error', code: 'refused', message: error.message });
    }
  },
};
