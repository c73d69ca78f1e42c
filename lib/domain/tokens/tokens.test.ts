import { TokenVerifier } from 'livekit-server-sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { VIDEO_GRANT_FLAG_KEYS, type VideoGrantFlag } from '@/lib/contracts/tokens';
import { queryAuditEvents } from '@/lib/db/audit';
import { insertBan, liftBan } from '@/lib/db/bans';
import { deleteSetting, EVERY_TENANT } from '@/lib/db/settings';
import type { GenerateTokenInput } from '@/lib/schemas/tokens';
import {
  API_KEY,
  API_SECRET,
  codeOf,
  startTestLiveKit,
  testActor,
  uniqueRoom,
  type TestLiveKit,
} from '@/test/standin';

import type { Actor } from '../actor';
import { DomainError } from '../errors';
import { createAccessToken } from '../moderation/create-access-token';
import { runOperation as run } from '../run-operation';
import { generateToken } from './generate-token';
import { getJoinLinkTemplate } from './get-join-link-template';
import { setJoinLinkTemplate } from './set-join-link-template';

// The token generator through the real SDK against the stand-in: every token is verified with the
// API secret (the SDK's TokenVerifier, as LiveKit checks it) and read back field by field.
let lk: TestLiveKit;
let roomName: string;
const admin = testActor('admin');
const moderator = testActor('moderator');
const viewer = testActor('viewer');
const acmeAdmin = testActor('admin', 'acme');
const verifier = new TokenVerifier(API_KEY, API_SECRET);

beforeAll(async () => {
  lk = await startTestLiveKit();
});
afterAll(async () => {
  await lk?.close();
});
beforeEach(async () => {
  roomName = uniqueRoom('tok');
  await lk.rooms.createRoom({ name: roomName });
  await deleteSetting('join_link_template', EVERY_TENANT);
  await deleteSetting('join_link_template', 'acme');
});

async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a DomainError');
}

/** Every boolean grant set to `value`, plus every string and list field. */
function everyGrant(value: boolean): GenerateTokenInput['video'] {
  const flags = Object.fromEntries(VIDEO_GRANT_FLAG_KEYS.map((key) => [key, value])) as Record<
    VideoGrantFlag,
    boolean
  >;
  return {
    ...flags,
    // roomJoin and roomAdmin need a room either way.
    room: roomName,
    destinationRoom: `${roomName}-next`,
    canPublishSources: ['MICROPHONE', 'SCREEN_SHARE_AUDIO'],
  };
}

