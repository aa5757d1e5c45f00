import { copyFileSync, existsSync, openSync, readdirSync, statSync, truncateSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/hub/store/db';
import type { RunningHub } from '../../src/hub/server';
import { loginAsOrganiser, startTestHub, tempDataDir, TestClient } from '../support/hub';
import { shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';

const instrument = shippedInstrument('ideale-ambtenaar');
const ANSWERS = 100;
const PIN = '135790';
const folders: ReturnType<typeof tempDataDir>[] = [];
afterAll(() => folders.forEach((f) => f.remove()));
const summary: string[] = [];
afterAll(() => console.log(`database-recovery: ${summary.length} cases; ${summary.join('; ')}`));

function folder(): string {
  const f = tempDataDir();
  folders.push(f);
  return f.dir;
}

/** A test hub on `dir` whose log lines go to `lines`. */
const start = (dir: string, lines: string[] = []): Promise<RunningHub> =>
  startTestHub(dir, { log: (l) => lines.push(l) });

/** A hub with a PIN, an event name and ANSWERS acknowledged answers; returns the ids of those answers. */
async function seeded(dir: string): Promise<{ hub: RunningHub; ids: string[] }> {
  const hub = await start(dir);
  const admin = await TestClient.connect(hub.url, 'admin');
  const token = await loginAsOrganiser(admin, PIN);
  admin.send({ type: 'admin', token, action: { kind: 'settings', settings: { eventName: 'Dag van herstel' } } });
  await admin.waitFor((m) => m.type === 'done');
  admin.close();
  const kiosk = await TestClient.connect(hub.url, 'kiosk');
  const ids: string[] = [];
  for (let i = 0; i < ANSWERS; i++) {
    const response = makeResponse(instrument, (k) => (k + i) % 3);
    ids.push(response.id);
    const from = kiosk.messages.length;
    kiosk.send({ type: 'submit', response });
    await kiosk.waitFor((m) => m.type === 'ack', from);
  }
  kiosk.close();
  return { hub, ids };
}

/** Starts a hub on the damaged folder twice: it must serve, report, keep the PIN, and not set anything aside again. */
async function recover(dir: string, ids: string[]) {
  const lines: string[] = [];
  const hub = await start(dir, lines);
  const admin = await TestClient.connect(hub.url, 'admin');
  const welcome = admin.messages.find((m) => m.type === 'welcome');
  const token = welcome?.type === 'welcome' && !welcome.needsPin ? await loginAsOrganiser(admin, PIN) : null;
  let status = null;
  if (token) {
    admin.send({ type: 'admin', token, action: { kind: 'status' } });
    const reply = await admin.waitFor((m) => m.type === 'status');
    status = reply.type === 'status' ? reply.status : null;
  }
  admin.close();
  const db = hub.database;
  const stored = new Set((db.prepare('SELECT id FROM responses').all() as { id: string }[]).map((r) => r.id));
  const result = {
    report: hub.openReport,
    lines,
    pinKept: token !== null,
    eventName: hub.context.settings.eventName,
    status,
    kept: ids.filter((id) => stored.has(id)).length,
  };
  await hub.close();
  const again = await start(dir);
  const second = again.openReport;
  await again.close();
  expect(second.quarantined).toBeUndefined();
  return result;
}

describe('a damaged database at start keeps what can be read', () => {
  it('64 bytes overwritten in the write-ahead log: the commits behind it are read again', async () => {
    const live = folder();
    const { hub, ids } = await seeded(live);
    // A power cut: the files as they are while the hub runs, log and all.
    const dir = folder();
    for (const suffix of ['', '-wal'])
      copyFileSync(join(live, DATABASE_FILE + suffix), join(dir, DATABASE_FILE + suffix));
    await hub.close();
    const wal = join(dir, `${DATABASE_FILE}-wal`);
    const fd = openSync(wal, 'r+');
    writeSync(fd, Buffer.alloc(64, 0x41), 0, 64, Math.floor(statSync(wal).size / 2));
    closeSync(fd);
    const plain = new Database(join(dir, DATABASE_FILE), { readonly: true });
    const sqliteAlone = (plain.prepare('SELECT count(*) AS n FROM responses').get() as { n: number }).n;
    plain.close();

    const r = await recover(dir, ids);
    summary.push(
      `wal-64-bytes: SQLite alone reads ${sqliteAlone}/${ANSWERS}, recovered ${r.kept}, lost ${ANSWERS - r.kept}`,
    );
    expect(r.report.recovery?.kind).toBe('damaged');
    expect(r.lines.join('\n')).toMatch(/DATABASE DAMAGED .*write-ahead log.*readable answers/);
    // The damaged frame's page may hold the only copy of a row or two; everything behind it is read again.
    expect(r.kept).toBeGreaterThan(sqliteAlone);
    expect(r.kept).toBeGreaterThanOrEqual(ANSWERS - 3);
    expect(r.pinKept).toBe(true);
    expect(r.eventName).toBe('Dag van herstel');
    expect(r.status?.database.recovery?.readable).toBe(r.kept);
    expect(existsSync(join(dir, r.report.recovery!.keptAs!))).toBe(true);
  });

  it('the file cut short by 100 bytes (quick_check says ok): the readable answers are carried, the rest counted', async () => {
    const dir = folder();
    const { hub, ids } = await seeded(dir);
    await hub.close();
    const file = join(dir, DATABASE_FILE);
    truncateSync(file, statSync(file).size - 100);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('quick_check', { simple: true })).toBe('ok');
    check.close();

    const r = await recover(dir, ids);
    const note = r.report.recovery!;
    summary.push(`cut-100-bytes: recovered ${r.kept}, unreadable ${note.unreadable}, lost ${ANSWERS - r.kept}`);
    expect(note.kind).toBe('damaged');
    expect(r.report.problems.join()).toMatch(/shorter than its header/);
    expect(note.readable).toBe(r.kept);
    expect(r.kept + note.unreadable).toBeGreaterThanOrEqual(ANSWERS);
    expect(r.pinKept).toBe(true);
    expect(r.status?.database.recovery?.kind).toBe('damaged');
  });

  it("one row's answers garbled: that row is counted, the others kept, the hub starts", async () => {
    const dir = folder();
    const { hub, ids } = await seeded(dir);
    await hub.close();
    const db = new Database(join(dir, DATABASE_FILE));
    db.prepare('UPDATE responses SET answers = ? WHERE id = ?').run('[{"item":"s1","type":', ids[40]);
    db.close();

    const r = await recover(dir, ids);
    summary.push(`garbled-row: recovered ${r.kept}, unreadable ${r.report.recovery?.unreadable}`);
    expect(r.kept).toBe(ANSWERS - 1);
    expect(r.report.recovery).toMatchObject({ kind: 'damaged', readable: ANSWERS - 1, unreadable: 1 });
    expect(r.lines.join('\n')).toMatch(/99 readable answers \(1 unreadable, 100 recorded before\)/);
    expect(r.pinKept).toBe(true);
  });

  it('the settings garbled: defaults for them, the PIN and every answer kept', async () => {
    const dir = folder();
    const { hub, ids } = await seeded(dir);
    await hub.close();
    const db = new Database(join(dir, DATABASE_FILE));
    db.prepare("UPDATE settings SET value = '{\"eventName\":' WHERE key = 'settings'").run();
    db.close();

    const r = await recover(dir, ids);
    summary.push(`garbled-settings: recovered ${r.kept}, settings lost ${r.report.recovery?.settingsLost.join(',')}`);
    expect(r.kept).toBe(ANSWERS);
    expect(r.pinKept).toBe(true);
    expect(r.report.recovery?.settingsLost).toEqual(['settings']);
    expect(r.status?.database.recovery?.settingsLost).toEqual(['settings']);
  });

  it('the file truncated to 0 bytes after a day with answers: loud in the log and the console', async () => {
    const dir = folder();
    const { hub, ids } = await seeded(dir);
    await hub.close();
    truncateSync(join(dir, DATABASE_FILE), 0);

    const lines: string[] = [];
    const again = await start(dir, lines);
    const note = again.openReport.recovery;
    await again.close();
    summary.push(`zero-bytes: ${ids.length} recorded before, reported ${note?.expected ?? 'nothing'}`);
    expect(note).toMatchObject({ kind: 'fewer', readable: 0, expected: ANSWERS });
    expect(lines.join('\n')).toMatch(/DATABASE LOST ANSWERS: it holds 0 answers, 100 recorded before/);
    // The console still shows it after the next start: the note is kept in the database.
    const third = await start(dir);
    const admin = await TestClient.connect(third.url, 'admin');
    const token = await loginAsOrganiser(admin, '864200');
    admin.send({ type: 'admin', token, action: { kind: 'status' } });
    const reply = await admin.waitFor((m) => m.type === 'status');
    admin.close();
    await third.close();
    expect(reply.type === 'status' && reply.status.database.recovery).toMatchObject({ kind: 'fewer', expected: 100 });
  });

  it('a wipe by the organiser is no loss: the next start reports nothing', async () => {
    const dir = folder();
    const { hub } = await seeded(dir);
    const admin = await TestClient.connect(hub.url, 'admin');
    const token = await loginAsOrganiser(admin, PIN);
    admin.send({ type: 'admin', token, action: { kind: 'wipe', confirm: 'WIS' } });
    await admin.waitFor((m) => m.type === 'done');
    admin.close();
    await hub.close();
    const again = await start(dir);
    const note = again.openReport.recovery;
    await again.close();
    expect(note).toBeUndefined();
    expect(readdirSync(dir).some((f) => f.includes('.damaged-'))).toBe(false);
  });
});
