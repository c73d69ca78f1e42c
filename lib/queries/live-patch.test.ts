import { type InfiniteData, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';

import type { ParticipantDto, RoomDto, TrackDto } from '@/lib/contracts/dto';
import type { RoomEventPageDto } from '@/lib/contracts/history';
import type { LiveEvent } from '@/lib/contracts/live-events';
import { historyKeys, roomKeys } from '@/lib/queries/keys';

import {
  LIVE_TIMELINE_META,
  LiveCachePatcher,
  patchParticipants,
  patchRoomDetail,
  patchRoomList,
  patchTracks,
} from './live-patch';

const room = (name: string, over: Partial<RoomDto> = {}): RoomDto => ({
  sid: `RM_${name}`,
  name,
  emptyTimeout: 300,
  departureTimeout: 20,
  maxParticipants: 0,
  creationTimeMs: 1000,
  metadata: '',
  numParticipants: 0,
  numPublishers: 0,
  activeRecording: false,
  tenant: null,
  ...over,
});
const track = (sid: string, over: Partial<TrackDto> = {}): TrackDto => ({
  sid,
  type: 'AUDIO',
  source: 'MICROPHONE',
  name: '',
  muted: false,
  simulcast: false,
  width: 0,
  height: 0,
  mimeType: 'audio/opus',
  layers: [],
  ...over,
});
const person = (identity: string, over: Partial<ParticipantDto> = {}): ParticipantDto => ({
  sid: `PA_${identity}`,
  identity,
  name: identity,
  state: 'ACTIVE',
  kind: 'STANDARD',
  kindDetails: [],
  joinedAtMs: 1000,
  metadata: '',
  attributes: {},
  permission: null,
  isPublisher: false,
  region: '',
  version: 1,
  tracks: [],
  ...over,
});

const base = { id: 'i-1', atMs: 5, origin: 'webhook' as const, roomName: 'r', tenant: null };
const started = (r: RoomDto): LiveEvent => ({
  ...base,
  roomName: r.name,
  type: 'room.started',
  room: r,
});
const updated = (r: RoomDto): LiveEvent => ({
  ...base,
  roomName: r.name,
  type: 'room.updated',
  room: r,
});
const finished = (name: string, roomSid: string): LiveEvent => ({
  ...base,
  roomName: name,
  type: 'room.finished',
  roomSid,
});
const joined = (p: ParticipantDto): LiveEvent => ({
  ...base,
  type: 'participant.joined',
  participant: p,
});
const changed = (p: ParticipantDto): LiveEvent => ({
  ...base,
  type: 'participant.updated',
  participant: p,
  changed: ['name'],
});
const left = (identity: string, participantSid = `PA_${identity}`): LiveEvent => ({
  ...base,
  type: 'participant.left',
  identity,
  participantSid,
  reason: 'CLIENT_INITIATED',
});
const trackEvent = (
  type: 'track.published' | 'track.unpublished' | 'track.muted' | 'track.unmuted',
  identity: string,
  t: TrackDto,
): LiveEvent => ({ ...base, type, identity, participantSid: `PA_${identity}`, track: t });

describe('patchRoomList', () => {
  it('adds a started room where the server lists it: newest first, then by name', () => {
    const rooms = [room('c', { creationTimeMs: 3000 }), room('a', { creationTimeMs: 1000 })];
    const next = patchRoomList(rooms, started(room('b', { creationTimeMs: 2000 })));
    expect(next?.map((r) => r.name)).toEqual(['c', 'b', 'a']);
    expect(patchRoomList(rooms, started(room('z', { creationTimeMs: 9000 })))?.[0]?.name).toBe('z');
    expect(patchRoomList(rooms, started(room('y', { creationTimeMs: 0 })))?.at(-1)?.name).toBe('y');
  });

  it('replaces an updated row in place, and is idempotent', () => {
    const rooms = [room('a'), room('b')];
    const newer = room('a', { metadata: '{"title":"x"}', numParticipants: 3 });
    const once = patchRoomList(rooms, updated(newer));
    expect(once).toEqual([newer, room('b')]);
    expect(patchRoomList(once, updated(newer))).toEqual(once);
  });

  it('removes a finished room, but not a newer session of the same name', () => {
    const rooms = [room('a', { sid: 'RM_new' }), room('b')];
    expect(patchRoomList(rooms, finished('a', 'RM_old'))).toBe(rooms);
    expect(patchRoomList(rooms, finished('a', 'RM_new'))).toEqual([room('b')]);
    expect(patchRoomList(rooms, finished('a', ''))).toEqual([room('b')]);
  });

  it('leaves an unloaded list alone and returns the same array when nothing changes', () => {
    expect(patchRoomList(undefined, started(room('a')))).toBeUndefined();
    const rooms = [room('a')];
    expect(patchRoomList(rooms, joined(person('x')))).toBe(rooms);
    expect(patchRoomList(rooms, finished('nope', 'RM_nope'))).toBe(rooms);
  });
});

describe('patchRoomDetail', () => {
  it('takes the snapshot of its own room only', () => {
    const current = room('r');
    const newer = room('r', { numParticipants: 2 });
    expect(patchRoomDetail(current, updated(newer))).toBe(newer);
    expect(patchRoomDetail(current, updated(room('other')))).toBe(current);
    expect(patchRoomDetail(undefined, updated(newer))).toBeUndefined();
    expect(patchRoomDetail(current, finished('r', 'RM_r'))).toBe(current);
  });
});

describe('patchParticipants', () => {
  it('appends a joined participant and replaces an updated one', () => {
    const list = [person('a')];
    const afterJoin = patchParticipants(list, joined(person('b')));
    expect(afterJoin?.map((p) => p.identity)).toEqual(['a', 'b']);
    const renamed = person('a', { name: 'Alice', version: 2 });
    expect(patchParticipants(afterJoin, changed(renamed))?.[0]).toBe(renamed);
  });

  it('ignores an older snapshot of the same session arriving late', () => {
    const list = [person('a', { version: 5 })];
    expect(patchParticipants(list, changed(person('a', { version: 4 })))).toBe(list);
  });

  it('takes a new session of the same identity whatever its version', () => {
    const list = [person('a', { version: 5 })];
    const rejoined = person('a', { sid: 'PA_a2', version: 0 });
    expect(patchParticipants(list, joined(rejoined))).toEqual([rejoined]);
  });

  it('removes a participant who left, but not a newer session of the same identity', () => {
    const list = [person('a'), person('b')];
    expect(patchParticipants(list, left('a'))?.map((p) => p.identity)).toEqual(['b']);
    const rejoined = [person('a', { sid: 'PA_a2' })];
    expect(patchParticipants(rejoined, left('a', 'PA_a'))).toBe(rejoined);
    expect(patchParticipants(list, left('nobody'))).toBe(list);
  });

  it('patches tracks of the right participant', () => {
    const mic = track('TR_mic');
    const list = [person('a', { tracks: [mic] }), person('b')];
    const muted = patchParticipants(list, trackEvent('track.muted', 'a', { ...mic, muted: true }));
    expect(muted?.[0]?.tracks).toEqual([{ ...mic, muted: true }]);
    expect(muted?.[1]).toBe(list[1]);
    const cam = track('TR_cam', { type: 'VIDEO', source: 'CAMERA' });
    const published = patchParticipants(muted, trackEvent('track.published', 'a', cam));
    expect(published?.[0]?.tracks.map((t) => t.sid)).toEqual(['TR_mic', 'TR_cam']);
    const gone = patchParticipants(published, trackEvent('track.unpublished', 'a', mic));
    expect(gone?.[0]?.tracks.map((t) => t.sid)).toEqual(['TR_cam']);
    expect(patchParticipants(list, trackEvent('track.muted', 'nobody', mic))).toBe(list);
  });

  it('empties the list when the room finishes', () => {
    expect(patchParticipants([person('a')], finished('r', 'RM_r'))).toEqual([]);
    const empty: ParticipantDto[] = [];
    expect(patchParticipants(empty, finished('r', 'RM_r'))).toBe(empty);
  });
});

describe('patchTracks', () => {
  it('returns the same array when unpublishing an unknown track', () => {
    const tracks = [track('TR_1')];
    expect(patchTracks(tracks, 'track.unpublished', track('TR_2'))).toBe(tracks);
  });
});

describe('LiveCachePatcher.applyAll', () => {
  it('patches the list, the detail and the participants under roomKeys, and creates nothing', () => {
    const client = new QueryClient();
    const patcher = new LiveCachePatcher(client);
    client.setQueryData(roomKeys.list(), [room('r')]);
    client.setQueryData(roomKeys.detail('r'), room('r'));
    client.setQueryData(roomKeys.participants('r'), [person('a')]);

    patcher.applyAll([updated(room('r', { numParticipants: 2 })), joined(person('b'))]);
    expect(client.getQueryData<RoomDto>(roomKeys.detail('r'))?.numParticipants).toBe(2);
    expect(client.getQueryData<RoomDto[]>(roomKeys.list())?.[0]?.numParticipants).toBe(2);
    expect(client.getQueryData<ParticipantDto[]>(roomKeys.participants('r'))).toHaveLength(2);

    patcher.applyAll([started(room('other'))]);
    expect(client.getQueryData(roomKeys.detail('other'))).toBeUndefined();
    expect(client.getQueryData(roomKeys.participants('other'))).toBeUndefined();

    patcher.applyAll([finished('r', 'RM_r')]);
    expect(client.getQueryData<RoomDto[]>(roomKeys.list())?.map((r) => r.name)).toEqual(['other']);
    expect(client.getQueryData(roomKeys.participants('r'))).toEqual([]);
  });
});

describe('LiveCachePatcher', () => {
  it('re-applies an event on top of a fetch that started before it and answered after', async () => {
    const client = new QueryClient();
    client.setQueryData(roomKeys.list(), [room('a')]);
    let answer: (rooms: RoomDto[]) => void = () => {};
    const fetching = client.fetchQuery({
      queryKey: roomKeys.list(),
      queryFn: () => new Promise<RoomDto[]>((resolve) => (answer = resolve)),
      staleTime: 0,
    });
    const patcher = new LiveCachePatcher(client);

    patcher.applyAll([started(room('b'))]);
    expect(client.getQueryData<RoomDto[]>(roomKeys.list())?.map((r) => r.name)).toEqual(['a', 'b']);
    // The server read its answer before room b started.
    answer([room('a')]);
    await fetching;
    expect(client.getQueryData<RoomDto[]>(roomKeys.list())?.map((r) => r.name)).toEqual(['a', 'b']);

    // Once settled, later fetches are taken as they are.
    await client.fetchQuery({
      queryKey: roomKeys.list(),
      queryFn: async () => [room('c')],
      staleTime: 0,
    });
    expect(client.getQueryData<RoomDto[]>(roomKeys.list())?.map((r) => r.name)).toEqual(['c']);
    patcher.dispose();
  });

  it('writes each cache once per batch, with every event of the batch applied in order', () => {
    const client = new QueryClient();
    const key = roomKeys.participants('r');
    const mic = track('TR_a', { muted: false });
    client.setQueryData(key, [person('a', { tracks: [mic] }), person('b')]);
    const writes: string[] = [];
    const unsubscribe = client.getQueryCache().subscribe((cacheEvent) => {
      if (cacheEvent.type === 'updated' && cacheEvent.action.type === 'success') {
        writes.push(cacheEvent.query.queryHash);
      }
    });
    const patcher = new LiveCachePatcher(client);

    patcher.applyAll([
      trackEvent('track.muted', 'a', { ...mic, muted: true }),
      left('b'),
      joined(person('c')),
      trackEvent('track.unmuted', 'a', { ...mic, muted: false }),
      changed(person('c', { version: 2, name: 'Cee' })),
    ]);

    const list = client.getQueryData<ParticipantDto[]>(key);
    expect(list?.map((p) => [p.identity, p.name, p.tracks.map((t) => t.muted)])).toEqual([
      ['a', 'a', [false]],
      ['c', 'Cee', []],
    ]);
    expect(writes).toEqual([client.getQueryCache().find({ queryKey: key })!.queryHash]);
    unsubscribe();
    patcher.dispose();
  });

  it('does not roll a participant back when the answer is newer than the raced event', async () => {
    const client = new QueryClient();
    const key = roomKeys.participants('r');
    client.setQueryData(key, [person('a', { version: 1 })]);
    let answer: (list: ParticipantDto[]) => void = () => {};
    const fetching = client.fetchQuery({
      queryKey: key,
      queryFn: () => new Promise<ParticipantDto[]>((resolve) => (answer = resolve)),
      staleTime: 0,
    });
    const patcher = new LiveCachePatcher(client);
    patcher.applyAll([changed(person('a', { version: 2, name: 'two' }))]);
    answer([person('a', { version: 3, name: 'three' })]);
    await fetching;
    expect(client.getQueryData<ParticipantDto[]>(key)?.[0]?.name).toBe('three');
    patcher.dispose();
  });
});

describe('LiveCachePatcher and room timelines', () => {
  type Timeline = InfiniteData<RoomEventPageDto, string | null>;
  const page = (ids: string[]): Timeline => ({
    pages: [
      {
        events: ids.map((id) => ({
          id,
          roomName: 'r',
          roomSid: null,
          atMs: 1,
          type: 'participant.joined',
          identity: id,
          trackSid: null,
          detail: null,
        })),
        nextCursor: null,
      },
    ],
    pageParams: [null],
  });
  const ids = (client: QueryClient, roomSid: string | null) =>
    client
      .getQueryData<Timeline>(historyKeys.events('r', roomSid))
      ?.pages.flatMap((p) => p.events.map((e) => e.id));
  const timeline = (client: QueryClient, roomSid: string | null, live: boolean) =>
    client.fetchInfiniteQuery({
      queryKey: historyKeys.events('r', roomSid),
      queryFn: async () => page(['stored']).pages[0]!,
      initialPageParam: null as string | null,
      meta: live ? LIVE_TIMELINE_META : undefined,
    });

  it('prepends each entry once, newest first, to live timelines only', async () => {
    const client = new QueryClient();
    await timeline(client, null, true);
    await timeline(client, 'RM_old', false);
    const patcher = new LiveCachePatcher(client);

    patcher.applyAll([
      { ...joined(person('a')), id: 'e1' },
      { ...updated(room('r')), id: 'e2' },
      { ...left('a'), id: 'e3' },
    ]);
    patcher.applyAll([{ ...left('a'), id: 'e3' }]);
    // The count change is not activity; the repeated delivery is shown once.
    expect(ids(client, null)).toEqual(['e3', 'e1', 'stored']);
    // An ended session's timeline is not the room's current activity.
    expect(ids(client, 'RM_old')).toEqual(['stored']);
    patcher.dispose();
  });

  it('keeps an entry that arrives while the first page is loading', async () => {
    const client = new QueryClient();
    const patcher = new LiveCachePatcher(client);
    let answer: (value: RoomEventPageDto) => void = () => {};
    const loading = client.fetchInfiniteQuery({
      queryKey: historyKeys.events('r', null),
      queryFn: () => new Promise<RoomEventPageDto>((resolve) => (answer = resolve)),
      initialPageParam: null as string | null,
      meta: LIVE_TIMELINE_META,
    });

    patcher.applyAll([{ ...joined(person('ghost')), id: 'e1' }]);
    // The server read the store before the history recorder wrote the join.
    answer(page(['stored']).pages[0]!);
    await loading;
    expect(ids(client, null)).toEqual(['e1', 'stored']);
    patcher.dispose();
  });
});
