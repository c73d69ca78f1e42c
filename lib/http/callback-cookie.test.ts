import { describe, expect, it } from 'vitest';

import { dropUnusableCallbackCookies } from './callback-cookie';

describe('next-auth callback-URL cookies', () => {
  it('keeps usable ones and every other cookie untouched', () => {
    const header = 'a=1; next-auth.callback-url=http%3A%2F%2F127.0.0.1%3A3000%2Frooms; b=%ZZ';
    const headers = new Headers({ cookie: header });
    expect(dropUnusableCallbackCookies(headers)).toEqual([]);
    expect(headers.get('cookie')).toBe(header);
    headers.set('cookie', '__Secure-next-auth.callback-url=%2Frooms');
    expect(dropUnusableCallbackCookies(headers)).toEqual([]);
  });

  it('drops the ones next-auth would answer with a 500, and names them', () => {
    const headers = new Headers({
      cookie:
        'a=1; next-auth.callback-url=javascript%3Aalert(1); __Secure-next-auth.callback-url=rooms; b=2',
    });
    expect(dropUnusableCallbackCookies(headers)).toEqual([
      'next-auth.callback-url',
      '__Secure-next-auth.callback-url',
    ]);
    expect(headers.get('cookie')).toBe('a=1; b=2');
  });
});