describe('generateToken', () => {
  for (const value of [true, false]) {
    it(`writes every VideoGrant field as given (booleans ${value}), verified with the API secret`, async () => {
      const input = {
        identity: 'alice',
        name: 'Alice Liddell',
        metadata: '{"seat":"A1"}',
        attributes: { team: 'red', 'role.x': 'speaker' },
        ttlSeconds: 2 * 3600,
        video: everyGrant(value),
      } satisfies GenerateTokenInput;
      const answer = await run(generateToken, admin, input);
      const claims = await verifier.verify(answer.token);

      expect(answer.header).toEqual({ alg: 'HS256' });
      expect(answer.claims).toEqual(claims);
      for (const key of VIDEO_GRANT_FLAG_KEYS) {
        expect(claims.video?.[key], `video.${key}`).toBe(value);
      }
      expect(claims.video?.room).toBe(roomName);
      expect(claims.video?.destinationRoom).toBe(`${roomName}-next`);
      // LiveKit's lower-case source names.
      expect(claims.video?.canPublishSources).toEqual(['microphone', 'screen_share_audio']);
      // Nothing else in the grant.
      expect(Object.keys(claims.video ?? {}).sort()).toEqual(
        [...VIDEO_GRANT_FLAG_KEYS, 'room', 'destinationRoom', 'canPublishSources'].sort(),
      );
      expect(claims).toMatchObject({
        iss: API_KEY,
        sub: 'alice',
        name: 'Alice Liddell',
        metadata: '{"seat":"A1"}',
        attributes: { team: 'red', 'role.x': 'speaker' },
      });
      expect(claims.exp! - claims.nbf!).toBe(2 * 3600);
      expect(Math.abs(claims.nbf! * 1000 - Date.now())).toBeLessThan(5_000);
      expect(answer.expiresAtMs).toBe(claims.exp! * 1000);
      expect(answer.identity).toBe('alice');
      expect(claims.roomConfig).toBeUndefined();
    });
  }

  it('leaves out what is not given, so LiveKit applies its defaults; 6 h by default', async () => {
    const answer = await run(generateToken, admin, {
      identity: 'bob',
      video: { roomJoin: true, room: roomName },
    });
    const claims = await verifier.verify(answer.token);
    expect(claims.video).toEqual({ roomJoin: true, room: roomName });
    expect(claims.exp! - claims.nbf!).toBe(6 * 3600);
    expect(Object.keys(claims).sort()).toEqual(['exp', 'iss', 'nbf', 'sub', 'video']);
  });

  it('carries the room configuration, agents included, in LiveKit’s protojson form', async () => {
    const newRoom = uniqueRoom('tok-new');
    const answer = await run(generateToken, admin, {
      identity: 'carol',
      video: { roomJoin: true, room: newRoom, canPublish: false },
      roomConfig: {
        name: 'town-hall',
        emptyTimeout: 120,
        departureTimeout: 30,
        maxParticipants: 50,
        metadata: '{"topic":"q3"}',
        minPlayoutDelay: 100,
        maxPlayoutDelay: 400,
        syncStreams: true,
        agents: [
          { agentName: 'transcriber', metadata: '{"lang":"de"}' },
          { agentName: 'moderator-bot' },
        ],
      },
    });
    const claims = await verifier.verify(answer.token);
    const config = claims.roomConfig as unknown as Record<string, unknown>;
    expect(config).toMatchObject({
      name: 'town-hall',
      emptyTimeout: 120,
      departureTimeout: 30,
      maxParticipants: 50,
      metadata: '{"topic":"q3"}',
      minPlayoutDelay: 100,
      maxPlayoutDelay: 400,
      syncStreams: true,
    });
    expect(config.agents).toEqual([
      expect.objectContaining({ agentName: 'transcriber', metadata: '{"lang":"de"}' }),
      expect.objectContaining({ agentName: 'moderator-bot', metadata: '' }),
    ]);
    expect(answer.claims.roomConfig).toEqual(config);
  });

  it('answers the join link filled in from the template, and none for a token that cannot join', async () => {
    const joining = await run(generateToken, admin, {
      identity: 'dave & co',
      video: { roomJoin: true, room: roomName },
    });
    expect(joining.livekitUrl).toBe(lk.standin.url);
    expect(joining.joinLink).toBe(
      `https://meet.livekit.io/custom?liveKitUrl=${encodeURIComponent(lk.standin.url)}&token=${joining.token}`,
    );

    await run(setJoinLinkTemplate, admin, {
      template: 'https://meet.example.com/rooms/{room}?u={identity}&lk={url}&t={token}',
    });
    const custom = await run(generateToken, admin, {
      identity: 'dave & co',
      video: { roomJoin: true, room: roomName },
    });
    const link = new URL(custom.joinLink!);
    expect(link.origin + link.pathname).toBe(
      `https://meet.example.com/rooms/${encodeURIComponent(roomName)}`,
    );
    expect(Object.fromEntries(link.searchParams)).toEqual({
      u: 'dave & co',
      lk: lk.standin.url,
      t: custom.token,
    });

    const listing = await run(generateToken, admin, { identity: 'ops', video: { roomList: true } });
    expect(listing.joinLink).toBeNull();
  });

  it('makes tokens LiveKit accepts for exactly what they grant', async () => {
    const listRooms = (token: string) =>
      fetch(`${lk.standin.url}/twirp/livekit.RoomService/ListRooms`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{}',
      });
    const lister = await run(generateToken, admin, { identity: 'ops', video: { roomList: true } });
    const res = await listRooms(lister.token);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { rooms: { name: string }[] }).rooms).toContainEqual(
      expect.objectContaining({ name: roomName }),
    );
    const joiner = await run(generateToken, admin, {
      identity: 'ops',
      video: { roomJoin: true, room: roomName },
    });
    expect((await listRooms(joiner.token)).status).toBe(401);
  });

  it('refuses bad input with the field named and records nothing', async () => {
    const cases: Array<[GenerateTokenInput, string]> = [
      [{ identity: 'a', video: { roomJoin: true } }, 'video.room'],
      [{ identity: 'a', video: { roomAdmin: true } }, 'video.room'],
      [{ identity: 'a', ttlSeconds: 59, video: {} }, 'ttlSeconds'],
      [{ identity: 'a', ttlSeconds: 24 * 3600 + 1, video: {} }, 'ttlSeconds'],
      [{ identity: 'a', video: { roomList: true }, roomConfig: {} }, 'roomConfig'],
      [
        {
          identity: 'a',
          video: { roomJoin: true, room: roomName },
          roomConfig: { minPlayoutDelay: 500, maxPlayoutDelay: 100 },
        },
        'roomConfig.maxPlayoutDelay',
      ],
      [{ identity: '', video: {} }, 'identity'],
      [
        { identity: 'a', video: { canPublishSources: ['UNKNOWN' as 'CAMERA'] } },
        'video.canPublishSources.0',
      ],
    ];
    for (const [input, field] of cases) {
      const err = await errorOf(run(generateToken, admin, input));
      expect(err.code, JSON.stringify(input)).toBe('invalid_input');
      expect(Object.keys(err.fieldErrors ?? {}), JSON.stringify(input)).toContain(field);
    }
    expect(
      await codeOf(run(generateToken, admin, { identity: 'a', video: { bogus: true } } as never)),
    ).toBe('invalid_input');
  });

  it('is for admins only: a moderator and a viewer are refused and it is audited as denied', async () => {
    for (const actor of [moderator, viewer]) {
      expect(
        await codeOf(run(generateToken, actor, { identity: 'x', video: { roomList: true } })),
      ).toBe('forbidden');
      expect(await codeOf(run(getJoinLinkTemplate, actor, {}))).toBe('forbidden');
      expect(
        await codeOf(
          run(setJoinLinkTemplate, actor, { template: 'https://evil.example/?t={token}' }),
        ),
      ).toBe('forbidden');
    }
    const { events } = await queryAuditEvents({ action: 'token.generated', outcome: 'denied' });
    expect(events.map((e) => e.role)).toEqual(expect.arrayContaining(['moderator', 'viewer']));
    expect((await run(getJoinLinkTemplate, admin, {})).source).toBe('default');
  });

  it('audits what was granted, never the token', async () => {
    const answer = await run(generateToken, admin, {
      identity: 'erin',
      metadata: 'secret-ish',
      attributes: { k: 'v' },
      video: { roomJoin: true, room: roomName, hidden: true },
      roomConfig: { agents: [{ agentName: 'bot', metadata: 'm' }] },
    });
    const { events } = await queryAuditEvents({ action: 'token.generated', roomName });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      outcome: 'success',
      identity: 'erin',
      params: {
        video: { roomJoin: true, room: roomName, hidden: true },
        ttlSeconds: 6 * 3600,
        attributeKeys: ['k'],
        expiresAtMs: answer.expiresAtMs,
        roomConfig: expect.objectContaining({ agents: ['bot'] }),
      },
    });
    const row = JSON.stringify(events[0]);
    expect(row).not.toContain(answer.token);
    expect(row).not.toContain(answer.token.split('.')[2]);
    expect(row).not.toContain('secret-ish');
  });
});

