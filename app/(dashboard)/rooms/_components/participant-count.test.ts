import { describe, expect, it } from 'vitest';

import type { ParticipantDto } from '@/lib/contracts/dto';
import { TOKEN_DEFAULT_PERMISSION } from '@/lib/contracts/participant-permission';

import { participantCountNote } from './participant-count';

const participant = (
  identity: string,
  over: Partial<ParticipantDto> & { grant?: Partial<ParticipantDto['permission']> } = {},
): ParticipantDto => {
  const { grant, ...rest } = over;
  return {
    sid: `PA_${identity}`,
    identity,
    name: '',
    state: 'ACTIVE',
    kind: 'STANDARD',
    kindDetails: [],
    joinedAtMs: 1,
    metadata: '',
    attributes: {},
    permission: { ...TOKEN_DEFAULT_PERMISSION, ...grant },
    isPublisher: false,
    region: '',
    version: 0,
    tracks: [],
    ...rest,
  };
};

describe('LiveKit’s participant count beside the list', () => {
  it('agrees with a list of counted participants, hidden ones included', () => {
    const listed = [participant('ann'), participant('ghost', { grant: { hidden: true } })];
    expect(participantCountNote(2, listed)).toEqual({ extra: null, explanation: null });
  });

  it('names the agents and recorders LiveKit leaves out, by kind or by grant', () => {
    const listed = [
      participant('ann'),
      participant('egress', { kind: 'EGRESS' }),
      participant('rec', { grant: { recorder: true } }),
      participant('bot', { kind: 'AGENT' }),
    ];
    expect(participantCountNote(1, listed)).toEqual({
      extra: '+1 agent, 2 recorders',
      explanation: 'LiveKit does not count agents or recorders; the list below shows them.',
    });
  });

  it('says the count trails the list when nothing else explains the difference', () => {
    expect(participantCountNote(3, [participant('ann')]).explanation).toBe(
      'LiveKit updates this count every few seconds; the list below has 1 participant now.',
    );
  });
});
