import { DisconnectReason, ParticipantInfo_Kind, TrackSource } from '@livekit/protocol';
import { CAMERA, MIC, SCREEN, personName } from './seed/demo';
import type { Participant } from './state/participant';
import type { RoomState } from './state/room';
import type { StandinState } from './state/store';

const TICK_MS = 2500;
/** Rooms keep at least this many people so the demo never empties a room. */
const MIN_PEOPLE = 2;

const pick = <T>(items: readonly T[]): T | undefined =>
  items.length > 0 ? items[Math.floor(Math.random() * items.length)] : undefined;

/**
 * `--simulate`: demo activity every few seconds — people join and leave, mute and unmute, start
 * and stop screen shares — through the same state operations real clients would trigger.
 */
export function startSimulation(
  state: StandinState,
  log: (line: string) => void,
): { stop(): void } {
  let guests = 1000;
  const standard = (room: RoomState): Participant[] =>
    [...room.participants.values()].filter(
      (p) => p.info.kind === ParticipantInfo_Kind.STANDARD && !p.info.permission?.hidden,
    );

  const actions: ((room: RoomState) => void)[] = [
    (room) => {
      const guest = personName(guests++);
      state.join(room.name, { ...guest, tracks: Math.random() < 0.5 ? [MIC] : [MIC, CAMERA] });
      log(`simulate: ${guest.identity} joined ${room.name}`);
    },
    (room) => {
      const people = standard(room);
      const leaving = people.length > MIN_PEOPLE ? pick(people) : undefined;
      if (!leaving) return;
      state.leave(room, leaving, DisconnectReason.CLIENT_INITIATED);
      log(`simulate: ${leaving.identity} left ${room.name}`);
    },
    (room) => {
      const publisher = pick(standard(room).filter((p) => p.info.tracks.length > 0));
      const track = publisher && pick(publisher.info.tracks);
      if (!publisher || !track) return;
      state.setTrackMuted(room, publisher, track, !track.muted, false);
      log(`simulate: ${publisher.identity} ${track.muted ? 'muted' : 'unmuted'} ${track.name}`);
    },
    (room) => {
      const people = standard(room).filter((p) => p.canPublishSource(TrackSource.SCREEN_SHARE));
      const sharing = people.find((p) =>
        p.info.tracks.some((t) => t.source === TrackSource.SCREEN_SHARE),
      );
      if (sharing) {
        const screen = sharing.info.tracks.find((t) => t.source === TrackSource.SCREEN_SHARE)!;
        state.unpublishTrack(room, sharing, screen.sid);
        log(`simulate: ${sharing.identity} stopped sharing in ${room.name}`);
        return;
      }
      const presenter = pick(people);
      if (!presenter) return;
      state.publishTrack(room, presenter, SCREEN);
      log(`simulate: ${presenter.identity} started sharing in ${room.name}`);
    },
  ];

  const timer = setInterval(() => {
    const room = pick([...state.rooms.values()].filter((r) => r.participants.size > 0));
    const action = pick(actions);
    if (!room || !action) return;
    try {
      action(room);
    } catch (error) {
      log(`simulate: ${String(error)}`);
    }
  }, TICK_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
