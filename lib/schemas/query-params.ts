import { z } from 'zod';

// Plain-words validation messages for every parse of these schemas (forms included).
import './plain-messages';

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
      // No message: the error map names the field ("From must be a date").
      ctx.addIssue({ code: 'invalid_format', format: 'date', input: v });
      return z.NEVER;
    }
    return ms;
  });
