import { describe, expect, it } from 'vitest';

import { roomTitle } from './room-title';

describe('a room’s title from its metadata', () => {
  it('reads `title`, else `name`, from a JSON object', () => {
    expect(roomTitle('{"title":" Weekly retro ","name":"retro"}')).toBe('Weekly retro');
    expect(roomTitle('{"name":"Town hall","auth_id":"acme"}')).toBe('Town hall');
  });

  it('has none for plain text, other JSON or empty titles', () => {
    for (const metadata of [
      '',
      'notes',
      '{"topic":"x"}',
      '["title"]',
      '{"title":3}',
      '{"title":" "}',
      '{bad',
    ]) {
      expect(roomTitle(metadata)).toBeNull();
    }
  });
});
