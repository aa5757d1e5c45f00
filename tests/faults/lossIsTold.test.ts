import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, chmodSync, existsSync, readdirSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HubStatus } from '../../src/core/messages';
import { DATABASE_FILE } from '../../src/hub/store/db';
import type { RunningHub } from '../../src/hub/server';
import { runExportCli, spawnHub } from '../support/childHub';
import { fillDisk } from '../support/fullDisk';
import { loginAsOrganiser, startTestHub, tempDataDir, TestClient } from '../support/hub';
import { shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';

/*
 * Loss is told: every way answers go missing or cannot be stored is found, kept in the data folder, shown in the
 * console and carried by every export, and the export command will not pass it by in silence (exit 3).
 */
const instrument = shippedInstrument('ideale-ambtenaar');
const PIN = '975310';
let data: ReturnType<typeof tempDataDir>;
let out: ReturnType<typeof tempDataDir>;
const summary: string[] = [];
beforeEach(() => {
  data = tempDataDir();
  out = tempDataDir();
});
afterEach(() => {
  chmodSync(data.dir, 0o700);
  data.remove();
  out.remove();
});
afterAll(() => console.log(`loss-is-told: ${summary.length} cases; ${summary.join('; ')}`));

/** A test hub on `dir` whose log lines go to `lines`. */
const start = (dir: string, lines: string[] = []): Promise<RunningHub> =>
  startTestHub(dir, { log: (l) => lines.push(l) });

/** What the organiser's console is sent about the database. */
async function consoleDatabase(hub: { url: string }): Promise<HubStatus['database']> {
  const admin = await TestClient.connect(hub.url, 'admin');
  const token = await loginAsOrganiser(admin, PIN);
  admin.send({ type: 'admin', token, action: { kind: 'status' } });
  const reply = await admin.waitFor((m) => m.type === 'status');
  admin.close();
  if (reply.type !== 'status') throw new Error('no status');
  return reply.status.database;
}

/**
 * `count` answers through kiosk sockets, each acknowledged before the next; a fresh socket every 80 keeps under the
 * per-socket message limit, as a kiosk's paced outbox does.
 */
async function submitAcked(url: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let done = 0; done < count;) {
    const kiosk = await TestClient.connect(url, 'kiosk');
    for (const end = Math.min(count, done + 80); done < end; done++) {
      const response = makeResponse(instrument, (k) => (k + done) % 3);
      const from = kiosk.messages.length;
      kiosk.send({ type: 'submit', response });
      await kiosk.waitFor((m) => m.type === 'ack' && m.id === response.id, from);
      ids.push(response.id);
    }
    kiosk.close();
  }
  return ids;
}

const health = async (url: string): Promise<{ status: number; body: unknown }> => {
  const res = await fetch(`${url}/healthz`);
  return { status: res.status, body: await res.json() };
};

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort())
    files[name] = statSync(join(dir, name)).isFile()
      ? createHash('sha256')
          .update(readFileSync(join(dir, name)))
          .digest('hex')
      : 'folder';
  return files;
}

