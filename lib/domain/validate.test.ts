import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { createRoomInputSchema } from '@/lib/schemas/rooms';

import { DomainError } from './errors';
import { parseInput } from './validate';

function refusal(schema: z.ZodType, input: unknown): DomainError {
  try {
    parseInput(schema, input);
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('parseInput', () => {
  it('answers plain messages by field, and the first of them as the message', () => {
    const err = refusal(createRoomInputSchema, {
      roomName: 'standup',
      maxParticipants: -1,
      emptyTimeout: 'soon',
    });
    expect(err.code).toBe('invalid_input');
    expect(err.message).toBe('Empty timeout must be a number (and 1 more problem).');
    expect(err.fieldErrors).toEqual({
      emptyTimeout: ['Empty timeout must be a number'],
      maxParticipants: ['Max participants must be 0 or more'],
    });
  });

  it('uses the plain messages even for a schema built outside lib/schemas', () => {
    const err = refusal(z.strictObject({ destinationRoom: z.string().min(1) }), { other: 1 });
    expect(err.message).toBe('Destination room is required (and 1 more problem).');
    expect(err.fieldErrors).toEqual({
      destinationRoom: ['Destination room is required'],
      _: ['Unknown field: other'],
    });
  });

  it('says a problem two checks word alike once, and counts it once', () => {
    const schema = z.strictObject({
      name: z
        .string()
        .max(3, 'Name is at most 3 bytes')
        .refine(() => false, 'Name is at most 3 bytes'),
    });
    const err = refusal(schema, { name: 'four' });
    expect(err.message).toBe('Name is at most 3 bytes.');
    expect(err.fieldErrors).toEqual({ name: ['Name is at most 3 bytes'] });
  });

  it('words a single problem as one sentence', () => {
    expect(refusal(createRoomInputSchema, { roomName: '' }).message).toBe('Room name is required.');
  });
});
