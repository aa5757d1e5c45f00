import { create, type StateCreator } from 'zustand';
import type { Aggregate } from '../../core/aggregate';
import { contextAsked, type Instrument, type Language } from '../../core/instrument';
import type { Settings } from '../../core/settings';
import type { SurveyResponse } from '../../core/response';
import type { ConnectionState } from '../common/connectionState';
import { buildResponse, choicesPerItem, optionOrders } from './session';

export type Screen = 'attract' | 'intro' | 'item' | 'case' | 'casus' | 'context' | 'result';

/** The context questions of a screen: 'case' asks those before the casus (the visitor's own case), 'context' the rest. */
export const questionsOf = (instrument: Instrument, screen: Screen) =>
  contextAsked(instrument, screen === 'case' ? 'before-casus' : 'after-casus');
export type Delivery = 'saving' | 'saved' | 'pending';

/** One visitor's walk through the instrument; lives only in memory until the last answer. */
interface SessionSlice {
  screen: Screen;
  lang: Language;
  orders: Record<string, string[]>;
  itemIndex: number;
  /** Per item id: the types chosen so far, first choice first. */
  answers: Record<string, string[]>;
  casus: string | null;
  /** The question on screen among those of the 'case' or the 'context' screen. */
  contextIndex: number;
  context: Record<string, string>;
  finished: SurveyResponse | null;
  /** The short moment after the last answer in which the visitor's figure walks to its place, before the result. */
  revealing: boolean;
  delivery: Delivery;
  setLang(lang: Language): void;
  start(): void;
  begin(): void;
  /**
   * A tap on an option of the current item: a new choice is added (and the item is done after the last one the
   * instrument asks for); a tap on a chosen option takes it back, and later choices move up.
   */
  pick(type: string): void;
  back(): void;
  chooseCasus(type: string): void;
  chooseContext(option: string | null): void;
  endReveal(): void;
  setDelivery(id: string, delivery: Delivery): void;
  /** Clears every trace of the visitor: the idle reset and the tests both use it. */
  reset(): void;
}

/** What the hub told this kiosk. */
interface HubSlice {
  instrument: Instrument | null;
  aggregate: Aggregate | null;
  settings: Settings | null;
  connection: ConnectionState;
  /** An instrument (and its totals) that arrived mid-visit, taken at the next visit. */
  next: { instrument: Instrument; aggregate: Aggregate } | null;
  setHubState(instrument: Instrument, aggregate: Aggregate, settings: Settings): void;
  setSettings(settings: Settings): void;
  setAggregate(aggregate: Aggregate): void;
  setConnection(state: ConnectionState): void;
}

/** The hidden operator exit's prompt. */
interface OperatorSlice {
  operatorOpen: boolean;
  operatorError: 'badPin' | 'locked' | 'noPin' | 'remote' | null;
}

export type KioskState = SessionSlice &
  HubSlice &
  OperatorSlice & { onFinish: ((response: SurveyResponse) => void) | null };

const initialSession = {
  screen: 'attract' as Screen,
  orders: {},
  itemIndex: 0,
  answers: {},
  casus: null,
  contextIndex: 0,
  context: {},
  finished: null,
  revealing: false,
  delivery: 'saving' as Delivery,
};

/** A new visit takes the instrument that arrived during the last one, if any. */
const adoptNext = (state: KioskState): Partial<KioskState> =>
  state.next ? { instrument: state.next.instrument, aggregate: state.next.aggregate, next: null } : {};

