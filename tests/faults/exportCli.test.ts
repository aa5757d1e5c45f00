import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/hub/store/db';
import { startTestHub, tempDataDir } from '../support/hub';
import { shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';

const EXPORT = join(__dirname, '../../out/main/export.js');
const HUB = join(__dirname, '../../out/main/hub.js');
const instrument = shippedInstrument('ideale-ambtenaar');
let data: ReturnType<typeof tempDataDir>;
let out: ReturnType<typeof tempDataDir>;
beforeEach(() => {
  if (!existsSync(EXPORT)) throw new Error('run npm run build first: out/main/export.js is missing');
  data = tempDataDir();
  out = tempDataDir();
});
afterEach(() => {
  data.remove();
  out.remove();
});

/** Every file in the folder with a hash of its bytes; `skip` leaves out SQLite's shared-memory index. */
function snapshot(dir: string, skip: (name: string) => boolean = () => false): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    if (skip(name) || !statSync(join(dir, name)).isFile()) continue;
    files[name] = createHash('sha256')
      .update(readFileSync(join(dir, name)))
      .digest('hex');
  }
  return files;
}

function runExport(dataDir: string): { status: number | null; stderr: string; stdout: string; file: string } {
  const file = join(out.dir, 'totals.json');
  const run = spawnSync(process.execPath, [EXPORT, '--data', dataDir, '--format', 'json', '--out', file], {
    encoding: 'utf8',
  });
  return { status: run.status, stderr: run.stderr, stdout: run.stdout, file };
}

async function seed(n: number): Promise<void> {
  const hub = await startTestHub(data.dir);
  for (let i = 0; i < n; i++)
    hub.store.insert(
      makeResponse(instrument, (k) => (k + i) % 3),
      Date.now(),
      { round: null, rehearsal: false },
    );
  await hub.close();
}

describe('the export command only reads', () => {
  it('beside a running hub: exports what is committed, the folder stays byte for byte the same', async () => {
    await seed(0);
    const child: ChildProcess = spawn(process.execPath, [HUB, '--data', data.dir, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        let text = '';
        child.stdout!.on('data', (d: Buffer) => {
          text += d.toString();
          if (text.includes('Hub on')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`hub exited ${code}`)));
      });
      // Committed by a second writer while the hub runs: they sit in the WAL, not yet in the file.
      const writer = new Database(join(data.dir, DATABASE_FILE));
      const insert = writer.prepare(
        `INSERT INTO responses (id, instrument_id, instrument_version, received_at, lang, answers, casus, context)
         VALUES (?, ?, ?, ?, 'nl', ?, ?, '{}')`,
      );
      for (let i = 0; i < 30; i++) {
        const r = makeResponse(instrument, (k) => (k + i) % 3);
        insert.run(r.id, r.instrumentId, r.instrumentVersion, Date.now(), JSON.stringify(r.answers), r.casus);
      }
      writer.close();
      // The -shm file is the hub's shared memory, which every reader (the hub's own too) writes to.
      const before = snapshot(data.dir, (name) => name.endsWith('-shm'));
      const run = runExport(data.dir);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(snapshot(data.dir, (name) => name.endsWith('-shm'))).toEqual(before);
      expect(before[`${DATABASE_FILE}-wal`]).toBeDefined();
      // The 30 answers in the WAL are in the export: the total row of the profile table.
      const doc = JSON.parse(readFileSync(run.file, 'utf8')) as { tables: { id: string; values: unknown[][] }[] };
      expect(doc.tables.find((t) => t.id === 'profielen')?.values.at(-1)?.[0]).toBe(30);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('after a clean stop: exports, and leaves no new file in the folder', async () => {
    await seed(12);
    const before = snapshot(data.dir);
    const run = runExport(data.dir);
    expect(run.status).toBe(0);
    expect(snapshot(data.dir)).toEqual(before);
  });

  it('a damaged folder: a clear error, exit 1, no export file, nothing moved or made', async () => {
    await seed(12);
    const db = new Database(join(data.dir, DATABASE_FILE));
    db.prepare('UPDATE responses SET answers = ? WHERE rowid = 3').run('[{"item":');
    db.close();
    const before = snapshot(data.dir);
    const run = runExport(data.dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/is damaged \(1 stored answers could not be read\): nothing was exported/);
    expect(existsSync(run.file)).toBe(false);
    expect(snapshot(data.dir)).toEqual(before);
  });

  it('a mistyped --data: a clear error, exit 1, no export file, no folder made', () => {
    const missing = join(data.dir, 'dta');
    const run = runExport(missing);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/there is no data folder at .*dta: check --data/);
    expect(existsSync(run.file)).toBe(false);
    expect(existsSync(missing)).toBe(false);
    const empty = runExport(data.dir);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toMatch(/there is no ideale-ambtenaar\.sqlite in/);
    expect(readdirSync(data.dir)).toEqual([]);
  });

  it('--help prints the usage (formats, options, an example) and reads nothing; a wrong --lang says which exist', () => {
    const help = spawnSync(process.execPath, [EXPORT, '--help', '--data', join(data.dir, 'none')], {
      encoding: 'utf8',
    });
    expect(help.status).toBe(0);
    expect(help.stderr).toBe('');
    expect(help.stdout).toMatch(/^Usage: npm run export -- /);
    for (const option of ['--data', '--format', '--out', '--lang', '--instrument', '--help'])
      expect(help.stdout).toContain(option);
    expect(help.stdout).toContain('csv, csv-semicolon, xlsx, json, pdf');
    expect(help.stdout).toMatch(/Example:\n\s+npm run export -- .*--format pdf --lang en/);
    expect(existsSync(join(data.dir, 'none'))).toBe(false);

    const wrong = spawnSync(process.execPath, [EXPORT, '--data', data.dir, '--format', 'pdf', '--lang', 'fr'], {
      encoding: 'utf8',
    });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/--lang must be one of nl, en/);
  });
});
