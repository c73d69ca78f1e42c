// GET /api/v1/rooms/:roomName/participants/:identity – one participant
import { getParticipant } from '@/lib/domain/participants/get-participant';
import { withActor } from '@/lib/http/with-actor';

export const GET = withActor<{ roomName: string; identity: string }>(({ actor, params }) =>
  getParticipant(actor, params),
);
