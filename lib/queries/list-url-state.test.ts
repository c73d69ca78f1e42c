import { describe, expect, it } from 'vitest';

import { formatListUrlState, parseListUrlState } from './list-url-state';

describe('a list’s search and sort in the URL', () => {
  it('round-trips search and sort, keeping other parameters', () => {
    const state = { search: 'my room ä+%?', sorting: [{ id: 'participants', desc: true }] };
    const query = formatListUrlState(state, new URLSearchParams('other=1'));
    expect(parseListUrlState(new URLSearchParams(query))).toEqual(state);
    expect(new URLSearchParams(query).get('other')).toBe('1');
  });

  it('leaves out what is at its default', () => {
    expect(
      formatListUrlState({ search: '', sorting: [] }, new URLSearchParams('q=x&sort=age.asc')),
    ).toBe('');
    expect(parseListUrlState(new URLSearchParams(''))).toEqual({ search: '', sorting: [] });
  });

  it('reads a malformed sort as no sort', () => {
    expect(parseListUrlState(new URLSearchParams('sort=age.sideways')).sorting).toEqual([]);
  });
});
