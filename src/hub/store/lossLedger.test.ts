import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../../../tests/support/hub';
import { appendLoss, LOSSES_FILE, MAX_REFUSED_IDS, publicLosses, readLosses, type StoredLoss } from './lossLedger';

const fewer: StoredLoss = {
  at: 1_000,
  kind: 'fewer',
  lost: 3,
  expected: 10,
  found: 7,
  keptAs: null,
  until: null,
  refused: 0,
  reason: 'the database holds 7 answers, 10 recorded before',
};
let data: ReturnType<typeof tempDataDir>;
beforeEach(() => (data = tempDataDir()));
afterEach(() => data.remove());

describe('the record of lost answers', () => {
  it('is kept whole across appends, and leaves no temporary file', () => {
    expect(readLosses(data.dir)).toEqual([]);
    appendLoss(data.dir, fewer);
    appendLoss(data.dir, { ...fewer, at: 2_000, lost: 1 });
    expect(readLosses(data.dir).map((r) => r.at)).toEqual([1_000, 2_000]);
    expect(readdirSync(data.dir)).toEqual([LOSSES_FILE]);
  });

  it('a record that cannot be read is itself a loss of unknown size, and is kept aside as it was', () => {
    writeFileSync(join(data.dir, LOSSES_FILE), '{"version":1,"records":[{"at":');
    expect(readLosses(data.dir, 5)).toMatchObject([{ kind: 'record-unreadable', lost: null, at: 5 }]);
    appendLoss(data.dir, fewer);
    expect(readLosses(data.dir)).toMatchObject([{ kind: 'record-unreadable' }, { kind: 'fewer' }]);
    const aside = readdirSync(data.dir).filter((f) => f.startsWith(`${LOSSES_FILE}.unreadable-`));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(data.dir, aside[0]!), 'utf8')).toBe('{"version":1,"records":[{"at":');
  });

  it('refused answers count as lost only while they are not in the database; those past the kept ids count too', () => {
    const stretch: StoredLoss = {
      ...fewer,
      kind: 'write-failed',
      lost: null,
      refused: 3,
      ids: ['a', 'b', 'c'],
    };
    expect(publicLosses([stretch], (id) => id === 'a')).toMatchObject([{ lost: 2, refused: 3 }]);
    expect(publicLosses([stretch], () => true)[0]).not.toHaveProperty('ids');
    const many = { ...stretch, refused: MAX_REFUSED_IDS + 7, ids: ['a'] };
    expect(publicLosses([many], () => true)).toMatchObject([{ lost: MAX_REFUSED_IDS + 6 }]);
  });
});
