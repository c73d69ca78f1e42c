'use client';

import { CloudOffIcon } from 'lucide-react';

import { useLiveKitDown } from '@/lib/queries/livekit-status';
import { errorTitle, UPSTREAM_CODES } from '@/lib/queries/upstream-error';

import { Button } from './button';
import { ErrorState } from './error-state';

/**
 * A query's load failure with a "Try again" that refetches it. While the LiveKit banner explains
 * an outage, a failure caused by it is a compact line instead: the page says it once, at the top,
 * rather than once per table (rooms, room facts, participants…).
 */
export function RetryErrorState({
  error,
  onRetry,
  isRetrying,
}: {
  error: { code: string; message: string };
  onRetry: () => void;
  isRetrying: boolean;
}) {
  const livekitDown = useLiveKitDown();
  const retry = (
    <Button variant="secondary" size="sm" onClick={onRetry} disabled={isRetrying}>
      Try again
    </Button>
  );

  if (livekitDown && (UPSTREAM_CODES as readonly string[]).includes(error.code)) {
    return (
      <div
        role="status"
        className="bg-card text-muted-foreground flex flex-wrap items-center gap-3 rounded-lg border px-4 py-3 text-sm"
      >
        <CloudOffIcon aria-hidden className="size-4 shrink-0" />
        <p className="mr-auto">Waiting for LiveKit: this fills in by itself once it is back.</p>
        {retry}
      </div>
    );
  }

  return <ErrorState title={errorTitle(error.code)} message={error.message} action={retry} />;
}
