import type { SurveyResponse } from '../../core/response';
import type { InsertMeta, ResponseStore } from './responseStore';

/** `receivedAt` is the arrival time stored with the answer, so the live tally counts it in the same hour a rebuild does. */
type Result = { stored: boolean; seq: number; receivedAt: number };

/**
 * Group commit: submissions that arrive in the same turn of the event loop are written in one transaction, so one
 * fsync (synchronous=FULL) covers them all. Each caller still hears back only after that commit has returned.
 */
export function createWriteQueue(
  store: ResponseStore,
  now: () => number = Date.now,
): (response: SurveyResponse, meta: InsertMeta) => Promise<Result> {
  let batch: {
    response: SurveyResponse;
    receivedAt: number;
    meta: InsertMeta;
    resolve: (r: Result) => void;
    reject: (e: unknown) => void;
  }[] = [];

  const flush = (): void => {
    const items = batch;
    batch = [];
    try {
      const results = store.insertMany(items);
      items.forEach((item, i) => item.resolve({ ...results[i]!, receivedAt: item.receivedAt }));
    } catch (error) {
      for (const item of items) item.reject(error);
    }
  };

  return (response, meta) =>
    new Promise<Result>((resolve, reject) => {
      if (batch.length === 0) setImmediate(flush);
      batch.push({ response, receivedAt: now(), meta, resolve, reject });
    });
}
