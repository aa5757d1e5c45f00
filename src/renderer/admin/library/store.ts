import { create } from 'zustand';
import type { Instrument, Language } from '../../../core/instrument';
import type { LibraryEntry } from '../../../core/library';
import type { InstrumentProblem } from '../../../core/instrumentProblems';
import type { HubMessage } from '../../../core/messages';

/** A place in the draft, as the file's keys: ['items', 3, 'prompt']. */
export type DraftPath = (string | number)[];

/** The draft being edited, what the hub last said about it, and whether it changed since the last save. */
export interface Editing {
  id: string;
  draft: Instrument;
  /** The draft as last saved (JSON), to tell unsaved changes. */
  saved: string;
  /** The hub's problems at the last save or refusal (the editor also checks as the organiser types). */
  hubProblems: InstrumentProblem[];
  refused: string | null;
  /** The shipped instrument with as many types, for the harness figures. */
  compare: Instrument | null;
}

interface LibraryState {
  entries: LibraryEntry[];
  unreadable: string[];
  editing: Editing | null;
  /** The last refusal of an action outside the editor (a copy or an import), with its problems. */
  refusal: { key: string; problems: InstrumentProblem[] } | null;
  receive(message: HubMessage): void;
  close(): void;
  /** Sets one language of a text; an empty text is removed, so the check says what is missing. */
  setText(path: DraftPath, lang: Language, value: string): void;
  setAsks(item: number, type: string): void;
  setWorkshopOnly(item: number, on: boolean): void;
  moveItem(item: number, by: -1 | 1): void;
  dropItem(item: number): void;
  addItem(asks: string): void;
  setEnglish(on: boolean): void;
}

const at = (root: unknown, path: DraftPath): Record<string | number, unknown> =>
  path.reduce<Record<string | number, unknown>>(
    (node, key) => node[key] as Record<string | number, unknown>,
    root as Record<string | number, unknown>,
  );

/** A situation id that the draft does not use yet: eigen-1, eigen-2… */
function freeItemId(draft: Instrument): string {
  for (let n = 1; ; n++) if (!draft.items.some((it) => it.id === `eigen-${n}`)) return `eigen-${n}`;
}

/** Downloads text as a file from the console (in Electron the download asks where to save it). */
export function saveFile(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const useLibrary = create<LibraryState>()((set, get) => {
  /** Applies `change` to a copy of the draft: the state is never changed in place. */
  const edit = (change: (draft: Instrument) => void): void => {
    const editing = get().editing;
    if (!editing) return;
    const draft = structuredClone(editing.draft);
    change(draft);
    set({ editing: { ...editing, draft } });
  };
  return {
    entries: [],
    unreadable: [],
    editing: null,
    refusal: null,
    receive: (message) => {
      if (message.type === 'library') set({ entries: message.entries, unreadable: message.unreadable });
      else if (message.type === 'instrumentFile') saveFile(message.name, message.text);
      else if (message.type === 'draft' && message.refused !== null) {
        const editing = get().editing;
        if (editing && (message.id === editing.id || message.id === ''))
          set({ editing: { ...editing, refused: message.refused, hubProblems: message.problems } });
        else set({ refusal: { key: message.refused, problems: message.problems } });
      } else if (message.type === 'draft') {
        const draft = message.instrument as Instrument;
        set({
          refusal: null,
          editing: {
            id: message.id,
            draft,
            saved: JSON.stringify(draft),
            hubProblems: message.problems,
            refused: null,
            compare: (message.compare as Instrument | null | undefined) ?? null,
          },
        });
      }
    },
    close: () => set({ editing: null }),
    setText: (path, lang, value) =>
      edit((draft) => {
        const node = at(draft, path.slice(0, -1));
        const key = path.at(-1)!;
        const { [lang]: _before, ...others } = (node[key] as Record<string, string> | undefined) ?? {};
        node[key] = value === '' ? others : { ...others, [lang]: value };
      }),
    setAsks: (item, type) =>
      edit((draft) => {
        draft.items[item]!.asks = type;
      }),
    setWorkshopOnly: (item, on) =>
      edit((draft) => {
        const it = draft.items[item]!;
        if (on) it.workshopOnly = true;
        else delete it.workshopOnly;
      }),
    moveItem: (item, by) =>
      edit((draft) => {
        const to = item + by;
        if (to < 0 || to >= draft.items.length) return;
        [draft.items[item], draft.items[to]] = [draft.items[to]!, draft.items[item]!];
      }),
    dropItem: (item) =>
      edit((draft) => {
        draft.items.splice(item, 1);
      }),
    addItem: (asks) =>
      edit((draft) => {
        draft.items.push({
          id: freeItemId(draft),
          title: {},
          prompt: {},
          asks,
          options: draft.types.map((t) => ({ type: t.id, text: {} })),
        });
      }),
    setEnglish: (on) =>
      edit((draft) => {
        draft.languages = on ? ['nl', 'en'] : ['nl'];
      }),
  };
});
