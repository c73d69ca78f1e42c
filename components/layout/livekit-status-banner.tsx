'use client';

import { TriangleAlertIcon } from 'lucide-react';

import type { LiveKitStatusDto } from '@/lib/queries/dto';
import { useLiveKitStatus } from '@/lib/queries/livekit-status';

const TITLES: Record<Exclude<LiveKitStatusDto['state'], 'ok'>, string> = {
  not_configured: 'LiveKit is not configured',
  unreachable: 'LiveKit is unreachable',
  unauthorized: 'LiveKit rejected the API key',
  error: 'LiveKit reported an error',
};

/** Fallback wording when the server sent no message of its own. */
function describe(status: LiveKitStatusDto): string {
  if (status.message) return status.message;
  const host = status.host ?? 'the configured address';
  switch (status.state) {
    case 'unreachable':
      return `Moderato can't reach LiveKit at ${host}. Check that the server is running and LIVEKIT_URL is right.`;
    case 'unauthorized':
      return "LiveKit rejected Moderato's API key. Check LIVEKIT_API_KEY and LIVEKIT_API_SECRET.";
    case 'not_configured':
      return 'Set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET, then restart Moderato.';
    default:
      return `LiveKit at ${host} answered with an error. Check the LiveKit server logs.`;
  }
}

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
        <p>{describe(data)}</p>
      </div>
    </div>
  );
}
