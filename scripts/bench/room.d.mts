import type { Instrument } from '../../src/core/instrument';
import type { SurveyResponse } from '../../src/core/response';

/** The loopback address of phone `n` (never the hub's own 127.0.0.1 or 127.0.0.2). */
export declare function phoneAddress(n: number): string;

/** A valid answer for the instrument, in its own answer form. */
export declare function roomAnswer(instrument: Instrument, random?: () => number): SurveyResponse;

/** A talk room of phones over loopback, each from its own address: joins, then one answer each. */
export declare function runRoom(options: {
  phoneUrl: string;
  instrument: Instrument;
  phones?: number;
  joinMs?: number;
  answerMs?: number;
}): Promise<{ joined: number; latencies: number[]; failures: string[]; kinds: string[]; elapsed: number }>;
