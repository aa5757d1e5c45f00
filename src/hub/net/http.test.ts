import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, safeHost } from './http';

describe('the host in the Content-Security-Policy', () => {
  it('takes a plain host name or address with a port, and nothing else', () => {
    for (const host of ['127.0.0.1:5780', 'localhost:5780', 'hub.local', '192.168.1.20:5781', '[::1]:5780'])
      expect(safeHost(host), host).toBe(host);
    for (const host of ['x; script-src *', 'a b', 'evil.example/x', 'x:1 https://evil', '', 'a:b:c', undefined])
      expect(safeHost(host), String(host)).toBeNull();
  });

  it("without a safe host, the socket is allowed by 'self' alone", () => {
    expect(contentSecurityPolicy(null)).toContain("connect-src 'self';");
    expect(contentSecurityPolicy('hub.local:5781')).toContain("connect-src 'self' ws://hub.local:5781;");
  });
});
