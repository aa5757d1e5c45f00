import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  currentInstruments,
  localize,
  newestVersion,
  parseInstrument,
  type Instrument,
  type Localized,
} from '../../core/instrument';
import { copyAsDraft, nextVersion } from '../../core/instrumentDraft';
import {
  draftShapeProblems,
  instrumentFile,
  instrumentProblems,
  type InstrumentProblem,
} from '../../core/instrumentProblems';
import type { LibraryEntry } from '../../core/library';
import { DRAFTS_DIR, ensureDir, jsonFiles, LIBRARY_DIR, readJson, RETIRED_FILE, writeWhole } from './files';

/**
 * The instruments the hub knows (docs/adr/0009-instruments-in-the-console.md): the shipped ones from the app's assets,
 * read-only, and those the organiser made in the console, kept in the data folder (`instruments/`) so they survive an
 * update of the app and "archive and start again". A draft is kept as it is, faults and all, until it is published as
 * a new version; a published version never changes and stays loaded to score its answers; an instrument in use is
 * retired, never deleted.
 */
export interface InstrumentLibrary {
  /** Every instrument and version the hub scores: shipped first, then published. Grows in place on publish. */
  readonly instruments: Instrument[];
  /** Files in the folder that could not be read at start (the file and why), for the console. */
  readonly unreadable: string[];
  entries(): LibraryEntry[];
  /** Instruments that can be chosen to run: the newest version of each, without retired ones. */
  choosable(): Instrument[];
  isShipped(id: string): boolean;
  isRetired(id: string): boolean;
  draft(id: string): Instrument | null;
  /** Starts a draft `id` as a copy of instrument `from` (its newest version) under a new title. */
  copy(from: string, id: string, title: Localized, now: number): Instrument;
  /** Keeps `draft` as the draft of its instrument: refused (with its problems) unless it has an instrument's shape. */
  saveDraft(draft: unknown, now: number): { saved: Instrument; problems: InstrumentProblem[] };
  /** Publishes the draft of `id` as its next version; refused with the draft's problems while it has any. */
  publish(id: string): Instrument;
  retire(id: string, retired: boolean): void;
  /** Removes the draft of `id` (never a published version). */
  dropDraft(id: string): boolean;
  /** Takes an instrument file as the draft of its id: only a whole, valid file, never over a shipped instrument. */
  importFile(data: unknown, now: number): Instrument;
}

/** A refusal with the problems the console shows beside their fields. */
export class LibraryRefusal extends Error {
  constructor(
    readonly key: string,
    readonly problems: InstrumentProblem[] = [],
    readonly params: Record<string, string> = {},
  ) {
    super(key);
  }
}

/** What the library holds in memory: the folder's contents, read at open and kept in step with every write. */
interface LibraryState {
  dir: string;
  draftsDir: string;
  shippedIds: ReadonlySet<string>;
  instruments: Instrument[];
  drafts: Map<string, { instrument: Instrument; savedAt: number }>;
  retired: Set<string>;
  unreadable: string[];
}

export function openInstrumentLibrary(dataDir: string, shipped: readonly Instrument[]): InstrumentLibrary {
  const dir = join(dataDir, LIBRARY_DIR);
  const unreadable: string[] = [];
  const shippedIds = new Set(shipped.map((i) => i.id));
  const state: LibraryState = {
    dir,
    draftsDir: join(dir, DRAFTS_DIR),
    shippedIds,
    instruments: [...shipped, ...readPublished(dir, shippedIds, unreadable)],
    drafts: readDrafts(join(dir, DRAFTS_DIR), unreadable),
    retired: readRetired(join(dir, RETIRED_FILE), unreadable),
    unreadable,
  };
  return {
    instruments: state.instruments,
    unreadable,
    isShipped: (id) => shippedIds.has(id),
    isRetired: (id) => state.retired.has(id),
    choosable: () => currentInstruments(state.instruments).filter((i) => !state.retired.has(i.id)),
    entries: () => entriesOf(state),
    draft: (id) => state.drafts.get(id)?.instrument ?? null,
    copy: (from, id, title, now) => copyDraft(state, from, id, title, now),
    saveDraft: (data, now) => saveDraft(state, data, now),
    publish: (id) => publish(state, id),
    retire: (id, on) => retire(state, id, on),
    importFile: (data, now) => importFile(state, data, now),
    dropDraft: (id) => {
      if (!state.drafts.has(id)) return false;
      rmSync(join(state.draftsDir, `${id}.json`), { force: true });
      state.drafts.delete(id);
      return true;
    },
  };
}

