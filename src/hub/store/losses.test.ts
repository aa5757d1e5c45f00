import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../../../tests/support/hub';
import { LOSSES_FILE } from './lossLedger';
import { createLosses, STRETCH_GAP_MS } from './losses';

let data: ReturnType<typeof tempDataDir>;
beforeEach(() => (data = tempDataDir()));
afterEach(() => data.remove());
const full = new Error('SQLITE_FULL: database or disk is full');

describe('failing writes', () => {
  it('red from the first failure to the next success; one record per stretch, each refused answer once', () => {
    const lines: string[] = [];
    const losses = createLosses(data.dir, (l) => lines.push(l));
    const t = 1_000_000;
    losses.failed(
      [
        { id: 'a', real: true },
        { id: 'r', real: false },
      ],
      full,
      t,
    );
    losses.failed([{ id: 'a', real: true }], full, t + 1000);
    expect(losses.state()).toEqual({ failing: true, since: t, failed: 3 });
    losses.committed();
    expect(losses.state()).toEqual({ failing: false, since: null, failed: 0 });
    // A write that got through on a nearly full disk does not split the stretch.
    losses.failed([{ id: 'b', real: true }], full, t + 60_000);
    losses.committed();
    losses.failed([{ id: 'c', real: true }], full, t + 60_000 + STRETCH_GAP_MS + 1);
    const records = losses.list((id) => id === 'b');
    expect(records).toMatchObject([
      { kind: 'write-failed', at: t, until: t + 60_000, refused: 2, lost: 1 },
      { kind: 'write-failed', refused: 1, lost: 1 },
    ]);
    expect(JSON.parse(readFileSync(join(data.dir, LOSSES_FILE), 'utf8')).records[0].ids).toEqual(['a', 'b']);
    expect(lines.filter((l) => l.startsWith('ANSWERS NOT STORED'))).toHaveLength(3);
  });

  it('rehearsal answers alone turn it red but are no loss', () => {
    const losses = createLosses(data.dir, () => undefined);
    losses.failed([{ id: 'r', real: false }], full, 5);
    expect(losses.state().failing).toBe(true);
    expect(losses.list(() => false)).toEqual([]);
  });
});
