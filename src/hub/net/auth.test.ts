import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../../../tests/support/hub';
import { createOrganiserAuth, FIRST_LOCK_MS, MAX_LOCK_MS, SESSION_MS } from './auth';
import { openDatabase } from '../store/db';
import { createResponseStore, type ResponseStore } from '../store/responseStore';

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
    const auth = createOrganiserAuth(store, { now: () => now });
    const login = await auth.choosePin('5555');
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
    const auth = createOrganiserAuth(store, { now: () => now });
    await auth.choosePin('5555');
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
    await createOrganiserAuth(store).choosePin('7777');
    const again = createOrganiserAuth(store);
    expect(again.needsPin()).toBe(false);
    expect((await again.login('7777')).ok).toBe(true);
    expect((await again.login('7778')).ok).toBe(false);
  });

  it('the lock stops doubling at its ceiling, and a right PIN after it starts the count again', async () => {
    let now = 0;
    const auth = createOrganiserAuth(store, { now: () => now });
    await auth.choosePin('5555');
    const waits: number[] = [];
    for (let lock = 0; lock < 7; lock++) {
      let last;
      for (let i = 0; i < 5; i++) last = await auth.login('0000');
      waits.push(last && !last.ok ? (last.retryAfterMs ?? -1) : -1);
      now += waits.at(-1)!;
    }
    expect(Math.max(...waits)).toBe(MAX_LOCK_MS);
    expect((await auth.login('5555')).ok).toBe(true);
    for (let i = 0; i < 4; i++) await auth.login('0000');
    expect(await auth.login('0000')).toEqual({ ok: false, code: 'locked', retryAfterMs: FIRST_LOCK_MS });
  });

  it('a login never sets the PIN, and the first PIN cannot be chosen twice', async () => {
    const auth = createOrganiserAuth(store);
    expect(await auth.login('1234')).toEqual({ ok: false, code: 'no-pin' });
    expect(auth.needsPin()).toBe(true);
    expect((await auth.choosePin('1234')).ok).toBe(true);
    expect(await auth.choosePin('9999')).toEqual({ ok: false, code: 'pin-set' });
    expect((await auth.login('1234')).ok).toBe(true);
  });
});
