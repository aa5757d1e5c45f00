import type { SurveyResponse } from '../../core/response';
import type { InsertMeta, ResponseStore } from './responseStore';

/** `receivedAt` is the arrival time stored with the answer, so the live tally counts it in the same hour a rebuild does. */
type Result = { stored: boolean; seq: number; receivedAt: number };

/** What hears about every commit: before any caller hears back, so nothing is acknowledged ahead of it. */
export interface CommitWatch {
  /** A commit returned; `stored` of its answers were new. */
  committed(stored: number): void;
  /** A commit failed; these answers (rehearsal ones marked not real) were not stored. */
  failed(items: readonly { id: string; real: boolean }[], error: unknown): void;
}

/**
 * Group commit: submissions that arrive in the same turn of the event loop are written in one transaction, so one
 * fsync (synchronous=FULL) covers them all. Each caller still hears back only after that commit has returned.
 */
export function createWriteQueue(
  store: ResponseStore,
  now: () => number = Date.now,
  watch: CommitWatch = { committed: () => undefined, failed: () => undefined },
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
    let results: { stored: boolean; seq: number }[];
    try {
      results = store.insertMany(items);
    } catch (error) {
      watch.failed(
        items.map((item) => ({ id: item.response.id, real: !item.meta.rehearsal })),
        error,
      );
      for (const item of items) item.reject(error);
      return;
    }
    watch.committed(results.filter((r) => r.stored).length);
    items.forEach((item, i) => item.resolve({ ...results[i]!, receivedAt: item.receivedAt }));
  };

  return (response, meta) =>
    new Promise<Result>((resolve, reject) => {
      if (batch.length === 0) setImmediate(flush);
      batch.push({ response, receivedAt: now(), meta, resolve, reject });
    });
}
