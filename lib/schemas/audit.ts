import { z } from 'zod';

import {
  AUDIT_OUTCOMES,
  AUDIT_SORTS,
  AUDIT_SOURCES,
  DEFAULT_AUDIT_SORT,
} from '@/lib/contracts/audit';

import { optionalDate, optionalText } from './query-params';

/** Said by the API (400) and the audit page alike when the range cannot match anything. */
export const REVERSED_RANGE_MESSAGE =
  '“From” is after “To”, so no event can match. Swap the dates or clear one.';

/** Audit log filters, as URL search params (strings) from the page, REST and export. */
const auditFilterFields = z.strictObject({
  actor: optionalText.describe('Part of the username of whoever acted (not the display name).'),
  action: optionalText.describe(
    'An action such as `track.muted`, or a family such as `user.*` (every `user.…` action).',
  ),
  roomName: optionalText,
  identity: optionalText,
  outcome: z
    .enum(AUDIT_OUTCOMES)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  source: z
    .enum(AUDIT_SOURCES)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  from: optionalDate,
  to: optionalDate,
  sort: z
    .enum(AUDIT_SORTS)
    .default(DEFAULT_AUDIT_SORT)
    .describe('`<column>.<asc|desc>`; newest first by default.'),
});

const rangeInOrder = (filters: { from?: number; to?: number }) =>
  filters.from === undefined || filters.to === undefined || filters.from <= filters.to;

const rangeCheck = { message: REVERSED_RANGE_MESSAGE, path: ['to'] };

export const auditFiltersInputSchema = auditFilterFields
  .extend({
    cursor: optionalText,
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .refine(rangeInOrder, rangeCheck);
export type AuditFiltersInput = z.input<typeof auditFiltersInputSchema>;
export type AuditFilters = z.output<typeof auditFiltersInputSchema>;

/** The export takes the same filters (minus paging) and a format. */
export const auditExportInputSchema = auditFilterFields
  .extend({ format: z.enum(['csv', 'json']).default('csv') })
  .refine(rangeInOrder, rangeCheck);
