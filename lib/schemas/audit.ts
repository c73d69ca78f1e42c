import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .max(256)
  .optional()
  .transform((v) => (v ? v : undefined));

const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined;
    const ms = Date.parse(v);
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: 'custom', message: 'Not a date' });
      return z.NEVER;
    }
    return ms;
  });

/** Audit log filters, as URL search params (strings) from the page, REST and export. */
export const auditFiltersInputSchema = z.object({
  actor: optionalText,
  action: optionalText,
  roomName: optionalText,
  identity: optionalText,
  outcome: z
    .enum(['success', 'denied', 'error'])
    .optional()
    .or(z.literal('').transform(() => undefined)),
  source: z
    .enum(['ui', 'api', 'embed', 'cli', 'system'])
    .optional()
    .or(z.literal('').transform(() => undefined)),
  from: optionalDate,
  to: optionalDate,
  cursor: optionalText,
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditFiltersInput = z.input<typeof auditFiltersInputSchema>;

export const auditExportFormatSchema = z.enum(['csv', 'json']);