describe('banned identities', () => {
  const ban = (over: Partial<Parameters<typeof insertBan>[0]>) =>
    insertBan({
      identity: 'mallory',
      namePattern: null,
      roomName,
      tenant: null,
      reason: 'test',
      createdBy: 'admin',
      createdAtMs: Date.now(),
      expiresAtMs: null,
      ...over,
    });

  it('gets no token for a room its ban covers, with the same refusal as the join token', async () => {
    const own = await run(createAccessToken, moderator, { roomName });
    const joinBan = await ban({ identity: own.identity });
    const expected = await errorOf(run(createAccessToken, moderator, { roomName }));
    const refused = await errorOf(
      run(generateToken, admin, {
        identity: own.identity,
        video: { roomJoin: true, room: roomName },
      }),
    );
    expect(refused.code).toBe('forbidden');
    expect(refused.message).toBe(expected.message);
    await liftBan(joinBan.id, 'admin', Date.now());

    const roomBan = await ban({});
    expect(
      await codeOf(
        run(generateToken, admin, {
          identity: 'mallory',
          video: { roomJoin: true, room: roomName },
        }),
      ),
    ).toBe('forbidden');
    // Another room is not covered.
    const other = uniqueRoom('tok-other');
    await lk.rooms.createRoom({ name: other });
    const fine = await run(generateToken, admin, {
      identity: 'mallory',
      video: { roomJoin: true, room: other },
    });
    expect(fine.identity).toBe('mallory');
    // Nor may a token move anyone into the room mallory is banned from.
    expect(
      await codeOf(
        run(generateToken, admin, {
          identity: 'mallory',
          video: { roomAdmin: true, room: other, destinationRoom: roomName },
        }),
      ),
    ).toBe('forbidden');
    await liftBan(roomBan.id, 'admin', Date.now());
    expect(
      (
        await run(generateToken, admin, {
          identity: 'mallory',
          video: { roomJoin: true, room: roomName },
        })
      ).identity,
    ).toBe('mallory');

    const { events } = await queryAuditEvents({ action: 'token.generated', outcome: 'denied' });
    expect(events).toContainEqual(
      expect.objectContaining({ identity: 'mallory', errorCode: 'forbidden', roomName }),
    );
  });

  it('a ban of every room refuses tokens without a room too; a name pattern matches the name', async () => {
    const everywhere = await ban({ identity: 'trent', roomName: null });
    expect(
      await codeOf(run(generateToken, admin, { identity: 'trent', video: { roomList: true } })),
    ).toBe('forbidden');
    await liftBan(everywhere.id, 'admin', Date.now());
    expect(
      (await run(generateToken, admin, { identity: 'trent', video: { roomList: true } })).identity,
    ).toBe('trent');

    const pattern = await ban({ identity: 'someone', namePattern: 'troll*' });
    expect(
      await codeOf(
        run(generateToken, admin, {
          identity: 'new-identity',
          name: 'Trollface',
          video: { roomJoin: true, room: roomName },
        }),
      ),
    ).toBe('forbidden');
    await liftBan(pattern.id, 'admin', Date.now());
  });

  it('a ban of a tenant’s rooms covers a room the token’s join will create for that tenant', async () => {
    const tenantBan = await ban({ identity: 'oscar', roomName: null, tenant: 'acme' });
    const newRoom = uniqueRoom('tok-acme');
    const input = (metadata: string) => ({
      identity: 'oscar',
      video: { roomJoin: true, room: newRoom },
      roomConfig: { metadata },
    });
    expect(await codeOf(run(generateToken, admin, input('{"auth_id":"acme"}')))).toBe('forbidden');
    expect((await run(generateToken, admin, input('{"auth_id":"globex"}'))).identity).toBe('oscar');
    await liftBan(tenantBan.id, 'admin', Date.now());
  });
});

