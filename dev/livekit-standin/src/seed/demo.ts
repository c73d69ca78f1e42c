import {
  ParticipantInfo_Kind,
  ParticipantPermission,
  TrackSource,
  TrackType,
} from '@livekit/protocol';
import type { JoinSpec, StandinState } from '../state/store';
import type { TrackSpec } from '../state/tracks';

/** Seeded rooms must not vanish while the demo runs, even when nobody is inside (a week). */
export const DEMO_EMPTY_TIMEOUT = 7 * 24 * 3600;

const FIRST = [
  'Ada',
  'Ben',
  'Chloé',
  'Dmitri',
  'Elif',
  'Farah',
  'Gustavo',
  'Hana',
  'Ines',
  'Jonas',
  'Keiko',
  'Lars',
  'Maya',
  'Nikhil',
  'Olga',
  'Pedro',
  'Quinn',
  'Rosa',
  'Samir',
  'Tove',
  'Uma',
  'Viktor',
  'Wen',
  'Xavier',
  'Yara',
  'Zoe',
];
const LAST = [
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Ivanova',
  'Yilmaz',
  'Haddad',
  'Silva',
  'Sato',
  'García',
  'Becker',
  'Tanaka',
  'Nilsen',
  'Cohen',
  'Patel',
  'Novak',
  'Costa',
  'Murphy',
  'Rossi',
  'Khan',
  'Berg',
];

export function personName(index: number): { identity: string; name: string } {
  const first = FIRST[index % FIRST.length]!;
  // Step through surnames too, so neighbours (a standup's six people) don't share one. Within one
  // first name the surname advances by 26·7 + 1 ≡ 3 (mod 20), coprime to 20: all 520 pairs differ.
  const round = Math.floor(index / FIRST.length);
  const last = LAST[(index * 7 + round) % LAST.length]!;
  const suffix = index >= FIRST.length * LAST.length ? `-${index}` : '';
  return {
    identity: `${first}.${last}${suffix}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z.\-0-9]/g, ''),
    name: `${first} ${last}`,
  };
}

export const MIC: TrackSpec = { type: TrackType.AUDIO, source: TrackSource.MICROPHONE };
export const CAMERA: TrackSpec = {
  type: TrackType.VIDEO,
  source: TrackSource.CAMERA,
  simulcast: true,
};
export const SCREEN: TrackSpec = { type: TrackType.VIDEO, source: TrackSource.SCREEN_SHARE };

const listenerPermission = (): ParticipantPermission =>
  new ParticipantPermission({ canSubscribe: true, canPublish: false, canPublishData: true });

const person = (index: number, extra: Partial<JoinSpec> = {}): JoinSpec => ({
  ...personName(index),
  metadata: JSON.stringify({ avatar: `https://i.pravatar.cc/150?u=${index}` }),
  attributes: { role: 'participant' },
  ...extra,
});

/**
 * `--seed demo`: believable rooms for local UI work — a large town hall, a small standup, a
 * webinar with a hidden recorder and an agent, a SIP support call, and rooms of two tenants
 * (`acme`, `globex`) whose metadata carries `auth_id`.
 */
export function seedDemo(state: StandinState): void {
  const room = (name: string, metadata: Record<string, unknown>, maxParticipants = 0): void => {
    state.createRoom({
      name,
      metadata: JSON.stringify(metadata),
      emptyTimeout: DEMO_EMPTY_TIMEOUT,
      departureTimeout: DEMO_EMPTY_TIMEOUT,
      maxParticipants,
    });
  };
  let next = 0;
  const join = (roomName: string, extra: Partial<JoinSpec> = {}): void => {
    state.join(roomName, person(next++, extra));
  };

  room('town-hall', { title: 'Q3 Town Hall', host: 'Ada Okafor' }, 500);
  for (let i = 0; i < 4; i++) {
    join('town-hall', { attributes: { role: 'speaker' }, tracks: [MIC, CAMERA] });
  }
  for (let i = 0; i < 296; i++) {
    join('town-hall', { permission: listenerPermission(), attributes: { role: 'audience' } });
  }

  room('standup', { title: 'Platform team daily standup' });
  join('standup', { tracks: [MIC, CAMERA, SCREEN] });
  for (let i = 0; i < 4; i++) {
    join('standup', { tracks: i === 3 ? [{ ...MIC, muted: true }] : [MIC, CAMERA] });
  }

  room('webinar', { title: 'Product webinar: what is new in v4' });
  join('webinar', { attributes: { role: 'host' }, tracks: [MIC, CAMERA, SCREEN] });
  join('webinar', { attributes: { role: 'panelist' }, tracks: [MIC, CAMERA] });
  for (let i = 0; i < 24; i++) {
    join('webinar', { permission: listenerPermission(), attributes: { role: 'audience' } });
  }
  state.join('webinar', {
    identity: 'EG_recorder',
    name: 'Recorder',
    kind: ParticipantInfo_Kind.EGRESS,
    permission: new ParticipantPermission({ canSubscribe: true, hidden: true, recorder: true }),
  });
  state.join('webinar', {
    identity: 'agent-notetaker',
    name: 'Notetaker',
    kind: ParticipantInfo_Kind.AGENT,
    attributes: { 'lk.agent.state': 'listening' },
    permission: new ParticipantPermission({
      canSubscribe: true,
      canPublish: true,
      canPublishData: true,
      agent: true,
    }),
    tracks: [MIC],
  });

  room('support-call', { title: 'Customer support line' });
  join('support-call', { attributes: { role: 'support-agent' }, tracks: [MIC] });
  state.join('support-call', {
    identity: 'sip_+15105550123',
    name: 'Phone +1 510-555-0123',
    kind: ParticipantInfo_Kind.SIP,
    attributes: {
      'sip.phoneNumber': '+15105550123',
      'sip.trunkPhoneNumber': '+15105550100',
      'sip.callStatus': 'active',
    },
    tracks: [MIC],
  });

  room('acme-support', { auth_id: 'acme', title: 'Acme support desk' });
  join('acme-support', { tracks: [MIC, CAMERA] });
  join('acme-support', { tracks: [MIC] });
  room('acme-allhands', { auth_id: 'acme', title: 'Acme all-hands' });
  join('acme-allhands', { attributes: { role: 'speaker' }, tracks: [MIC, CAMERA, SCREEN] });
  for (let i = 0; i < 40; i++) {
    join('acme-allhands', { permission: listenerPermission(), attributes: { role: 'audience' } });
  }
  room('globex-sales', { auth_id: 'globex', title: 'Globex sales sync' });
  for (let i = 0; i < 3; i++) join('globex-sales', { tracks: [MIC, CAMERA] });
  room('globex-onboarding', { auth_id: 'globex', title: 'Globex onboarding (empty)' });
}
