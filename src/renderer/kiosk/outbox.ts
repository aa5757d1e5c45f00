import { responseSchema, type SurveyResponse } from '../../core/response';

const KEY = 'ideale.outbox.v1';
const REJECTED_KEY = 'ideale.outbox.rejected.v1';

/**
 * Finished responses the hub has not acknowledged yet. Kept in localStorage, which is written synchronously, so a
 * response is durable on this device before the first send is even tried, and survives a reload or app restart.
 */
export const outbox = {
  list(): SurveyResponse[] {
    return read(KEY);
  },
  add(response: SurveyResponse): void {
    const items = read(KEY);
    if (!items.some((r) => r.id === response.id)) write(KEY, [...items, response]);
  },
  /** Called on the hub's ack: only then is the response forgotten here. */
  remove(id: string): void {
    write(
      KEY,
      read(KEY).filter((r) => r.id !== id),
    );
  },
  /** A response the hub refuses for good is set aside, never dropped silently. */
  reject(id: string): void {
    const items = read(KEY);
    const response = items.find((r) => r.id === id);
    if (!response) return;
    write(REJECTED_KEY, [...read(REJECTED_KEY), response]);
    write(
      KEY,
      items.filter((r) => r.id !== id),
    );
  },
};

function read(key: string): SurveyResponse[] {
  try {
    const data: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    if (!Array.isArray(data)) return [];
    return data.flatMap((item) => {
      const parsed = responseSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
  } catch {
    return [];
  }
}

function write(key: string, items: SurveyResponse[]): void {
  localStorage.setItem(key, JSON.stringify(items));
}
