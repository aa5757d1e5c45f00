import { responseSchema, type SurveyResponse } from '../../core/response';

/** One key per response: `ideale.outbox.v2.<id>` holds `{ seq, response }`; `seq` keeps the order of arrival. */
const PREFIX = 'ideale.outbox.v2.';
/** The whole outbox as one array, as kiosks before v2 stored it; moved to one key per response on first use. */
const LEGACY_KEY = 'ideale.outbox.v1';
const REJECTED_KEY = 'ideale.outbox.rejected.v1';

/**
 * Finished responses the hub has not acknowledged yet. Each one is written to localStorage, synchronously, before
 * the first send is even tried, so it is durable on this device and survives a reload or app restart.
 *
 * One key per response and an in-memory mirror read once per page: adding or acknowledging one response costs the
 * same with 2,000 waiting as with one (the single array it replaces was parsed in full several times per ack).
 */
export const outbox = {
  /** The oldest response still waiting, which is sent first. */
  first(): SurveyResponse | undefined {
    return mirror().values().next().value?.response;
  },
  size(): number {
    return mirror().size;
  },
  /** How many answers the hub refused for good; they stay on the device for the organiser. */
  refusedCount(): number {
    return readArray(REJECTED_KEY).length;
  },
  has(id: string): boolean {
    return mirror().has(id);
  },
  add(response: SurveyResponse): void {
    const items = mirror();
    if (items.has(response.id)) return;
    const entry = { seq: nextSeq++, response };
    localStorage.setItem(PREFIX + response.id, JSON.stringify(entry));
    items.set(response.id, entry);
  },
  /** Called on the hub's ack: only then is the response forgotten here. */
  remove(id: string): void {
    localStorage.removeItem(PREFIX + id);
    mirror().delete(id);
  },
  /** A response the hub refuses for good is set aside, never dropped silently. */
  reject(id: string): void {
    const entry = mirror().get(id);
    if (!entry) return;
    localStorage.setItem(REJECTED_KEY, JSON.stringify([...readArray(REJECTED_KEY), entry.response]));
    outbox.remove(id);
  },
};

interface Entry {
  seq: number;
  response: SurveyResponse;
}

let loaded: Map<string, Entry> | null = null;
let nextSeq = 0;

/** The stored responses in the order they were added, read from localStorage once per page. */
function mirror(): Map<string, Entry> {
  if (loaded) return loaded;
  const entries: Entry[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    const entry = parseEntry(localStorage.getItem(key));
    if (entry) entries.push(entry);
  }
  entries.sort((a, b) => a.seq - b.seq);
  loaded = new Map(entries.map((e) => [e.response.id, e]));
  nextSeq = (entries.at(-1)?.seq ?? -1) + 1;
  migrateLegacy();
  return loaded;
}

/** Moves an outbox left by an earlier version into one key per response; the old key goes only once all are written. */
function migrateLegacy(): void {
  if (localStorage.getItem(LEGACY_KEY) === null) return;
  for (const response of readArray(LEGACY_KEY)) outbox.add(response);
  localStorage.removeItem(LEGACY_KEY);
}

function parseEntry(text: string | null): Entry | null {
  try {
    const data = JSON.parse(text ?? 'null') as { seq?: unknown; response?: unknown } | null;
    const response = responseSchema.safeParse(data?.response);
    return response.success && typeof data?.seq === 'number' ? { seq: data.seq, response: response.data } : null;
  } catch {
    return null;
  }
}

function readArray(key: string): SurveyResponse[] {
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
