import { z } from 'zod';

/** Filter fields of list and export queries (URL search params are strings; blank = absent). */
export const optionalText = z
  .string()
  .trim()
  .max(256)
  .optional()
  .transform((v) => (v ? v : undefined));

/** A date or instant in any form `Date.parse` reads, as epoch ms; blank = absent. */
export const optionalDate = z
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
