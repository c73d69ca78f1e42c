// DELETE /livekit/participant – the portal endpoint (docs/rest-api.md), a door onto removeParticipant.
import { handlePortalRequest } from '@/lib/http/portal-door';
import { PORTAL_REMOVE } from '@/lib/http/portal-endpoints';

export const dynamic = 'force-dynamic';

export function DELETE(request: Request): Promise<Response> {
  return handlePortalRequest(PORTAL_REMOVE, request);
}
