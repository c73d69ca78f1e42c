import { errorTitle } from '@/lib/queries/upstream-error';

import { Button } from './button';
import { ErrorState } from './error-state';

/** A query's load failure with a "Try again" that refetches it. */
export function RetryErrorState({
  error,
  onRetry,
  isRetrying,
}: {
  error: { code: string; message: string };
  onRetry: () => void;
  isRetrying: boolean;
}) {
  return (
    <ErrorState
      title={errorTitle(error.code)}
      message={error.message}
      action={
        <Button variant="secondary" size="sm" onClick={onRetry} disabled={isRetrying}>
          Try again
        </Button>
      }
    />
  );
}
