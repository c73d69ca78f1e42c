import { z } from 'zod';

import { AUDIT_OUTCOMES, AUDIT_SOURCES } from '@/lib/contracts/audit';

import { optionalDate, optionalText } from './query-params';

/** Audit log filters, as URL search params (strings) from the page, REST and export. */
export const auditFiltersInputSchema = z.strictObject({
  actor: optionalText,
  action: optionalText,
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
  cursor: optionalText,
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditFiltersInput = z.input<typeof auditFiltersInputSchema>;
export type AuditFilters = z.output<typeof auditFiltersInputSchema>;

/** The export takes the same filters (minus paging) and a format. */
export const auditExportInputSchema = auditFiltersInputSchema
  .omit({ cursor: true, limit: true })
  .extend({ format: z.enum(['csv', 'json']).default('csv') });