const versionsOf = (state: LibraryState, id: string): string[] =>
  state.instruments.filter((i) => i.id === id).map((i) => i.version);

const isCustom = (state: LibraryState, id: string): boolean =>
  !state.shippedIds.has(id) && (state.drafts.has(id) || versionsOf(state, id).length > 0);

function writeDraft(state: LibraryState, draft: Instrument, now: number): void {
  ensureDir(state.draftsDir);
  writeWhole(join(state.draftsDir, `${draft.id}.json`), instrumentFile(draft));
  state.drafts.set(draft.id, { instrument: draft, savedAt: now });
}

function entriesOf(state: LibraryState): LibraryEntry[] {
  const ids = [...new Set([...state.instruments.map((i) => i.id), ...state.drafts.keys()])];
  return ids.map((id) => {
    const newest = newestVersion(state.instruments, id);
    const draft = state.drafts.get(id);
    const shown = newest ?? draft!.instrument;
    return {
      id,
      title: { nl: localize(shown.title, 'nl'), en: localize(shown.title, 'en') },
      shipped: state.shippedIds.has(id),
      versions: versionsOf(state, id),
      retired: state.retired.has(id),
      types: shown.types.length,
      draft: draft
        ? {
            savedAt: draft.savedAt,
            unpublished: !newest || !sameContent(draft.instrument, newest),
            problems: instrumentProblems({ ...draft.instrument, version: '1.0.0' }).length,
          }
        : null,
    };
  });
}

function copyDraft(state: LibraryState, from: string, id: string, title: Localized, now: number): Instrument {
  const source = newestVersion(state.instruments, from) ?? state.drafts.get(from)?.instrument;
  if (!source) throw new LibraryRefusal('instrumentUnknown', [], { id: from });
  if (state.shippedIds.has(id) || isCustom(state, id)) throw new LibraryRefusal('instrumentIdTaken', [], { id });
  const draft = copyAsDraft(source, id, title);
  const problems = draftShapeProblems(draft);
  if (problems.length > 0) throw new LibraryRefusal('draftRefused', problems);
  writeDraft(state, draft, now);
  return draft;
}

function saveDraft(
  state: LibraryState,
  data: unknown,
  now: number,
): { saved: Instrument; problems: InstrumentProblem[] } {
  const shape = draftShapeProblems(data);
  if (shape.length > 0) throw new LibraryRefusal('draftRefused', shape);
  const draft = data as Instrument;
  if (state.shippedIds.has(draft.id)) throw new LibraryRefusal('instrumentShipped', [], { id: draft.id });
  // A draft is started by a copy or an import: a save cannot make up an instrument the list does not have.
  if (!isCustom(state, draft.id)) throw new LibraryRefusal('draftUnknown', [], { id: draft.id });
  writeDraft(state, draft, now);
  return { saved: draft, problems: instrumentProblems({ ...draft, version: '1.0.0' }) };
}

function publish(state: LibraryState, id: string): Instrument {
  const draft = state.drafts.get(id)?.instrument;
  if (!draft) throw new LibraryRefusal('draftUnknown', [], { id });
  // A second click on "publish" (or a second console) must not make a second version of the same text.
  const newest = newestVersion(state.instruments, id);
  if (newest && sameContent(draft, newest))
    throw new LibraryRefusal('nothingToPublish', [], { version: newest.version });
  const version = nextVersion(versionsOf(state, id));
  const ready = { ...draft, version };
  const problems = instrumentProblems(ready);
  if (problems.length > 0) throw new LibraryRefusal('draftNotReady', problems);
  const instrument = parseInstrument(ready, `${id}-${version}.json`);
  ensureDir(state.dir);
  writeWhole(join(state.dir, `${id}-${version}.json`), instrumentFile(instrument));
  state.instruments.push(instrument);
  return instrument;
}

