import { describe, expect, it } from 'vitest';

import { contentSecurityPolicy } from './csp';
import { livekitConnectSources, watchConnectSources } from './watch-connect-sources';

describe('the watch page’s connect sources', () => {
  it('allow the LiveKit server by WebSocket and HTTP, with the security of its URL', () => {
    expect(livekitConnectSources('http://127.0.0.1:7880')).toEqual([
      'ws://127.0.0.1:7880',
      'http://127.0.0.1:7880',
    ]);
    expect(livekitConnectSources('wss://lk.example.com')).toEqual([
      'wss://lk.example.com',
      'https://lk.example.com',
    ]);
  });

  it('allow LiveKit Cloud’s regional hosts of the same domain', () => {
    expect(livekitConnectSources('wss://acme-x1y2.livekit.cloud')).toEqual([
      'wss://*.livekit.cloud',
      'https://*.livekit.cloud',
    ]);
  });

  it('allow nothing for a URL that is not a LiveKit server URL', () => {
    expect(livekitConnectSources(undefined)).toEqual([]);
    expect(livekitConnectSources('not a url')).toEqual([]);
    expect(livekitConnectSources('javascript:alert(1)')).toEqual([]);
  });

  it('are given to the watch page only, from the public URL first', () => {
    const environment = { LIVEKIT_URL: 'http://livekit:7880', LIVEKIT_PUBLIC_URL: 'wss://lk.io' };
    expect(watchConnectSources('/rooms/town%20hall/watch', environment)).toEqual([
      'wss://lk.io',
      'https://lk.io',
    ]);
    expect(watchConnectSources('/rooms/town-hall', environment)).toEqual([]);
    expect(watchConnectSources('/api/v1/rooms', environment)).toEqual([]);
    expect(watchConnectSources('/rooms/a/watch', { LIVEKIT_URL: 'http://livekit:7880' })).toEqual([
      'ws://livekit:7880',
      'http://livekit:7880',
    ]);
  });

  it('join connect-src after our own origin', () => {
    const policy = contentSecurityPolicy('n', ["'self'"], ['wss://lk.io', 'https://lk.io']);
    expect(policy).toContain("connect-src 'self' wss://lk.io https://lk.io;");
  });
});
