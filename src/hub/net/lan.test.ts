import type { IncomingMessage } from 'node:http';
import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { normalizeJoinCode } from '../../core/lan';
import { admission, JOIN_COOKIE, lanAddresses, newJoinCode } from './lanGate';

const CODE = 'ABCDEFGHJKMN';
const request = (url: string, cookie?: string, method = 'GET'): IncomingMessage =>
  ({ url, method, headers: cookie ? { cookie } : {} }) as IncomingMessage;

const iface = (address: string, internal = false): NetworkInterfaceInfo => ({
  address,
  internal,
  family: 'IPv4',
  netmask: '255.255.255.0',
  mac: '00:00:00:00:00:00',
  cidr: null,
});

describe('network admission', () => {
  it('lets nothing but a health check in without the code', () => {
    expect(admission(request('/kiosk/'), CODE).kind).toBe('refused');
    expect(admission(request('/assets/kiosk.js'), CODE).kind).toBe('refused');
    expect(admission(request('/ws'), CODE).kind).toBe('refused');
    expect(admission(request('/healthz'), CODE).kind).toBe('in');
  });

  it('pairs a page opened with the code and drops the code from the address', () => {
    expect(admission(request('/kiosk/?join=abcd-efgh-jkmn&lang=en'), CODE)).toEqual({
      kind: 'pair',
      location: '/kiosk/?lang=en',
    });
    expect(admission(request('/ws?join=ABCDEFGHJKMN'), CODE).kind).toBe('in');
  });

  it('takes the cookie of a paired device, and refuses a wrong or old one', () => {
    expect(admission(request('/projector/', `a=1; ${JOIN_COOKIE}=${CODE}`), CODE).kind).toBe('in');
    expect(admission(request('/ws', `${JOIN_COOKIE}=${CODE}`), CODE).kind).toBe('in');
    expect(admission(request('/ws', `${JOIN_COOKIE}=ABCDEFGHJKMP`), CODE).kind).toBe('refused');
    expect(admission(request('/kiosk/?join=ABCDEFGHJKMP', `${JOIN_COOKIE}=ZZZZ`), CODE).kind).toBe('refused');
    expect(admission(request('///%F2%AF%80%94/a/p'), CODE).kind).toBe('refused');
  });
});

describe('join codes and addresses', () => {
  it('draws fresh, valid codes', () => {
    const codes = new Set(Array.from({ length: 200 }, newJoinCode));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(normalizeJoinCode(code)).toBe(code);
  });

  it('offers the addresses other devices can reach, private ones first', () => {
    expect(
      lanAddresses({
        lo: [iface('127.0.0.1', true)],
        eth0: [iface('84.1.2.3'), iface('169.254.3.4')],
        wlan0: [iface('192.168.1.20'), { ...iface('fe80::1'), family: 'IPv6', scopeid: 1 }],
        tun0: [iface('10.8.0.2')],
      }),
    ).toEqual(['10.8.0.2', '192.168.1.20', '84.1.2.3']);
    expect(lanAddresses({ lo: [iface('127.0.0.1', true)] })).toEqual([]);
  });
});
