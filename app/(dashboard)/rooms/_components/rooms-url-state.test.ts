import { describe, expect, it } from 'vitest';

import { formatRoomsUrlState, parseRoomsUrlState } from './rooms-url-state';
import { roomTitle } from './room-title';

describe('the rooms list state in the URL', () => {
  it('round-trips search and sort, keeping other parameters', () => {
    const state = { search: 'my room ä+%?', sorting: [{ id: 'participants', desc: true }] };
    const query = formatRoomsUrlState(state, new URLSearchParams('other=1'));
    expect(parseRoomsUrlState(new URLSearchParams(query))).toEqual(state);
    expect(new URLSearchParams(query).get('other')).toBe('1');
  });

  it('leaves out what is at its default', () => {
    expect(
      formatRoomsUrlState({ search: '', sorting: [] }, new URLSearchParams('q=x&sort=age.asc')),
    ).toBe('');
    expect(parseRoomsUrlState(new URLSearchParams(''))).toEqual({ search: '', sorting: [] });
  });
});

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
