import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shippedInstrument } from '../../../tests/support/instruments';
import type { SurveyResponse } from '../../core/response';
import { checkAgainstInstrument } from '../../core/response';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { useKiosk } from './store';

const instrument = shippedInstrument('ideale-ambtenaar');
type Step =
  | { kind: 'start' }
  | { kind: 'begin' }
  | { kind: 'answer'; type: number }
  | { kind: 'back' }
  | { kind: 'casus'; type: number }
  | { kind: 'context'; option: number | null }
  | { kind: 'idle' }
  | { kind: 'reload' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: 'start' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'begin' as const }) },
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 2 }).map((type) => ({ kind: 'answer' as const, type })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'back' as const }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 2 }).map((type) => ({ kind: 'casus' as const, type })) },
  {
    weight: 2,
    arbitrary: fc.option(fc.integer({ min: 0, max: 3 })).map((option) => ({ kind: 'context' as const, option })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'idle' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reload' as const }) },
);

describe('kiosk session model', () => {
  it('random answer/back/idle/finish/reload sequences hand over at most one complete response per finished session, nothing from unfinished ones', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 120 }), (steps) => {
        const handedOver: SurveyResponse[] = [];
        let finishedSessions = 0;
        useKiosk.setState({ onFinish: (r) => handedOver.push(r) });
        useKiosk
          .getState()
          .setHubState(
            instrument,
            { total: 0, leading: [0, 0, 0], balanced: 0, labels: {}, shareSums: [0, 0, 0], casus: [0, 0, 0] },
            DEFAULT_SETTINGS,
          );
        useKiosk.getState().reset();
        for (const step of steps) {
          const s = useKiosk.getState();
          const before = s.screen;
          switch (step.kind) {
            case 'start':
              if (before === 'attract' || before === 'result') s.start();
              break;
            case 'begin':
              if (before === 'intro') s.begin();
              break;
            case 'answer':
              if (before === 'item') s.pick(instrument.types[step.type]!.id);
              break;
            case 'back':
              s.back();
              break;
            case 'casus':
              if (before === 'casus') s.chooseCasus(instrument.types[step.type]!.id);
              break;
            case 'context': {
              const question = instrument.context[s.contextIndex];
              if (before === 'context' && question)
                s.chooseContext(
                  step.option === null ? null : (question.options[step.option % question.options.length]!.id ?? null),
                );
              break;
            }
            case 'idle':
            case 'reload':
              // Both end the visitor's session: the idle reset clears the store; a reload starts a fresh one.
              s.reset();
              break;
          }
          if (before !== 'result' && useKiosk.getState().screen === 'result') finishedSessions += 1;
        }
        expect(handedOver.length).toBe(finishedSessions);
        expect(new Set(handedOver.map((r) => r.id)).size).toBe(handedOver.length);
        for (const response of handedOver) expect(checkAgainstInstrument(response, instrument)).toBeNull();
      }),
      { numRuns: 1500 },
    );
  });
});

describe('a new instrument while a visitor is busy', () => {
  const four = shippedInstrument('vier-perspectieven');
  const empty = (n: number) => ({
    total: 0,
    leading: Array<number>(n).fill(0),
    balanced: 0,
    labels: {},
    shareSums: Array<number>(n).fill(0),
    casus: Array<number>(n).fill(0),
  });

  it('the visit finishes on the instrument it started with; the next visit takes the new one', () => {
    const handedOver: SurveyResponse[] = [];
    useKiosk.setState({ onFinish: (r) => handedOver.push(r) });
    useKiosk.getState().setHubState(instrument, empty(3), DEFAULT_SETTINGS);
    useKiosk.getState().reset();
    useKiosk.getState().start();
    useKiosk.getState().begin();
    useKiosk.getState().pick(instrument.types[0]!.id);
    useKiosk.getState().setHubState(four, empty(4), DEFAULT_SETTINGS);
    expect(useKiosk.getState()).toMatchObject({ screen: 'item', instrument: { id: instrument.id } });
    while (useKiosk.getState().screen === 'item') {
      const s = useKiosk.getState();
      const item = instrument.items[s.itemIndex]!;
      s.pick(item.options[0]!.type);
      if (useKiosk.getState().screen === 'item' && useKiosk.getState().itemIndex === s.itemIndex)
        useKiosk.getState().pick(item.options[1]!.type);
    }
    while (useKiosk.getState().screen === 'case') useKiosk.getState().chooseContext(null);
    useKiosk.getState().chooseCasus(instrument.types[1]!.id);
    while (useKiosk.getState().screen === 'context') useKiosk.getState().chooseContext(null);
    expect(handedOver).toHaveLength(1);
    expect(handedOver[0]).toMatchObject({ instrumentId: instrument.id, instrumentVersion: instrument.version });
    expect(checkAgainstInstrument(handedOver[0]!, instrument)).toBeNull();
    // The result still shows the first instrument's types; the next visitor gets four.
    expect(useKiosk.getState()).toMatchObject({ screen: 'result', instrument: { id: instrument.id } });
    useKiosk.getState().reset();
    expect(useKiosk.getState().instrument?.id).toBe(four.id);
    expect(useKiosk.getState().aggregate?.leading).toHaveLength(4);
  });
});