function retire(state: LibraryState, id: string, on: boolean): void {
  if (state.shippedIds.has(id)) throw new LibraryRefusal('instrumentShipped', [], { id });
  if (versionsOf(state, id).length === 0) throw new LibraryRefusal('instrumentUnknown', [], { id });
  const next = new Set(state.retired);
  if (on) next.add(id);
  else next.delete(id);
  ensureDir(state.dir);
  writeWhole(join(state.dir, RETIRED_FILE), `${JSON.stringify([...next].sort(), null, 2)}\n`);
  state.retired = next;
}

function importFile(state: LibraryState, data: unknown, now: number): Instrument {
  const problems = instrumentProblems(data);
  if (problems.length > 0) throw new LibraryRefusal('importRefused', problems);
  const instrument = parseInstrument(data, 'import');
  if (state.shippedIds.has(instrument.id)) throw new LibraryRefusal('instrumentShipped', [], { id: instrument.id });
  const { format: _format, ...draft } = instrument;
  writeDraft(state, draft, now);
  return draft;
}

function readDrafts(draftsDir: string, unreadable: string[]): LibraryState['drafts'] {
  const drafts: LibraryState['drafts'] = new Map();
  for (const file of jsonFiles(draftsDir)) {
    const path = join(draftsDir, file);
    const read = readJson(path);
    const shapeless = read.ok ? draftShapeProblems(read.data) : [];
    if (!read.ok || shapeless.length > 0)
      unreadable.push(`${DRAFTS_DIR}/${file}: ${read.ok ? shapeless[0]!.message : read.reason}`);
    else
      drafts.set((read.data as Instrument).id, {
        instrument: read.data as Instrument,
        savedAt: statSync(path).mtimeMs,
      });
  }
  return drafts;
}

function readRetired(file: string, unreadable: string[]): Set<string> {
  if (!existsSync(file)) return new Set();
  const read = readJson(file);
  if (read.ok && Array.isArray(read.data) && read.data.every((x) => typeof x === 'string'))
    return new Set(read.data as string[]);
  unreadable.push(`${RETIRED_FILE}: ${read.ok ? 'not a list of instrument ids' : read.reason}`);
  return new Set();
}

/** A draft and a published version hold the same instrument when all but their version and format agree. */
function sameContent(a: Instrument, b: Instrument): boolean {
  const strip = ({ version: _v, format: _f, ...rest }: Instrument): unknown => rest;
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

/**
 * The published versions in the folder. A file that cannot be read, or that claims a shipped id, is left out and
 * named (the hub still starts: its shipped instruments are whole); its answers stay stored and count as another
 * instrument's until the file is mended.
 */
function readPublished(dir: string, shippedIds: ReadonlySet<string>, unreadable: string[]): Instrument[] {
  const found: Instrument[] = [];
  for (const file of jsonFiles(dir)) {
    if (file === RETIRED_FILE) continue;
    const read = readJson(join(dir, file));
    const problems = read.ok ? instrumentProblems(read.data) : [];
    if (!read.ok || problems.length > 0) {
      unreadable.push(`${file}: ${read.ok ? `${problems[0]!.path} ${problems[0]!.message}` : read.reason}`);
      continue;
    }
    const instrument = parseInstrument(read.data, file);
    if (shippedIds.has(instrument.id) || found.some((i) => i.id === instrument.id && i.version === instrument.version))
      unreadable.push(`${file}: ${instrument.id}@${instrument.version} is defined twice`);
    else found.push(instrument);
  }
  return found;
}
