import { describe, expect, it } from 'vitest';

import { formatParticipantSearch, parseParticipantSearch } from './participant-search-url';

describe('the participant search in the URL', () => {
  it('round-trips any query, keeping the list’s own parameters', () => {
    const query = formatParticipantSearch(
      'Ann ä+%?&=',
      new URLSearchParams('q=standup&sort=age.asc'),
    );
    const params = new URLSearchParams(query);
    expect(parseParticipantSearch(params)).toBe('Ann ä+%?&=');
    expect(params.get('q')).toBe('standup');
    expect(params.get('sort')).toBe('age.asc');
  });

  it('leaves a blank search out, and reads a missing, blank or overlong one safely', () => {
    expect(formatParticipantSearch('', new URLSearchParams('participant=ann&q=x'))).toBe('q=x');
    expect(parseParticipantSearch(new URLSearchParams(''))).toBe('');
    expect(parseParticipantSearch(new URLSearchParams('participant=%20%20'))).toBe('');
    expect(parseParticipantSearch(new URLSearchParams(`participant=${'x'.repeat(300)}`))).toBe(
      'x'.repeat(128),
    );
  });
});
