import { describe, expect, it } from 'vitest';

import { tenantOf, withTenant } from './tenant';

describe('tenantOf', () => {
  it.each([
    ['{"auth_id":"acme"}', 'acme'],
    ['{"auth_id":42,"title":"x"}', '42'],
    ['{"title":"no tenant"}', null],
    ['{"auth_id":""}', null],
    ['plain text metadata', null],
    ['{not json', null],
    ['', null],
    ['["auth_id"]', null],
  ])('%j → %j', (metadata, tenant) => {
    expect(tenantOf(metadata)).toBe(tenant);
  });
});

describe('withTenant', () => {
  it('adds the tenant to empty or JSON metadata', () => {
    expect(JSON.parse(withTenant('', 'acme'))).toEqual({ auth_id: 'acme' });
    expect(JSON.parse(withTenant('{"title":"x"}', 'acme'))).toEqual({
      title: 'x',
      auth_id: 'acme',
    });
    expect(JSON.parse(withTenant('{"auth_id":"acme"}', 'acme'))).toEqual({ auth_id: 'acme' });
  });

  it('refuses to hand a room to another tenant', () => {
    expect(() => withTenant('{"auth_id":"globex"}', 'acme')).toThrowError(
      expect.objectContaining({ code: 'forbidden' }),
    );
  });

  it('refuses metadata that cannot carry a tenant', () => {
    for (const metadata of ['plain text', '[1,2]', 'null']) {
      expect(() => withTenant(metadata, 'acme')).toThrowError(
        expect.objectContaining({ code: 'invalid_input' }),
      );
    }
  });
});
