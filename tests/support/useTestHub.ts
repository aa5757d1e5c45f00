import { afterEach, beforeEach } from 'vitest';
import type { RunningHub } from '../../src/hub/server';
import { startTestHub, tempDataDir } from './hub';

/**
 * A fresh hub on its own temp data folder for every test of the file, started by `start` (a plain test hub unless
 * given). `fixture.hub` may be replaced by a test that restarts the hub; the last one is closed afterwards.
 */
export function useTestHub(start: (dataDir: string) => Promise<RunningHub> = startTestHub): {
  hub: RunningHub;
  dir: string;
} {
  const fixture = {} as { hub: RunningHub; dir: string };
  let data: ReturnType<typeof tempDataDir>;
  beforeEach(async () => {
    data = tempDataDir();
    fixture.dir = data.dir;
    fixture.hub = await start(data.dir);
  });
  afterEach(async () => {
    await fixture.hub.close();
    data.remove();
  });
  return fixture;
}
