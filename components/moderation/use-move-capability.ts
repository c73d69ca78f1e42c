'use client';

import { useQuery } from '@tanstack/react-query';

import { livekitStatusQueryOptions } from '@/lib/queries/livekit-status';

/**
 * Whether this LiveKit server can move/forward participants, as the status check learnt it. Reads
 * the status the layout's banner already polls (no extra requests per table row).
 */
export function useMoveCapability(): 'supported' | 'unsupported' | 'unknown' {
  const { data } = useQuery({ ...livekitStatusQueryOptions(), enabled: false });

  return data?.capabilities.moveParticipant ?? 'unknown';
}
