import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentInstruments, findInstrument, type Instrument } from '../../src/core/instrument';
import type { HubMessage } from '../../src/core/messages';
import { checkAgainstInstrument, profileOf } from '../../src/core/response';
import { loadInstruments } from '../../src/hub/day/instruments';
import type { RunningHub } from '../../src/hub/server';
import { loginAsOrganiser, startTestHub, tempDataDir, TestClient } from '../support/hub';
import { INSTRUMENTS_DIR } from '../support/instruments';
import { makeResponse } from '../support/responses';

const loaded = loadInstruments(INSTRUMENTS_DIR);
const v1 = findInstrument(loaded, 'ideale-ambtenaar@1.0.0')!;
const v2 = findInstrument(loaded, 'ideale-ambtenaar@2.0.0')!;
const v3 = findInstrument(loaded, 'ideale-ambtenaar')!;
const at = new Date(2026, 1, 6, 10, 30).getTime();

let data: ReturnType<typeof tempDataDir>;
let hub: RunningHub;

/**
 * A folder that lived through two upgrades: ten answers of instrument 1.0.0 (single picks), five pure Bureaucrats and
 * five with an even 4-4-4 split; five answers of 2.0.0 (Verbinder first, Bureaucraat second); six of 3.0.0
 * (Ondernemer first, Verbinder second); then the hub starts again on it.
 */
beforeEach(async () => {
  data = tempDataDir();
  hub = await startTestHub(data.dir);
  const store = (instrument: Instrument, pick: (i: number) => number) =>
    hub.store.insert(makeResponse(instrument, pick), at, { round: null, rehearsal: false });
  for (let k = 0; k < 5; k++) store(v1, () => 0);
  for (let k = 0; k < 5; k++) store(v1, (i) => i % 3);
  for (let k = 0; k < 5; k++) store(v2, () => 2);
  for (let k = 0; k < 6; k++) store(v3, () => 1);
  await hub.close();
  hub = await startTestHub(data.dir);
});
afterEach(async () => {
  await hub.close();
  data.remove();
});

describe('instrument versions', () => {
  it('3.0.0 is what runs; 1.0.0 and 2.0.0 stay loaded only to score their own answers', () => {
    expect(v3.version).toBe('3.0.0');
    expect(currentInstruments(loaded).map((i) => `${i.id}@${i.version}`)).toEqual([
      'ideale-ambtenaar@3.0.0',
      'vier-perspectieven@3.0.0',
    ]);
    expect([v1.scoring, v2.scoring]).toEqual(['first-choice', 'first-and-second']);
    expect(findInstrument(loaded, 'vier-perspectieven@2.0.0')?.scoring).toBe('first-and-second');
    expect(hub.store.count()).toBe(21);
  });

  it('2.0.0 keeps its own wording: the same situations and asks as 3.0.0, the old texts where 3.0.0 rewrote them', () => {
    expect(v2.items.map((it) => [it.id, it.asks])).toEqual(v3.items.map((it) => [it.id, it.asks]));
    const text = (inst: Instrument, item: string, type: string) =>
      inst.items.find((it) => it.id === item)!.options.find((o) => o.type === type)!.text.nl;
    expect(text(v2, 'klacht', 'bureaucraat')).toBe('Ik zoek uit waarom ze verschillen en trek ze gelijk.');
    expect(text(v3, 'klacht', 'bureaucraat')).not.toBe(text(v2, 'klacht', 'bureaucraat'));
  });

  it('a 2.0.0 answer is scored by the 2.0.0 file and never taken for a 3.0.0 answer', () => {
    const old = makeResponse(v2, () => 2);
    expect(checkAgainstInstrument(old, v2)).toBeNull();
    expect(checkAgainstInstrument(old, v3)).toBe(
      'response is for instrument ideale-ambtenaar@2.0.0, not ideale-ambtenaar@3.0.0',
    );
    expect(profileOf(old, v2)).toMatchObject({
      shares: [1 / 3, 0, 2 / 3],
      label: { kind: 'leading', primary: 'verbinder' },
    });
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
    expect(welcome.aggregate.total).toBe(6);
    expect(welcome.crowd).toHaveLength(6);
    const admin = await TestClient.connect(hub.url, 'admin');
    const token = await loginAsOrganiser(admin);
    const from = admin.messages.length;
    admin.send({ type: 'admin', token, action: { kind: 'status' } });
    const status = await admin.waitFor((m) => m.type === 'status', from);
    expect(status).toMatchObject({
      status: { instrument: 'ideale-ambtenaar@3.0.0', responses: 21, otherInstrument: 15 },
    });
    projector.close();
    admin.close();
  });

  it('each export says which version it shows and how many answers it leaves out; each version by its own rules', async () => {
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
    expect(old.stamp).toMatchObject({ instrument: 'ideale-ambtenaar@1.0.0', otherAnswers: 11 });
    // Five pure Bureaucrats (100-0-0) and five even splits: single picks, as 1.0.0 counted them.
    expect(old.meanMix.values[0]).toEqual([66.7, 16.7, 16.7]);
    const second = exportOf('ideale-ambtenaar@2.0.0');
    expect(second.stamp).toMatchObject({ instrument: 'ideale-ambtenaar@2.0.0', otherAnswers: 16 });
    // Five answers of Verbinder first, Bureaucraat second (2 and 1 points): only the 2.0.0 answers are in.
    expect(second.meanMix.values[0]).toEqual([33.3, 0, 66.7]);
    const current = exportOf('ideale-ambtenaar');
    expect(current.stamp).toMatchObject({ instrument: 'ideale-ambtenaar@3.0.0', otherAnswers: 15 });
    expect(current.meanMix.values[0]).toEqual([0, 66.7, 33.3]);
    hub = await startTestHub(data.dir);
  });
});
