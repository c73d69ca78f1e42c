import { describe, expect, it } from 'vitest';

import { auditSearchParams, parseAuditFilters } from './audit-filters';

describe('audit filters', () => {
  it('keep the write-ahead outcomes from the URL and pass them to the API and exports', () => {
    for (const outcome of ['pending', 'unknown'] as const) {
      const filters = parseAuditFilters({ outcome });
      expect(filters).toEqual({ outcome });
      expect(auditSearchParams(filters, { format: 'csv' }).toString()).toBe(
        `outcome=${outcome}&format=csv`,
      );
    }
  });

  it('still drop an outcome that does not exist', () => {
    expect(parseAuditFilters({ outcome: 'maybe' })).toEqual({});
  });
});
