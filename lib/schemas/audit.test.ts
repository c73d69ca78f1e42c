import { describe, expect, it } from 'vitest';

import { auditExportInputSchema, auditFiltersInputSchema, REVERSED_RANGE_MESSAGE } from './audit';

describe('audit filter input', () => {
  it('sorts newest first unless told otherwise, and refuses unknown sorts', () => {
    expect(auditFiltersInputSchema.parse({}).sort).toBe('time.desc');
    expect(auditFiltersInputSchema.parse({ sort: 'actor.asc' }).sort).toBe('actor.asc');
    expect(auditFiltersInputSchema.safeParse({ sort: 'params.asc' }).success).toBe(false);
    expect(auditExportInputSchema.parse({ sort: 'outcome.desc' }).sort).toBe('outcome.desc');
  });

  it('refuses a range whose start is after its end, in plain words', () => {
    for (const schema of [auditFiltersInputSchema, auditExportInputSchema]) {
      const result = schema.safeParse({ from: '2026-05-03', to: '2026-05-01T23:59:59.999Z' });
      expect(result.success).toBe(false);
      expect(result.error?.issues).toEqual([
        expect.objectContaining({ path: ['to'], message: REVERSED_RANGE_MESSAGE }),
      ]);
    }
  });

  it('takes a one-day range and open ranges', () => {
    const day = { from: '2026-05-01T00:00:00.000Z', to: '2026-05-01T23:59:59.999Z' };
    expect(auditFiltersInputSchema.safeParse(day).success).toBe(true);
    expect(auditFiltersInputSchema.safeParse({ from: day.from }).success).toBe(true);
    expect(auditFiltersInputSchema.safeParse({ to: day.to }).success).toBe(true);
  });
});