describe('tenancy', () => {
  let acmeRoom: string;
  let globexRoom: string;

  beforeEach(async () => {
    acmeRoom = uniqueRoom('tok-acme');
    globexRoom = uniqueRoom('tok-globex');
    await lk.rooms.createRoom({ name: acmeRoom, metadata: '{"auth_id":"acme","topic":"x"}' });
    await lk.rooms.createRoom({ name: globexRoom, metadata: '{"auth_id":"globex"}' });
  });

  it('a tenant-bound admin mints tokens for its rooms, with its auth_id in the room configuration', async () => {
    const plain = await run(generateToken, acmeAdmin, {
      identity: 'alice',
      video: { roomJoin: true, room: acmeRoom },
    });
    const claims = await verifier.verify(plain.token);
    expect(claims.video).toEqual({ roomJoin: true, room: acmeRoom });
    expect(JSON.parse((claims.roomConfig as unknown as { metadata: string }).metadata)).toEqual({
      auth_id: 'acme',
    });
    const withConfig = await run(generateToken, acmeAdmin, {
      identity: 'alice',
      video: { roomJoin: true, room: acmeRoom },
      roomConfig: { metadata: '{"topic":"y"}', maxParticipants: 5 },
    });
    const config = (await verifier.verify(withConfig.token)).roomConfig as unknown as {
      metadata: string;
      maxParticipants: number;
    };
    expect(JSON.parse(config.metadata)).toEqual({ topic: 'y', auth_id: 'acme' });
    expect(config.maxParticipants).toBe(5);
    // A room admin token without joining carries no configuration.
    const adminOnly = await run(generateToken, acmeAdmin, {
      identity: 'alice',
      video: { roomAdmin: true, room: acmeRoom },
    });
    expect((await verifier.verify(adminOnly.token)).roomConfig).toBeUndefined();
  });

  it('another tenant’s room, or one that does not exist, is not found for it', async () => {
    for (const room of [globexRoom, uniqueRoom('tok-none')]) {
      expect(
        await codeOf(
          run(generateToken, acmeAdmin, { identity: 'a', video: { roomJoin: true, room } }),
        ),
      ).toBe('not_found');
    }
    expect(
      await codeOf(
        run(generateToken, acmeAdmin, {
          identity: 'a',
          video: { roomAdmin: true, room: acmeRoom, destinationRoom: globexRoom },
        }),
      ),
    ).toBe('not_found');
    const { events } = await queryAuditEvents({ action: 'token.generated', roomName: globexRoom });
    expect(events[0]).toMatchObject({ outcome: 'error', errorCode: 'not_found', tenant: 'acme' });
  });

  it('refuses it server-wide grants and a room configuration for another tenant', async () => {
    for (const grant of [
      'roomCreate',
      'roomList',
      'roomRecord',
      'ingressAdmin',
      'agent',
    ] as const) {
      const err = await errorOf(
        run(generateToken, acmeAdmin, {
          identity: 'a',
          video: { roomJoin: true, room: acmeRoom, [grant]: true },
        }),
      );
      expect(err.code, grant).toBe('forbidden');
      expect(Object.keys(err.fieldErrors ?? {})).toEqual([`video.${grant}`]);
    }
    // false is no grant at all.
    await run(generateToken, acmeAdmin, {
      identity: 'a',
      video: { roomJoin: true, room: acmeRoom, roomCreate: false, agent: false },
    });
    expect(
      await codeOf(
        run(generateToken, acmeAdmin, {
          identity: 'a',
          video: { roomJoin: true, room: acmeRoom },
          roomConfig: { metadata: '{"auth_id":"globex"}' },
        }),
      ),
    ).toBe('forbidden');
  });

  it('an admin API key limited to some rooms is held to them too', async () => {
    const key: Actor = { ...admin, userId: 'key:k1', source: 'api', rooms: [roomName] };
    expect(
      (await run(generateToken, key, { identity: 'a', video: { roomJoin: true, room: roomName } }))
        .identity,
    ).toBe('a');
    expect(
      await codeOf(
        run(generateToken, key, { identity: 'a', video: { roomJoin: true, room: acmeRoom } }),
      ),
    ).toBe('not_found');
    expect(
      await codeOf(run(generateToken, key, { identity: 'a', video: { roomList: true } })),
    ).toBe('forbidden');
    expect(
      await codeOf(run(setJoinLinkTemplate, key, { template: 'https://x.example/?t={token}' })),
    ).toBe('forbidden');
  });
});

