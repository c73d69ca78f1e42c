import { TokenVerifier } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';

import { TokenCachingRoomServiceClient } from './token-caching-room-service';

describe('TokenCachingRoomServiceClient', () => {
  const client = new TokenCachingRoomServiceClient('http://127.0.0.1:1', 'devkey', 'secret');

  it('reuses the signed token of a grant and signs another for a different grant', async () => {
    const a1 = await client.authHeader({ roomAdmin: true, room: 'a' });
    const a2 = await client.authHeader({ roomAdmin: true, room: 'a' });
    const b = await client.authHeader({ roomAdmin: true, room: 'b' });
    expect(a2).toBe(a1);
    expect(b.Authorization).not.toBe(a1.Authorization);
    // Each still carries exactly its own grant, signed with the API secret.
    const claims = await new TokenVerifier('devkey', 'secret').verify(
      b.Authorization!.replace('Bearer ', ''),
    );
    expect(claims.video).toMatchObject({ roomAdmin: true, room: 'b' });
  });
});
