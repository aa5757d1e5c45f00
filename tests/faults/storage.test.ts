import { chmodSync, cpSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/hub/store/db';
import { archiveDatabase, ARCHIVE_DIR } from '../../src/hub/handlers/admin';
import { startHub, type RunningHub } from '../../src/hub/server';
import { loginAsOrganiser, PAGES_DIR, startTestHub, tempDataDir, TestClient } from '../support/hub';
import { INSTRUMENTS_DIR, rawInstrument, shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';

const instrument = shippedInstrument('ideale-ambtenaar');
let data: ReturnType<typeof tempDataDir>;
let hubs: RunningHub[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
const summary: string[] = [];
beforeEach(() => {
  data = tempDataDir();
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(async () => {
  process.off('unhandledRejection', onUnhandled);
  await Promise.all(hubs.map((h) => h.close()));
  hubs = [];
  data.remove();
});
afterAll(() => console.log(`storage-faults: ${summary.length} cases; ${summary.join('; ')}`));

async function organiser(hub: RunningHub): Promise<{ admin: TestClient; act: (action: object) => Promise<unknown> }> {
  const admin = await TestClient.connect(hub.url, 'admin');
  const token = await loginAsOrganiser(admin);
  const act = async (action: object): Promise<unknown> => {
    const from = admin.messages.length;
    admin.send(JSON.stringify({ type: 'admin', token, action }));
    return admin.waitFor((m) => m.type === 'done' || m.type === 'error', from, 15_000);
  };
  return { admin, act };
}

const health = (url: string): Promise<number> =>
  new Promise((resolve, reject) => {
    request(`${url}/healthz`, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });

describe('rehearsal waits for every write', () => {
  it('on a full disk: one clear error, no unhandled rejection, and the hub keeps serving', async () => {
    const hub = await startTestHub(data.dir);
    hubs.push(hub);
    const { admin, act } = await organiser(hub);
    // The disk is "full": the file may not grow beyond the pages it has now.
    const pages = hub.database.pragma('page_count', { simple: true }) as number;
    hub.database.pragma(`max_page_count = ${pages}`);
    const reply = await act({ kind: 'rehearse', count: 500 });
    await new Promise((r) => setTimeout(r, 200));
    summary.push(`rehearsal-disk-full: reply ${JSON.stringify(reply).slice(0, 60)}, ${unhandled.length} unhandled`);
    expect(reply).toMatchObject({ type: 'error', code: 'refused', message: 'rehearsalFailed' });
    expect(admin.messages.filter((m) => m.type === 'done' && m.kind === 'rehearse')).toHaveLength(0);
    expect(unhandled).toEqual([]);
    hub.database.pragma('max_page_count = 1073741823');
    const kiosk = await TestClient.connect(hub.url, 'kiosk');
    const response = makeResponse(instrument);
    kiosk.send({ type: 'submit', response });
    await kiosk.waitFor((m) => m.type === 'ack' && m.id === response.id);
    kiosk.close();
    admin.close();
  });

  it('reports what it stored, and speaks only the languages the instrument offers', async () => {
    const instruments = join(data.dir, 'instruments');
    cpSync(INSTRUMENTS_DIR, instruments, { recursive: true });
    writeFileSync(
      join(instruments, 'ideale-ambtenaar.json'),
      JSON.stringify({ ...rawInstrument('ideale-ambtenaar'), languages: ['nl'] }),
    );
    const hub = await startHub({
      dataDir: join(data.dir, 'db'),
      port: 0,
      pagesDir: PAGES_DIR,
      instrumentsDir: instruments,
    });
    hubs.push(hub);
    const { admin, act } = await organiser(hub);
    const reply = await act({ kind: 'rehearse', count: 200 });
    const stored = hub.store.count({ rehearsal: true });
    summary.push(`rehearsal-nl-only: 200 asked, ${stored} stored, reply ${JSON.stringify(reply).slice(0, 80)}`);
    expect(reply).toMatchObject({ type: 'done', detail: 'rehearsed', params: { count: 200, refused: 0 } });
    expect(stored).toBe(200);
    admin.close();
  });
});

describe('a database that cannot be written', () => {
  it('says so at start: /healthz 503 and a loud line in the log', async () => {
    const first = await startTestHub(data.dir);
    await first.close();
    let readOnly = false;
    if (process.getuid?.() === 0) {
      console.log(
        'storage-faults: running as root, where chmod does not stop writes: the file is opened read-only instead',
      );
      readOnly = true;
    } else chmodSync(join(data.dir, DATABASE_FILE), 0o444);
    const lines: string[] = [];
    const hub = await startHub({
      dataDir: data.dir,
      port: 0,
      pagesDir: PAGES_DIR,
      instrumentsDir: INSTRUMENTS_DIR,
      databaseReadOnly: readOnly,
      log: (l) => lines.push(l),
    });
    hubs.push(hub);
    const status = await health(hub.url);
    summary.push(`read-only-database: /healthz ${status}, writable ${hub.openReport.writable}`);
    expect(status).toBe(503);
    expect(lines.join('\n')).toMatch(/DATABASE NOT WRITABLE/);
    expect(hub.openReport.writable).toBe(false);
  });

  it('a failed archive leaves no file in archives/ and wipes nothing', async () => {
    const hub = await startTestHub(data.dir);
    hubs.push(hub);
    hub.store.insert(makeResponse(instrument), Date.now(), { round: null, rehearsal: false });
    // A disk that fills up halfway through the copy.
    const diskFull = (path: string): void => {
      writeFileSync(path, Buffer.alloc(0));
      throw new Error('SQLITE_FULL: database or disk is full');
    };
    expect(() => archiveDatabase(hub.context, new Date(), diskFull)).toThrow(/disk is full/);
    const left = readdirSync(join(data.dir, ARCHIVE_DIR));
    summary.push(`archive-disk-full: ${left.length} files left in archives/, ${hub.store.count()} answers kept`);
    expect(left).toEqual([]);
    expect(hub.store.count()).toBe(1);
  });
});
