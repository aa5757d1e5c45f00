import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findInstrument, type Instrument } from '../../src/core/instrument';
import type { HubMessage } from '../../src/core/messages';
import { profileOf } from '../../src/core/response';
import { loadInstruments } from '../../src/hub/day/instruments';
import type { RunningHub } from '../../src/hub/server';
import { loginAsOrganiser, startTestHub, tempDataDir, TestClient } from '../support/hub';
import { INSTRUMENTS_DIR } from '../support/instruments';
import { makeResponse } from '../support/responses';

const loaded = loadInstruments(INSTRUMENTS_DIR);
const v1 = findInstrument(loaded, 'ideale-ambtenaar@1.0.0')!;
const v2 = findInstrument(loaded, 'ideale-ambtenaar')!;
const at = new Date(2026, 1, 6, 10, 30).getTime();

let data: ReturnType<typeof tempDataDir>;
let hub: RunningHub;

/**
 * A folder that lived through the upgrade: ten answers of instrument 1.0.0 (single picks), five pure Bureaucrats and
 * five with an even 4-4-4 split, and two answers of 2.0.0; then the hub starts again on it.
 */
beforeEach(async () => {
  data = tempDataDir();
  hub = await startTestHub(data.dir);
  const store = (instrument: Instrument, pick: (i: number) => number) =>
    hub.store.insert(makeResponse(instrument, pick), at, { round: null, rehearsal: false });
  for (let k = 0; k < 5; k++) store(v1, () => 0);
  for (let k = 0; k < 5; k++) store(v1, (i) => i % 3);
  store(v2, () => 2);
  store(v2, () => 2);
  await hub.close();
  hub = await startTestHub(data.dir);
});
afterEach(async () => {
  await hub.close();
  data.remove();
});

describe('instrument versions', () => {
  it('2.0.0 is what runs; 1.0.0 stays loaded only to score its own answers', () => {
    expect(v2.version).toBe('2.0.0');
    expect(v1.scoring).toBe('first-choice');
    expect(hub.store.count()).toBe(12);
  });

  it('1.0.0 answers keep their own scoring: single picks and the 1.x labels', () => {
    const balanced = makeResponse(v1, (i) => i % 3);
    expect(profileOf(balanced, v1)).toMatchObject({ shares: [1 / 3, 1 / 3, 1 / 3], label: { kind: 'chameleon' } });
    expect(
      profileOf(
        makeResponse(v1, () => 0),
        v1,
      ).label,
    ).toEqual({ kind: 'leading', primary: 'bureaucraat' });
  });

  it('the live picture holds only the running version, and the console counts the rest apart', async () => {
    const projector = await TestClient.connect(hub.url, 'projector');
    const welcome = projector.messages[0] as Extract<HubMessage, { type: 'welcome' }>;
    expect(welcome.type).toBe('welcome');
    expect(welcome.aggregate.total).toBe(2);
    expect(welcome.crowd).toHaveLength(2);
    const admin = await TestClient.connect(hub.url, 'admin');
    const token = await loginAsOrganiser(admin);
    const from = admin.messages.length;
    admin.send({ type: 'admin', token, action: { kind: 'status' } });
    const status = await admin.waitFor((m) => m.type === 'status', from);
    expect(status).toMatchObject({
      status: { instrument: 'ideale-ambtenaar@2.0.0', responses: 12, otherInstrument: 10 },
    });
    projector.close();
    admin.close();
  });

  it('each export says which version it shows and how many answers it leaves out; 1.0.0 exports by its own rules', async () => {
    const script = join(__dirname, '../../out/main/export.js');
    await hub.close();
    const exportOf = (ref: string): { stamp: Record<string, unknown>; meanMix: { values: number[][] } } => {
      const out = join(data.dir, `${ref}.json`);
      execFileSync(process.execPath, [
        script,
        '--data',
        data.dir,
        '--format',
        'json',
        '--instrument',
        ref,
        '--out',
        out,
      ]);
      return JSON.parse(readFileSync(out, 'utf8'));
    };
    const old = exportOf('ideale-ambtenaar@1.0.0');
    expect(old.stamp).toMatchObject({ instrument: 'ideale-ambtenaar@1.0.0', otherAnswers: 2 });
    // Five pure Bureaucrats (100-0-0) and five even splits: single picks, as 1.0.0 counted them.
    expect(old.meanMix.values[0]).toEqual([66.7, 16.7, 16.7]);
    const current = exportOf('ideale-ambtenaar');
    expect(current.stamp).toMatchObject({ instrument: 'ideale-ambtenaar@2.0.0', otherAnswers: 10 });
    hub = await startTestHub(data.dir);
  });
});
