import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/hub/net/http';
import type { RunningHub } from '../../src/hub/server';
import { startTestHub, tempDataDir } from '../support/hub';

let data: ReturnType<typeof tempDataDir>;
let hub: RunningHub;

beforeAll(async () => {
  data = tempDataDir();
  hub = await startTestHub(data.dir);
});
afterAll(async () => {
  await hub.close();
  data.remove();
});

describe('the pages the hub serves', () => {
  it.each(['kiosk', 'projector', 'admin', 'workshop'])(
    '%s has one content security policy: the header',
    async (page) => {
      const res = await fetch(`${hub.url}/${page}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy(new URL(hub.url).host));
      // A second policy in the page would apply on top of the header and drift from it.
      expect(await res.text()).not.toMatch(/http-equiv="Content-Security-Policy"/i);
    },
  );
});
