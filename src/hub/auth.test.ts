import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../../tests/support/hub';
import { createOrganiserAuth, FIRST_LOCK_MS, SESSION_MS } from './auth';
import { openDatabase } from './db';
import { createResponseStore, type ResponseStore } from './responseStore';

let data: ReturnType<typeof tempDataDir>;
let store: ResponseStore;
beforeEach(() => {
  data = tempDataDir();
  store = createResponseStore(openDatabase(data.dir).db);
});
afterEach(() => {
  store.close();
  data.remove();
});

describe('organiser sessions', () => {
  it('a session token expires', async () => {
    let now = 1_000_000;
    const auth = createOrganiserAuth(store, () => now);
    const login = await auth.login('5555');
    if (!login.ok) throw new Error('login failed');
    expect(auth.isValid(login.token)).toBe(true);
    now += SESSION_MS - 1;
    expect(auth.isValid(login.token)).toBe(true);
    now += 2;
    expect(auth.isValid(login.token)).toBe(false);
    expect(auth.isValid('not-a-token')).toBe(false);
  });

  it('each lock lasts twice as long as the one before, and the right PIN opens after it', async () => {
    let now = 0;
    const auth = createOrganiserAuth(store, () => now);
    await auth.login('5555');
    const fail5 = async () => {
      let last;
      for (let i = 0; i < 5; i++) last = await auth.login('0000');
      return last;
    };
    expect(await fail5()).toEqual({ ok: false, code: 'locked', retryAfterMs: FIRST_LOCK_MS });
    now += FIRST_LOCK_MS;
    expect(await fail5()).toEqual({ ok: false, code: 'locked', retryAfterMs: FIRST_LOCK_MS * 2 });
    now += FIRST_LOCK_MS * 2;
    expect((await auth.login('5555')).ok).toBe(true);
  });

  it('the PIN survives a restart of the hub (it is in the database, hashed)', async () => {
    await createOrganiserAuth(store).login('7777');
    const again = createOrganiserAuth(store);
    expect(again.needsPin()).toBe(false);
    expect((await again.login('7777')).ok).toBe(true);
    expect((await again.login('7778')).ok).toBe(false);
  });
});