const createSessionSlice: StateCreator<KioskState, [], [], SessionSlice> = (set, get) => {
  const finish = (): void => {
    const { instrument, lang, answers, casus, context, onFinish } = get();
    if (!instrument || !casus) return;
    const response = buildResponse(instrument, lang, answers, casus, context);
    set({ screen: 'result', finished: response, revealing: true, delivery: 'saving' });
    onFinish?.(response);
  };
  return {
    ...initialSession,
    lang: 'nl',
    setLang: (lang) => set({ lang }),
    start: () => set({ ...initialSession, ...adoptNext(get()), screen: 'intro' }),
    begin: () => {
      const { instrument } = get();
      if (!instrument) return;
      set({ screen: 'item', itemIndex: 0, answers: {}, orders: optionOrders(instrument) });
    },
    pick: (type) => {
      const { instrument, itemIndex, answers } = get();
      const item = instrument?.items[itemIndex];
      if (!instrument || !item || !item.options.some((o) => o.type === type)) return;
      const needed = choicesPerItem(instrument);
      const before = answers[item.id] ?? [];
      let picks: string[];
      if (before.includes(type)) picks = before.filter((t) => t !== type);
      else if (before.length < needed) picks = [...before, type];
      // All choices made (the visitor came back): the new tap replaces the last choice.
      else picks = [...before.slice(0, needed - 1), type];
      const next = { ...answers, [item.id]: picks };
      if (picks.length < needed) set({ answers: next });
      else if (itemIndex + 1 < instrument.items.length) set({ answers: next, itemIndex: itemIndex + 1 });
      else if (questionsOf(instrument, 'case').length > 0) set({ answers: next, screen: 'case', contextIndex: 0 });
      else set({ answers: next, screen: 'casus' });
    },
    back: () => {
      const { screen, itemIndex, contextIndex, instrument } = get();
      if (!instrument) return;
      const lastItem = { screen: 'item' as const, itemIndex: instrument.items.length - 1 };
      const cases = questionsOf(instrument, 'case').length;
      if (screen === 'item' && itemIndex > 0) set({ itemIndex: itemIndex - 1 });
      else if (screen === 'item') set({ screen: 'intro' });
      else if ((screen === 'case' || screen === 'context') && contextIndex > 0) set({ contextIndex: contextIndex - 1 });
      else if (screen === 'case') set(lastItem);
      else if (screen === 'casus') set(cases > 0 ? { screen: 'case', contextIndex: cases - 1 } : lastItem);
      else if (screen === 'context') set({ screen: 'casus' });
    },
    chooseCasus: (type) => {
      const { instrument } = get();
      set({ casus: type });
      if (instrument && questionsOf(instrument, 'context').length > 0) set({ screen: 'context', contextIndex: 0 });
      else finish();
    },
    chooseContext: (option) => {
      const { instrument, screen, contextIndex, context } = get();
      const questions = instrument ? questionsOf(instrument, screen) : [];
      const question = questions[contextIndex];
      if (!question || (screen !== 'case' && screen !== 'context')) return;
      const { [question.id]: _previous, ...others } = context;
      set({ context: option === null ? others : { ...others, [question.id]: option } });
      if (contextIndex + 1 < questions.length) set({ contextIndex: contextIndex + 1 });
      else if (screen === 'case') set({ screen: 'casus' });
      else finish();
    },
    endReveal: () => set({ revealing: false }),
    setDelivery: (id, delivery) => {
      if (get().finished?.id === id) set({ delivery });
    },
    reset: () => set({ ...initialSession, ...adoptNext(get()), lang: get().settings?.defaultLang ?? 'nl' }),
  };
};

const createHubSlice: StateCreator<KioskState, [], [], HubSlice> = (set, get) => ({
  instrument: null,
  next: null,
  aggregate: null,
  settings: null,
  connection: 'connecting',
  setHubState: (instrument, aggregate, settings) => {
    const { screen, instrument: before } = get();
    const other = before !== null && (before.id !== instrument.id || before.version !== instrument.version);
    // A visit in progress (or its result on screen) finishes on the instrument it started with; the hub keeps an
    // answer for it apart. The next visit starts on the new one.
    if (other && screen !== 'attract' && screen !== 'intro') {
      set({ next: { instrument, aggregate }, settings });
      return;
    }
    set({ instrument, aggregate, settings, next: null });
    if (screen === 'attract') set({ ...initialSession, lang: settings.defaultLang });
  },
  setSettings: (settings) => {
    set({ settings });
    if (get().screen === 'attract') set({ lang: settings.defaultLang });
  },
  setAggregate: (aggregate) => {
    const { next } = get();
    // Totals of the instrument waiting for the next visit are not this visit's.
    if (next) set({ next: { ...next, aggregate } });
    else set({ aggregate });
  },
  setConnection: (connection) => set({ connection }),
});

export const useKiosk = create<KioskState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createHubSlice(...a),
  operatorOpen: false,
  operatorError: null,
  onFinish: null,
}));
