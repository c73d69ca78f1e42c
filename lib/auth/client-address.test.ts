import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { beforeAll, describe, expect, it } from 'vitest';

import {
  clientAddress,
  clientKey,
  isAddressOrRange,
  normalizeAddress,
  UNKNOWN_CLIENT,
  type TrustedProxyConfig,
} from './client-address';
import { PEER_ADDRESS_HEADER, recordPeerAddresses } from './peer-address';

const NO_PROXY: TrustedProxyConfig = { hops: 0, proxies: [] };
const ONE_HOP: TrustedProxyConfig = { hops: 1, proxies: [] };
const LISTED: TrustedProxyConfig = { hops: 0, proxies: ['10.0.0.0/8', '::1'] };

const from = (peer: string, forwardedFor?: string) => ({
  [PEER_ADDRESS_HEADER]: peer,
  ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }),
});

beforeAll(() => {
  recordPeerAddresses();
});

describe('clientAddress', () => {
  it('is the socket peer when no proxy is trusted, whatever x-forwarded-for claims', () => {
    expect(clientAddress(from('203.0.113.5', '198.51.100.1'), NO_PROXY)).toBe('203.0.113.5');
    expect(clientAddress(from('::ffff:203.0.113.5'), NO_PROXY)).toBe('203.0.113.5');
  });

  it('with TRUSTED_PROXY_HOPS, takes the entry the last proxy appended, never the spoofable ones', () => {
    expect(clientAddress(from('10.0.0.2', 'spoofed, 1.1.1.1, 198.51.100.7'), ONE_HOP)).toBe(
      '198.51.100.7',
    );
    expect(
      clientAddress(from('10.0.0.2', '198.51.100.7, 10.0.0.3'), { hops: 2, proxies: [] }),
    ).toBe('198.51.100.7');
    // Nobody in front after all: the peer itself.
    expect(clientAddress(from('198.51.100.7'), ONE_HOP)).toBe('198.51.100.7');
  });

  it('with TRUSTED_PROXIES, believes x-forwarded-for only from a listed peer', () => {
    expect(clientAddress(from('10.1.2.3', '198.51.100.8'), LISTED)).toBe('198.51.100.8');
    expect(clientAddress(from('10.1.2.3', '198.51.100.8, 10.9.9.9'), LISTED)).toBe('198.51.100.8');
    expect(clientAddress(from('::1', '[2001:db8::5]:4711'), LISTED)).toBe('2001:db8::5');
    // A peer outside the list is the client, even if it sends x-forwarded-for.
    expect(clientAddress(from('203.0.113.9', '198.51.100.8'), LISTED)).toBe('203.0.113.9');
  });

  it('stops at the proxy when the entry it names is not an address', () => {
    expect(clientAddress(from('10.0.0.2', 'unknown'), ONE_HOP)).toBe('10.0.0.2');
  });

  it('ignores a peer header it did not set (no hook: one shared bucket, not a forged key)', async () => {
    const holder = globalThis as { __moderatoPeerAddressHook?: boolean };
    holder.__moderatoPeerAddressHook = false;
    try {
      expect(clientAddress(from('198.51.100.1'), NO_PROXY)).toBe(UNKNOWN_CLIENT);
    } finally {
      holder.__moderatoPeerAddressHook = true;
    }
  });

  it('gets the real peer from the Node server and overwrites a peer header a client sends', async () => {
    const server = http.createServer((req, res) => {
      res.end(clientAddress(req.headers, NO_PROXY));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { [PEER_ADDRESS_HEADER]: '198.51.100.66', 'x-forwarded-for': '198.51.100.67' },
      });
      expect(await res.text()).toBe('127.0.0.1');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('address helpers', () => {
  it('normalizes addresses and rejects anything else', () => {
    expect(normalizeAddress(' 192.0.2.1:8080 ')).toBe('192.0.2.1');
    expect(normalizeAddress('[2001:DB8::1]')).toBe('2001:db8::1');
    expect(normalizeAddress('example.com')).toBeNull();
  });

  it('accepts addresses and CIDR ranges for TRUSTED_PROXIES', () => {
    expect(['10.0.0.0/8', '192.0.2.1', '::1', 'fd00::/8'].every(isAddressOrRange)).toBe(true);
    expect(['10.0.0.0/33', 'proxy.local', '10.0.0.0/8/1', '1.2.3.4/x'].some(isAddressOrRange)).toBe(
      false,
    );
  });

  it('keys IPv6 clients by their /64', () => {
    expect(clientKey('2001:db8:1:2:3:4:5:6')).toBe('2001:0db8:0001:0002::/64');
    expect(clientKey('2001:db8:1:2::9')).toBe('2001:0db8:0001:0002::/64');
    expect(clientKey('::1')).toBe('0000:0000:0000:0000::/64');
    expect(clientKey('192.0.2.1')).toBe('192.0.2.1');
  });
});
