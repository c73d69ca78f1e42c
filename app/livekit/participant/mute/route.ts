// POST /livekit/participant/mute – the portal endpoint (docs/rest-api.md), a door onto muteTrack.
import { handlePortalRequest } from '@/lib/http/portal-door';
import { PORTAL_MUTE } from '@/lib/http/portal-endpoints';

export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return handlePortalRequest(PORTAL_MUTE, request);
}
