import type { Instrument } from '../core/instrument';
import type { ClientMessage, HubMessage, Role } from '../core/messages';
import type { Settings } from '../core/settings';
import type { AnswerLimit } from './net/answerLimit';
import type { AudienceController } from './audience/controller';
import type { PhoneStore } from './audience/phoneStore';
import type { SourceBook } from './audience/sources';
import type { OrganiserAuth } from './net/auth';
import type { DeviceEntry } from './day/devices';
import type { HostCapabilities } from './day/host';
import type { LanController } from './net/lan';
import type { InstrumentRuns } from './day/instrumentRuns';
import type { LiveState } from './day/liveState';
import type { InstrumentLibrary } from './library/library';
import type { WorkshopRoom } from './workshop/room';
import type { LiveMoments } from './live/liveMoments';
import type { PresenterController } from './live/presenter';
import type { Peer } from './net/peer';
import type { SurveyResponse } from '../core/response';
import type { Losses } from './store/losses';
import type { InsertMeta, ResponseStore } from './store/responseStore';

/** Everything the message handlers share. */
export interface HubContext {
  /** Every instrument and version the hub scores: shipped, then published in the console (grows on publish). */
  readonly instruments: readonly Instrument[];
  /** Workshop mode: the workshops, their participants and the shared screen (workshop/room.ts). */
  readonly workshops: WorkshopRoom;
  /** The instruments made in the console, their drafts and versions (library/library.ts). */
  readonly library: InstrumentLibrary;
  readonly store: ResponseStore;
  readonly auth: OrganiserAuth;
  readonly dataDir: string;
  /** False when the start's test write failed: nothing can be saved, /healthz and the console say so. */
  readonly databaseWritable: boolean;
  /** The record of lost answers in the data folder, and whether writes fail now (/healthz and the console say so). */
  readonly losses: Losses;
  /** Brings the answer count recorded beside the database up to date (after a wipe, at once). */
  noteCount(): void;
  readonly appVersion: string;
  /**
   * The hub's clock (ms since the epoch): what it stamps answers, rounds and devices with and what it calls today.
   * Date.now, unless a test fixes the hour.
   */
  readonly now: () => number;
  /** Folder with the fonts the PDF reports embed (assets/fonts). */
  readonly fontsDir: string;
  readonly peers: ReadonlySet<Peer>;
  /** Devices seen since start, also after they disconnect; bounded, keyed by `deviceKey` (devices.ts). */
  readonly devices: Map<string, DeviceEntry>;
  /** Answers per minute a device on the network may hand in. */
  readonly answerLimit: AnswerLimit;
  /** What the app around the hub can do (nothing under plain `npm run hub`). */
  readonly host: HostCapabilities;
  /** Network mode: the second listener and its join code. */
  readonly lan: LanController;
  /** Audience mode: phones in the talk room, let in by their own code (src/hub/audience). */
  readonly audience: AudienceController;
  /** The talk's live moment: the situation put to the room, its answers and its kept totals (src/hub/live). */
  readonly moments: LiveMoments;
  /** The presenter code that lets remotes in, and the remotes connected. */
  readonly presenter: PresenterController;
  /** Which instrument@version ran today, and answers refused for one that did not (day/instrumentRuns.ts). */
  readonly instrumentRuns: InstrumentRuns;
  /** Who joined and answered per round from a phone. */
  readonly phones: PhoneStore;
  /** Answers per minute from phones: one per phone, and a cap per address a real room never reaches. */
  readonly phoneLimit: AnswerLimit;
  /** Where phone answers came from (a keyed hash of the address) and which addresses the organiser set aside. */
  readonly sources: SourceBook;
  /** Stores a response durably (group commit); resolves after the commit. */
  write(response: SurveyResponse, meta: InsertMeta): Promise<{ stored: boolean; seq: number; receivedAt: number }>;
  live: LiveState;
  settings: Settings;
  send(peer: Peer, message: HubMessage): void;
  /** Sends to every page that said hello, or only to the given roles. */
  broadcast(message: HubMessage, roles?: readonly Role[]): void;
  /** Rebuilds the live state from the store and sends every page a fresh welcome (after a reset, a switch…). */
  reload(instrument?: Instrument): void;
  welcomeFor(role: Role): HubMessage;
  log(line: string): void;
}

/** What handles one kind of client message: the handler maps in handlers/ and the dispatch in socket.ts share it. */
export type Handler<K extends ClientMessage['type']> = (
  ctx: HubContext,
  peer: Peer,
  message: Extract<ClientMessage, { type: K }>,
) => void | Promise<void>;
