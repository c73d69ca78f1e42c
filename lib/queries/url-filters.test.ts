import { describe, expect, it } from 'vitest';

import { reversedDayRange } from './url-filters';

describe('reversedDayRange', () => {
  it('explains a range whose start is after its end', () => {
    expect(reversedDayRange({ from: '2030-01-01', to: '2020-01-01' })).toBe(
      '“From” (2030-01-01) is after “To” (2020-01-01), so nothing can match: swap the dates.',
    );
  });

  it('says nothing of a range in order, of one day, or of an open end', () => {
    expect(reversedDayRange({ from: '2020-01-01', to: '2030-01-01' })).toBe(null);
    expect(reversedDayRange({ from: '2026-12-05', to: '2026-12-05' })).toBe(null);
    expect(reversedDayRange({ from: '2030-01-01' })).toBe(null);
    expect(reversedDayRange({})).toBe(null);
  });
});
