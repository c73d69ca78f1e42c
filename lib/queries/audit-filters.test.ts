import { describe, expect, it } from 'vitest';

import {
  auditPageHref,
  auditSearchParams,
  auditSorting,
  parseAuditFilters,
  withAuditSorting,
} from './audit-filters';

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

describe('the audit sort in the URL', () => {
  it('keeps a known sort, drops the default and anything unknown', () => {
    expect(parseAuditFilters({ sort: 'actor.asc' })).toEqual({ sort: 'actor.asc' });
    expect(parseAuditFilters({ sort: 'time.desc' })).toEqual({});
    expect(parseAuditFilters({ sort: 'params.asc' })).toEqual({});
  });

  it('shows newest first when the URL names no sort', () => {
    expect(auditSorting({})).toEqual([{ id: 'time', desc: true }]);
    expect(auditSorting({ sort: 'outcome.asc' })).toEqual([{ id: 'outcome', desc: false }]);
  });

  it('writes a new sort into the page URL beside the filters', () => {
    const filters = { actor: 'al', from: '2026-01-02', sort: 'actor.asc' as const };
    const sorted = withAuditSorting(filters, [{ id: 'action', desc: true }]);
    expect(auditPageHref(sorted)).toBe('/audit?actor=al&from=2026-01-02&sort=action.desc');
    expect(auditPageHref(withAuditSorting(filters, [{ id: 'time', desc: true }]))).toBe(
      '/audit?actor=al&from=2026-01-02',
    );
    // The API gets it too, with the days turned into instants.
    expect(auditSearchParams(sorted).get('sort')).toBe('action.desc');
  });
});
