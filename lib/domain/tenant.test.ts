import { describe, expect, it } from 'vitest';

import { tenantOf } from './tenant';

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
