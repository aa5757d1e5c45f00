import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/hub/store/db';
import { startHub } from '../../src/hub/server';
import { PAGES_DIR, startTestHub, tempDataDir, TestClient } from '../support/hub';
import { INSTRUMENTS_DIR, shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';

let data: ReturnType<typeof tempDataDir>;
beforeEach(() => (data = tempDataDir()));
afterEach(() => data.remove());

describe('a damaged database file at start', () => {
  it('is kept next to a fresh file, with a clear message, and the hub serves', async () => {
    writeFileSync(
      join(data.dir, DATABASE_FILE),
      'this is not a database, it was cut off by a power failure'.repeat(200),
    );
    const lines: string[] = [];
    const hub = await startHub({
      dataDir: data.dir,
      port: 0,
      pagesDir: PAGES_DIR,
      instrumentsDir: INSTRUMENTS_DIR,
      log: (l) => lines.push(l),
    });
    try {
      expect(hub.openReport.quarantined).toMatch(/ideale-ambtenaar\.sqlite\.damaged-/);
      expect(existsSync(hub.openReport.quarantined!)).toBe(true);
      expect(lines.join('\n')).toMatch(/DATABASE DAMAGED \(the file is not an SQLite database\): it was kept as/);
      const kiosk = await TestClient.connect(hub.url, 'kiosk');
      kiosk.send({ type: 'submit', response: makeResponse(shippedInstrument('ideale-ambtenaar')) });
      await kiosk.waitFor((m) => m.type === 'ack');
      kiosk.close();
      expect(hub.store.count()).toBe(1);
    } finally {
      await hub.close();
    }
    // A second start opens the fresh file as it is: no crash loop, no second quarantine.
    const again = await startTestHub(data.dir);
    expect(again.openReport.quarantined).toBeUndefined();
    expect(again.store.count()).toBe(1);
    await again.close();
    expect(
      readdirSync(data.dir).filter((f) => f.includes('.damaged-') && !f.endsWith('-wal') && !f.endsWith('-shm')),
    ).toHaveLength(1);
  });
});