describe('loss is told', () => {
  it('a database cut to 0 bytes: after any number of starts, every export says so and exits 3 unless accepted', async () => {
    const first = await start(data.dir);
    await consoleDatabase(first);
    await submitAcked(first.url, 200);
    await first.close();
    truncateSync(join(data.dir, DATABASE_FILE), 0);
    const lines: string[] = [];
    await (await start(data.dir, lines)).close();
    expect(lines.join('\n')).toMatch(/DATABASE LOST ANSWERS: it holds 0 answers, 200 recorded before/);
    // A second start used to forget it: the count beside the database then said 0.
    const again = await start(data.dir);
    const database = await consoleDatabase(again);
    await again.close();
    expect(database.losses).toMatchObject([{ kind: 'fewer', lost: 200, expected: 200, found: 0 }]);

    const refused = runExportCli(data.dir, join(out.dir, 'refused.json'), 'json');
    summary.push(`zero-bytes: export exit ${refused.status} without --accept-loss`);
    expect(refused.status).toBe(3);
    expect(refused.stderr).toMatch(/200 answers? (were )?lost/);
    expect(refused.stderr).toMatch(/--accept-loss/);
    expect(existsSync(refused.file)).toBe(false);

    const json = runExportCli(data.dir, join(out.dir, 'accepted.json'), 'json', ['--accept-loss']);
    expect(json.status).toBe(0);
    const stamp = (JSON.parse(readFileSync(json.file, 'utf8')) as { stamp: { losses: unknown[] } }).stamp;
    expect(stamp.losses).toMatchObject([{ kind: 'fewer', lost: 200 }]);
    const lossLine = /200 antwoorden verloren/;
    const csv = runExportCli(data.dir, join(out.dir, 'accepted.csv'), 'csv', ['--accept-loss']);
    expect(readFileSync(csv.file, 'utf8')).toMatch(lossLine);
    const xlsx = runExportCli(data.dir, join(out.dir, 'accepted.xlsx'), 'xlsx', ['--accept-loss']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx.file);
    const about: string[] = [];
    book.getWorksheet('Over deze export')!.eachRow((row) => about.push(row.values!.toString()));
    expect(about.join('\n')).toMatch(lossLine);
    const pdf = runExportCli(data.dir, join(out.dir, 'accepted.pdf'), 'pdf', ['--accept-loss']);
    expect(pdf.status).toBe(0);
    expect(execFileSync('pdftotext', [pdf.file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')).toMatch(lossLine);
  }, 90_000);

  it('a write-ahead log cut short after a kill: found before SQLite opens it, recorded, told, export exits 3', async () => {
    const hub = await spawnHub(data.dir);
    const ids = await submitAcked(hub.url, 200);
    await hub.kill();
    const wal = join(data.dir, `${DATABASE_FILE}-wal`);
    truncateSync(wal, statSync(wal).size - 5000);
    const lines: string[] = [];
    const again = await start(data.dir, lines);
    const stored = new Set(
      (again.database.prepare('SELECT id FROM responses').all() as { id: string }[]).map((r) => r.id),
    );
    const kept = ids.filter((id) => stored.has(id)).length;
    const database = await consoleDatabase(again);
    await again.close();
    summary.push(`wal-cut-5000: ${kept} of 200 kept, recorded ${JSON.stringify(database.losses[0]?.lost)} lost`);
    expect(kept).toBeLessThan(200);
    expect(lines.join('\n')).toMatch(/DATABASE LOST ANSWERS.*write-ahead log.*cut short/);
    expect(database.losses).toMatchObject([{ kind: 'wal-cut', lost: 200 - kept, expected: 200, found: kept }]);
    // The cut log is kept as it was found, beside the fresh database.
    expect(readdirSync(data.dir).filter((f) => /\.damaged-.*-wal$/.test(f))).toHaveLength(1);
    const run = runExportCli(data.dir, join(out.dir, 'totals.json'), 'json');
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(new RegExp(`${200 - kept} answers? (were )?lost`));
  }, 60_000);

  it('a log torn by a kill before its commit is no loss: nothing set aside, nothing recorded, a note in the log', async () => {
    const hub = await spawnHub(data.dir);
    await submitAcked(hub.url, 20);
    await hub.kill();
    const wal = join(data.dir, `${DATABASE_FILE}-wal`);
    const bytes = readFileSync(wal);
    const frame = 24 + bytes.readUInt32BE(8);
    // The next frame's header and part of its page, as a stop between two writes leaves them.
    appendFileSync(wal, bytes.subarray(bytes.length - frame, bytes.length - frame + 24 + 1000));
    const lines: string[] = [];
    const again = await start(data.dir, lines);
    const kept = again.store.count();
    const database = await consoleDatabase(again);
    await again.close();
    summary.push(`wal-torn: ${kept} of 20 kept, ${database.losses.length} losses recorded`);
    expect(kept).toBe(20);
    expect(database.losses).toEqual([]);
    expect(readdirSync(data.dir).filter((f) => f.includes('.damaged-'))).toEqual([]);
    expect(lines.join('\n')).toMatch(/torn by the stop before its commit: all 20 answers counted before are there/);
  }, 60_000);

  it('a data folder its user may not write: says which folder and which user, and moves nothing', async () => {
    const hub = await start(data.dir);
    await submitAcked(hub.url, 20);
    await hub.close();
    // The folder may not be written, the file may: as another user when the tests run as root (root writes anyway).
    const asRoot = process.getuid?.() === 0;
    chmodSync(data.dir, 0o555);
    for (const name of readdirSync(data.dir)) chmodSync(join(data.dir, name), 0o666);
    const before = snapshot(data.dir);
    const failure = (await spawnHub(data.dir, asRoot ? { uid: 65534 } : {}).then(
      async (child) => {
        await child.kill();
        return { code: 0, output: child.output() };
      },
      (error: { code: number; output: string }) => error,
    )) as { code: number; output: string };
    summary.push(`read-only-folder: exit ${failure.code}, "${failure.output.trim().split('\n')[0]}"`);
    expect(failure.code).toBe(1);
    expect(failure.output).toContain(`cannot write the data folder ${data.dir}`);
    expect(failure.output).toContain(`user ${asRoot ? 'nobody' : userInfo().username}`);
    expect(failure.output).toMatch(/not damaged/);
    expect(failure.output).not.toMatch(/rename|\.damaged-/);
    expect(snapshot(data.dir)).toEqual(before);
  });

  it('a full disk: /healthz and the console turn red while answers fail, green again once they are stored', async () => {
    const hub = await startTestHub(data.dir);
    try {
      await consoleDatabase(hub);
      expect((await health(hub.url)).status).toBe(200);
      const responses = Array.from({ length: 20 }, (_, i) => makeResponse(instrument, (k) => (k + i) % 3));
      const freeDisk = fillDisk(hub.database, hub.store, responses);
      const kiosk = await TestClient.connect(hub.url, 'kiosk');
      for (const response of responses) kiosk.send({ type: 'submit', response });
      const replies = (): number => kiosk.messages.filter((m) => m.type === 'error' || m.type === 'ack').length;
      await expect.poll(replies).toBe(20);
      const refused = kiosk.messages.filter((m) => m.type === 'error' && m.code === 'internal').length;
      expect(refused).toBe(20);
      const red = await health(hub.url);
      const failing = await consoleDatabase(hub);
      expect(red).toEqual({ status: 503, body: { ok: false, problem: 'writes-failing' } });
      expect(failing.writes).toMatchObject({ failing: true, failed: refused });
      expect(failing.losses).toMatchObject([{ kind: 'write-failed', refused, lost: refused }]);
      expect(runExportCli(data.dir, join(out.dir, 'while.json'), 'json').status).toBe(3);

      freeDisk();
      // The kiosk keeps what was not acknowledged and sends it again.
      const from = kiosk.messages.length;
      for (const response of responses) kiosk.send({ type: 'submit', response });
      await expect.poll(() => kiosk.messages.slice(from).filter((m) => m.type === 'ack').length).toBe(20);
      kiosk.close();
      const green = await health(hub.url);
      const after = await consoleDatabase(hub);
      summary.push(
        `disk-full: /healthz ${red.status} while failing, ${green.status} after; record ${JSON.stringify(after.losses[0])}`,
      );
      expect(green).toEqual({ status: 200, body: { ok: true } });
      expect(after.writes.failing).toBe(false);
      expect(after.losses).toMatchObject([{ kind: 'write-failed', refused, lost: 0 }]);
      // All of them arrived after all: the export is whole, and its stamp still says what happened.
      const run = runExportCli(data.dir, join(out.dir, 'after.json'), 'json');
      expect(run.status).toBe(0);
      const stamp = (JSON.parse(readFileSync(run.file, 'utf8')) as { stamp: { losses: unknown[] } }).stamp;
      expect(stamp.losses).toMatchObject([{ kind: 'write-failed', refused, lost: 0 }]);
    } finally {
      await hub.close();
    }
  }, 60_000);
});
