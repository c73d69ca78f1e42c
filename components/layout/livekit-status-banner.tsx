'use client';

import { TriangleAlertIcon } from 'lucide-react';

import type { LiveKitStatusDto } from '@/lib/contracts/dto';
import { useLiveKitStatus } from '@/lib/queries/livekit-status';

const TITLES: Record<Exclude<LiveKitStatusDto['state'], 'ok'>, string> = {
  not_configured: 'LiveKit is not configured',
  unreachable: 'LiveKit is unreachable',
  unauthorized: 'LiveKit rejected the API key',
  error: 'LiveKit reported an error',
};

/** Polls `/api/v1/livekit/status` and explains what to check while LiveKit is not usable. */
export function LiveKitStatusBanner({ initialStatus }: { initialStatus?: LiveKitStatusDto }) {
  const { data } = useLiveKitStatus(initialStatus);
  if (!data || data.state === 'ok') return null;

  return (
    <div
      role="alert"
      className="border-destructive/40 bg-destructive-soft text-foreground flex items-start gap-3 rounded-lg border px-4 py-3 text-sm"
    >
      <TriangleAlertIcon aria-hidden className="text-destructive mt-0.5 size-4 shrink-0" />
      <div>
        <p className="font-semibold">{TITLES[data.state]}</p>
        {/* The server phrases what to check (lib/livekit/map-error.ts); one wording, one place. */}
        <p>{data.message}</p>
        {/* Admins only: the server sends the address to nobody else (host is null for them). */}
        {data.host ? <p className="text-muted-foreground">LiveKit server: {data.host}</p> : null}
      </div>
    </div>
  );
}
