import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InstrumentError } from '../../src/core/instrument';
import { startHub } from '../../src/hub/server';
import { PAGES_DIR, tempDataDir, TestClient } from '../support/hub';
import { INSTRUMENTS_DIR, shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';

let tmp: ReturnType<typeof tempDataDir>;
beforeEach(() => (tmp = tempDataDir()));
afterEach(() => tmp.remove());

function instrumentsWith(mutate: (data: Record<string, any>) => void): string {
  const dir = join(tmp.dir, 'instruments');
  mkdirSync(dir);
  const data = JSON.parse(readFileSync(join(INSTRUMENTS_DIR, 'ideale-ambtenaar.json'), 'utf8'));
  mutate(data);
  writeFileSync(join(dir, 'kapot.json'), JSON.stringify(data));
  return dir;
}

describe('instrument files at hub start', () => {
  it('a broken file stops the start with the file, the place in it and the fault, and opens no database', async () => {
    const dir = instrumentsWith((d) => (d.items[7].options[0].type = 'kameel'));
    const start = startHub({ dataDir: join(tmp.dir, 'data'), port: 0, pagesDir: PAGES_DIR, instrumentsDir: dir });
    await expect(start).rejects.toBeInstanceOf(InstrumentError);
    await expect(start).rejects.toThrow(/kapot\.json[\s\S]*items\.7\.options\.0\.type: unknown type "kameel"/);
  });

  it('a file that is not JSON is named too', async () => {
    const dir = join(tmp.dir, 'instruments');
    mkdirSync(dir);
    writeFileSync(join(dir, 'half.json'), '{"id": "x",');
    await expect(startHub({ dataDir: tmp.dir, port: 0, pagesDir: PAGES_DIR, instrumentsDir: dir })).rejects.toThrow(
      /half\.json[\s\S]*not valid JSON/,
    );
  });

  it('runs the four-type instrument end to end without code changes', async () => {
    const dir = join(tmp.dir, 'instruments');
    mkdirSync(dir);
    copyFileSync(join(INSTRUMENTS_DIR, 'vier-perspectieven.json'), join(dir, 'vier-perspectieven.json'));
    const hub = await startHub({ dataDir: join(tmp.dir, 'data'), port: 0, pagesDir: PAGES_DIR, instrumentsDir: dir });
    try {
      const four = shippedInstrument('vier-perspectieven');
      const projector = await TestClient.connect(hub.url, 'projector');
      const kiosk = await TestClient.connect(hub.url, 'kiosk');
      kiosk.send({ type: 'submit', response: makeResponse(four, () => 3) });
      const update = await projector.waitFor((m) => m.type === 'update');
      if (update.type !== 'update') throw new Error('expected an update');
      expect(update.aggregate.leading).toEqual([0, 0, 0, 1]);
      expect(update.member.shares).toEqual([1 / 3, 0, 0, 2 / 3]);
      expect(hub.store.count()).toBe(1);
      kiosk.close();
      projector.close();
    } finally {
      await hub.close();
    }
  });
});