describe('join link template', () => {
  it('is LiveKit Meet’s until set; a tenant’s own template holds for that tenant only', async () => {
    expect(await run(getJoinLinkTemplate, admin, {})).toEqual({
      template: 'https://meet.livekit.io/custom?liveKitUrl={url}&token={token}',
      source: 'default',
      tenant: null,
      updatedBy: null,
      updatedAtMs: null,
    });
    const global = await run(setJoinLinkTemplate, admin, {
      template: '  https://meet.example.com/custom?liveKitUrl={url}&token={token}  ',
    });
    expect(global).toMatchObject({
      template: 'https://meet.example.com/custom?liveKitUrl={url}&token={token}',
      source: 'global',
      tenant: null,
      updatedBy: 'test-admin',
    });
    // acme inherits it until it sets its own, which nobody else sees.
    expect(await run(getJoinLinkTemplate, acmeAdmin, {})).toMatchObject({ source: 'global' });
    await run(setJoinLinkTemplate, acmeAdmin, { template: 'https://acme.example/join#{token}' });
    expect(await run(getJoinLinkTemplate, acmeAdmin, {})).toMatchObject({
      template: 'https://acme.example/join#{token}',
      source: 'tenant',
      tenant: 'acme',
    });
    expect(await run(getJoinLinkTemplate, admin, {})).toMatchObject({ source: 'global' });
    expect(await run(getJoinLinkTemplate, testActor('admin', 'globex'), {})).toMatchObject({
      source: 'global',
    });
    await run(setJoinLinkTemplate, acmeAdmin, { template: '' });
    expect(await run(getJoinLinkTemplate, acmeAdmin, {})).toMatchObject({ source: 'global' });
    await run(setJoinLinkTemplate, admin, { template: '' });
    expect(await run(getJoinLinkTemplate, admin, {})).toMatchObject({ source: 'default' });

    const { events } = await queryAuditEvents({ action: 'token.join_link_updated' });
    expect(events[0]).toMatchObject({ outcome: 'success', params: { template: '' } });
  });

  it('must be an http(s) URL with {token}, known placeholders only, none in the site', async () => {
    for (const template of [
      'https://meet.example.com/?url={url}',
      'ftp://meet.example.com/?t={token}',
      'javascript:alert(1)//{token}',
      '{url}/join?t={token}',
      'https://{room}.example.com/?t={token}',
      'https://meet.example.com:{room}/?t={token}',
      'https://meet.example.com/?t={token}&x={secret}',
      `https://meet.example.com/?t={token}&pad=${'x'.repeat(2048)}`,
    ]) {
      const err = await errorOf(run(setJoinLinkTemplate, admin, { template }));
      expect(err.code, template).toBe('invalid_input');
      expect(Object.keys(err.fieldErrors ?? {}), template).toEqual(['template']);
    }
    expect((await run(getJoinLinkTemplate, admin, {})).source).toBe('default');
  });
});
