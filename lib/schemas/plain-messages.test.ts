import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { auditFiltersInputSchema } from './audit';
import { fieldLabel } from './field-labels';
import {
  sendDataInputSchema,
  updateParticipantInputSchema,
  updatePermissionsInputSchema,
  updateSubscriptionsInputSchema,
} from './participants';
import { plainIssueMessage } from './plain-messages';
import { createRoomInputSchema } from './rooms';
import { createUserInputSchema } from './users';

/** `path: message` of every issue, as a form or a REST 400 body would show them. */
function messages(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];

  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('validation messages in plain words', () => {
  it('names the field and the bound instead of zod’s wording', () => {
    expect(
      messages(createRoomInputSchema, {
        roomName: 'standup',
        maxParticipants: -1,
        emptyTimeout: 10 ** 9,
        minPlayoutDelay: 1.5,
        nodeId: 7,
        syncStreams: 'yes',
      }),
    ).toEqual([
      'emptyTimeout: Empty timeout must be 604,800 or less',
      'maxParticipants: Max participants must be 0 or more',
      'nodeId: Node ID must be text',
      'minPlayoutDelay: Min playout delay must be a whole number',
      'syncStreams: Sync streams must be true or false',
    ]);
  });

  it('says a missing field is required, and names unknown fields', () => {
    expect(
      messages(updateSubscriptionsInputSchema, { roomName: 'r', trackSids: ['TR_a'] }),
    ).toEqual(['identity: Identity is required', 'subscribe: Subscribe is required']);
    expect(messages(createRoomInputSchema, { roomName: 'r', unexpectedField: 1 })).toEqual([
      ': Unknown field: unexpectedField',
    ]);
    expect(messages(createRoomInputSchema, ['not', 'an', 'object'])).toEqual([
      ': The input must be an object',
    ]);
  });

  it('names list entries, record entries and permission flags by what people call them', () => {
    expect(
      messages(updateSubscriptionsInputSchema, {
        roomName: 'r',
        identity: 'alice',
        trackSids: ['TR_a', ''],
        subscribe: true,
      }),
    ).toEqual(['trackSids.1: Track 2 is required']);
    expect(
      messages(updateParticipantInputSchema, {
        roomName: 'r',
        identity: 'a',
        attributes: { seat: 3 },
      }),
    ).toEqual(['attributes.seat: Attribute “seat” must be text']);
    expect(
      messages(updatePermissionsInputSchema, {
        roomName: 'r',
        identity: 'a',
        permission: { canPublish: 'yes', canPublishSources: ['SPEAKER'] },
      }),
    ).toEqual([
      'permission.canPublish: Can publish must be true or false',
      'permission.canPublishSources.0: Source 1 must be one of: CAMERA, MICROPHONE, SCREEN_SHARE, SCREEN_SHARE_AUDIO',
    ]);
  });

  it('lists the allowed values of a choice, leaving out the blank that means “any”', () => {
    expect(
      messages(auditFiltersInputSchema, { outcome: 'bogus', from: 'never', limit: '0' }),
    ).toEqual([
      'outcome: Outcome must be one of: success, denied, error, pending, unknown',
      'from: From must be a date',
      'limit: Limit must be 1 or more',
    ]);
    expect(messages(createUserInputSchema, { username: 'ann', role: 'king' })).toEqual([
      'role: Role must be one of: viewer, moderator, admin',
    ]);
  });

  it('keeps the messages a schema spells out itself', () => {
    expect(messages(createRoomInputSchema, { roomName: '' })).toEqual([
      'roomName: Room name is required',
    ]);
    expect(messages(sendDataInputSchema, { roomName: 'r', payload: '{', format: 'json' })).toEqual([
      'payload: Message is not valid JSON',
    ]);
  });

  it('answers undefined for what it has no words for, so zod’s own message stays', () => {
    expect(
      plainIssueMessage({ code: 'invalid_type', expected: 'symbol', input: 1, path: ['x'] }),
    ).toBe('X is not valid');
    expect(plainIssueMessage({ code: 'nope', input: 1, path: [] } as never)).toBeUndefined();
  });
});

describe('field labels', () => {
  it('splits keys into words, with the exceptions written once', () => {
    expect(fieldLabel(['maxPlayoutDelay'])).toBe('Max playout delay');
    expect(fieldLabel(['trackSid'])).toBe('Track');
    expect(fieldLabel(['permission', 'canUpdateMetadata'])).toBe('Can update own metadata');
    expect(fieldLabel(['destinationIdentities', 2])).toBe('Recipient 3');
    expect(fieldLabel(['agents', 0, 'agentName'])).toBe('Agent name');
    expect(fieldLabel(['things', 1])).toBe('Things item 2');
    expect(fieldLabel([])).toBeNull();
  });
});
