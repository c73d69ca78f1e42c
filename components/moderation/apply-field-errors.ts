import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';

import { isActionError } from '@/lib/queries/mutations/action-error';

/** Shows the server's per-field validation messages next to the fields they concern. */
export function applyFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
) {
  if (!isActionError(error) || !error.fieldErrors) return;
  for (const [field, messages] of Object.entries(error.fieldErrors)) {
    const message = messages[0];
    if (message) setError(field as Path<T>, { type: 'server', message });
  }
}
