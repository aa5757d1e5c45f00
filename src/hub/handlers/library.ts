import { findInstrument, localize, type Instrument } from '../../core/instrument';
import { instrumentFile, instrumentProblems } from '../../core/instrumentProblems';
import type { HubContext } from '../context';
import { noteRunning } from '../day/instrumentGate';
import { LibraryRefusal } from '../library/library';
import type { Peer } from '../net/peer';
import { RefusedError, type ActionMap, type Outcome } from './action';

/**
 * The console's instrument actions (docs/adr/0009-instruments-in-the-console.md): list, copy, open, save, publish,
 * drop a draft, retire, import and export. A refusal changes nothing and tells the console what was wrong, field by
 * field, in a `draft` message with `refused` set.
 */
type LibraryKind =
  | 'library'
  | 'draftCopy'
  | 'draftOpen'
  | 'draftSave'
  | 'draftPublish'
  | 'draftDrop'
  | 'instrumentRetire'
  | 'instrumentImport'
  | 'instrumentFile';

const sendLibrary = (ctx: HubContext, peer: Peer): void =>
  ctx.send(peer, { type: 'library', entries: ctx.library.entries(), unreadable: ctx.library.unreadable });

const sendDraft = (ctx: HubContext, peer: Peer, draft: Instrument): void =>
  ctx.send(peer, {
    type: 'draft',
    id: draft.id,
    instrument: draft,
    problems: instrumentProblems({ ...draft, version: '1.0.0' }),
    refused: null,
    compare:
      ctx.library.choosable().find((i) => ctx.library.isShipped(i.id) && i.types.length === draft.types.length) ?? null,
  });

/** Runs `act`; a library refusal goes to the console with its problems, and nothing was changed. */
function refusing(ctx: HubContext, peer: Peer, id: string, act: () => Outcome | null): Outcome | null {
  try {
    return act();
  } catch (error) {
    if (!(error instanceof LibraryRefusal)) throw error;
    ctx.send(peer, { type: 'draft', id, instrument: null, problems: error.problems, refused: error.key });
    throw new RefusedError(error.key);
  }
}

/** A new version of the running instrument takes over at once; kiosks and phones switch at their next visit. */
function runNewVersion(ctx: HubContext, instrument: Instrument): void {
  if (ctx.live.instrument.id !== instrument.id) return;
  noteRunning(ctx);
  ctx.reload(instrument);
  noteRunning(ctx);
}

export const libraryActions: ActionMap<LibraryKind> = {
  library: (ctx, peer) => {
    sendLibrary(ctx, peer);
    return null;
  },
  draftCopy: (ctx, peer, { from, id, title }) =>
    refusing(ctx, peer, id, () => {
      const draft = ctx.library.copy(from, id, title.en ? title : { nl: title.nl }, ctx.now());
      sendDraft(ctx, peer, draft);
      sendLibrary(ctx, peer);
      return { key: 'draftCopied', params: { title: title.nl } };
    }),
  draftOpen: (ctx, peer, { id }) => {
    // An instrument published without a draft left is edited from its newest version.
    const draft = ctx.library.draft(id) ?? (ctx.library.isShipped(id) ? null : findInstrument(ctx.instruments, id));
    if (!draft) throw new RefusedError('draftUnknown');
    sendDraft(ctx, peer, draft);
    return null;
  },
  draftSave: (ctx, peer, { instrument }) => {
    const id = typeof (instrument as { id?: unknown })?.id === 'string' ? (instrument as { id: string }).id : '';
    return refusing(ctx, peer, id, () => {
      const { saved } = ctx.library.saveDraft(instrument, ctx.now());
      sendDraft(ctx, peer, saved);
      sendLibrary(ctx, peer);
      return { key: 'draftSaved' };
    });
  },
  draftPublish: (ctx, peer, { id }) =>
    refusing(ctx, peer, id, () => {
      const instrument = ctx.library.publish(id);
      runNewVersion(ctx, instrument);
      sendLibrary(ctx, peer);
      return { key: 'published', params: { title: localize(instrument.title, 'nl'), version: instrument.version } };
    }),
  draftDrop: (ctx, peer, { id }) => {
    if (!ctx.library.dropDraft(id)) throw new RefusedError('draftUnknown');
    sendLibrary(ctx, peer);
    return { key: 'draftDropped' };
  },
  instrumentRetire: (ctx, peer, { id, retired }) =>
    refusing(ctx, peer, id, () => {
      // The running instrument stays choosable: the organiser switches to another one first.
      if (retired && ctx.live.instrument.id === id) throw new LibraryRefusal('instrumentRunning');
      ctx.library.retire(id, retired);
      sendLibrary(ctx, peer);
      return { key: retired ? 'instrumentRetired' : 'instrumentBack' };
    }),
  instrumentImport: (ctx, peer, { file }) =>
    refusing(ctx, peer, '', () => {
      const draft = ctx.library.importFile(file, ctx.now());
      sendDraft(ctx, peer, draft);
      sendLibrary(ctx, peer);
      return { key: 'imported', params: { id: draft.id } };
    }),
  instrumentFile: (ctx, peer, { ref }) => {
    const instrument = findInstrument(ctx.instruments, ref);
    if (!instrument) throw new RefusedError('instrumentUnknown');
    ctx.send(peer, {
      type: 'instrumentFile',
      name: `${instrument.id}-${instrument.version}.json`,
      text: instrumentFile(instrument),
    });
    return null;
  },
};
